import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { AuditOutcome } from './audit-entry.entity.ts';
import { IsGsoCode } from '../admin-units/gso-code.ts';

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
  @IsGsoCode()
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
