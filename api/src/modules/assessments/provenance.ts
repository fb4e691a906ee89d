import type { Rel } from '@mikro-orm/core';
import { ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { SourceDocument } from '../sources/source-document.entity.ts';

/**
 * Where a record comes from: a source document with the place in it, or the synthetic generator.
 * Embedded by inheritance in every record that carries facts.
 */
@ObjectType()
export abstract class Provenance {
  @Field(() => SourceDocument, { nullable: true, description: 'Null for synthetic and user-entered records' })
  @ManyToOne(() => SourceDocument, { nullable: true, deleteRule: 'restrict' })
  sourceDocument?: Rel<SourceDocument>;

  @Field(() => String, { nullable: true, description: 'Annex, section or row in the source document' })
  @Property({ type: 'text', nullable: true })
  sourceRef?: string;

  @Field(() => String, { nullable: true, description: 'The source text as printed' })
  @Property({ type: 'text', nullable: true })
  asWritten?: string;

  @Field(() => String, { nullable: true, description: 'How the source was read' })
  @Property({ type: 'text', nullable: true })
  note?: string;

  @Field(() => Boolean, { description: 'Generated demo data, not from any document' })
  @Property({ type: 'boolean', default: false })
  synthetic = false;
}

/**
 * The provenance of a record a user has just written: no document, no place in one, not generated.
 * Assigned over a stored record, it also clears what a document or the generator had said.
 */
export const enteredByUser = { synthetic: false, sourceDocument: undefined, sourceRef: undefined, asWritten: undefined } as const;
