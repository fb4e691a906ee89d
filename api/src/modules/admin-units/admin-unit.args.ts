import { ArgsType, Field, Float, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { Tier } from '../assessments/recognition.entity.ts';
import { AdminLevel } from './admin-unit.entity.ts';
import { IsGsoCode } from './gso-code.ts';
import { noDataBand, recognisedBand } from '../status/band.ts';
import { IsIsoDate, asOfRule } from './as-of.ts';

@InputType({ description: 'Which units to list; all conditions must hold' })
export class UnitFilter {
  @Field(() => String, { nullable: true, description: `${asOfRule} Without asOf, the filter's \`year\` (if any) sets the date.` })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;

  @Field(() => AdminLevel, { nullable: true })
  level?: AdminLevel;

  @Field(() => String, { nullable: true, description: 'Only the direct children of this unit' })
  @IsOptional()
  @IsGsoCode()
  parentCode?: string;

  @Field(() => String, { nullable: true, description: 'Only units below this one, at any depth (a province’s communes)' })
  @IsOptional()
  @IsGsoCode()
  withinCode?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Part of the name; ignores case, tone marks and đ/d ("dinh lap" finds Đình Lập). Also finds a unit by any former name: ' +
      'the units in force that a matching former unit became (the edge names it in matchedFormerUnits)',
  })
  @IsOptional()
  @MinLength(1)
  @MaxLength(100)
  search?: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Also list former units (communes merged away since, kept because documents name them)',
  })
  includeFormer = false;

  @Field(() => [String], { nullable: true, description: 'Units carrying every one of these flags (border, dbkk)' })
  @IsOptional()
  @ArrayMaxSize(5)
  @Matches(/^[a-z-]{2,30}$/, { each: true, message: 'flags must be flag names such as border or dbkk' })
  flags?: string[];

  @Field(() => Int, {
    nullable: true,
    description: 'Year of the status the next filters read; required with them. Also the date of the units listed (31 December) when asOf is not given',
  })
  @IsOptional()
  @Min(2010)
  @Max(2035)
  year?: number;

  @Field(() => String, { nullable: true, description: 'Criteria set of that status; default: the national standard set of the year' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{3,60}$/, { message: 'set must be a criteria set code such as commune-2016' })
  set?: string;

  @Field(() => [String], { nullable: true, description: `Band codes of the year's criteria set (CriteriaSet.bands), "${recognisedBand}" or "${noDataBand}"` })
  @IsOptional()
  @ArrayMaxSize(10)
  @Matches(/^[a-z0-9-]{2,20}$/, { each: true })
  bandIn?: string[];

  @Field(() => Int, { nullable: true, description: 'Units that do not meet this criterion that year' })
  @IsOptional()
  @Min(1)
  @Max(40)
  missingCriterion?: number;

  @Field(() => Tier, { nullable: true, description: 'Units whose highest recognised tier that year is this one' })
  @IsOptional()
  tier?: Tier;

  @Field(() => Boolean, { nullable: true, description: 'Only synthetic (true) or only documented (false) statuses' })
  @IsOptional()
  synthetic?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the band, criterion and tier filters read demo statuses too; default: the server’s setting (DEMO_DATA)',
  })
  @IsOptional()
  includeDemo?: boolean;
}

@ArgsType()
export class UnitsArgs {
  @Field(() => UnitFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: UnitFilter;

  @Field(() => Int, { defaultValue: 100, description: 'Page size, at most 1000' })
  @Min(1)
  @Max(1000)
  first = 100;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page' })
  @IsOptional()
  @MaxLength(200)
  after?: string;
}

@ArgsType()
export class UnitArgs {
  @Field(() => String)
  @IsGsoCode()
  code!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Code list to look in (gso-2025-07, gso-2025-03, or gso-2019 for communes merged away before 2025); overrides asOf. ' +
      'Without codeList and asOf: the unit in force today, or else the last unit that carried the code',
  })
  @IsOptional()
  @Matches(/^gso-\d{4}(-\d{2})?$/, { message: 'codeList must look like gso-2025-03' })
  codeList?: string;

  @Field(() => String, { nullable: true, description: `${asOfRule} NOT_FOUND when no unit had the code that day.` })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;
}

@ArgsType()
export class GeometryArgs {
  @Field(() => Float, {
    defaultValue: 0,
    description: 'Simplification tolerance in degrees (0 = full resolution; 0.01 ≈ 1 km suits a country view)',
  })
  @Min(0)
  @Max(1)
  simplify = 0;
}
