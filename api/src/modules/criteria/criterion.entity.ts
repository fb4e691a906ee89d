import { Collection, type Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { SourceDocument } from '../sources/source-document.entity.ts';
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

  @Field(() => SourceDocument, { nullable: true, description: 'The document its text comes from' })
  @ManyToOne(() => SourceDocument, { nullable: true, deleteRule: 'restrict', index: 'criterion_source_document_index' })
  sourceDocument?: Rel<SourceDocument>;

  @Field(() => String, { nullable: true, description: 'Where in the document (annex, criterion, indicator)' })
  @Property({ type: 'text', nullable: true })
  sourceRef?: string;

  @Field(() => String, { nullable: true, description: 'Transcription note: what could not be sourced and why' })
  @Property({ type: 'text', nullable: true })
  note?: string;

  @OneToMany(
    () => Indicator,
    (indicator) => indicator.criterion,
  )
  indicators = new Collection<Indicator>(this);
}
