import { Collection, type Rel } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AdminUnit } from '../admin-units/admin-unit.entity.ts';
import { CriteriaSet } from '../criteria/criteria-set.entity.ts';
import { Criterion } from '../criteria/criterion.entity.ts';
import { Provenance } from './provenance.ts';

export enum AssessmentKind {
  ACTUAL = 'actual',
  TARGET = 'target',
}
registerEnumType(AssessmentKind, { name: 'AssessmentKind', description: 'Achieved (actual) or planned (target)' });

export enum ItemStatus {
  MET = 'met',
  NOT_MET = 'not-met',
  UNKNOWN = 'unknown',
}
registerEnumType(ItemStatus, { name: 'ItemStatus' });

/** A unit's standing against a criteria set in a year. Counts and bands are derived from the items. */
@ObjectType('Assessment')
@Entity({ tableName: 'assessment' })
@Unique({ name: 'assessment_unit_set_year_kind_unique', properties: ['unit', 'criteriaSet', 'year', 'kind'] })
export class Assessment extends Provenance {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => AdminUnit, { deleteRule: 'cascade', index: 'assessment_unit_index' })
  unit!: Rel<AdminUnit>;

  @Field(() => CriteriaSet)
  @ManyToOne(() => CriteriaSet, { deleteRule: 'restrict', index: 'assessment_set_index' })
  criteriaSet!: Rel<CriteriaSet>;

  @Field(() => Int)
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => AssessmentKind)
  @Enum({ items: () => AssessmentKind, nativeEnumName: 'assessment_kind' })
  kind!: AssessmentKind;

  /** Criteria met, counted from the items by triggers in the database (migration assessment_criteria_met); never written here. */
  @Property({ type: 'smallint', default: 0 })
  criteriaMet?: number;

  @OneToMany(
    () => AssessmentItem,
    (item) => item.assessment,
  )
  items = new Collection<AssessmentItem>(this);
}

@ObjectType('AssessmentItem', { description: 'One criterion of an assessment' })
@Entity({ tableName: 'assessment_item' })
@Unique({ name: 'assessment_item_unique', properties: ['assessment', 'criterion'] })
export class AssessmentItem {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Assessment, { deleteRule: 'cascade' })
  assessment!: Rel<Assessment>;

  @Field(() => Criterion)
  @ManyToOne(() => Criterion, { deleteRule: 'restrict', index: 'assessment_item_criterion_index' })
  criterion!: Rel<Criterion>;

  @Field(() => ItemStatus)
  @Enum({ items: () => ItemStatus, nativeEnumName: 'item_status' })
  status!: ItemStatus;
}
