import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { AuditOutcome } from './audit-entry.entity.ts';

@InputType({ description: 'Entries matching every field given' })
export class AuditFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(60)
  actor?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(60)
  action?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(60)
  entity?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^(\d{2}|\d{3}|\d{5})$/, { message: 'unitCode must be a GSO code of 2, 3 or 5 digits' })
  unitCode?: string;

  @Field(() => AuditOutcome, { nullable: true })
  @IsOptional()
  outcome?: AuditOutcome;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  importBatchId?: string;
}

@ArgsType()
export class AuditTrailArgs {
  @Field(() => AuditFilter, { nullable: true })
  @IsOptional()
  filter?: AuditFilter;

  @Field(() => Int, { defaultValue: 50 })
  @Min(1)
  @Max(200)
  first = 50;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  @IsOptional()
  @MaxLength(100)
  after?: string;
}
