import type { Rel } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AdminUnit } from '../admin-units/admin-unit.entity.ts';
import { Provenance } from './provenance.ts';

export enum Tier {
  STANDARD = 'standard',
  ADVANCED = 'advanced',
  MODEL = 'model',
}
registerEnumType(Tier, { name: 'Tier', description: 'NTM standard, advanced (nâng cao) or model (kiểu mẫu)' });

/** Steps of the recognition workflow (GLOSSARY.md): verification, appraisal, decision, withdrawal. */
export enum RecognitionStatus {
  PLANNED = 'planned',
  VERIFIED = 'verified',
  APPRAISED = 'appraised',
  RECOGNISED = 'recognised',
  WITHDRAWN = 'withdrawn',
}
registerEnumType(RecognitionStatus, { name: 'RecognitionStatus' });

@ObjectType('Recognition', { description: 'A dated step towards (or the decision of) recognition at a tier' })
@Entity({ tableName: 'recognition' })
export class Recognition extends Provenance {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => AdminUnit, { deleteRule: 'cascade', index: 'recognition_unit_index' })
  unit!: Rel<AdminUnit>;

  @Field(() => Tier)
  @Enum({ items: () => Tier, nativeEnumName: 'tier' })
  tier!: Tier;

  @Field(() => RecognitionStatus)
  @Enum({ items: () => RecognitionStatus, nativeEnumName: 'recognition_status' })
  status!: RecognitionStatus;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  decisionNumber?: string;

  /** Text, not date: plans give months ("2019-08"), which ISO 8601 allows as reduced precision. */
  @Field(() => String, { nullable: true, description: 'ISO date of the step, possibly only year-month (2019-08); null when only the year is known' })
  @Property({ type: 'text', nullable: true })
  decidedOn?: string;

  @Field(() => Int, { description: 'Year the step took place (or was planned)' })
  @Property({ type: 'integer' })
  year!: number;
}
