import { useQuery } from 'urql';
import { graphql } from '../graphql/graphql.ts';
import type { Bounds } from '../map/bounds.ts';
import type { UnitSummary } from '../layers/admin-units.loader.ts';

const unitDetailsQuery = graphql(`
  query UnitDetails($code: String!) {
    unit(code: $code) { code name shortName level kind areaKm2 geomMatch bbox }
  }
`);

/** The selected unit's card: name, kind, area, how well its boundary matched. */
export function useSelectedUnit(code: string | null): UnitSummary | null {
  const [{ data }] = useQuery({ query: unitDetailsQuery, variables: { code: code ?? '' }, pause: !code });
  if (!code || !data) return null;
  return { ...data.unit, bbox: data.unit.bbox as Bounds | null, hasGeometry: data.unit.bbox !== null };
}
