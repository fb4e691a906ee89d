import type { Rel } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { AdminUnit } from '../admin-units/admin-unit.entity.ts';
import { CriteriaSet } from '../criteria/criteria-set.entity.ts';
import { AssessmentKind } from './assessment.entity.ts';
import { Provenance } from './provenance.ts';

@ObjectType('IndicatorValue', { description: 'A value (achieved or targeted) of an indicator such as 10.1 income' })
@Entity({ tableName: 'indicator_value' })
export class IndicatorValue extends Provenance {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => AdminUnit, { deleteRule: 'cascade', index: 'indicator_value_unit_index' })
  unit!: Rel<AdminUnit>;

  @Field(() => CriteriaSet, { nullable: true })
  @ManyToOne(() => CriteriaSet, { nullable: true, deleteRule: 'restrict' })
  criteriaSet?: Rel<CriteriaSet>;

  @Field(() => String, {
    nullable: true,
    description: 'Indicator code (17.1), or the criterion number when the source gives no sub-number; null for a plan figure tied to no indicator',
  })
  @Property({ type: 'text', nullable: true })
  indicatorCode?: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => AssessmentKind)
  @Enum({ items: () => AssessmentKind, nativeEnumName: 'assessment_kind' })
  kind!: AssessmentKind;

  @Field(() => String, { description: 'Value as stated, with its comparator (≥ 55, < 8 %, đạt)' })
  @Property({ type: 'text' })
  value!: string;

  @Field(() => Float, { nullable: true, description: 'The number in the value, when there is one' })
  @Property({ type: 'double', nullable: true })
  valueNumber?: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  unitOfMeasure?: string;
}
