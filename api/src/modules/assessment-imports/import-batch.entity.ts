import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ImportStatus {
  /** Committed before the data transaction starts, so a crash leaves a trace. */
  RUNNING = 'running',
  APPLIED = 'applied',
  DRY_RUN = 'dry-run',
  REJECTED = 'rejected',
  FAILED = 'failed',
  /** Found still running at start-up: the process died and its transaction was rolled back. */
  INTERRUPTED = 'interrupted',
}
registerEnumType(ImportStatus, { name: 'ImportStatus' });

/** One spreadsheet import: which file (name and SHA-256), who, how, and what came of it. */
@ObjectType('AssessmentImportBatch')
@Entity({ tableName: 'assessment_import_batch' })
export class AssessmentImportBatch {
  @Field(() => Int)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => String)
  @Property({ type: 'text' })
  fileName!: string;

  @Field(() => String, { description: 'SHA-256 of the file, hex' })
  @Property({ type: 'text' })
  @Index({ name: 'assessment_import_batch_checksum_index' })
  checksum!: string;

  @Field(() => String, { description: 'xlsx or csv' })
  @Property({ type: 'text' })
  format!: string;

  @Field(() => String, { description: 'Who imported it (the operator token until accounts exist, or the CLI user)' })
  @Property({ type: 'text' })
  actor!: string;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  dryRun!: boolean;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  allOrNothing!: boolean;

  @Field(() => ImportStatus)
  @Enum({ items: () => ImportStatus, nativeEnumName: 'import_status' })
  status!: ImportStatus;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  rowsRead = 0;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  rowsChanged = 0;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  rowsUnchanged = 0;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  rowsRejected = 0;

  @Field(() => Int, { description: 'Cells whose value changed (criteria and indicators)' })
  @Property({ type: 'integer', default: 0 })
  cellsChanged = 0;

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  finishedAt?: Date;

  @Field(() => String, { nullable: true, description: 'Why a failed import failed' })
  @Property({ type: 'text', nullable: true })
  error?: string;

  /** The rejections and the change list (before/after per cell), for review and the audit trail. */
  @Property({ type: 'jsonb', nullable: true })
  report?: unknown;
}
