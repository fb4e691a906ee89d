import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context.ts';
import { BandType, CommuneGroupType, CriteriaSet, RelatedFrameType } from './criteria-set.entity.ts';
import { bandMeetsStandard } from '../status/band.ts';
import { NotFoundError } from '../../errors/domain-errors.ts';
import { Criterion } from './criterion.entity.ts';
import { CommuneGroupAssignment } from './commune-group.entity.ts';
import { Indicator } from './indicator.entity.ts';

@Resolver(() => CriteriaSet)
export class CriteriaSetResolver {
  @Query(() => [CriteriaSet], {
    description:
      'Every criteria set, national and provincial, by level and validity; with validIn, only the sets valid in that year (2026 → the 2026–2030 set, 2025 → the 2021–2025 ones)',
  })
  criteriaSets(
    @Ctx() ctx: RequestContext,
    @Arg('validIn', () => Int, { nullable: true, description: 'A year: only sets valid in it' }) validIn?: number | null,
  ): Promise<CriteriaSet[]> {
    const where = validIn == null ? {} : { validFrom: { $lte: validIn }, validTo: { $gte: validIn } };
    return ctx.em.find(CriteriaSet, where, { populate: ['legalBasis', 'basedOn'], orderBy: { level: 'asc', validFrom: 'asc', code: 'asc' } });
  }

  @Query(() => CriteriaSet, { description: 'One criteria set by code; NOT_FOUND when unknown' })
  criteriaSet(@Arg('code', () => String) code: string, @Ctx() ctx: RequestContext): Promise<CriteriaSet> {
    return ctx.services.statuses.criteriaSet(code);
  }

  @Query(() => CriteriaSet, {
    nullable: true,
    description:
      'The set whose bands colour the communes of a year: the set named (refused when not valid that year), else the national standard commune set valid that year; null when there is none',
  })
  async criteriaSetForYear(
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: RequestContext,
    @Arg('set', () => String, { nullable: true }) set?: string | null,
  ): Promise<CriteriaSet | null> {
    if (set) {
      await ctx.services.statuses.validateQuery({ year, setCode: set });
      return ctx.services.statuses.criteriaSet(set);
    }
    return ctx.services.statuses.standardSetFor(year).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
  }

  @Query(() => [CommuneGroupAssignment], {
    description:
      'The commune groups (Decision 51/2025: nhóm 1, 2, 3) sources state for a commune, keyed by (code list, code), oldest first; empty when no source states one (unknown)',
  })
  communeGroupAssignments(
    @Arg('codeList', () => String) codeList: string,
    @Arg('code', () => String) code: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CommuneGroupAssignment[]> {
    return ctx.em.find(CommuneGroupAssignment, { codeList, unitCode: code }, { populate: ['sourceDocument'], orderBy: { validFrom: 'asc' } });
  }

  @FieldResolver(() => [Criterion])
  async criteria(@Root() set: CriteriaSet, @Ctx() ctx: RequestContext): Promise<Criterion[]> {
    return ctx.em.find(Criterion, { criteriaSet: set }, { populate: ['sourceDocument'], orderBy: { number: 'asc' } });
  }

  @FieldResolver(() => [BandType], { description: 'The legend classes, lowest first: data of the set, read by the legend, filters, tables and exports' })
  bands(@Root() set: CriteriaSet): BandType[] {
    return set.bands.map((b) => ({
      code: b.code,
      min: b.min,
      max: b.max,
      labelVi: b.label.vi,
      labelEn: b.label.en,
      meetsStandard: bandMeetsStandard(b, set.criteriaCount),
    }));
  }

  @FieldResolver(() => [CommuneGroupType], { description: 'The commune groups the set grades its criteria for (empty when it does not)' })
  communeGroups(@Root() set: CriteriaSet): CommuneGroupType[] {
    return (set.communeGroups ?? []).map((g) => ({
      group: g.group,
      definitionVi: g.definition.vi,
      definitionEn: g.definition.en,
      sourceDocument: g.source.document,
      sourceRef: g.source.ref,
    }));
  }

  @FieldResolver(() => [RelatedFrameType], { description: 'Frames issued with the set: pilot frame for modern NTM communes, province completion conditions' })
  relatedFrames(@Root() set: CriteriaSet): RelatedFrameType[] {
    return (set.relatedFrames ?? []).map((f) => ({
      key: f.key,
      part: f.part ?? undefined,
      titleVi: f.title.vi,
      titleEn: f.title.en,
      conditions: f.conditions.map((c) => ({ textVi: c.text.vi, textEn: c.text.en ?? undefined, sourceDocument: c.source.document, sourceRef: c.source.ref })),
      sourceDocument: f.source.document,
      sourceRef: f.source.ref,
      note: f.note ?? undefined,
    }));
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
    return ctx.em.find(Indicator, { criterion }, { populate: ['sourceDocument'], orderBy: { id: 'asc' } });
  }
}
