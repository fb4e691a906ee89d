import depthLimit from 'graphql-depth-limit';
import { GraphQLError, NoFragmentCyclesRule, validate, type GraphQLSchema, type ValidationContext, type ASTVisitor } from 'graphql';
import { createRequire } from 'node:module';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ComplexityEstimator } from 'graphql-query-complexity';

// Its ESM build imports graphql's .mjs files while type-graphql and Apollo use graphql's CommonJS
// entry; two copies of graphql reject each other's schema, so take its CommonJS build.
const { fieldExtensionsEstimator, getComplexity, simpleEstimator } = createRequire(import.meta.url)(
  'graphql-query-complexity',
) as typeof import('graphql-query-complexity');

export const maxQueryDepth = 10;
/** Room for one national commune layer and its columns twin (2 × ~11,200), not for a third. */
export const maxQueryComplexity = 25_000;
/** `choropleth`, `choroplethColumns` and `summary` each scan every unit of an area; a map view asks one or two. */
export const maxExpensiveFieldsPerOperation = 4;
/** Wall time of one operation's execution; fields that start later fail with QUERY_TIMEOUT. */
export const executionBudgetMs = 15_000;
/** List entries one response may hold (a national commune choropleth holds 10,000 × 8 as columns). */
export const maxResponseListEntries = 500_000;

/**
 * graphql-depth-limit follows fragment spreads without remembering them, so a fragment cycle (which
 * graphql-js refuses in the same validation pass) overflowed its stack. It runs only on documents
 * without cycles; the cyclic ones get graphql-js's own GRAPHQL_VALIDATION_FAILED.
 */
const depthLimitOf = depthLimit(maxQueryDepth);
export function depthLimitRule(context: ValidationContext): ASTVisitor {
  if (validate(context.getSchema(), context.getDocument(), [NoFragmentCyclesRule]).length) return {};
  return depthLimitOf(context);
}

/** Upper bounds of the units in force in any year since 2016 (63 provinces, ~710 districts, ~11,160 communes). */
const unitsAtLevel = { PROVINCE: 64, DISTRICT: 720, COMMUNE: 11_200 } as const;
/** Most units under one province (2-digit code), e.g. Thanh Hóa's ~600 communes. */
const unitsUnderProvince = { PROVINCE: 1, DISTRICT: 40, COMMUNE: 700 } as const;
/** Most communes under one district (3-digit code). */
const unitsUnderDistrict = 60;

/** Rows an area-wide field reads: every unit of a level, in the country, a province or a district. */
function areaRows(level: unknown, parentCode: unknown): number {
  const key = (typeof level === 'string' && level in unitsAtLevel ? level : 'COMMUNE') as keyof typeof unitsAtLevel;
  if (typeof parentCode !== 'string') return unitsAtLevel[key];
  return parentCode.length <= 2 ? unitsUnderProvince[key] : Math.min(unitsUnderProvince[key], unitsUnderDistrict);
}

/** `summary` counts every commune under its unit. */
const summaryRows = (unitCode: unknown) => areaRows('COMMUNE', unitCode);

/**
 * Lists bounded by the data rather than by a `first` argument, that can grow long: rows one parent
 * can have. (`children` prices itself in its resolver; short lists such as flags or a status's items
 * cost one plus their selection.)
 */
const rowsPerParent: Record<string, number> = {
  assessments: 40,
  targets: 40,
  indicatorValues: 100,
  dataQualityFindings: 200,
  users: 200,
};

const expensiveFields = new Set(['choropleth', 'choroplethColumns', 'summary']);

/**
 * Prices each field by the rows it can return: area-wide fields by the units they scan, lists by
 * their page size (`first`) or by the most rows a parent has, each times its selection. Aliases and
 * fragment spreads are priced once per occurrence (graphql-query-complexity walks them so).
 */
function rowEstimator(countExpensive: () => void): ComplexityEstimator {
  return ({ field, args, childComplexity }) => {
    if (expensiveFields.has(field.name)) {
      countExpensive();
      // One thin row per unit: their selections are a handful of scalars.
      return (field.name === 'summary' ? summaryRows(args.unitCode) : areaRows(args.level, args.parentCode)) + childComplexity;
    }
    if (typeof args.first === 'number') return args.first * (childComplexity || 1);
    if (typeof args.last === 'number') return args.last * (childComplexity || 1);
    const rows = rowsPerParent[field.name];
    return rows === undefined ? undefined : rows * (childComplexity || 1);
  };
}

/**
 * The estimate coerces the variables before graphql-js does; variables of the wrong type or shape
 * are the client's error, reported as such rather than as an internal one.
 */
function estimate(run: () => number): number {
  try {
    return run();
  } catch (error) {
    if (error instanceof GraphQLError || (error as Error | undefined)?.name === 'GraphQLError')
      throw new GraphQLError((error as Error).message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
    throw error;
  }
}

const tooComplex = (message: string, extensions: Record<string, unknown>) =>
  new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', ...extensions, http: { status: 400 } } });

/**
 * Rejects queries whose estimated cost is too high before they run (see rowEstimator), then bounds
 * what runs: a wall-time budget checked as each field starts, and a cap on the list entries of the
 * response, so an estimate that undershoots still cannot hold a connection or memory for long.
 */
export function complexityPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let expensive = 0;
          const complexity = estimate(() =>
            getComplexity({
              schema,
              operationName: request.operationName,
              query: document,
              variables: request.variables,
              estimators: [fieldExtensionsEstimator(), rowEstimator(() => expensive++), simpleEstimator({ defaultComplexity: 1 })],
            }),
          );
          if (expensive > maxExpensiveFieldsPerOperation) {
            throw tooComplex(
              `Query asks for ${expensive} choropleth/summary fields (aliases and fragments included); the limit is ${maxExpensiveFieldsPerOperation} per request.`,
              { expensiveFields: expensive, limit: maxExpensiveFieldsPerOperation },
            );
          }
          if (complexity > maxQueryComplexity) {
            throw tooComplex(
              `Query is too complex: estimated cost ${complexity}, limit ${maxQueryComplexity}. Ask for fewer units per page or fewer nested fields.`,
              { complexity, limit: maxQueryComplexity },
            );
          }
        },
        async executionDidStart() {
          const deadline = Date.now() + executionBudgetMs;
          let listEntries = 0;
          return {
            willResolveField() {
              if (listEntries > maxResponseListEntries) {
                throw new GraphQLError(`The response would hold more than ${maxResponseListEntries} list entries; ask for less.`, {
                  extensions: { code: 'RESPONSE_TOO_LARGE' },
                });
              }
              if (Date.now() > deadline) {
                throw new GraphQLError(`The query ran past its time budget of ${executionBudgetMs / 1000} s; ask for less.`, {
                  extensions: { code: 'QUERY_TIMEOUT' },
                });
              }
              return (_error, result) => {
                if (Array.isArray(result)) listEntries += result.length;
              };
            },
          };
        },
      };
    },
  };
}
