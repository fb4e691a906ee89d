import type { Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { SourceDocument } from '../sources/source-document.entity.ts';
import { Criterion } from './criterion.entity.ts';

/** A sub-indicator (chỉ tiêu) such as 17.1; names are null where the decision's text was not transcribed. */
@ObjectType('Indicator')
@Entity({ tableName: 'indicator' })
@Unique({ name: 'indicator_criterion_code_unique', properties: ['criterion', 'code'] })
export class Indicator {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Criterion, { deleteRule: 'cascade' })
  criterion!: Rel<Criterion>;

  @Field(() => String)
  @Property({ type: 'text' })
  code!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  nameVi?: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  nameEn?: string;

  @Field(() => String, { nullable: true, description: 'Unit of measure: %, km, triệu đồng/người…' })
  @Property({ type: 'text', nullable: true })
  unit?: string;

  @Field(() => String, { nullable: true, description: 'Threshold as the decision states it (may vary by region)' })
  @Property({ type: 'text', nullable: true })
  threshold?: string;

  @Field(() => String, { nullable: true, description: 'Responsible agencies named by the documents' })
  @Property({ type: 'text', nullable: true })
  agency?: string;

  @Field(() => SourceDocument, { nullable: true, description: 'The document its text comes from' })
  @ManyToOne(() => SourceDocument, { nullable: true, deleteRule: 'restrict', index: 'indicator_source_document_index' })
  sourceDocument?: Rel<SourceDocument>;

  @Field(() => String, { nullable: true, description: 'Where in the document (annex, criterion, indicator)' })
  @Property({ type: 'text', nullable: true })
  sourceRef?: string;

  @Field(() => String, { nullable: true, description: 'Transcription note: what could not be sourced and why' })
  @Property({ type: 'text', nullable: true })
  note?: string;
}
