import type { Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { AdminUnit } from '../admin-units/admin-unit.entity.ts';
import { SourceDocument } from '../sources/source-document.entity.ts';

/** A problem in a source: the raw value, the reading we took, and why. Never silently fixed. */
@ObjectType('DataQualityFinding')
@Entity({ tableName: 'data_quality_finding' })
export class DataQualityFinding {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => SourceDocument, { nullable: true })
  @ManyToOne(() => SourceDocument, { nullable: true, deleteRule: 'cascade', index: 'finding_document_index' })
  sourceDocument?: Rel<SourceDocument>;

  @ManyToOne(() => AdminUnit, { nullable: true, deleteRule: 'cascade', index: 'finding_unit_index' })
  unit?: Rel<AdminUnit>;

  @Field(() => String, {
    description:
      'impossible-criterion-number, inconsistent-separator, duplicate-listing, contradictory-figures, count-mismatch, blank-field, date-inconsistency, name-ambiguity, reported-vs-computed, crosswalk-polygon-mismatch, other',
  })
  @Property({ type: 'text' })
  kind!: string;

  @Field(() => String, { description: 'error, warning or info' })
  @Property({ type: 'text' })
  severity!: string;

  @Field(() => String, { nullable: true, description: 'The value exactly as the source has it' })
  @Property({ type: 'text', nullable: true })
  rawValue?: string;

  @Field(() => String, { description: 'What we took it to mean in the data (English)' })
  @Property({ type: 'text' })
  reading!: string;

  @Field(() => String, { nullable: true, description: 'The same reading in Vietnamese; null where none is written yet' })
  @Property({ type: 'text', nullable: true })
  readingVi?: string;

  @Field(() => String, { description: 'Why (English)' })
  @Property({ type: 'text' })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'The same reason in Vietnamese; null where none is written yet' })
  @Property({ type: 'text', nullable: true })
  reasonVi?: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  sourceRef?: string;

  @Field(() => String, { description: 'transcription (found reading the document) or check (found by comparing figures)' })
  @Property({ type: 'text', default: 'transcription' })
  origin = 'transcription';
}
