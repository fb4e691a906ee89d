import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context.ts';
import { BandType, CriteriaSet } from './criteria-set.entity.ts';
import { Criterion } from './criterion.entity.ts';
import { Indicator } from './indicator.entity.ts';

@Resolver(() => CriteriaSet)
export class CriteriaSetResolver {
  @Query(() => [CriteriaSet], { description: 'Every criteria set, national and provincial, by level and validity' })
  criteriaSets(@Ctx() ctx: RequestContext): Promise<CriteriaSet[]> {
    return ctx.em.find(CriteriaSet, {}, { populate: ['legalBasis', 'basedOn'], orderBy: { level: 'asc', validFrom: 'asc', code: 'asc' } });
  }

  @Query(() => CriteriaSet, { description: 'One criteria set by code; NOT_FOUND when unknown' })
  criteriaSet(@Arg('code', () => String) code: string, @Ctx() ctx: RequestContext): Promise<CriteriaSet> {
    return ctx.services.statuses.criteriaSet(code);
  }

  @FieldResolver(() => [Criterion])
  async criteria(@Root() set: CriteriaSet, @Ctx() ctx: RequestContext): Promise<Criterion[]> {
    return ctx.em.find(Criterion, { criteriaSet: set }, { orderBy: { number: 'asc' } });
  }

  @FieldResolver(() => [BandType], { description: 'The legend classes, lowest first' })
  bands(@Root() set: CriteriaSet): BandType[] {
    return set.bands.map((b) => ({ code: b.code, min: b.min, max: b.max, labelVi: b.label.vi, labelEn: b.label.en }));
  }

  @FieldResolver(() => String, { nullable: true, description: 'Code of the national set a provincial variant adapts' })
  basedOnCode(@Root() set: CriteriaSet): string | null {
    return set.basedOn?.code ?? null;
  }
}

@Resolver(() => Criterion)
export class CriterionResolver {
  @FieldResolver(() => [Indicator])
  indicators(@Root() criterion: Criterion, @Ctx() ctx: RequestContext): Promise<Indicator[]> {
    return ctx.em.find(Indicator, { criterion }, { orderBy: { id: 'asc' } });
  }
}
