import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { AdminUnit } from './admin-unit.entity.ts';
import { SourceDocument } from '../sources/source-document.entity.ts';

/**
 * A name a document writes for a unit where it differs from the code list's ("Ngọc Thiệp" for Xã Ngọc
 * Thiện, "Thành Hòa - Văn Quan"): search finds the unit by it, and says which spelling it matched.
 */
@ObjectType('UnitAlias', { description: 'A spelling of the unit’s name found in a source document, different from the code list’s' })
@Entity({ tableName: 'admin_unit_alias' })
@Unique({ name: 'admin_unit_alias_unique', properties: ['unit', 'name', 'sourceDocument'] })
export class UnitAlias {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => AdminUnit, { deleteRule: 'cascade', index: 'admin_unit_alias_unit_index' })
  unit!: Rel<AdminUnit>;

  @Field(() => String, { description: 'As the document writes it (NFC), without the type word' })
  @Property({ type: 'text' })
  name!: string;

  /** Folded for search: no diacritics, đ → d, lower case, punctuation as spaces. */
  @Property({ type: 'text' })
  @Index({ name: 'admin_unit_alias_name_search_index' })
  nameSearch!: string;

  @Field(() => SourceDocument)
  @ManyToOne(() => SourceDocument, { deleteRule: 'cascade' })
  sourceDocument!: Rel<SourceDocument>;

  @Field(() => String, { nullable: true, description: 'Where in the document' })
  @Property({ type: 'text', nullable: true })
  sourceRef?: string;
}
