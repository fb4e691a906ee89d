import type { Client } from 'urql';
import { graphql } from '../graphql/graphql.ts';
import { queryData } from '../graphql/query.ts';
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
