import type { Rel } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { AdminUnit } from '../admin-units/admin-unit.entity.ts';
import { CriteriaSet } from '../criteria/criteria-set.entity.ts';
import { AssessmentKind } from '../assessments/assessment.entity.ts';
import { Provenance } from '../assessments/provenance.ts';

/** A figure a document reports for a unit ("38/207 communes meet criterion 2"), kept to compare with computed ones. */
@ObjectType('ReportedAggregate')
@Entity({ tableName: 'reported_aggregate' })
export class ReportedAggregate extends Provenance {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => AdminUnit, { deleteRule: 'cascade', index: 'reported_aggregate_unit_index' })
  unit!: Rel<AdminUnit>;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  year?: number;

  @Field(() => AssessmentKind)
  @Enum({ items: () => AssessmentKind, nativeEnumName: 'assessment_kind' })
  kind!: AssessmentKind;

  @Field(() => String, { description: 'communes_meeting_standard, communes_in_band, avg_criteria, communes_meeting_criterion…' })
  @Property({ type: 'text' })
  metric!: string;

  @Field(() => CriteriaSet, { nullable: true })
  @ManyToOne(() => CriteriaSet, { nullable: true, deleteRule: 'restrict' })
  criteriaSet?: Rel<CriteriaSet>;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  criterion?: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  band?: string;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', nullable: true })
  value?: number;

  @Field(() => Boolean, { description: 'The demo data was generated to match this figure (seeds/loader/synthetic-records.ts)' })
  @Property({ type: 'boolean', default: false })
  demoFitted = false;
}
