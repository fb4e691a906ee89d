import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { graphql } from '../graphql/graphql.ts';
import { HistoryChart } from './HistoryChart.tsx';
import { historySeries, plansVersusAchievement } from './unit-history.ts';
import { SourceRef } from './SourceRef.tsx';
import { asOfYear } from '../view/as-of.ts';
import { errorReason, loadFailureText } from '../graphql/error-reason.ts';

const unitFactsQuery = graphql(`
  query UnitFacts($code: String!, $asOf: String!) {
    unit(code: $code, asOf: $asOf) {
      code
      flags { flag basis note sourceDocument { key number title } sourceRef }
      assessments(kind: ACTUAL) {
        year synthetic sourceRef sourceDocument { key number title }
        criteriaSet { code tier provinceCode }
        status { criteriaMet criteriaTotal band tier }
      }
      code
      recognitions { year tier status decisionNumber decidedOn synthetic sourceRef sourceDocument { key number title } documentedOn { code name } }
      targets { year tier criteriaCount criteria text synthetic sourceRef sourceDocument { key number title } }
      indicatorValues { year kind indicatorCode value unitOfMeasure synthetic sourceRef sourceDocument { key number title } }
    }
    dataQualityFindings(unitCode: $code) { kind severity origin reason reasonVi rawValue reading readingVi sourceRef sourceDocument { key number title } }
  }
`);

/** Everything recorded about one commune: flags, history, plans, recognitions, indicators, sources, findings. */
export function UnitFacts({ code, year }: { code: string; year: number }) {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: unitFactsQuery, variables: { code, asOf: asOfYear(year) } });
  if (error) return <p role="alert">{loadFailureText(errorReason(error), t)}</p>;
  if (!data) return <p role="status">{t('map.loading')}</p>;
  const unit = data.unit;
  const history = historySeries(unit.assessments);
  const plans = plansVersusAchievement(unit.targets, history);
  const indicators = unit.indicatorValues.filter((v) => v.year === year);
  const documented = unit.assessments.filter((a) => a.sourceDocument);
  const findings = data.dataQualityFindings;
  return (
    <div className="unit-facts" data-testid="unit-facts">
      {unit.flags.length > 0 && (
        <ul className="flags">
          {unit.flags.map((f) => (
            <li key={f.flag} className={`flag flag-${f.flag}`} title={f.note ?? undefined}>
              {t(`flag.${f.flag}`)} <span className="muted">({t(`flag.basis.${f.basis}`)})</span>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('history.heading')}</h3>
      <HistoryChart points={history} selectedYear={year} />

      {plans.length > 0 && (
        <>
          <h3>{t('plans.heading')}</h3>
          <table className="facts-table" data-testid="plans">
            <thead>
              <tr>
                <th>{t('plans.year')}</th>
                <th>{t('plans.planned')}</th>
                <th>{t('plans.achieved')}</th>
              </tr>
            </thead>
            <tbody>
              {plans.map(({ target, achieved, reached }, i) => (
                <tr key={i} className={reached === null ? '' : reached ? 'reached' : 'missed'}>
                  <td>{target.year ?? '—'}</td>
                  <td title={target.text}>
                    {target.tier
                      ? t(`plan.tier.${target.tier}`)
                      : target.criteriaCount !== null
                        ? t('plans.criteria', { count: target.criteriaCount })
                        : target.text}
                  </td>
                  <td>
                    {achieved
                      ? `${achieved.criteriaMet}/${achieved.criteriaTotal}${achieved.tier ? ` · ${t(`status.tier.${achieved.tier}`)}` : ''}${achieved.synthetic ? ` (${t('badge.synthetic')})` : ''} ${reached === null ? '' : reached ? '✓' : '✗'}`
                      : t('plans.noData')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      {unit.recognitions.length > 0 && (
        <>
          <h3>{t('recognitions.heading')}</h3>
          <ul className="facts-list" data-testid="recognitions">
            {unit.recognitions.map((r, i) => (
              <li key={i}>
                {r.decidedOn ?? r.year}: {t(`recognition.${r.status}`)} — {t(`status.tier.${r.tier}`)}
                {r.decisionNumber && <> · {t('recognitions.decision', { number: r.decisionNumber })}</>}
                {r.status === 'RECOGNISED' && !r.decisionNumber && !r.decidedOn && <span className="no-decision"> {t('recognitions.noDecision')}</span>}
                {r.documentedOn.code !== unit.code && <> · {t('recognitions.documentedOn', { name: r.documentedOn.name })}</>}
                {r.synthetic && <span className="badge-synthetic">{t('badge.synthetic')}</span>}
                <SourceRef fact={r} />
              </li>
            ))}
          </ul>
        </>
      )}

      <h3>{t('indicators.heading', { year })}</h3>
      {indicators.length === 0 ? (
        <p>{t('indicators.none')}</p>
      ) : (
        <table className="facts-table" data-testid="indicators">
          <thead>
            <tr>
              <th>{t('indicators.code')}</th>
              <th>{t('indicators.kind')}</th>
              <th>{t('indicators.value')}</th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((v, i) => (
              <tr key={i}>
                <td>{v.indicatorCode ?? '—'}</td>
                <td>{t(`kind.${v.kind}`)}</td>
                <td>
                  {v.value} {v.unitOfMeasure ?? ''}
                  {v.synthetic && <span className="badge-synthetic">{t('badge.synthetic')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>{t('sources.heading')}</h3>
      {documented.length === 0 ? (
        <p>{t('sources.none')}</p>
      ) : (
        <ul className="facts-list" data-testid="sources">
          {documented.map((a, i) => (
            <li key={i}>
              {a.year} · {a.criteriaSet.code}: <SourceRef fact={a} />
            </li>
          ))}
        </ul>
      )}

      {findings.length > 0 && (
        <>
          <h3>{t('findings.heading')}</h3>
          <ul className="facts-list findings" data-testid="findings">
            {findings.map((f, i) => (
              <li key={i} className={`finding finding-${f.severity}`}>
                <span className="finding-severity">{t(`finding.severity.${f.severity}`, { defaultValue: f.severity })}</span>{' '}
                <strong>{t(`finding.kind.${f.kind}`, { defaultValue: f.kind })}</strong>: <InLanguage vi={f.reasonVi} en={f.reason} />
                {f.rawValue && (
                  <>
                    {' '}
                    · {f.origin === 'check' ? t('findings.checked') : t('findings.raw')} <q lang={f.origin === 'check' ? undefined : 'vi'}>{f.rawValue}</q>
                  </>
                )}{' '}
                · {t('findings.reading')} <InLanguage vi={f.readingVi} en={f.reading} />
                <SourceRef fact={f} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** A text written in both languages, in the interface's; where no Vietnamese is written yet, the English, marked as such. */
function InLanguage({ vi, en }: { vi: string | null; en: string }) {
  const { t, i18n } = useTranslation();
  if (i18n.language !== 'vi') return <>{en}</>;
  if (vi) return <>{vi}</>;
  return (
    <span lang="en">
      {en} <em>({t('findings.untranslated')})</em>
    </span>
  );
}
