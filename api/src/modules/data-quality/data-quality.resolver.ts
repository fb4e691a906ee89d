import { Args, ArgsType, Ctx, Field, Query, Resolver } from 'type-graphql';
import { IsOptional, Matches } from 'class-validator';
import type { RequestContext } from '../../server/context.ts';
import { DataQualityFinding } from './data-quality-finding.entity.ts';
import { IsGsoCode } from '../admin-units/gso-code.ts';

@ArgsType()
class FindingsArgs {
  @Field(() => String, { nullable: true, description: 'Findings about this unit or any unit below it' })
  @IsOptional()
  @IsGsoCode()
  unitCode?: string;

  @Field(() => String, { nullable: true, description: 'Only findings in this source document (key, e.g. "002")' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,40}$/)
  document?: string;
}

@Resolver(() => DataQualityFinding)
export class DataQualityResolver {
  @Query(() => [DataQualityFinding], { description: 'Problems found in the sources: raw value, the reading taken, and why' })
  async dataQualityFindings(@Args(() => FindingsArgs) { unitCode, document }: FindingsArgs, @Ctx() ctx: RequestContext): Promise<DataQualityFinding[]> {
    const unitIds = unitCode ? await ctx.services.statuses.unitAndDescendantIds(unitCode) : undefined;
    return ctx.em.find(
      DataQualityFinding,
      {
        ...(unitIds ? { unit: { $in: unitIds } } : {}),
        ...(document ? { sourceDocument: { key: document } } : {}),
      },
      { populate: ['sourceDocument'], orderBy: { sourceDocument: { key: 'asc' }, id: 'asc' } },
    );
  }
}
