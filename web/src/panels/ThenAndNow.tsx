import { useTranslation } from 'react-i18next';
import type { Lineage, LineageEntry } from '../layers/lineage.loader.ts';
import { SourceRef } from './SourceRef.tsx';
import { rollUpCounts } from './then-and-now.ts';

/**
 * "Then and now": what the selected unit was formed from (outlined on the map, each with its own
 * last record, labelled derived, documented or demo, with its source), or what it became.
 */
export function ThenAndNow({ lineage, loading }: { lineage: Lineage | null; loading: boolean }) {
  const { t, i18n } = useTranslation();
  if (!lineage || lineage.entries.length === 0) return loading ? <p role="status">{t('map.loading')}</p> : null;
  const predecessors = lineage.entries.filter((e) => e.relation === 'predecessor');
  const successors = lineage.entries.filter((e) => e.relation === 'successor');
  const counts = rollUpCounts(lineage.entries);
  // A province has no status of its own: its old provinces' figures are their communes' (the area summary).
  const withRecords = lineage.level === 'COMMUNE';
  const date = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'UTC' });
  const percent = new Intl.NumberFormat(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 });
  const part = (entry: LineageEntry) =>
    entry.part === 'FULL'
      ? t('lineage.part.FULL')
      : entry.areaShare === null
        ? t('lineage.part.PARTIAL')
        : t('lineage.part.share', { share: percent.format(entry.areaShare) });
  return (
    <section className="then-and-now" data-testid="then-and-now">
      <h3>{t('lineage.heading')}</h3>
      {predecessors.length > 0 && (
        <>
          <p>{t('lineage.formedFrom', { name: lineage.name, date: date(predecessors[0].effectiveDate), count: predecessors.length })}</p>
          {withRecords && (
            <p className="derived-note" data-testid="roll-up">
              <span className="badge">{t('lineage.derived')}</span> {t('lineage.rollUp', counts)}
              {counts.synthetic > 0 && ` ${t('lineage.rollUpSynthetic', { count: counts.synthetic })}`}
            </p>
          )}
          <ul className="lineage-list" data-testid="predecessors">
            {predecessors.map((entry) => (
              <li key={entry.code}>
                <strong>{entry.name}</strong> <span className="lineage-part">({part(entry)})</span>
                {withRecords && (
                  <>
                    <br />
                    <LastRecord entry={entry} />
                  </>
                )}
              </li>
            ))}
          </ul>
          {withRecords && <p className="note">{t('lineage.derivedNote')}</p>}
        </>
      )}
      {successors.length > 0 && (
        <>
          <p>{t('lineage.became', { name: lineage.name, date: date(successors[0].effectiveDate) })}</p>
          <ul className="lineage-list" data-testid="successors">
            {successors.map((entry) => (
              <li key={entry.code}>
                <strong>{entry.name}</strong> <span className="lineage-part">({part(entry)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** A predecessor's own last record: criteria or recognition, its year, documented or demo, its source. */
function LastRecord({ entry }: { entry: LineageEntry }) {
  const { t } = useTranslation();
  const last = entry.last;
  if (!last?.status) return <span className="lineage-status">{t('lineage.noRecord')}</span>;
  const { status, assessment } = last;
  const what =
    status.band === 'recognised'
      ? status.tier
        ? t(`status.tier.${status.tier}`)
        : t('band.recognised')
      : t('status.criteria', { met: status.criteriaMet, total: status.criteriaTotal });
  return (
    <span className="lineage-status">
      {t('lineage.lastRecord', { year: last.year, what })}{' '}
      {status.synthetic ? (
        <span className="badge" title={t('status.synthetic')}>
          {t('badge.synthetic')}
        </span>
      ) : (
        <span className="badge badge-documented">{t('lineage.documented')}</span>
      )}
      {assessment && <SourceRef fact={assessment} />}
    </span>
  );
}
