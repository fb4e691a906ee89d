import type { ChoroplethEntry } from './choropleth.loader.ts';
import type { LegendClass } from './layer.ts';

/**
 * What colours a district or province: the average criteria met by its communes (which hides the
 * lagging ones), the share of its communes in the set's two lowest classes, or the share meeting
 * every criterion.
 */
export type AreaMeasure = 'average' | 'lagging' | 'complete';
export const areaMeasures: readonly AreaMeasure[] = ['average', 'lagging', 'complete'];

/** Five classes of 20 % each, light to dark: orange for laggards, purple for communes at every criterion. */
const shareRamps: Record<Exclude<AreaMeasure, 'average'>, string[]> = {
  lagging: ['#fff5eb', '#fdd0a2', '#fd8d3c', '#d94801', '#7f2704'],
  complete: ['#f2f0f7', '#cbc9e2', '#9e9ac8', '#756bb1', '#54278f'],
};
const shareBand = (k: number) => `share-${k}`;

/** The share of an area's assessed communes the measure counts; null for a commune or an area without data. Pure. */
export function shareOf(entry: ChoroplethEntry, measure: Exclude<AreaMeasure, 'average'>): number | null {
  if (!entry.communesAssessed) return null;
  const counted = measure === 'lagging' ? entry.communesLagging : entry.communesMeetingAll;
  return (counted ?? 0) / entry.communesAssessed;
}

/** Districts and provinces re-classed by the measure's share (communes keep their band). Pure. */
export function measured(entries: ChoroplethEntry[], measure: AreaMeasure): ChoroplethEntry[] {
  if (measure === 'average') return entries;
  return entries.map((entry) => {
    const share = shareOf(entry, measure);
    if (share === null) return entry;
    const k = Math.min(4, Math.floor(share * 5));
    return { ...entry, displayBand: shareBand(k), colour: shareRamps[measure][k] };
  });
}

/** The legend of a share: five classes of 20 %, then "no data". Pure. */
export function shareClasses(entries: ChoroplethEntry[], measure: Exclude<AreaMeasure, 'average'>, noData: LegendClass): LegendClass[] {
  const classes = shareRamps[measure].map((colour, k) => {
    const range = `${k * 20}–${(k + 1) * 20} %`;
    return { band: shareBand(k), colour, count: entries.filter((e) => e.displayBand === shareBand(k)).length, label: { vi: range, en: range } };
  });
  return [...classes, { ...noData, count: entries.filter((e) => e.displayBand === 'no-data').length }];
}
