import type { Client } from 'urql';
import { unitFilterFor, type PlannerFilters } from '../planning/planner-filters.ts';
import type { MatchRow } from '../planning/match-table.ts';

/** The most matches one request lists; more are counted and reported as an alert. */
export const matchLimit = 400;

export interface MatchResult {
  rows: MatchRow[];
  totalCount: number;
  /** Codes of the matches and of their district and province, to mark them on any layer. */
  highlight: Set<string>;
  alerts: string[];
}

const matchesQuery = `
  query FilterMatches($filter: UnitFilter!, $year: Int!, $first: Int!) {
    units(filter: $filter, first: $first) {
      totalCount
      nodes {
        code name
        parent { code shortName parent { code shortName } }
        flags { flag }
        status(year: $year) { criteriaMet criteriaTotal band tier synthetic missing }
      }
    }
  }
`;

interface MatchNode {
  code: string;
  name: string;
  parent: { code: string; shortName: string; parent: { code: string; shortName: string } | null } | null;
  flags: { flag: string }[];
  status: { criteriaMet: number; criteriaTotal: number; band: string; tier: string | null; synthetic: boolean; missing: number[] } | null;
}

/** Communes matching the planners' filters in a year, below `withinCode` or nationwide. */
export async function loadFilterMatches(client: Client, filters: PlannerFilters, year: number, withinCode: string | null): Promise<MatchResult> {
  const result = await client
    .query(matchesQuery, { filter: unitFilterFor(filters, year, withinCode), year, first: matchLimit }, { requestPolicy: 'network-only' })
    .toPromise();
  if (result.error) throw result.error;
  const nodes: MatchNode[] = result.data.units.nodes;
  const totalCount: number = result.data.units.totalCount;
  return {
    rows: nodes.map((node) => ({
      code: node.code,
      name: node.name,
      district: node.parent?.shortName ?? '',
      province: node.parent?.parent?.shortName ?? '',
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
    alerts: totalCount > nodes.length ? [`truncated:${nodes.length}/${totalCount}`] : [],
  };
}
