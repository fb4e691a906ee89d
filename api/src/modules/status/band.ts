import type { BandDefinition } from '../criteria/criteria-set.entity.ts';

/**
 * Band codes of the commune sets (seeds/criteria/*.json), fewest criteria first; a set's own list
 * is data, these are the codes documents report figures in. "all-met": every criterion met, not recognised.
 */
export const communeBands = ['lt5', '5-9', '10-14', '15-18', 'all-met'] as const;
export type CommuneBand = (typeof communeBands)[number];
export const allMetBand: CommuneBand = 'all-met';
/** Recognised units are shown by their tier, not by count: 19/19 is not "standard met" until decided. */
export const recognisedBand = 'recognised';
export const noDataBand = 'no-data';
/** Every band a map legend or a filter may show. */
export const bandCodes: readonly string[] = [...communeBands, recognisedBand, noDataBand];

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
