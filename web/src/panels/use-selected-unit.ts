import { useQuery } from 'urql';
import { graphql } from '../graphql/graphql.ts';
import type { Bounds } from '../map/bounds.ts';
import type { UnitSummary } from '../layers/admin-units.loader.ts';
import { asOfYear } from '../view/as-of.ts';

const unitDetailsQuery = graphql(`
  query UnitDetails($code: String!, $asOf: String) {
    unit(code: $code, asOf: $asOf) { code name shortName level kind areaKm2 geomMatch bbox }
  }
`);

/** The selected unit's card: name, kind, area, how well its boundary matched. */
export function useSelectedUnit(code: string | null, year: number): UnitSummary | null {
  const [{ data }] = useQuery({ query: unitDetailsQuery, variables: { code: code ?? '', asOf: asOfYear(year) }, pause: !code });
  if (!code || !data) return null;
  return { ...data.unit, bbox: data.unit.bbox as Bounds | null, hasGeometry: data.unit.bbox !== null };
}
