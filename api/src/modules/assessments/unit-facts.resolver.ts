import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AdminUnit } from '../admin-units/admin-unit.entity.ts';
import { UnitFlag } from '../admin-units/unit-flag.entity.ts';
import type { RequestContext } from '../../server/context.ts';
import { Assessment, AssessmentKind } from './assessment.entity.ts';
import { Recognition } from './recognition.entity.ts';
import { Target } from './target.entity.ts';
import { IndicatorValue } from './indicator-value.entity.ts';

/** The records behind a unit's status, each with its source. Lists per unit are short (tens). */
@Resolver(() => AdminUnit)
export class UnitFactsResolver {
  @FieldResolver(() => [Assessment], { description: 'Assessments by year, documented and synthetic' })
  assessments(
    @Root() unit: AdminUnit,
    @Arg('kind', () => AssessmentKind, { nullable: true }) kind: AssessmentKind | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<Assessment[]> {
    return ctx.em.find(Assessment, { unit, ...(kind ? { kind } : {}) }, { populate: ['criteriaSet', 'sourceDocument'], orderBy: { year: 'asc', kind: 'asc' } });
  }

  @FieldResolver(() => [Recognition], { description: 'Verification, appraisal and recognition steps' })
  recognitions(@Root() unit: AdminUnit, @Ctx() ctx: RequestContext): Promise<Recognition[]> {
    return ctx.em.find(Recognition, { unit }, { populate: ['sourceDocument'], orderBy: { year: 'asc', id: 'asc' } });
  }

  @FieldResolver(() => [Target], { description: 'Plans: criteria or tiers to reach by a year' })
  targets(@Root() unit: AdminUnit, @Ctx() ctx: RequestContext): Promise<Target[]> {
    return ctx.em.find(Target, { unit }, { populate: ['sourceDocument', 'criteriaSet'], orderBy: { year: 'asc', id: 'asc' } });
  }

  @FieldResolver(() => [IndicatorValue])
  indicatorValues(@Root() unit: AdminUnit, @Ctx() ctx: RequestContext): Promise<IndicatorValue[]> {
    return ctx.em.find(IndicatorValue, { unit }, { populate: ['sourceDocument', 'criteriaSet'], orderBy: { year: 'asc', indicatorCode: 'asc' } });
  }

  @FieldResolver(() => [UnitFlag], { description: 'border, dbkk… with their basis' })
  flags(@Root() unit: AdminUnit, @Ctx() ctx: RequestContext): Promise<UnitFlag[]> {
    return ctx.loaders.flags.load(unit.id);
  }
}
