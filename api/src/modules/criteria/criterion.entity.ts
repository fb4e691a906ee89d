import { Collection, type Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { CriteriaSet } from './criteria-set.entity.ts';
import { Indicator } from './indicator.entity.ts';

/** A criterion is keyed by (set, number): 14 is Education in the standard sets and Health in the advanced one. */
@ObjectType('Criterion')
@Entity({ tableName: 'criterion' })
@Unique({ name: 'criterion_set_number_unique', properties: ['criteriaSet', 'number'] })
export class Criterion {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => CriteriaSet, { deleteRule: 'cascade' })
  criteriaSet!: Rel<CriteriaSet>;

  @Field(() => Int)
  @Property({ type: 'integer' })
  number!: number;

  @Field(() => String, { nullable: true, description: 'Group code: I Quy hoạch … V Hệ thống chính trị' })
  @Property({ type: 'text', nullable: true })
  groupCode?: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  groupVi?: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  groupEn?: string;

  @Field(() => String)
  @Property({ type: 'text' })
  nameVi!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  nameEn!: string;

  @OneToMany(
    () => Indicator,
    (indicator) => indicator.criterion,
  )
  indicators = new Collection<Indicator>(this);
}
