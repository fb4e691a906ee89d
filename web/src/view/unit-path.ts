import type { Client } from 'urql';
import { graphql } from '../graphql/graphql.ts';
import { queryData } from '../graphql/query.ts';
import { carryAcross, type Carried } from '../navigation/across-years.ts';
import type { DrillPath } from '../navigation/drill-down.ts';
import { asOfYear } from './as-of.ts';

const unitPathQuery = graphql(`
  query UnitPath($code: String!, $asOf: String) {
    unit(code: $code, asOf: $asOf) { code shortName level ancestors { code shortName level } }
  }
`);

/** A unit with its ancestors, country first: the breadcrumb for a linked, searched or listed unit. */
export async function loadUnitPath(client: Client, code: string, year: number): Promise<DrillPath> {
  const { unit } = await queryData(client, unitPathQuery, { code, asOf: asOfYear(year) });
  const { ancestors, ...self } = unit;
  return [...ancestors, self];
}

const datedUnitQuery = graphql(`
  query UnitAcrossYears($code: String!, $asOf: String, $codeList: String) {
    unit(code: $code, asOf: $asOf, codeList: $codeList) {
      code name validFrom validTo parent { code }
      predecessors { part areaShare effectiveDate unit { code name } }
      successors { part areaShare effectiveDate unit { code name } }
    }
  }
`);

/**
 * The unit selected in a year (or found in a code list, by search) followed into `toYear` by (code, date): itself while in force,
 * else its successor or predecessor (carryAcross), with the path to it in `toYear`. A unit with
 * no lineage (a district, abolished in 2025) leaves its parent selected, followed the same way.
 */
export async function loadCarried(
  client: Client,
  code: string,
  from: { year: number } | { codeList: string },
  toYear: number,
): Promise<{ path: DrillPath | null; carried: Carried }> {
  const variables = 'year' in from ? { code, asOf: asOfYear(from.year) } : { code, codeList: from.codeList };
  const { unit } = await queryData(client, datedUnitQuery, variables);
  const carried = carryAcross(unit, asOfYear(toYear));
  if (carried.kind !== 'none') return { path: await loadUnitPath(client, carried.code, toYear), carried };
  if (!unit.parent) return { path: null, carried };
  const { path } = await loadCarried(client, unit.parent.code, from, toYear);
  return { path, carried };
}
