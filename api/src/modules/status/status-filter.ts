import { noDataBand } from './band.ts';

export interface StatusFilter {
  bandIn?: string[];
  missingCriterion?: number;
  tier?: string;
  synthetic?: boolean;
}

/** Whether a unit's status (null = not assessed) passes a planner's filter; all conditions must hold. Pure. */
export function matchesStatusFilter(
  status: { band: string; missing: number[]; tier?: string | null; synthetic: boolean } | null,
  filter: StatusFilter,
): boolean {
  if (filter.bandIn?.length && !filter.bandIn.includes(status?.band ?? noDataBand)) return false;
  if (!status) return !filter.missingCriterion && !filter.tier && filter.synthetic === undefined;
  if (filter.missingCriterion && !status.missing.includes(filter.missingCriterion)) return false;
  if (filter.tier && status.tier !== filter.tier) return false;
  if (filter.synthetic !== undefined && status.synthetic !== filter.synthetic) return false;
  return true;
}
