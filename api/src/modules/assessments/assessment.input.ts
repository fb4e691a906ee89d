import { Field, Float, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayUnique, IsInt, IsNumber, Matches, Max, MaxLength, Min, MinLength, IsOptional, ValidateNested } from 'class-validator';
import { AssessmentKind } from './assessment.entity.ts';
import { RecognitionStatus, Tier } from './recognition.entity.ts';
import { IsGsoCode } from '../admin-units/gso-code.ts';

const setCodeRule = Matches(/^[a-z0-9-]{3,60}$/, { message: 'set must be a criteria set code such as commune-2016' });

@InputType({ description: 'The value of one indicator (chỉ tiêu) of the assessed set, e.g. 10.1 income' })
export class IndicatorValueInput {
  @Field(() => String, { description: 'Indicator code of the set: 10.1, or the criterion number when it has no sub-indicators' })
  @Matches(/^\d{1,2}(\.\d{1,2})?$/, { message: 'code must be an indicator code such as 10.1 or 7' })
  code!: string;

  @Field(() => String, { description: 'Value as stated, with its comparator (≥ 55, < 8 %, đạt)' })
  @MinLength(1)
  @MaxLength(200)
  value!: string;

  @Field(() => Float, { nullable: true, description: 'The number in the value, when there is one' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  valueNumber?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  unitOfMeasure?: string;
}

@InputType({ description: 'A unit’s outcome per criterion in a year; criteria not listed are recorded as unknown' })
export class AssessmentInput {
  @Field(() => String)
  @IsGsoCode()
  unitCode!: string;

  @Field(() => String, { description: 'Criteria set code, e.g. commune-2016' })
  @setCodeRule
  set!: string;

  @Field(() => Int)
  @Min(2010)
  @Max(2035)
  year!: number;

  @Field(() => AssessmentKind, { defaultValue: AssessmentKind.ACTUAL })
  kind: AssessmentKind = AssessmentKind.ACTUAL;

  @Field(() => [Int], { description: 'Numbers of the criteria met' })
  @ArrayUnique()
  @ArrayMaxSize(40)
  @IsInt({ each: true })
  met!: number[];

  @Field(() => [Int], { nullable: true, description: 'Numbers of the criteria not met' })
  @IsOptional()
  @ArrayUnique()
  @ArrayMaxSize(40)
  @IsInt({ each: true })
  notMet?: number[];

  @Field(() => [IndicatorValueInput], { nullable: true, description: 'Indicator values of this year and kind; indicators not listed keep their values' })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  indicators?: IndicatorValueInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string;
}

@InputType({ description: 'A step of recognition at a tier; replaces the unit’s step of the same tier, status and year' })
export class RecognitionInput {
  @Field(() => String)
  @IsGsoCode()
  unitCode!: string;

  @Field(() => Tier)
  tier!: Tier;

  @Field(() => RecognitionStatus, { defaultValue: RecognitionStatus.RECOGNISED })
  status: RecognitionStatus = RecognitionStatus.RECOGNISED;

  @Field(() => Int)
  @Min(2010)
  @Max(2035)
  year!: number;

  @Field(() => String, { nullable: true, description: 'Number of the decision, e.g. 1234/QĐ-UBND' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(100)
  decisionNumber?: string;

  @Field(() => String, { nullable: true, description: 'ISO date of the step (2024-12-31), or year-month (2024-12), in the given year' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, { message: 'decidedOn must be an ISO date (2024-12-31) or year-month (2024-12)' })
  decidedOn?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string;
}

@InputType({ description: 'A plan for a unit and year; replaces the unit’s user-entered target of the same year, set and tier' })
export class TargetInput {
  @Field(() => String)
  @IsGsoCode()
  unitCode!: string;

  @Field(() => String, { nullable: true, description: 'Criteria set the planned criteria belong to' })
  @IsOptional()
  @setCodeRule
  set?: string;

  @Field(() => Int)
  @Min(2010)
  @Max(2035)
  year!: number;

  @Field(() => Tier, { nullable: true, description: 'Tier planned to be reached' })
  @IsOptional()
  tier?: Tier;

  @Field(() => [Int], { defaultValue: [], description: 'Numbers of the criteria planned to be achieved' })
  @ArrayUnique()
  @ArrayMaxSize(40)
  @IsInt({ each: true })
  criteria!: number[];

  @Field(() => Int, { nullable: true, description: 'Planned number of criteria met' })
  @IsOptional()
  @Min(0)
  @Max(40)
  criteriaCount?: number;

  @Field(() => String, { description: 'The plan in words' })
  @MinLength(1)
  @MaxLength(2000)
  text!: string;
}
