import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { AdminUnit } from '../admin-units/admin-unit.entity.ts';
import type { RequestContext } from '../../server/context.ts';
import { ChoroplethArgs, CoverageArgs, RollUpArgs, StatusArgs, SummaryArgs } from './status.args.ts';
import { ChoroplethColumns, ChoroplethEntry, StatusItem, UnitStatus } from './unit-status.type.ts';
import { Summary } from './summary.type.ts';
import { ProvinceCoverage } from './data-coverage.type.ts';
import { SummaryService } from './summary.service.ts';
import { Assessment, ItemStatus } from '../assessments/assessment.entity.ts';
import type { StatusQuery } from './status.repository.ts';
import { RollUp } from './roll-up.type.ts';
import { RollUpService } from './roll-up.service.ts';
import { linksOf } from '../admin-units/unit-links.ts';

/** The year, set and kind the arguments ask for; refused with the reason when the set is not valid that year. */
async function checkedQuery(args: StatusArgs, ctx: RequestContext): Promise<StatusQuery> {
  const query = { year: args.year, setCode: args.set, kind: args.kind, includeDemo: args.includeDemo ?? ctx.demoByDefault };
  await ctx.services.statuses.validateQuery(query);
  return query;
}

@Resolver(() => AdminUnit)
export class StatusResolver {
  @FieldResolver(() => UnitStatus, { nullable: true, description: 'Criteria met, band and tier in a year; null when not assessed' })
  async status(@Root() unit: AdminUnit, @Args(() => StatusArgs) args: StatusArgs, @Ctx() ctx: RequestContext): Promise<UnitStatus | null> {
    const query = await checkedQuery(args, ctx);
    return ctx.loaders.statuses.load(unit.id, query);
  }

  @FieldResolver(() => RollUp, {
    nullable: true,
    description:
      'DERIVED, never an assessment of this unit: for a unit formed by a reform, its predecessors with their own last recorded ' +
      'status, tier and recognition (documented or demo, with the source), weighted by area share where a part is partial. ' +
      'For a province, its old provinces’ figures. Null for a unit without predecessors',
    complexity: 20,
  })
  async rollUp(@Root() unit: AdminUnit, @Args(() => RollUpArgs) { year }: RollUpArgs, @Ctx() ctx: RequestContext): Promise<RollUp | null> {
    const links = await linksOf(unit, 'predecessors', ctx);
    return new RollUpService(ctx.em, ctx.services.statuses).rollUp(unit, links, year ?? new Date().getUTCFullYear());
  }

  @Query(() => [ChoroplethEntry], { description: 'A thin list to colour a map layer: one entry per unit, geometry separate' })
  async choropleth(@Args(() => ChoroplethArgs) args: ChoroplethArgs, @Ctx() ctx: RequestContext): Promise<ChoroplethEntry[]> {
    const query = await checkedQuery(args, ctx);
    return ctx.services.statuses.choropleth(args.parentCode, args.level, query);
  }

  @Query(() => ChoroplethColumns, { description: 'The choropleth as parallel columns: the compact form for national layers' })
  async choroplethColumns(@Args(() => ChoroplethArgs) args: ChoroplethArgs, @Ctx() ctx: RequestContext): Promise<ChoroplethColumns> {
    const query = await checkedQuery(args, ctx);
    return ctx.services.statuses.choroplethColumns(args.parentCode, args.level, query);
  }

  @Query(() => [ProvinceCoverage], {
    description: 'The provinces with statuses in a year (units in force on 31 December), each with how many units are documented and how many demo data',
  })
  dataCoverage(@Args(() => CoverageArgs) { year }: CoverageArgs, @Ctx() ctx: RequestContext): Promise<ProvinceCoverage[]> {
    return ctx.services.statuses.dataCoverage(year);
  }

  @Query(() => Summary, { description: 'Band counts, averages, per-criterion counts and reported figures for the communes below a unit' })
  async summary(@Args(() => SummaryArgs) args: SummaryArgs, @Ctx() ctx: RequestContext): Promise<Summary> {
    return new SummaryService(ctx.em, ctx.services.statuses).summary(args.unitCode, await checkedQuery(args, ctx));
  }
}

@Resolver(() => UnitStatus)
export class UnitStatusResolver {
  @FieldResolver(() => [StatusItem], { description: 'Every criterion of the set with its outcome' })
  async items(@Root() status: UnitStatus, @Ctx() ctx: RequestContext): Promise<StatusItem[]> {
    const set = await ctx.services.statuses.criteriaSet(status.criteriaSet);
    return set.criteria
      .getItems()
      .sort((a, b) => a.number - b.number)
      .map((c) => ({
        criterion: c.number,
        nameVi: c.nameVi,
        nameEn: c.nameEn,
        status: status.met.includes(c.number) ? ItemStatus.MET : status.missing.includes(c.number) ? ItemStatus.NOT_MET : ItemStatus.UNKNOWN,
      }));
  }
}

@Resolver(() => Assessment)
export class AssessmentStatusResolver {
  @FieldResolver(() => UnitStatus, { description: 'Criteria met, missing, band and tier derived from this assessment' })
  async status(@Root() assessment: Assessment, @Ctx() ctx: RequestContext): Promise<UnitStatus> {
    // The status of this very assessment, demo or not (its `synthetic` says which).
    const query = { year: assessment.year, setCode: assessment.criteriaSet.code, kind: assessment.kind, includeDemo: true };
    return (await ctx.loaders.statuses.load(assessment.unit.id, query))!;
  }
}
