import type { Rel } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { AdminUnit } from '../admin-units/admin-unit.entity.ts';
import { CriteriaSet } from '../criteria/criteria-set.entity.ts';
import { Provenance } from './provenance.ts';
import { Tier } from './recognition.entity.ts';

@ObjectType('Target', { description: 'A plan: criteria to achieve, or a tier to reach, by a year' })
@Entity({ tableName: 'target' })
export class Target extends Provenance {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => AdminUnit, { deleteRule: 'cascade', index: 'target_unit_index' })
  unit!: Rel<AdminUnit>;

  @Field(() => CriteriaSet, { nullable: true })
  @ManyToOne(() => CriteriaSet, { nullable: true, deleteRule: 'restrict' })
  criteriaSet?: Rel<CriteriaSet>;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  year?: number;

  @Field(() => Tier, { nullable: true })
  @Enum({ items: () => Tier, nativeEnumName: 'tier', nullable: true })
  tier?: Tier;

  @Field(() => [Int], { description: 'Criteria planned to be achieved' })
  @Property({ type: 'integer[]', defaultRaw: `'{}'` })
  criteria: number[] = [];

  @Field(() => Int, { nullable: true, description: 'Planned number of criteria met, where the plan states one' })
  @Property({ type: 'integer', nullable: true })
  criteriaCount?: number;

  @Field(() => String)
  @Property({ type: 'text' })
  text!: string;
}
