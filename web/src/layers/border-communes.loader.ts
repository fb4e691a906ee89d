import type { Client } from 'urql';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { graphql } from '../graphql/graphql.ts';
import { queryData } from '../graphql/query.ts';
import { borderCommuneLayers, borderCommunesSourceId } from '../map/map-style.ts';
import type { LayerResult, MapLayer } from './layer.ts';

/** More border communes than any province has (Lạng Sơn: about 30). */
const borderLimit = 400;

const borderCommunesQuery = graphql(`
  query BorderCommunes($withinCode: String!, $first: Int!) {
    units(filter: { level: COMMUNE, withinCode: $withinCode, flags: ["border"] }, first: $first) {
      totalCount
      nodes { code geometry(simplify: 0.0002) }
    }
  }
`);

type BorderCommunes = FeatureCollection<Geometry, { code: string }>;

/** Outlines of the border communes (xã biên giới) below the province or district on the map. */
async function loadBorderCommunes(client: Client, request: { withinCode: string }): Promise<LayerResult<BorderCommunes>> {
  const { units } = await queryData(client, borderCommunesQuery, { ...request, first: borderLimit });
  const features = units.nodes.flatMap(({ code, geometry }): Feature<Geometry, { code: string }>[] =>
    geometry ? [{ type: 'Feature', id: code, geometry, properties: { code } }] : [],
  );
  return {
    data: { type: 'FeatureCollection', features },
    legend: null,
    alerts: units.totalCount > units.nodes.length ? [{ kind: 'truncated', shown: units.nodes.length, total: units.totalCount }] : [],
  };
}

/** An example thematic layer: border communes outlined over whatever the map colours. */
export const borderCommunesLayer: MapLayer<BorderCommunes, { withinCode: string }, 'border-communes'> = {
  id: 'border-communes',
  request: ({ scope, tilesLevel }) => (scope && !tilesLevel ? { withinCode: scope.code } : null),
  load: loadBorderCommunes,
  draw: (data) => ({ kind: 'source', sourceId: borderCommunesSourceId, source: { type: 'geojson', data }, style: borderCommuneLayers(borderCommunesSourceId) }),
};
