import type { Client } from 'urql';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { graphql, type ResultOf } from '../graphql/graphql.ts';
import { queryData } from '../graphql/query.ts';
import type { Level } from '../graphql/codes.ts';
import { simplifyFor } from '../navigation/drill-down.ts';
import { boundsOf, vietnamBounds, type Bounds } from '../map/bounds.ts';
import { unitLayers, unitsSourceId, unitTilesSource, unitTilesSourceId, unitTilesSourceLayer } from '../map/map-style.ts';
import type { LayerAlert, LayerResult, MapLayer } from './layer.ts';
import { boundariesDateOf } from '../view/as-of.ts';

/** Units per request: pages stay under the API's query-cost limit (page size × fields). */
const layerPageSize = 400;
/** The most units one layer draws (the largest province has about 560 communes). */
const layerLimit = 2000;

const layerQuery = graphql(`
  query AdminUnitLayer($filter: UnitFilter!, $simplify: Float!, $after: String, $first: Int!) {
    units(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { code name shortName level kind areaKm2 geomMatch bbox geometry(simplify: $simplify) }
    }
  }
`);

type LayerNode = ResultOf<typeof layerQuery>['units']['nodes'][number];

export type UnitFeatureProperties = Omit<LayerNode, 'bbox' | 'geometry'>;

export interface UnitSummary extends UnitFeatureProperties {
  bbox: Bounds | null;
  hasGeometry: boolean;
}

/**
 * Which units a layer draws: the children of a unit, every unit of a level, or (for planners'
 * filters) every unit of a level below a unit; at country level, a whole level from vector tiles.
 */
export type LayerScope = ({ parentCode: string; level: Level } | { withinCode: string; level: Level } | { level: Level } | { tilesLevel: Level }) & {
  /** The units in force on this date (the year shown, as of 31 December). */
  asOf: string;
};

/** Boundaries from GeoJSON (drill-down) or from the vector tiles (a national view). */
export type UnitBoundaries =
  | { kind: 'geojson'; data: FeatureCollection<Geometry, UnitFeatureProperties>; units: UnitSummary[] }
  | { kind: 'tiles'; level: Level; asOf: string };

/** Boundaries of the units in `scope`, generalised for their level. */
export async function loadAdminUnitLayer(client: Client, scope: LayerScope): Promise<LayerResult<UnitBoundaries>> {
  // The tiles carry a national view's geometry; its units are not listed one by one.
  if ('tilesLevel' in scope) return { data: { kind: 'tiles', level: scope.tilesLevel, asOf: scope.asOf }, legend: null, alerts: [] };
  const filter = 'parentCode' in scope ? { parentCode: scope.parentCode, asOf: scope.asOf } : scope;
  const nodes: LayerNode[] = [];
  let after: string | null = null;
  let totalCount = 0;
  do {
    const { units }: ResultOf<typeof layerQuery> = await queryData(client, layerQuery, {
      filter,
      simplify: simplifyFor(scope.level),
      after,
      first: layerPageSize,
    });
    nodes.push(...units.nodes);
    totalCount = units.totalCount;
    after = units.pageInfo.hasNextPage ? (units.pageInfo.endCursor ?? null) : null;
  } while (after && nodes.length < layerLimit);
  const alerts: LayerAlert[] = [];
  const withoutGeometry = nodes.filter((n) => !n.geometry);
  if (withoutGeometry.length) alerts.push({ kind: 'no-polygon', units: withoutGeometry.map((n) => n.shortName) });
  if (totalCount > nodes.length) alerts.push({ kind: 'truncated', shown: nodes.length, total: totalCount });

  const features = nodes.flatMap(({ geometry, bbox: _bbox, ...properties }): Feature<Geometry, UnitFeatureProperties>[] =>
    geometry ? [{ type: 'Feature', id: properties.code, geometry, properties }] : [],
  );
  return {
    data: {
      kind: 'geojson',
      data: { type: 'FeatureCollection', features },
      units: nodes.map(({ geometry, bbox, ...rest }) => ({ ...rest, bbox: bbox as Bounds | null, hasGeometry: geometry !== null })),
    },
    legend: null,
    alerts,
  };
}

/** The units the user drills through: drawn, hovered, clicked and selected on the map. */
export const adminUnitsLayer: MapLayer<UnitBoundaries, LayerScope, 'admin-units'> = {
  id: 'admin-units',
  request: ({ tilesLevel, scope, showCommunes, level, year }) => {
    const asOf = boundariesDateOf(year);
    return tilesLevel
      ? { tilesLevel, asOf }
      : scope === null
        ? { level, asOf }
        : showCommunes
          ? { withinCode: scope.code, level, asOf }
          : { parentCode: scope.code, level, asOf };
  },
  load: loadAdminUnitLayer,
  draw: (boundaries) =>
    boundaries.kind === 'tiles'
      ? {
          kind: 'source',
          sourceId: unitTilesSourceId,
          source: unitTilesSource(boundaries.level, window.location.origin, boundaries.asOf),
          sourceLayer: unitTilesSourceLayer,
          style: unitLayers(unitTilesSourceId, unitTilesSourceLayer),
          units: { fit: { bounds: vietnamBounds, padding: 12, duration: 0 } },
        }
      : {
          kind: 'source',
          sourceId: unitsSourceId,
          source: { type: 'geojson', data: boundaries.data, promoteId: 'code' },
          style: unitLayers(unitsSourceId),
          units: { fit: { bounds: boundsOf(boundaries.units), padding: 24, duration: 600 } },
        },
};
