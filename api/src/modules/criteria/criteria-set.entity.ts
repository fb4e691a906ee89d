import { Collection, type Rel } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { AdminLevel } from '../admin-units/admin-unit.entity.ts';
import { SourceDocument } from '../sources/source-document.entity.ts';
import { Criterion } from './criterion.entity.ts';

export interface BandDefinition {
  code: string;
  min: number;
  max: number;
  /** Every criterion of the set met (not yet a recognition). Older loads lack it: derived from max then. */
  meetsStandard?: boolean;
  label: { vi: string; en: string };
}

/** Where a text of a criteria set comes from: a document key and the place in it. */
export interface StoredSource {
  document: string;
  ref?: string;
}

/** A commune group of a set graded by group (Decision 51/2025: nhóm 1, 2, 3) and its definition. */
export interface CommuneGroupDefinition {
  group: number;
  definition: { vi: string; en: string };
  source: StoredSource;
}

/** A frame the set's decision issues beside it (pilot frame, province conditions); conditions as far as sourced. */
export interface RelatedFrame {
  key: string;
  part: string | null;
  title: { vi: string; en: string };
  conditions: { text: { vi: string; en: string | null }; source: StoredSource }[];
  source: StoredSource;
  note: string | null;
}

@ObjectType('Band', { description: 'A class of units by criteria met, as the criteria set defines it for its legend' })
export class BandType {
  @Field(() => String)
  code!: string;

  @Field(() => Int)
  min!: number;

  @Field(() => Int)
  max!: number;

  @Field(() => String)
  labelVi!: string;

  @Field(() => String)
  labelEn!: string;

  @Field(() => Boolean, { description: 'True for the class of units meeting every criterion of the set (not yet a recognition)' })
  meetsStandard!: boolean;
}

@ObjectType('CommuneGroup', { description: 'A commune group the set grades its criteria for, with its definition and source' })
export class CommuneGroupType {
  @Field(() => Int)
  group!: number;

  @Field(() => String)
  definitionVi!: string;

  @Field(() => String)
  definitionEn!: string;

  @Field(() => String, { description: 'Key of the source document' })
  sourceDocument!: string;

  @Field(() => String, { nullable: true, description: 'Where in the document' })
  sourceRef?: string;
}

@ObjectType('FrameCondition', { description: 'One condition of a related frame, with its source' })
export class FrameConditionType {
  @Field(() => String)
  textVi!: string;

  @Field(() => String, { nullable: true })
  textEn?: string;

  @Field(() => String)
  sourceDocument!: string;

  @Field(() => String, { nullable: true })
  sourceRef?: string;
}

@ObjectType('RelatedFrame', {
  description: 'A frame issued with the set (pilot frame for modern NTM communes, province completion conditions); conditions only as far as sourced',
})
export class RelatedFrameType {
  @Field(() => String)
  key!: string;

  @Field(() => String, { nullable: true, description: 'Annex of the decision' })
  part?: string;

  @Field(() => String)
  titleVi!: string;

  @Field(() => String)
  titleEn!: string;

  @Field(() => [FrameConditionType])
  conditions!: FrameConditionType[];

  @Field(() => String)
  sourceDocument!: string;

  @Field(() => String, { nullable: true })
  sourceRef?: string;

  @Field(() => String, { nullable: true, description: 'Why conditions are missing, when they are' })
  note?: string;
}

/** A versioned set of criteria (national or provincial) with its validity and band scheme. */
@ObjectType('CriteriaSet')
@Entity({ tableName: 'criteria_set' })
export class CriteriaSet {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => String, { description: 'e.g. commune-2016, commune-2021, commune-advanced-2021, district-2016' })
  @Property({ type: 'text' })
  @Unique({ name: 'criteria_set_code_unique' })
  code!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  nameVi!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  nameEn!: string;

  @Field(() => AdminLevel, { description: 'Level of the units it assesses' })
  @Enum({ items: () => AdminLevel, nativeEnumName: 'admin_level' })
  level!: AdminLevel;

  @Field(() => String, { description: 'standard, advanced or model' })
  @Property({ type: 'text' })
  tier!: string;

  @Field(() => SourceDocument, { nullable: true, description: 'The decision that issued it' })
  @ManyToOne(() => SourceDocument, { nullable: true, deleteRule: 'restrict', index: 'criteria_set_legal_basis_index' })
  legalBasis?: Rel<SourceDocument>;

  @Field(() => Int)
  @Property({ type: 'integer' })
  validFrom!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  validTo!: number;

  @ManyToOne(() => CriteriaSet, { nullable: true, deleteRule: 'restrict', index: 'criteria_set_based_on_index' })
  basedOn?: Rel<CriteriaSet>;

  @Field(() => String, { nullable: true, description: 'Province code of a provincial variant' })
  @Property({ type: 'text', nullable: true })
  provinceCode?: string;

  @Property({ type: 'jsonb' })
  bands!: BandDefinition[];

  @Field(() => String, { nullable: true, description: "Where the band edges come from, or that they are the project's choice" })
  @Property({ type: 'text', nullable: true })
  bandsNote?: string;

  @Field(() => Int, { nullable: true, description: 'Number of indicators a source states for the set (may exceed those transcribed)' })
  @Property({ type: 'integer', nullable: true })
  indicatorCountStated?: number;

  @Field(() => String, { nullable: true, description: 'What was and was not transcribed from the decision' })
  @Property({ type: 'text', nullable: true })
  transcriptionNote?: string;

  @Property({ type: 'jsonb', nullable: true })
  communeGroups?: CommuneGroupDefinition[];

  @Property({ type: 'jsonb', nullable: true })
  relatedFrames?: RelatedFrame[];

  @Field(() => Int, { description: 'Number of criteria in the set' })
  @Property({ type: 'integer' })
  criteriaCount!: number;

  @OneToMany(
    () => Criterion,
    (criterion) => criterion.criteriaSet,
  )
  criteria = new Collection<Criterion>(this);
}
