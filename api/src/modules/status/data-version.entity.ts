import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * One row: a counter that database triggers bump on every change to units, criteria, assessments
 * and recognitions (see the data_version migration). Caches of derived answers key on it.
 */
@Entity({ tableName: 'data_version' })
export class DataVersion {
  @PrimaryKey({ type: 'integer', autoincrement: false, default: 1 })
  id!: number;

  @Property({ type: 'bigint', default: 0 })
  version!: string;
}
