import type { BandDefinition } from '../criteria/criteria-set.entity.ts';

/**
 * Band codes the seed documents report 19-criterion figures in (seeds/docs, communes_in_band). The
 * classes a map or list shows are data of each criteria set (CriteriaSet.bands), never this list.
 */
export const communeBands = ['lt5', '5-9', '10-14', '15-18', 'all-met'] as const;
export type CommuneBand = (typeof communeBands)[number];
export const allMetBand: CommuneBand = 'all-met';
/** Recognised units are shown by their tier, not by count: 19/19 is not "standard met" until decided. */
export const recognisedBand = 'recognised';
export const noDataBand = 'no-data';
/** Wards (phường) and towns (thị trấn, đặc khu) without an assessment: the rural criteria do not apply to them. */
export const notAssessedBand = 'not-assessed';

/**
 * Whether a band is the class of units meeting every criterion of the set: as the set's data says,
 * or (bands loaded before the flag existed) when its range reaches the set's criteria count. Pure.
 */
export function bandMeetsStandard(band: BandDefinition, criteriaCount: number): boolean {
  return band.meetsStandard ?? (band.min <= criteriaCount && criteriaCount <= band.max);
}

export type TierName = 'standard' | 'advanced' | 'model';
const tierRank: Record<TierName, number> = { standard: 1, advanced: 2, model: 3 };

export function higherTier(a: TierName | null, b: TierName | null): TierName | null {
  if (!a) return b;
  if (!b) return a;
  return tierRank[a] >= tierRank[b] ? a : b;
}

/**
 * The band of a unit for the legend: "recognised" when a recognition decision holds, otherwise the
 * set's band containing the number of criteria met (so 19/19 unrecognised falls in "all-met").
 * Pure; every map, list and summary classifies through it.
 */
export function classifyBand(criteriaMet: number, bands: BandDefinition[], recognisedTier: TierName | null): string {
  if (recognisedTier) return recognisedBand;
  const band = bands.find((b) => criteriaMet >= b.min && criteriaMet <= b.max);
  if (!band) throw new RangeError(`${criteriaMet} criteria fall in no band of this set`);
  return band.code;
}
