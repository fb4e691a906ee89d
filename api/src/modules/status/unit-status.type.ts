import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ItemStatus } from '../assessments/assessment.entity.ts';
import { Tier } from '../assessments/recognition.entity.ts';
import { recognisedBand } from './band.ts';

/** A criterion by number with its names, shared by per-unit items and per-area counts. */
@ObjectType()
export abstract class CriterionRef {
  @Field(() => Int)
  criterion!: number;

  @Field(() => String)
  nameVi!: string;

  @Field(() => String)
  nameEn!: string;
}

@ObjectType('StatusItem', { description: 'One criterion of the set with its outcome' })
export class StatusItem extends CriterionRef {
  @Field(() => ItemStatus)
  status!: ItemStatus;
}

/** A unit's standing in a year, derived from its assessment and recognitions; nothing here is typed in. */
@ObjectType('UnitStatus')
export class UnitStatus {
  unitId!: number;
  assessmentId!: number;

  @Field(() => Int)
  year!: number;

  @Field(() => String, { description: 'Code of the criteria set assessed against' })
  criteriaSet!: string;

  @Field(() => Int)
  criteriaMet!: number;

  @Field(() => Int)
  criteriaTotal!: number;

  @Field(() => String, {
    description: `Band code of the set (CriteriaSet.bands; the band with meetsStandard = every criterion met but not recognised), or "${recognisedBand}"`,
  })
  band!: string;

  @Field(() => Tier, {
    nullable: true,
    description:
      'Actual: the highest tier recognised by a decision on record (a number or a date) by that year. Target: the tier the unit’s plans of that year aim at. Null when none',
  })
  tier?: Tier;

  @Field(() => Tier, {
    nullable: true,
    description:
      'Actual only: the highest tier a document says was recognised, with no decision number or date on record. Not counted as recognised; shown as “no decision on record”',
  })
  tierWithoutDecision?: Tier;

  @Field(() => Boolean, { description: 'True when the assessment is generated demo data (demo data never recognises)' })
  synthetic!: boolean;

  @Field(() => String, { nullable: true, description: 'Key of the document the assessment is transcribed from; null for demo and user-entered data' })
  sourceDocument?: string;

  @Field(() => String, { nullable: true, description: 'Where in that document (annex, row)' })
  sourceRef?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'ISO date of the document that states the status. The year of a status is the year whose end it describes: a review printed in February 2017 of the criteria met is the status of 2016 (see README, “Years and dates”)',
  })
  statedOn?: string;

  @Field(() => [Int], { description: 'Numbers of the criteria not met' })
  missing!: number[];

  @Field(() => [Int], { description: 'Numbers of the criteria whose outcome the source does not give' })
  unknown!: number[];

  met!: number[];
}

@ObjectType('ChoroplethEntry', { description: 'What the map needs to colour one unit; geometry travels separately' })
export class ChoroplethEntry {
  @Field(() => String)
  code!: string;

  @Field(() => Int, { nullable: true })
  criteriaMet?: number;

  @Field(() => Int, { nullable: true })
  criteriaTotal?: number;

  @Field(() => String, {
    description: 'Band code, "recognised", "no-data" (a rural commune without data) or "not-assessed" (a ward or town the rural criteria do not assess)',
  })
  band!: string;

  @Field(() => Tier, { nullable: true })
  tier?: Tier;

  @Field(() => Boolean, { description: 'Generated demo data (for a district or province: any of its communes)' })
  synthetic!: boolean;

  @Field(() => Float, { nullable: true, description: 'Districts and provinces: average criteria met by their assessed communes' })
  averageCriteria?: number;

  @Field(() => Int, { nullable: true, description: 'Districts and provinces: communes assessed' })
  communesAssessed?: number;

  @Field(() => Int, { nullable: true, description: 'Districts and provinces: of the communes assessed, how many are demo data' })
  communesDemo?: number;

  @Field(() => Int, { nullable: true, description: 'Districts and provinces: communes assessed in the two lowest classes of their set (e.g. below 10 of 19)' })
  communesLagging?: number;

  @Field(() => Int, { nullable: true, description: 'Districts and provinces: communes assessed that meet every criterion, recognised or not' })
  communesMeetingAll?: number;
}

@ObjectType('ChoroplethColumns', {
  description:
    'The choropleth as parallel columns: entry i of every list describes the unit codes[i]. Same content as ' +
    '`choropleth`, in one field per column rather than one object per unit, so a national layer of ' +
    '~10,000 communes resolves 8 lists instead of 80,000 fields',
})
export class ChoroplethColumns {
  @Field(() => [String])
  codes!: string[];

  @Field(() => [Int], { nullable: 'items' })
  criteriaMet!: (number | null)[];

  @Field(() => [Int], { nullable: 'items' })
  criteriaTotal!: (number | null)[];

  @Field(() => [String], { description: 'Band codes, "recognised", or "no-data"' })
  bands!: string[];

  @Field(() => [Tier], { nullable: 'items' })
  tiers!: (Tier | null)[];

  @Field(() => [Boolean])
  synthetic!: boolean[];

  @Field(() => [Float], { nullable: 'items', description: 'Districts and provinces only' })
  averageCriteria!: (number | null)[];

  @Field(() => [Int], { nullable: 'items', description: 'Districts and provinces only' })
  communesAssessed!: (number | null)[];

  @Field(() => [Int], { nullable: 'items', description: 'Districts and provinces only: of the communes assessed, how many are demo data' })
  communesDemo!: (number | null)[];

  @Field(() => [Int], { nullable: 'items', description: 'Districts and provinces only: communes in the two lowest classes of their set' })
  communesLagging!: (number | null)[];

  @Field(() => [Int], { nullable: 'items', description: 'Districts and provinces only: communes meeting every criterion' })
  communesMeetingAll!: (number | null)[];
}

/** Turns choropleth entries into parallel columns. Pure. */
export function toChoroplethColumns(entries: readonly ChoroplethEntry[]): ChoroplethColumns {
  const column = <T>(pick: (e: ChoroplethEntry) => T) => entries.map(pick);
  return {
    codes: column((e) => e.code),
    criteriaMet: column((e) => e.criteriaMet ?? null),
    criteriaTotal: column((e) => e.criteriaTotal ?? null),
    bands: column((e) => e.band),
    tiers: column((e) => e.tier ?? null),
    synthetic: column((e) => e.synthetic),
    averageCriteria: column((e) => e.averageCriteria ?? null),
    communesAssessed: column((e) => e.communesAssessed ?? null),
    communesDemo: column((e) => e.communesDemo ?? null),
    communesLagging: column((e) => e.communesLagging ?? null),
    communesMeetingAll: column((e) => e.communesMeetingAll ?? null),
  };
}
