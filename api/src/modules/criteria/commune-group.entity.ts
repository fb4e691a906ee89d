import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { SourceDocument } from '../sources/source-document.entity.ts';

/**
 * The commune group (nhóm 1, 2, 3 of Decision 51/2025) a commune belongs to, as a source states it:
 * keyed by (code list, code) with the dates it holds, never by code alone. No row means unknown.
 */
@ObjectType('CommuneGroupAssignment', { description: 'A commune group a source states for a commune, with the dates it holds' })
@Entity({ tableName: 'commune_group_assignment' })
@Unique({ name: 'commune_group_assignment_unit_valid_from_unique', properties: ['codeList', 'unitCode', 'validFrom'] })
@Index({ name: 'commune_group_assignment_unit_index', properties: ['codeList', 'unitCode'] })
export class CommuneGroupAssignment {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => String, { description: 'Code list the unit code belongs to, e.g. gso-2025-07' })
  @Property({ type: 'text' })
  codeList!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  unitCode!: string;

  @Field(() => Int, { description: '1, 2 or 3' })
  @Property({ type: 'integer' })
  group!: number;

  @Field(() => String, { description: 'ISO date from which the source assigns the group' })
  @Property({ type: 'date' })
  validFrom!: string;

  @Field(() => String, { nullable: true, description: 'ISO date the assignment ends; null while it holds' })
  @Property({ type: 'date', nullable: true })
  validTo?: string;

  @Field(() => SourceDocument)
  @ManyToOne(() => SourceDocument, { deleteRule: 'restrict', index: 'commune_group_assignment_source_document_index' })
  sourceDocument!: Rel<SourceDocument>;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  sourceRef?: string;
}
