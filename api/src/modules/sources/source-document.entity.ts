import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';

/** A document facts come from: a legal decision or one of the seed plans. Every seeded record cites one. */
@ObjectType('SourceDocument', { description: 'A decision or plan that facts in the database come from' })
@Entity({ tableName: 'source_document' })
export class SourceDocument {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** Stable key used in seeds/: "002", "QD-1980-TTg-2016". */
  @Field(() => String)
  @Property({ type: 'text' })
  @Unique({ name: 'source_document_key_unique' })
  key!: string;

  @Field(() => String, { nullable: true, description: 'Number as printed (e.g. 245/KH-UBND); null when the document leaves it blank' })
  @Property({ type: 'text', nullable: true })
  number?: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  issuer?: string;

  @Field(() => String, { nullable: true, description: 'ISO date; null when the document leaves it blank' })
  @Property({ type: 'date', nullable: true })
  issuedOn?: string;

  @Field(() => String)
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { description: 'decision, plan, …' })
  @Property({ type: 'text' })
  kind!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  signer?: string;
}
