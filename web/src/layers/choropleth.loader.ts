import type { Client } from 'urql';
import { graphql, type ResultOf, type VariablesOf } from '../graphql/graphql.ts';
import { queryData } from '../graphql/query.ts';
import { bandOrder, displayBand } from '../map/map-style.ts';
import type { Legend, LayerResult, MapLayer } from './layer.ts';

// The columnar form: a national commune layer is ~10,000 units, which as objects costs the server
// 80,000 resolved fields per load and as columns eight lists.
const choroplethQuery = graphql(`
  query Choropleth($parentCode: String, $level: AdminLevel!, $year: Int!, $set: String) {
    choroplethColumns(parentCode: $parentCode, level: $level, year: $year, set: $set) {
      codes criteriaMet criteriaTotal bands tiers synthetic averageCriteria communesAssessed
    }
  }
`);

/** The columns as the schema types them. */
export type ChoroplethColumns = ResultOf<typeof choroplethQuery>['choroplethColumns'];
type ChoroplethRequest = VariablesOf<typeof choroplethQuery>;

export interface ChoroplethEntry {
  code: string;
  criteriaMet: number | null;
  criteriaTotal: number | null;
  band: string;
  /** The band with recognised units split by tier: what the map and legend show. */
  displayBand: string;
  tier: ChoroplethColumns['tiers'][number];
  synthetic: boolean;
  averageCriteria: number | null;
  communesAssessed: number | null;
}

export type ChoroplethEntries = Map<string, ChoroplethEntry>;

/** The thin colouring list for one layer and year; geometry is loaded separately and kept. */
export async function loadChoropleth(client: Client, request: ChoroplethRequest): Promise<LayerResult<ChoroplethEntries>> {
  const { choroplethColumns } = await queryData(client, choroplethQuery, request);
  const list = entriesFromColumns(choroplethColumns);
  const legend: Legend = { counts: legendCounts(list), syntheticCount: list.filter((e) => e.synthetic).length };
  return { data: new Map(list.map((e) => [e.code, e])), legend, alerts: [] };
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

/** Units coloured by band for the year and set: feature state on the drawn units. */
export const choroplethLayer: MapLayer<ChoroplethEntries, ChoroplethRequest, 'choropleth'> = {
  id: 'choropleth',
  request: ({ scope, level, year, set }) => ({ parentCode: scope?.code ?? null, level, year, set }),
  load: loadChoropleth,
  draw: (entries) => ({
    kind: 'unit-state',
    states: () => new Map([...entries].map(([code, { displayBand, synthetic }]) => [code, { band: displayBand, synthetic }])),
    count: { attribute: 'colouredUnits', of: (states) => states.size },
  }),
};
