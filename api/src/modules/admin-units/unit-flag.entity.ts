import type { Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { AdminUnit } from './admin-unit.entity.ts';
import { SourceDocument } from '../sources/source-document.entity.ts';

/** border, dbkk, … with whether a document states it or it is assumed, and from where. */
@ObjectType('UnitFlag', { description: 'A flag such as border or dbkk, with whether a document states it or it is assumed' })
@Entity({ tableName: 'unit_flag' })
@Unique({ name: 'unit_flag_unique', properties: ['unit', 'flag'] })
export class UnitFlag {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => AdminUnit, { deleteRule: 'cascade', index: 'unit_flag_unit_index' })
  unit!: Rel<AdminUnit>;

  @Field(() => String, { description: 'border, dbkk, …' })
  @Property({ type: 'text' })
  flag!: string;

  /** stated (a document says so) or assumed (with the reason in note). */
  @Field(() => String, { description: 'stated (by a document) or assumed (see note)' })
  @Property({ type: 'text' })
  basis!: string;

  @Field(() => SourceDocument, { nullable: true })
  @ManyToOne(() => SourceDocument, { nullable: true, deleteRule: 'cascade' })
  sourceDocument?: Rel<SourceDocument>;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  sourceRef?: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note?: string;
}
