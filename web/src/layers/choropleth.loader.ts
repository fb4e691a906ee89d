import type { Client } from 'urql';
import type { Level } from '../navigation/drill-down.ts';
import { bandOrder, displayBand } from '../map/map-style.ts';

export interface ChoroplethEntry {
  code: string;
  criteriaMet: number | null;
  criteriaTotal: number | null;
  band: string;
  /** The band with recognised units split by tier: what the map and legend show. */
  displayBand: string;
  tier: string | null;
  synthetic: boolean;
  averageCriteria: number | null;
  communesAssessed: number | null;
}

export interface ChoroplethResult {
  entries: Map<string, ChoroplethEntry>;
  legend: { band: string; count: number }[];
  syntheticCount: number;
}

const choroplethQuery = `
  query Choropleth($parentCode: String, $level: AdminLevel!, $year: Int!, $set: String) {
    choropleth(parentCode: $parentCode, level: $level, year: $year, set: $set) {
      code criteriaMet criteriaTotal band tier synthetic averageCriteria communesAssessed
    }
  }
`;

/** The thin colouring list for one layer and year; geometry is loaded separately and kept. */
export async function loadChoropleth(client: Client, parentCode: string | null, level: Level, year: number, set: string | null): Promise<ChoroplethResult> {
  const result = await client.query(choroplethQuery, { parentCode, level, year, set }).toPromise();
  if (result.error) throw result.error;
  const list: ChoroplethEntry[] = result.data.choropleth.map((e: Omit<ChoroplethEntry, 'displayBand'>) => ({ ...e, displayBand: displayBand(e.band, e.tier) }));
  return {
    entries: new Map(list.map((e) => [e.code, e])),
    legend: legendCounts(list),
    syntheticCount: list.filter((e) => e.synthetic).length,
  };
}

/** Counts per band in legend order, every band listed. Pure. */
export function legendCounts(entries: { displayBand: string }[]): { band: string; count: number }[] {
  const extra = [...new Set(entries.map((e) => e.displayBand))].filter((band) => !bandOrder.includes(band));
  return [...bandOrder.slice(0, -1), ...extra, bandOrder.at(-1)!].map((band) => ({ band, count: entries.filter((e) => e.displayBand === band).length }));
}
