import { Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayUnique, IsInt, Matches, Max, MaxLength, Min, IsOptional } from 'class-validator';
import { AssessmentKind } from './assessment.entity.ts';

@InputType({ description: 'A unit’s outcome per criterion in a year; criteria not listed are recorded as unknown' })
export class AssessmentInput {
  @Field(() => String)
  @Matches(/^(\d{2}|\d{3}|\d{5})$/, { message: 'unitCode must be a GSO code of 2, 3 or 5 digits' })
  unitCode!: string;

  @Field(() => String, { description: 'Criteria set code, e.g. commune-2016' })
  @Matches(/^[a-z0-9-]{3,60}$/, { message: 'set must be a criteria set code such as commune-2016' })
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

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string;
}
