import { GraphQLScalarType, Kind } from 'graphql';

/** A JSON object passed through as it is stored (audit snapshots). Output only. */
export const JSONObjectScalar = new GraphQLScalarType({
  name: 'JSONObject',
  description: 'A JSON object, as stored',
  serialize(value) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new TypeError('JSONObject must be an object');
    return value;
  },
  parseValue() {
    throw new TypeError('JSONObject is an output type');
  },
  parseLiteral(ast) {
    throw new TypeError(`JSONObject is an output type (got a ${ast.kind === Kind.OBJECT ? 'literal object' : ast.kind})`);
  },
});
