import { ArgsType, Field, Int } from 'type-graphql';
import { IsOptional, Matches, Max, Min } from 'class-validator';
import { AdminLevel } from '../admin-units/admin-unit.entity.ts';
import { AssessmentKind } from '../assessments/assessment.entity.ts';
import { IsGsoCode } from '../admin-units/gso-code.ts';

@ArgsType()
export class StatusArgs {
  @Field(() => Int, {
    description:
      'Year of the status; where units are listed (choropleth, summary), the units in force on 31 December of it (from 2025 the two-level list, no districts)',
  })
  @Min(2010)
  @Max(2035)
  year!: number;

  @Field(() => String, { nullable: true, description: 'Criteria set code; default: the national standard set of the unit’s level valid that year' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{3,60}$/, { message: 'set must be a criteria set code such as commune-2016' })
  set?: string;

  @Field(() => AssessmentKind, { defaultValue: AssessmentKind.ACTUAL })
  kind: AssessmentKind = AssessmentKind.ACTUAL;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Count generated demo (synthetic) data beside the documented: false = documented only. Default: the server’s setting (DEMO_DATA, on unless switched off). Reported-vs-computed figures never count demo data',
  })
  @IsOptional()
  includeDemo?: boolean;
}

@ArgsType()
export class ChoroplethArgs extends StatusArgs {
  @Field(() => String, { nullable: true, description: 'Only units below this one; the whole country when omitted' })
  @IsOptional()
  @Matches(/^(\d{2}|\d{3})$/, { message: 'parentCode must be a province (2 digits) or district (3 digits) code' })
  parentCode?: string;

  @Field(() => AdminLevel)
  level!: AdminLevel;
}

@ArgsType()
export class SummaryArgs extends StatusArgs {
  @Field(() => String)
  @IsGsoCode()
  unitCode!: string;
}

@ArgsType()
export class RollUpArgs {
  @Field(() => Int, { nullable: true, description: 'Latest year of the predecessors’ records read (default: this year)' })
  @IsOptional()
  @Min(2010)
  @Max(2035)
  year?: number;
}

@ArgsType()
export class CoverageArgs {
  @Field(() => Int, { description: 'Year of the statuses; the provinces in force on 31 December of it' })
  @Min(2010)
  @Max(2035)
  year!: number;
}
