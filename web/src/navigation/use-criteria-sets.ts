import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../graphql/graphql.ts';
import { setsFor, type CriteriaSetOption } from './criteria-sets.ts';

const criteriaSetsQuery = graphql(`
  query CriteriaSets { criteriaSets { code nameVi nameEn level tier validFrom validTo provinceCode } }
`);

/** The criteria sets that can colour the communes in the year and province (see setsFor). */
export function useCriteriaSetOptions(year: number, provinceCode: string | null): CriteriaSetOption[] {
  const [{ data }] = useQuery({ query: criteriaSetsQuery });
  return useMemo(() => setsFor(data?.criteriaSets ?? [], year, provinceCode), [data, year, provinceCode]);
}
