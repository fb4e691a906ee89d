import type { Client } from 'urql';
import { graphql } from '../graphql/graphql.ts';
import { queryData } from '../graphql/query.ts';
import { unitFilterFor, type PlannerFilters } from '../planning/planner-filters.ts';
import type { MatchRow } from '../planning/match-table.ts';
import type { LayerResult, MapLayer } from './layer.ts';

/** The most matches one request lists; more are counted and reported as an alert. */
export const matchLimit = 400;

export interface Matches {
  rows: MatchRow[];
  totalCount: number;
  /** Codes of the matches and of their district and province, to mark them on any layer. */
  highlight: Set<string>;
}

const matchesQuery = graphql(`
  query FilterMatches($filter: UnitFilter!, $year: Int!, $first: Int!, $includeDemo: Boolean!) {
    units(filter: $filter, first: $first) {
      totalCount
      nodes {
        code name
        parent { code shortName level parent { code shortName level } }
        flags { flag }
        status(year: $year, includeDemo: $includeDemo) { criteriaMet criteriaTotal band tier synthetic missing }
      }
    }
  }
`);

interface MatchRequest {
  filters: PlannerFilters;
  year: number;
  withinCode: string | null;
  includeDemo: boolean;
}

type Ancestor = { code: string; shortName: string; level: string; parent?: Ancestor | null };

/**
 * A commune's district and province by their level, not their depth: from 2025 a commune's parent
 * is its province (no district). Pure.
 */
export function placeOf(node: { parent?: Ancestor | null }): { district: string | null; province: string } {
  const ancestors: Ancestor[] = [];
  for (let unit = node.parent; unit; unit = unit.parent) ancestors.push(unit);
  return {
    district: ancestors.find((a) => a.level === 'DISTRICT')?.shortName ?? null,
    province: ancestors.find((a) => a.level === 'PROVINCE')?.shortName ?? '',
  };
}

/** Communes matching the planners' filters in a year, below `withinCode` or nationwide. */
export async function loadFilterMatches(client: Client, { filters, year, withinCode, includeDemo }: MatchRequest): Promise<LayerResult<Matches>> {
  const { units } = await queryData(
    client,
    matchesQuery,
    { filter: { ...unitFilterFor(filters, year, withinCode), includeDemo }, year, first: matchLimit, includeDemo },
    { requestPolicy: 'network-only' },
  );
  const { nodes, totalCount } = units;
  return {
    data: {
      rows: nodes.map((node) => ({
        code: node.code,
        name: node.name,
        ...placeOf(node),
        flags: node.flags.map((f) => f.flag),
        criteriaMet: node.status?.criteriaMet ?? null,
        criteriaTotal: node.status?.criteriaTotal ?? null,
        band: node.status?.band ?? 'no-data',
        tier: node.status?.tier ?? null,
        missing: node.status?.missing ?? [],
        synthetic: node.status?.synthetic ?? false,
      })),
      totalCount,
      highlight: new Set(nodes.flatMap((node) => [node.code, node.parent?.code, node.parent?.parent?.code].filter((c): c is string => !!c))),
    },
    legend: null,
    alerts: totalCount > nodes.length ? [{ kind: 'truncated', shown: nodes.length, total: totalCount }] : [],
  };
}

/** The planners' matches: outlined on the map (the rest fades) and listed in the table. */
export const filterMatchesLayer: MapLayer<Matches, MatchRequest, 'filter-matches'> = {
  id: 'filter-matches',
  request: ({ filtering, filters, year, filterScope, includeDemo }) =>
    filtering ? { filters, year, withinCode: filterScope?.code ?? null, includeDemo } : null,
  load: loadFilterMatches,
  draw: ({ highlight }) => ({
    kind: 'unit-state',
    states: (drawnCodes) => new Map(drawnCodes.map((code) => [code, { match: highlight.has(code) }])),
    count: { attribute: 'matchedUnits', of: (states) => [...states.values()].filter((state) => state.match).length },
  }),
};
