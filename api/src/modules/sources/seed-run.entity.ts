import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** One completed load of seeds/ (source documents, criteria sets, synthetic statuses); the checksum makes reloads idempotent. */
@Entity({ tableName: 'seed_run' })
export class SeedRun {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** sha256 over the seed files and the loader's and generator's versions. */
  @Property({ type: 'text' })
  checksum!: string;

  @Property({ type: 'text' })
  sourceDir!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  loadedAt!: Date;

  @Property({ type: 'jsonb' })
  stats!: Record<string, number>;
}
