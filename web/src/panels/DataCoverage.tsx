import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { graphql } from '../graphql/graphql.ts';

const coverageQuery = graphql(`
  query DataCoverage($year: Int!) {
    dataCoverage(year: $year) { code name documentedUnits demoUnits }
  }
`);

/**
 * At country level: which provinces have documented figures in the year, which only demo data, and
 * that every other province has none, so a grey country reads as "no data here", not "nothing to see".
 */
export function DataCoverage({ year }: { year: number }) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: coverageQuery, variables: { year } });
  if (!data) return null;
  const documented = data.dataCoverage.filter((p) => p.documentedUnits > 0);
  const demoOnly = data.dataCoverage.filter((p) => p.documentedUnits === 0 && p.demoUnits > 0);
  const list = (items: typeof documented, count: (p: (typeof documented)[number]) => number) =>
    items.map((p) => t('coverage.province', { name: p.name, count: count(p) })).join('; ');
  return (
    <section className="data-coverage" data-testid="data-coverage">
      <h3>{t('coverage.heading', { year })}</h3>
      <p>{documented.length ? t('coverage.documented', { list: list(documented, (p) => p.documentedUnits) }) : t('coverage.noneDocumented')}</p>
      {demoOnly.length > 0 && <p>{t('coverage.demoOnly', { list: list(demoOnly, (p) => p.demoUnits) })}</p>}
      <p className="muted">{t('coverage.rest')}</p>
    </section>
  );
}
