import type { Client } from 'urql';
import type { Feature, Geometry } from 'geojson';
import { graphql, type ResultOf } from '../graphql/graphql.ts';
import { queryData } from '../graphql/query.ts';
import { simplifyFor } from '../navigation/drill-down.ts';
import { lineageLayers, lineageSourceId } from '../map/map-style.ts';
import { asOfYear } from '../view/as-of.ts';
import type { LayerResult, MapLayer } from './layer.ts';

/**
 * "Then and now": the selected unit's predecessors (what it was formed from, with their last
 * status from the derived roll-up) and successors (what it became), by (code, date).
 */
const lineageQuery = graphql(`
  query UnitLineage($code: String!, $asOf: String!, $year: Int!, $simplify: Float!) {
    unit(code: $code, asOf: $asOf) {
      code name level
      predecessors { part areaShare effectiveDate kind source unit { code name shortName level geometry(simplify: $simplify) } }
      successors { part areaShare effectiveDate kind source unit { code name shortName level geometry(simplify: $simplify) } }
      rollUp(year: $year) {
        derived upToYear
        predecessors {
          weight year
          link { unit { code } }
          status { criteriaMet criteriaTotal band tier synthetic }
          assessment { synthetic sourceRef sourceDocument { key number title } }
        }
      }
    }
  }
`);

type LineageUnit = ResultOf<typeof lineageQuery>['unit'];
type Link = LineageUnit['predecessors'][number];
type RollUpEntry = NonNullable<LineageUnit['rollUp']>['predecessors'][number];

/** One unit at the other end of a reform, as the panel lists it. */
export interface LineageEntry {
  relation: 'predecessor' | 'successor';
  code: string;
  name: string;
  part: Link['part'];
  areaShare: number | null;
  effectiveDate: string;
  source: string;
  /** Predecessors only: its own last record before the reform (from the derived roll-up); null without one. */
  last: { year: number | null; status: RollUpEntry['status']; assessment: RollUpEntry['assessment']; weight: number } | null;
}

export interface Lineage {
  code: string;
  name: string;
  level: LineageUnit['level'];
  entries: LineageEntry[];
  /** The roll-up's latest year read; null when the unit has no predecessors. */
  upToYear: number | null;
  outlines: Feature<Geometry, { code: string; name: string; relation: LineageEntry['relation'] }>[];
}

interface LineageRequest {
  code: string;
  asOf: string;
  year: number;
  simplify: number;
}

/** Pure: the panel's entries and the map's outlines from the API's answer. */
export function lineageOf(unit: LineageUnit): Lineage {
  const rolled = new Map((unit.rollUp?.predecessors ?? []).map((entry) => [entry.link.unit.code, entry]));
  const entry =
    (relation: LineageEntry['relation']) =>
    (link: Link): LineageEntry => {
      const last = relation === 'predecessor' ? rolled.get(link.unit.code) : undefined;
      return {
        relation,
        code: link.unit.code,
        name: link.unit.name,
        part: link.part,
        areaShare: link.areaShare ?? null,
        effectiveDate: link.effectiveDate,
        source: link.source,
        last: last ? { year: last.year ?? null, status: last.status ?? null, assessment: last.assessment ?? null, weight: last.weight } : null,
      };
    };
  const links = [
    ...unit.predecessors.map((l) => ({ l, relation: 'predecessor' as const })),
    ...unit.successors.map((l) => ({ l, relation: 'successor' as const })),
  ];
  return {
    code: unit.code,
    name: unit.name,
    level: unit.level,
    entries: [...unit.predecessors.map(entry('predecessor')), ...unit.successors.map(entry('successor'))],
    upToYear: unit.rollUp?.upToYear ?? null,
    outlines: links.flatMap(({ l, relation }) =>
      l.unit.geometry
        ? [{ type: 'Feature' as const, geometry: l.unit.geometry as Geometry, properties: { code: l.unit.code, name: l.unit.name, relation } }]
        : [],
    ),
  };
}

export async function loadLineage(client: Client, { code, asOf, year, simplify }: LineageRequest): Promise<LayerResult<Lineage>> {
  const { unit } = await queryData(client, lineageQuery, { code, asOf, year, simplify });
  return { data: lineageOf(unit), legend: null, alerts: [] };
}

/** The selected unit's predecessors and successors, outlined on the map and listed in the panel. */
export const lineageLayer: MapLayer<Lineage, LineageRequest, 'lineage'> = {
  id: 'lineage',
  // The 2025 reform links provinces and communes (districts were abolished, not merged).
  request: ({ selected, year }) =>
    selected && selected.level !== 'DISTRICT' ? { code: selected.code, asOf: asOfYear(year), year, simplify: simplifyFor(selected.level) } : null,
  load: loadLineage,
  draw: ({ outlines }) => ({
    kind: 'source',
    sourceId: lineageSourceId,
    source: { type: 'geojson', data: { type: 'FeatureCollection', features: outlines } },
    style: lineageLayers(lineageSourceId),
  }),
};
