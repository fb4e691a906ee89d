import depthLimit from 'graphql-depth-limit';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { createRequire } from 'node:module';
import type { ApolloServerPlugin } from '@apollo/server';

// Its ESM build imports graphql's .mjs files while type-graphql and Apollo use graphql's CommonJS
// entry; two copies of graphql reject each other's schema, so take its CommonJS build.
const { fieldExtensionsEstimator, getComplexity, simpleEstimator } = createRequire(import.meta.url)(
  'graphql-query-complexity',
) as typeof import('graphql-query-complexity');

export const maxQueryDepth = 10;
export const maxQueryComplexity = 20_000;

export const depthLimitRule = depthLimit(maxQueryDepth);

/**
 * The estimate coerces the variables before graphql-js does; variables of the wrong type or shape
 * are the client's error, reported as such rather than as an internal one.
 */
function estimate(run: () => number): number {
  try {
    return run();
  } catch (error) {
    if (error instanceof GraphQLError || (error as Error | undefined)?.name === 'GraphQLError') throw new GraphQLError((error as Error).message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
    throw error;
  }
}

/**
 * Rejects queries whose estimated cost is too high before they run. Lists cost their page size
 * (`first`) times their selection, so `units(first: 1000) { children { geometry } }` is refused.
 */
export function complexityPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const complexity = estimate(() => getComplexity({
            schema,
            operationName: request.operationName,
            query: document,
            variables: request.variables,
            estimators: [
              fieldExtensionsEstimator(),
              ({ args, childComplexity }) =>
                typeof args.first === 'number' ? args.first * (childComplexity || 1) : undefined,
              simpleEstimator({ defaultComplexity: 1 }),
            ],
          }));
          if (complexity > maxQueryComplexity) {
            throw new GraphQLError(
              `Query is too complex: estimated cost ${complexity}, limit ${maxQueryComplexity}. Ask for fewer units per page or fewer nested fields.`,
              { extensions: { code: 'QUERY_TOO_COMPLEX', complexity, limit: maxQueryComplexity, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
