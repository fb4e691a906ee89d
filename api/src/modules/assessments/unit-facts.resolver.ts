import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AdminUnit } from '../admin-units/admin-unit.entity.ts';
import { UnitFlag } from '../admin-units/unit-flag.entity.ts';
import type { RequestContext } from '../../server/context.ts';
import { Assessment, AssessmentKind } from './assessment.entity.ts';
import { Recognition } from './recognition.entity.ts';
import { Target } from './target.entity.ts';
import { IndicatorValue } from './indicator-value.entity.ts';
import { linksOf } from '../admin-units/unit-links.ts';

/** The unit and the units it was formed from, through up to four reforms (mergers of 2019–2020, 2024, 2025). */
async function unitAndPredecessors(unit: AdminUnit, ctx: RequestContext): Promise<AdminUnit[]> {
  const found = new Map<number, AdminUnit>([[unit.id, unit]]);
  let frontier = [unit];
  for (let depth = 0; depth < 4 && frontier.length; depth++) {
    const links = (await Promise.all(frontier.map((u) => linksOf(u, 'predecessors', ctx)))).flat();
    frontier = links.map((l) => l.unit).filter((u) => !found.has(u.id));
    for (const u of frontier) found.set(u.id, u);
  }
  return [...found.values()];
}

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

  @FieldResolver(() => [Recognition], {
    description:
      'Verification, appraisal and recognition steps. With includePredecessors (default true), also those documented on the units this one was formed from, through every reform (each names its unit in documentedOn)',
  })
  async recognitions(
    @Root() unit: AdminUnit,
    @Arg('includePredecessors', () => Boolean, { defaultValue: true }) includePredecessors: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<Recognition[]> {
    const units = includePredecessors ? await unitAndPredecessors(unit, ctx) : [unit];
    return ctx.em.find(Recognition, { unit: { $in: units.map((u) => u.id) } }, { populate: ['sourceDocument', 'unit'], orderBy: { year: 'asc', id: 'asc' } });
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

@Resolver(() => Recognition)
export class RecognitionUnitResolver {
  @FieldResolver(() => AdminUnit, { description: 'The unit the step is documented on: this unit, or one it was formed from' })
  documentedOn(@Root() recognition: Recognition, @Ctx() ctx: RequestContext): Promise<AdminUnit> {
    return ctx.loaders.units.byId.load(recognition.unit.id).then((u) => u ?? ctx.em.findOneOrFail(AdminUnit, { id: recognition.unit.id }));
  }
}
