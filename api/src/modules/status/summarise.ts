import type { BandDefinition } from '../criteria/criteria-set.entity.ts';
import { allMetBand, recognisedBand } from './band.ts';

export interface SummaryInput {
  band: string;
  criteriaMet: number;
  met: number[];
  tier?: string | null;
  synthetic: boolean;
}

export interface SummaryFigures {
  assessedCount: number;
  syntheticCount: number;
  bandCounts: { band: string; count: number }[];
  averageCriteria: number | null;
  totalCriteria: number;
  metByCriterion: Map<number, number>;
  recognisedCounts: { tier: string; count: number }[];
}

/** Aggregates statuses of communes: every band of the set appears, with zero counts too. Pure. */
export function summarise(statuses: SummaryInput[], bands: BandDefinition[], criteriaCount: number): SummaryFigures {
  const bandCounts = [...bands.map((b) => b.code), recognisedBand].map((band) => ({
    band,
    count: statuses.filter((s) => s.band === band).length,
  }));
  const totalCriteria = statuses.reduce((sum, s) => sum + s.criteriaMet, 0);
  const metByCriterion = new Map<number, number>();
  for (let n = 1; n <= criteriaCount; n++) metByCriterion.set(n, statuses.filter((s) => s.met.includes(n)).length);
  const recognisedCounts = ['standard', 'advanced', 'model']
    .map((tier) => ({ tier, count: statuses.filter((s) => s.tier === tier).length }))
    .filter((t) => t.count > 0);
  return {
    assessedCount: statuses.length,
    syntheticCount: statuses.filter((s) => s.synthetic).length,
    bandCounts,
    averageCriteria: statuses.length ? Math.round((totalCriteria / statuses.length) * 100) / 100 : null,
    totalCriteria,
    metByCriterion,
    recognisedCounts,
  };
}

/** The computed counterpart of a reported metric, when there is one. */
export function computedFor(
  metric: string,
  figures: SummaryFigures,
  communeCount: number,
  options: { band?: string | null; criterion?: number | null },
): number | undefined {
  switch (metric) {
    case 'communes_meeting_standard':
      return figures.recognisedCounts.reduce((sum, t) => sum + t.count, 0);
    case 'communes_in_band': {
      // Documents count 19-criteria communes as "đạt chuẩn"; compare with recognised plus all-met.
      if (options.band === allMetBand) {
        return figures.bandCounts.filter((b) => b.band === allMetBand || b.band === recognisedBand).reduce((s, b) => s + b.count, 0);
      }
      return figures.bandCounts.find((b) => b.band === options.band)?.count;
    }
    case 'avg_criteria':
      return figures.averageCriteria ?? undefined;
    case 'criteria_total':
      return figures.totalCriteria;
    case 'communes_meeting_criterion':
      return options.criterion ? figures.metByCriterion.get(options.criterion) : undefined;
    case 'communes_total':
      return communeCount;
    default:
      return undefined;
  }
}
