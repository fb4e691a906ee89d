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

// The columnar form: a national commune layer is ~10,000 units, which as objects costs the server
// 80,000 resolved fields per load and as columns eight lists.
const choroplethQuery = `
  query Choropleth($parentCode: String, $level: AdminLevel!, $year: Int!, $set: String) {
    choroplethColumns(parentCode: $parentCode, level: $level, year: $year, set: $set) {
      codes criteriaMet criteriaTotal bands tiers synthetic averageCriteria communesAssessed
    }
  }
`;

export interface ChoroplethColumns {
  codes: string[];
  criteriaMet: (number | null)[];
  criteriaTotal: (number | null)[];
  bands: string[];
  tiers: (string | null)[];
  synthetic: boolean[];
  averageCriteria: (number | null)[];
  communesAssessed: (number | null)[];
}

/** The thin colouring list for one layer and year; geometry is loaded separately and kept. */
export async function loadChoropleth(client: Client, parentCode: string | null, level: Level, year: number, set: string | null): Promise<ChoroplethResult> {
  const result = await client.query(choroplethQuery, { parentCode, level, year, set }).toPromise();
  if (result.error) throw result.error;
  const list = entriesFromColumns(result.data.choroplethColumns);
  return {
    entries: new Map(list.map((e) => [e.code, e])),
    legend: legendCounts(list),
    syntheticCount: list.filter((e) => e.synthetic).length,
  };
}

/** One entry per unit from the parallel columns, with the band the map shows. Pure. */
export function entriesFromColumns(columns: ChoroplethColumns): ChoroplethEntry[] {
  return columns.codes.map((code, i) => ({
    code,
    criteriaMet: columns.criteriaMet[i],
    criteriaTotal: columns.criteriaTotal[i],
    band: columns.bands[i],
    displayBand: displayBand(columns.bands[i], columns.tiers[i]),
    tier: columns.tiers[i],
    synthetic: columns.synthetic[i],
    averageCriteria: columns.averageCriteria[i],
    communesAssessed: columns.communesAssessed[i],
  }));
}

/** Counts per band in legend order, every band listed. Pure. */
export function legendCounts(entries: { displayBand: string }[]): { band: string; count: number }[] {
  const extra = [...new Set(entries.map((e) => e.displayBand))].filter((band) => !bandOrder.includes(band));
  return [...bandOrder.slice(0, -1), ...extra, bandOrder.at(-1)!].map((band) => ({ band, count: entries.filter((e) => e.displayBand === band).length }));
}
