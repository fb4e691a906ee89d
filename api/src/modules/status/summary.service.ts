import type { EntityManager } from '@mikro-orm/postgresql';
import type { CriteriaSet } from '../criteria/criteria-set.entity.ts';
import { AdminLevel } from '../admin-units/admin-unit.entity.ts';
import { ReportedAggregate } from '../data-quality/reported-aggregate.entity.ts';
import type { StatusService } from './status.service.ts';
import type { StatusQuery } from './status.repository.ts';
import type { AssessmentKind } from '../assessments/assessment.entity.ts';
import type { Summary } from './summary.type.ts';
import { computedFor, summarise, type SummaryFigures } from './summarise.ts';
import type { ReportedComparison } from './summary.type.ts';
import type { Tier } from '../assessments/recognition.entity.ts';
import { asOfForYear } from '../admin-units/code-lists.ts';

export class SummaryService {
  constructor(
    private readonly em: EntityManager,
    private readonly statuses: StatusService,
  ) {}

  async summary(unitCode: string, query: StatusQuery): Promise<Summary> {
    const { year, setCode, kind } = query;
    await this.statuses.validateQuery(query);
    // The unit as of 31 December of the year (from 2025 the two-level list: a province's communes directly).
    const unit = await this.statuses.unitByCode(unitCode, asOfForYear(year));
    // The communes of that year: today's, plus those merged away since but still there then.
    const below = await this.statuses.descendants(unit.id, AdminLevel.COMMUNE, year);
    const statusById = await this.statuses.statuses(
      below.map((u) => u.id),
      query,
    );
    // Wards and towns are not assessed under the rural criteria: count the xã, plus anything assessed.
    const communeCount = below.filter((u) => u.kind === 'Xã' || statusById.has(u.id)).length;
    const set = await this.communeSet(
      setCode,
      [...statusById.values()].map((s) => s.criteriaSet),
      year,
    );
    const statuses = [...statusById.values()].filter((s) => s.criteriaSet === set.code);
    const figures = summarise(statuses, set.bands, set.criteriaCount);
    // A document's figure is compared with the documented units only, never with demo data.
    const documented = summarise(
      statuses.filter((s) => !s.synthetic),
      set.bands,
      set.criteriaCount,
    );
    const criteria = set.criteria.getItems();
    const own = await this.statuses.statuses([unit.id], { ...query, setCode: undefined });
    const reported = await this.em.find(
      ReportedAggregate,
      { unit, year },
      { populate: ['criteriaSet', 'sourceDocument'], orderBy: { metric: 'asc', band: 'asc', criterion: 'asc', id: 'asc' } },
    );
    return {
      year,
      kind,
      criteriaSet: set.code,
      includesDemo: query.includeDemo,
      communeCount,
      assessedCount: figures.assessedCount,
      syntheticCount: figures.syntheticCount,
      documentedCount: documented.assessedCount,
      bandCounts: figures.bandCounts,
      averageCriteria: figures.averageCriteria ?? undefined,
      totalCriteria: figures.totalCriteria,
      perCriterion: criteria
        .sort((a, b) => a.number - b.number)
        .map((c) => ({ criterion: c.number, nameVi: c.nameVi, nameEn: c.nameEn, met: figures.metByCriterion.get(c.number) ?? 0 })),
      recognisedCounts: figures.recognisedCounts.map((t) => ({ tier: t.tier as Tier, count: t.count })),
      recognisedWithoutDecision: statuses.filter((s) => s.tierWithoutDecision).length,
      ownStatus: own.get(unit.id),
      reported: reported.map((aggregate) => compareReported(aggregate, { setCode: set.code, kind }, documented, communeCount)),
    };
  }

  /** The set named, or the one most of the communes were assessed against, or the national standard set of the year. */
  private async communeSet(setCode: string | undefined, used: string[], year: number): Promise<CriteriaSet> {
    if (setCode) return this.statuses.criteriaSet(setCode);
    if (used.length) {
      const counts = new Map<string, number>();
      for (const code of used) counts.set(code, (counts.get(code) ?? 0) + 1);
      const [code] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
      return this.statuses.criteriaSet(code);
    }
    return this.statuses.standardSetFor(year, AdminLevel.COMMUNE);
  }
}

/**
 * A reported figure beside the same figure computed from the documented units the summary covers
 * (achieved figures beside achievements, targets beside planned totals), with that coverage ("computed from 20 of 207 communes"). Demo data never counts here. Pure.
 */
export function compareReported(
  aggregate: ReportedAggregate,
  summary: { setCode: string; kind: AssessmentKind },
  documented: SummaryFigures,
  communeCount: number,
): ReportedComparison {
  // Like with like: an achieved figure beside what was achieved, a target beside the planned totals.
  const comparable = (!aggregate.criteriaSet || aggregate.criteriaSet.code === summary.setCode) && aggregate.kind === summary.kind;
  // The number of communes is a fact of the unit list, not of any assessment: it is always covered whole.
  const coveredCount = aggregate.metric === 'communes_total' ? communeCount : documented.assessedCount;
  const computed =
    comparable && coveredCount > 0
      ? computedFor(aggregate.metric, documented, communeCount, { band: aggregate.band, criterion: aggregate.criterion })
      : undefined;
  const difference =
    computed !== undefined && aggregate.value !== undefined && aggregate.value !== null ? Math.round((aggregate.value - computed) * 100) / 100 : undefined;
  return { reported: aggregate, computed, difference, coveredCount: comparable ? coveredCount : 0, ofCount: communeCount, demoFitted: aggregate.demoFitted };
}
