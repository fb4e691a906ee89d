import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LegendClass } from '../layers/layer.ts';
import { hierarchyOf } from '../navigation/drill-down.ts';
import { bandRankOf, nextOrder, sortRows, toCells, toCsv, type MatchRow, type SortKey, type SortOrder } from './match-table.ts';
import type { DownloadFormat } from './planner-filters.ts';

interface MatchTableProps {
  rows: MatchRow[];
  totalCount: number;
  loading: boolean;
  year: number;
  scopeName: string;
  /** The classes of the criteria set the map shows: the table and its exports label bands as the set does. */
  classes: LegendClass[];
  /** The API's download of every match (not only the rows listed), in a GIS format. */
  downloadUrl(format: DownloadFormat): string;
  onSelect(code: string): void;
}

const downloadFormats: DownloadFormat[] = ['gpkg', 'geojson', 'csv'];

/** The sortable columns; no district column for the two-level years (from 2025). */
const columnsFor = (withDistrict: boolean): SortKey[] => (withDistrict ? ['name', 'district', 'criteriaMet', 'band'] : ['name', 'criteriaMet', 'band']);

/** The communes matching the filters: sortable, each opens on the map, exportable as CSV. */
export function MatchTable({ rows, totalCount, loading, year, scopeName, classes, downloadUrl, onSelect }: MatchTableProps) {
  const { t, i18n } = useTranslation();
  const [order, setOrder] = useState<SortOrder>({ key: 'criteriaMet', descending: true });
  const withDistrict = hierarchyOf(year) === 'three-level';
  const columns = columnsFor(withDistrict);
  const sorted = useMemo(() => sortRows(rows, order, bandRankOf(classes)), [rows, order, classes]);
  const bandLabel = (band: string) => {
    const label = classes.find((c) => c.band === band)?.label;
    return label ? (i18n.language === 'en' ? label.en : label.vi) : t(`band.${band}`);
  };

  const headings = () => ({
    code: t('table.code'),
    name: t('table.name'),
    ...(withDistrict ? { district: t('table.district') } : {}),
    province: t('table.province'),
    flags: t('table.flags'),
    criteriaMet: t('table.criteriaMet'),
    criteriaTotal: t('table.criteriaTotal'),
    band: t('table.band'),
    tier: t('table.tier'),
    missing: t('table.missing'),
    synthetic: t('table.synthetic'),
  });
  const labels = () => ({ band: bandLabel, tier: (tier: string) => t(`status.tier.${tier}`), yes: t('table.yes') });
  const fileName = (extension: string) => `ntm-${scopeName.replace(/\s+/g, '-')}-${year}.${extension}`;

  const exportCsv = () => download(new Blob([toCsv(sorted, headings(), labels())], { type: 'text/csv;charset=utf-8' }), fileName('csv'));

  // The spreadsheet library is large: it loads (from this app) only when someone exports.
  const exportXlsx = async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(scopeName.slice(0, 31));
    sheet.addRows(toCells(sorted, headings(), labels()));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    const body = await workbook.xlsx.writeBuffer();
    download(new Blob([body], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), fileName('xlsx'));
  };

  return (
    <section className="matches" data-testid="matches" aria-busy={loading}>
      <h3>
        <span data-testid="match-count">{loading ? t('map.loading') : t('table.count', { count: totalCount, year })}</span>
        {rows.length > 0 && (
          <span className="exports">
            <button type="button" className="link-button export" onClick={exportCsv}>
              {t('table.exportCsv')}
            </button>
            <button type="button" className="link-button export" onClick={() => void exportXlsx()}>
              {t('table.exportXlsx')}
            </button>
          </span>
        )}
      </h3>
      {rows.length > 0 && (
        <p className="downloads" title={t('table.downloadTitle')}>
          {t('table.downloadLabel')}
          {downloadFormats.map((format) => (
            <a key={format} className="link-button export" href={downloadUrl(format)} download data-testid={`download-${format}`}>
              {t(`table.download.${format}`)}
            </a>
          ))}
        </p>
      )}
      {rows.length < totalCount && <p className="note">{t('table.truncated', { shown: rows.length, total: totalCount })}</p>}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="match-table">
            <thead>
              <tr>
                {columns.map((key) => (
                  <th key={key} aria-sort={order.key === key ? (order.descending ? 'descending' : 'ascending') : 'none'}>
                    <button type="button" onClick={() => setOrder(nextOrder(order, key))}>
                      {t(`table.${key}`)}
                      {order.key === key ? (order.descending ? ' ▼' : ' ▲') : ''}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sorted.map((row) => (
                <tr key={row.code} data-code={row.code}>
                  <td>
                    <button type="button" className="link-button" onClick={() => onSelect(row.code)}>
                      {row.name}
                    </button>
                    {row.synthetic && (
                      <span className="badge-synthetic" title={t('status.synthetic')}>
                        {t('badge.synthetic')}
                      </span>
                    )}
                  </td>
                  {withDistrict && <td>{row.district}</td>}
                  <td className="number">{row.criteriaMet === null ? '—' : `${row.criteriaMet}/${row.criteriaTotal}`}</td>
                  <td>{row.tier ? t(`status.tier.${row.tier}`) : bandLabel(row.band)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function download(blob: Blob, fileName: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}
