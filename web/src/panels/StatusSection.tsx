import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { graphql, type ResultOf } from '../graphql/graphql.ts';
import type { Level } from '../graphql/codes.ts';
import { SourceRef } from './SourceRef.tsx';
import { UnitFacts } from './UnitFacts.tsx';
import { asOfYear } from '../view/as-of.ts';
import { errorReason, loadFailureText } from '../graphql/error-reason.ts';

const communeStatusQuery = graphql(`
  query CommuneStatus($code: String!, $year: Int!, $asOf: String!, $set: String, $includeDemo: Boolean!, $kind: AssessmentKind!) {
    unit(code: $code, asOf: $asOf) {
      code
      status(year: $year, set: $set, includeDemo: $includeDemo, kind: $kind) {
        criteriaSet criteriaMet criteriaTotal band tier tierWithoutDecision synthetic missing sourceDocument sourceRef statedOn
        items { criterion nameVi nameEn status }
      }
    }
  }
`);

const areaSummaryQuery = graphql(`
  query AreaSummary($code: String!, $year: Int!, $set: String, $includeDemo: Boolean!, $kind: AssessmentKind!) {
    summary(unitCode: $code, year: $year, set: $set, includeDemo: $includeDemo, kind: $kind) {
      communeCount assessedCount syntheticCount documentedCount includesDemo averageCriteria criteriaSet
      recognisedCounts { tier count }
      recognisedWithoutDecision
      bandCounts { band count }
      perCriterion { criterion met nameVi nameEn }
      ownStatus { criteriaSet criteriaMet criteriaTotal missing }
      reported {
        computed difference coveredCount ofCount demoFitted
        reported { metric value band criterion year asWritten sourceRef sourceDocument { key number title } }
      }
    }
  }
`);

/** Met, not met and unknown told apart by a mark and a word, not by colour alone. */
const itemMarks: Record<string, string> = { MET: '✓', NOT_MET: '✗', UNKNOWN: '?' };

interface StatusProps {
  code: string;
  year: number;
  set: string | null;
  /** Count demo data beside the documented. */
  includeDemo: boolean;
  /** The plans of the year instead of what was achieved. */
  plan: boolean;
}

/** The selected unit's standing in the chosen year: a commune's criteria grid, or an area's averages. */
export function StatusSection({ level, ...props }: StatusProps & { level: Level }) {
  return level === 'COMMUNE' ? <CommuneStatus {...props} /> : <AreaSummary {...props} />;
}

function CommuneStatus({ code, year, set, includeDemo, plan }: StatusProps) {
  const { t, i18n } = useTranslation();
  const kind = plan ? 'TARGET' : 'ACTUAL';
  const [{ data, error }] = useQuery({ query: communeStatusQuery, variables: { code, year, asOf: asOfYear(year), set, includeDemo, kind } });
  if (error) return <p role="alert">{loadFailureText(errorReason(error), t)}</p>;
  const status = data?.unit.status;
  return (
    <section className="status" data-testid="status">
      <h3>{t(plan ? 'status.planHeading' : 'status.heading', { year })}</h3>
      {!data ? (
        <p role="status">{t('map.loading')}</p>
      ) : !status ? (
        <p>{t(plan ? 'status.noPlan' : includeDemo ? 'status.none' : 'status.noneDocumented')}</p>
      ) : (
        <>
          <p className="status-line" data-testid="status-line">
            <strong>{t(plan ? 'status.plannedCriteria' : 'status.criteria', { met: status.criteriaMet, total: status.criteriaTotal })}</strong>
            {' · '}
            {plan
              ? [t(`band.${status.band}`), status.tier ? t(`plan.tier.${status.tier}`) : null].filter(Boolean).join(' · ')
              : status.tier
                ? t(`status.tier.${status.tier}`)
                : t(`band.${status.band}`)}
          </p>
          {status.tierWithoutDecision && (
            <p className="no-decision" data-testid="no-decision">
              {t('status.noDecision', { tier: t(`status.tier.${status.tierWithoutDecision}`) })}
            </p>
          )}
          {status.synthetic ? (
            <p className="synthetic-note">{t('status.synthetic')}</p>
          ) : (
            status.sourceDocument && (
              <p className="source-line" data-testid="status-source">
                {t('status.source', { document: status.sourceDocument, ref: status.sourceRef ?? '', date: status.statedOn ?? '—' })}
              </p>
            )
          )}
          {status.missing.length > 0 && <p>{t('status.missing', { list: status.missing.join(', ') })}</p>}
          <ol className="criteria-grid" aria-label={t('status.gridLabel', { year })}>
            {status.items.map((item) => (
              <li key={item.criterion} className={`item item-${item.status.toLowerCase()}`} title={i18n.language === 'vi' ? item.nameVi : item.nameEn}>
                <span className="item-number">{item.criterion}</span>
                <span className="item-name">{i18n.language === 'vi' ? item.nameVi : item.nameEn}</span>
                <span className="item-status">
                  <span className="item-mark" aria-hidden="true">
                    {itemMarks[item.status]}
                  </span>{' '}
                  {t(plan && item.status === 'MET' ? 'item.PLANNED' : `item.${item.status}`)}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
      <UnitFacts code={code} year={year} />
    </section>
  );
}

type ReportedRow = ResultOf<typeof areaSummaryQuery>['summary']['reported'][number];

function AreaSummary({ code, year, set, includeDemo, plan }: StatusProps) {
  const { t, i18n } = useTranslation();
  const kind = plan ? 'TARGET' : 'ACTUAL';
  const [{ data, error }] = useQuery({ query: areaSummaryQuery, variables: { code, year, set, includeDemo, kind } });
  if (error) return <p role="alert">{loadFailureText(errorReason(error), t)}</p>;
  const summary = data?.summary;
  const number = new Intl.NumberFormat(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 });
  return (
    <section className="status" data-testid="status">
      <h3>{t(plan ? 'status.planHeading' : 'status.heading', { year })}</h3>
      {!summary ? (
        <p role="status">{t('map.loading')}</p>
      ) : (
        <>
          {summary.ownStatus && (
            <p data-testid="own-status">
              {t('summary.own', { set: summary.ownStatus.criteriaSet, met: summary.ownStatus.criteriaMet, total: summary.ownStatus.criteriaTotal })}
              {summary.ownStatus.missing.length > 0 && <> · {t('status.missing', { list: summary.ownStatus.missing.join(', ') })}</>}
            </p>
          )}
          {summary.assessedCount === 0 ? (
            <p>{t(plan ? 'status.noPlan' : includeDemo ? 'status.none' : 'status.noneDocumented')}</p>
          ) : (
            <>
              <p>
                {t(plan ? 'status.plannedAverage' : 'status.average', { value: number.format(summary.averageCriteria ?? 0), count: summary.assessedCount })}
              </p>
              <p data-testid="summary-sources">
                {t('summary.communesBySource', { documented: summary.documentedCount, demo: summary.syntheticCount, total: summary.communeCount })}
              </p>
              {!plan && <p>{t('status.recognised', { count: summary.recognisedCounts.reduce((n, r) => n + r.count, 0) })}</p>}
              {summary.recognisedWithoutDecision > 0 && (
                <p className="no-decision">{t('status.recognisedWithoutDecision', { count: summary.recognisedWithoutDecision })}</p>
              )}
              {summary.syntheticCount > 0 && <p className="synthetic-note">{t('legend.synthetic', { count: summary.syntheticCount })}</p>}
              <h4>{t('summary.perCriterion')}</h4>
              <BarList
                testId="per-criterion"
                bars={summary.perCriterion.map((c) => ({
                  key: String(c.criterion),
                  label: `${c.criterion}. ${i18n.language === 'vi' ? c.nameVi : c.nameEn}`,
                  value: c.met,
                }))}
                max={summary.assessedCount}
              />
            </>
          )}
          {summary.reported.length > 0 && <ReportedTable rows={summary.reported} format={(n) => number.format(n)} />}
        </>
      )}
    </section>
  );
}

/** Horizontal bars: how many of `max` communes meet each criterion. */
function BarList({ bars, max, testId }: { bars: { key: string; label: string; value: number }[]; max: number; testId: string }) {
  return (
    <ul className="bar-list" data-testid={testId}>
      {bars.map((bar) => (
        <li key={bar.key} title={`${bar.value}/${max}`}>
          <span className="bar-label">{bar.label}</span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill" style={{ width: `${(100 * bar.value) / Math.max(max, 1)}%` }} />
          </span>
          <span className="bar-value">
            {bar.value}/{max}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * A difference means something only when the computed figure covers every commune: otherwise it
 * measures the communes no document covers, and the coverage column says so instead.
 */
const whole = (row: ReportedRow) => row.computed !== null && row.coveredCount === row.ofCount;

/** What the documents report beside what the unit-level data adds up to; a difference is a finding to look at. */
function ReportedTable({ rows, format }: { rows: ReportedRow[]; format(n: number): string }) {
  const { t } = useTranslation();
  const describe = (r: ReportedRow['reported']) =>
    [
      t(`metric.${r.metric}`, { defaultValue: t('metric.unknown', { code: r.metric }) }),
      r.band ? t(`band.${r.band}`, { defaultValue: r.band }) : null,
      r.criterion ? t('summary.criterionNumber', { number: r.criterion }) : null,
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <>
      <h4>{t('summary.reported')}</h4>
      <table className="facts-table" data-testid="reported">
        <thead>
          <tr>
            <th>{t('summary.metric')}</th>
            <th>{t('summary.reportedValue')}</th>
            <th>{t('summary.computed')}</th>
            <th>{t('summary.coverage')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} className={row.difference && whole(row) ? 'missed' : ''}>
              <td>
                {describe(row.reported)}
                <SourceRef fact={row.reported} />
              </td>
              <td>{row.reported.value === null ? (row.reported.asWritten ?? '—') : format(row.reported.value)}</td>
              <td>
                {row.computed === null ? '—' : format(row.computed)}
                {row.difference && whole(row) ? ` (${row.difference > 0 ? '+' : ''}${format(row.difference)})` : ''}
              </td>
              <td data-testid="coverage">
                {row.computed === null ? t('summary.notComparable') : t('summary.coveredOf', { covered: row.coveredCount, of: row.ofCount })}
                {row.demoFitted && <span className="demo-fitted"> · {t('summary.demoFitted')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
