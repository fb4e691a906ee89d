import { GraphQLScalarType, Kind } from 'graphql';

/** An RFC 7946 geometry object in EPSG:4326, passed through as JSON. Output only. */
export const GeoJSONScalar = new GraphQLScalarType({
  name: 'GeoJSON',
  description: 'An RFC 7946 GeoJSON geometry (longitude, latitude in EPSG:4326)',
  serialize(value) {
    if (value === null || typeof value !== 'object') throw new TypeError('GeoJSON must be an object');
    return value;
  },
  parseValue() {
    throw new TypeError('GeoJSON is an output type');
  },
  parseLiteral(ast) {
    throw new TypeError(`GeoJSON is an output type (got a ${ast.kind === Kind.OBJECT ? 'literal object' : ast.kind})`);
  },
});
