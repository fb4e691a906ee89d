import type { Client } from 'urql';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { simplifyFor, type Level } from '../navigation/drill-down.ts';

export interface UnitFeatureProperties {
  code: string;
  name: string;
  shortName: string;
  level: Level;
  kind: string;
  areaKm2: number | null;
  geomMatch: string | null;
}

export interface UnitSummary extends UnitFeatureProperties {
  bbox: [number, number, number, number] | null;
  hasGeometry: boolean;
}

/** What a layer loader hands the map: data, plus problems to show the user instead of crashing. */
export interface LayerResult {
  data: FeatureCollection<Geometry, UnitFeatureProperties>;
  units: UnitSummary[];
  alerts: string[];
}

/** Units per request: pages stay under the API's query-cost limit (page size × fields). */
const layerPageSize = 400;
/** The most units one layer draws (the largest province has about 560 communes). */
const layerLimit = 2000;

const layerQuery = `
  query AdminUnitLayer($filter: UnitFilter!, $simplify: Float!, $after: String) {
    units(filter: $filter, first: ${layerPageSize}, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { code name shortName level kind areaKm2 geomMatch bbox geometry(simplify: $simplify) }
    }
  }
`;

interface LayerNode extends UnitFeatureProperties {
  bbox: [number, number, number, number] | null;
  geometry: Geometry | null;
}

/**
 * Which units a layer draws: the children of a unit, every unit of a level, or (for planners'
 * filters) every unit of a level below a unit.
 */
export type LayerScope = { parentCode: string; level: Level } | { withinCode: string; level: Level } | { level: Level };

/** Boundaries of the units in `scope`, generalised for their level. */
export async function loadAdminUnitLayer(client: Client, scope: LayerScope): Promise<LayerResult> {
  const filter = 'parentCode' in scope ? { parentCode: scope.parentCode } : scope;
  const nodes: LayerNode[] = [];
  let after: string | null = null;
  let totalCount = 0;
  do {
    const result = await client.query(layerQuery, { filter, simplify: simplifyFor(scope.level), after }).toPromise();
    if (result.error) throw result.error;
    nodes.push(...result.data.units.nodes);
    totalCount = result.data.units.totalCount;
    after = result.data.units.pageInfo.hasNextPage ? result.data.units.pageInfo.endCursor : null;
  } while (after && nodes.length < layerLimit);
  const alerts: string[] = [];
  const withoutGeometry = nodes.filter((n) => !n.geometry);
  if (withoutGeometry.length) alerts.push(`no-polygon:${withoutGeometry.map((n) => n.shortName).join(', ')}`);
  if (totalCount > nodes.length) alerts.push(`truncated:${nodes.length}/${totalCount}`);

  const features: Feature<Geometry, UnitFeatureProperties>[] = nodes
    .filter((n) => n.geometry)
    .map(({ geometry, bbox: _bbox, ...properties }) => ({ type: 'Feature', id: properties.code, geometry: geometry!, properties }));
  return {
    data: { type: 'FeatureCollection', features },
    units: nodes.map(({ geometry, ...rest }) => ({ ...rest, hasGeometry: geometry !== null })),
    alerts,
  };
}
