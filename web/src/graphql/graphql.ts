import { initGraphQLTada } from 'gql.tada';
import type { Geometry } from 'geojson';
import type { introspection } from './graphql-env.d.ts';

/**
 * Client documents typed from the committed api/schema.graphql (through graphql-env.d.ts, which
 * `npm run typecheck:web` regenerates): a field the schema renames or drops fails the type check.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { GeoJSON: Geometry; DateTimeISO: string; JSONObject: Record<string, unknown> };
}>();

export type { ResultOf, VariablesOf } from 'gql.tada';
