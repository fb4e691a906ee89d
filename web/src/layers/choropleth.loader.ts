import type { Client } from 'urql';
import { graphql, type ResultOf, type VariablesOf } from '../graphql/graphql.ts';
import { queryData } from '../graphql/query.ts';
import { bandColours, displayBand, palette, setBandColours, tierClasses } from '../map/map-style.ts';
import type { Legend, LegendClass, LayerResult, MapLayer } from './layer.ts';
import { measured, shareClasses, type AreaMeasure } from './area-measure.ts';

// The columnar form: a national commune layer is ~10,000 units, which as objects costs the server
// 80,000 resolved fields per load and as columns eight lists.
const choroplethQuery = graphql(`
  query Choropleth($parentCode: String, $level: AdminLevel!, $year: Int!, $set: String, $includeDemo: Boolean!, $kind: AssessmentKind!) {
    choroplethColumns(parentCode: $parentCode, level: $level, year: $year, set: $set, includeDemo: $includeDemo, kind: $kind) {
      codes criteriaMet criteriaTotal bands tiers synthetic averageCriteria communesAssessed communesDemo communesLagging communesMeetingAll
    }
    criteriaSetForYear(year: $year, set: $set) { code criteriaCount bands { code labelVi labelEn meetsStandard } }
  }
`);

/** The columns as the schema types them. */
export type ChoroplethColumns = ResultOf<typeof choroplethQuery>['choroplethColumns'];
/** The legend classes of the set the layer is coloured with, as the API serves them (lowest first). */
export type SetBands = NonNullable<ResultOf<typeof choroplethQuery>['criteriaSetForYear']>['bands'];
type ChoroplethRequest = VariablesOf<typeof choroplethQuery> & { measure: AreaMeasure };

export interface ChoroplethEntry {
  code: string;
  criteriaMet: number | null;
  criteriaTotal: number | null;
  band: string;
  /** The band with recognised units split by tier: what the map and legend show. */
  displayBand: string;
  /** The colour of that class, from the criteria set's bands. */
  colour: string;
  tier: ChoroplethColumns['tiers'][number];
  synthetic: boolean;
  averageCriteria: number | null;
  communesAssessed: number | null;
  /** Districts and provinces: of their communes assessed, how many are demo data. */
  communesDemo: number | null;
  /** Districts and provinces: communes in the two lowest classes of their set. */
  communesLagging: number | null;
  /** Districts and provinces: communes meeting every criterion. */
  communesMeetingAll: number | null;
}

export type ChoroplethEntries = Map<string, ChoroplethEntry>;

/** The thin colouring list for one layer and year; geometry is loaded separately and kept. */
export async function loadChoropleth(client: Client, { measure, ...variables }: ChoroplethRequest): Promise<LayerResult<ChoroplethEntries>> {
  const { choroplethColumns, criteriaSetForYear } = await queryData(client, choroplethQuery, variables);
  const setBands = criteriaSetForYear?.bands ?? [];
  const byBand = entriesFromColumns(choroplethColumns, setBands);
  // A share only means something for districts and provinces; communes keep their classes.
  const areas = byBand.some((e) => e.communesAssessed !== null);
  const shown = areas ? measure : 'average';
  const list = measured(byBand, shown);
  const counts = legendCounts(list, setBands);
  const legend: Legend = {
    counts: shown === 'average' ? counts : shareClasses(list, shown, counts.at(-1)!),
    measure: areas ? shown : null,
    syntheticCount: list.filter((e) => e.synthetic).length,
    documentedCount: list.filter((e) => e.band !== 'no-data' && e.band !== 'not-assessed' && !e.synthetic).length,
    includesDemo: variables.includeDemo,
    communes: communesBySource(list),
    criteriaCount: criteriaSetForYear?.criteriaCount ?? null,
  };
  return { data: new Map(list.map((e) => [e.code, e])), legend, alerts: [] };
}

/**
 * For districts and provinces, coloured from their communes: how many of those communes are
 * documented and how many demo; null for a layer of communes. Pure.
 */
export function communesBySource(entries: ChoroplethEntry[]): Legend['communes'] {
  const areas = entries.filter((e) => e.communesAssessed !== null);
  if (areas.length === 0) return null;
  const demo = areas.reduce((sum, e) => sum + (e.communesDemo ?? 0), 0);
  return { documented: areas.reduce((sum, e) => sum + (e.communesAssessed ?? 0), 0) - demo, demo };
}

/** The colour of a class: the set's band colour, else the tier's or "no data" colour. Pure. */
export function classColour(band: string, colours: Record<string, string>): string {
  return colours[band] ?? bandColours[band] ?? palette.land;
}

/** One entry per unit from the parallel columns, with the band the map shows and its colour. Pure. */
export function entriesFromColumns(columns: ChoroplethColumns, setBands: SetBands): ChoroplethEntry[] {
  const colours = setBandColours(setBands);
  return columns.codes.map((code, i) => ({
    code,
    criteriaMet: columns.criteriaMet[i],
    criteriaTotal: columns.criteriaTotal[i],
    band: columns.bands[i],
    displayBand: displayBand(columns.bands[i], columns.tiers[i]),
    colour: classColour(displayBand(columns.bands[i], columns.tiers[i]), colours),
    tier: columns.tiers[i],
    synthetic: columns.synthetic[i],
    averageCriteria: columns.averageCriteria[i],
    communesAssessed: columns.communesAssessed[i],
    communesDemo: columns.communesDemo[i],
    communesLagging: columns.communesLagging[i],
    communesMeetingAll: columns.communesMeetingAll[i],
  }));
}

/**
 * Counts per class in legend order, every class listed: the set's own bands as the API serves them
 * (lowest first, with their labels), the tiers, any class the set does not know, then "no data". Pure.
 */
export function legendCounts(entries: { displayBand: string }[], setBands: SetBands): LegendClass[] {
  const colours = setBandColours(setBands);
  const count = (band: string) => entries.filter((e) => e.displayBand === band).length;
  const own: LegendClass[] = setBands.map((b) => ({
    band: b.code,
    count: count(b.code),
    colour: classColour(b.code, colours),
    label: { vi: b.labelVi, en: b.labelEn },
    meetsStandard: b.meetsStandard,
  }));
  const listed = new Set<string>([...setBands.map((b) => b.code), ...tierClasses, 'no-data']);
  const extra = [...new Set(entries.map((e) => e.displayBand))].filter((band) => !listed.has(band));
  const rest = [...tierClasses, ...extra, 'no-data'].map((band) => ({ band, count: count(band), colour: classColour(band, colours) }));
  return [...own, ...rest];
}

/** Units coloured by band for the year and set: feature state on the drawn units. */
export const choroplethLayer: MapLayer<ChoroplethEntries, ChoroplethRequest, 'choropleth'> = {
  id: 'choropleth',
  request: ({ scope, level, year, set, includeDemo, kind, measure }) => ({ parentCode: scope?.code ?? null, level, year, set, includeDemo, kind, measure }),
  load: loadChoropleth,
  draw: (entries) => ({
    kind: 'unit-state',
    states: () => new Map([...entries].map(([code, { displayBand, colour, synthetic }]) => [code, { band: displayBand, colour, synthetic }])),
    count: { attribute: 'colouredUnits', of: (states) => states.size },
  }),
};
