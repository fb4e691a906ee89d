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

const layerQuery = `
  query AdminUnitLayer($filter: UnitFilter!, $simplify: Float!) {
    units(filter: $filter, first: 200) {
      totalCount
      nodes { code name shortName level kind areaKm2 geomMatch bbox geometry(simplify: $simplify) }
    }
  }
`;

interface LayerNode extends UnitFeatureProperties {
  bbox: [number, number, number, number] | null;
  geometry: Geometry | null;
}

/** Boundaries of the provinces (no parent) or of the children of `parentCode`. */
export async function loadAdminUnitLayer(client: Client, parentCode: string | null, level: Level): Promise<LayerResult> {
  const filter = parentCode ? { parentCode } : { level };
  const result = await client.query(layerQuery, { filter, simplify: simplifyFor(level) }).toPromise();
  if (result.error) throw result.error;
  const nodes: LayerNode[] = result.data.units.nodes;
  const alerts: string[] = [];
  const withoutGeometry = nodes.filter((n) => !n.geometry);
  if (withoutGeometry.length) alerts.push(`no-polygon:${withoutGeometry.map((n) => n.shortName).join(', ')}`);
  if (result.data.units.totalCount > nodes.length) alerts.push(`truncated:${nodes.length}/${result.data.units.totalCount}`);

  const features: Feature<Geometry, UnitFeatureProperties>[] = nodes
    .filter((n) => n.geometry)
    .map(({ geometry, bbox: _bbox, ...properties }) => ({ type: 'Feature', id: properties.code, geometry: geometry!, properties }));
  return {
    data: { type: 'FeatureCollection', features },
    units: nodes.map(({ geometry, ...rest }) => ({ ...rest, hasGeometry: geometry !== null })),
    alerts,
  };
}
