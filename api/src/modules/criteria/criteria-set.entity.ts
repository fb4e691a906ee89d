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
  label: { vi: string; en: string };
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

  @Field(() => Int, { description: 'Number of criteria in the set' })
  @Property({ type: 'integer' })
  criteriaCount!: number;

  @OneToMany(
    () => Criterion,
    (criterion) => criterion.criteriaSet,
  )
  criteria = new Collection<Criterion>(this);
}
