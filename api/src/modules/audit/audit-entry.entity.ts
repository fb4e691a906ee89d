import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { JSONObjectScalar } from '../../schema/json-object.scalar.ts';

export enum AuditOutcome {
  DONE = 'done',
  DENIED = 'denied',
}
registerEnumType(AuditOutcome, { name: 'AuditOutcome', description: 'A write that happened, or one refused for lack of rights' });

/**
 * One write (or refused write attempt): who, when, what, and the record before and after. Written in
 * the transaction of the write itself, so a write and its entry exist together or not at all; refusals
 * are written after the refused transaction has rolled back.
 */
@ObjectType('AuditEntry')
@Entity({ tableName: 'audit_entry' })
@Index({ name: 'audit_entry_unit_index', properties: ['unitCode'] })
@Index({ name: 'audit_entry_actor_index', properties: ['actorUsername'] })
export class AuditEntry {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()', index: 'audit_entry_at_index' })
  at: Date = new Date();

  @Field(() => String, { description: 'Username, "operator" for the ADMIN_TOKEN, "anonymous" without credentials' })
  @Property({ type: 'text' })
  actorUsername!: string;

  @Field(() => String, { nullable: true, description: 'Role of the actor at the time; null for anonymous' })
  @Property({ type: 'text', nullable: true })
  actorRole?: string;

  @Field(() => String, { description: 'What was done: recordAssessment, recordRecognition, setTarget, createUser, an import…' })
  @Property({ type: 'text' })
  action!: string;

  @Field(() => String, { description: 'Kind of record written: assessment, recognition, target, user…' })
  @Property({ type: 'text' })
  entity!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  entityId?: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  unitCode?: string;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  year?: number;

  @Field(() => AuditOutcome)
  @Enum({ items: () => AuditOutcome, nativeEnumName: 'audit_outcome' })
  outcome!: AuditOutcome;

  @Field(() => String, { nullable: true, description: 'Why a write was denied (error code and message)' })
  @Property({ type: 'text', nullable: true })
  reason?: string;

  @Field(() => JSONObjectScalar, { nullable: true })
  @Property({ type: 'jsonb', nullable: true })
  before?: Record<string, unknown>;

  @Field(() => JSONObjectScalar, { nullable: true })
  @Property({ type: 'jsonb', nullable: true })
  after?: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: 'The import that made this write, if any' })
  @Property({ type: 'text', nullable: true })
  importBatchId?: string;
}
