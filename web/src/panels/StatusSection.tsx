import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { Level } from '../navigation/drill-down.ts';

const communeStatusQuery = `
  query CommuneStatus($code: String!, $year: Int!) {
    unit(code: $code) {
      code
      status(year: $year) { criteriaSet criteriaMet criteriaTotal band tier synthetic missing items { criterion nameVi nameEn status } }
    }
  }
`;

const areaSummaryQuery = `
  query AreaSummary($code: String!, $year: Int!) {
    summary(unitCode: $code, year: $year) { assessedCount syntheticCount averageCriteria recognisedCounts { tier count } }
  }
`;

/** The selected unit's standing in the chosen year: a commune's criteria grid, or an area's averages. */
export function StatusSection({ code, level, year }: { code: string; level: Level; year: number }) {
  return level === 'COMMUNE' ? <CommuneStatus code={code} year={year} /> : <AreaSummary code={code} year={year} />;
}

function CommuneStatus({ code, year }: { code: string; year: number }) {
  const { t, i18n } = useTranslation();
  const [{ data, error }] = useQuery({ query: communeStatusQuery, variables: { code, year } });
  if (error) return <p role="alert">{t('error.load', { message: error.message })}</p>;
  const status = data?.unit.status;
  return (
    <section className="status" data-testid="status">
      <h3>{t('status.heading', { year })}</h3>
      {!data ? (
        <p role="status">{t('map.loading')}</p>
      ) : !status ? (
        <p>{t('status.none')}</p>
      ) : (
        <>
          <p className="status-line">
            <strong>{t('status.criteria', { met: status.criteriaMet, total: status.criteriaTotal })}</strong>
            {' · '}
            {status.tier ? t(`status.tier.${status.tier}`) : t(`band.${status.band}`)}
          </p>
          {status.synthetic && <p className="synthetic-note">{t('status.synthetic')}</p>}
          {status.missing.length > 0 && <p>{t('status.missing', { list: status.missing.join(', ') })}</p>}
          <ol className="criteria-grid" aria-label={status.criteriaSet}>
            {status.items.map((item: { criterion: number; nameVi: string; nameEn: string; status: string }) => (
              <li key={item.criterion} className={`item item-${item.status.toLowerCase()}`} title={i18n.language === 'vi' ? item.nameVi : item.nameEn}>
                <span className="item-number">{item.criterion}</span>
                <span className="item-name">{i18n.language === 'vi' ? item.nameVi : item.nameEn}</span>
                <span className="item-status">{t(`item.${item.status}`)}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function AreaSummary({ code, year }: { code: string; year: number }) {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: areaSummaryQuery, variables: { code, year } });
  if (error) return <p role="alert">{t('error.load', { message: error.message })}</p>;
  const summary = data?.summary;
  return (
    <section className="status" data-testid="status">
      <h3>{t('status.heading', { year })}</h3>
      {!summary ? (
        <p role="status">{t('map.loading')}</p>
      ) : summary.assessedCount === 0 ? (
        <p>{t('status.none')}</p>
      ) : (
        <>
          <p>{t('status.average', { value: summary.averageCriteria, count: summary.assessedCount })}</p>
          <p>{t('status.recognised', { count: summary.recognisedCounts.reduce((n: number, r: { count: number }) => n + r.count, 0) })}</p>
          {summary.syntheticCount > 0 && <p className="synthetic-note">{t('legend.synthetic', { count: summary.syntheticCount })}</p>}
        </>
      )}
    </section>
  );
}
