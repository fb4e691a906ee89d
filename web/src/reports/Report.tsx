import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Legend } from '../layers/layer.ts';
import type { CriteriaSetOption } from '../navigation/criteria-sets.ts';
import { imageFileName, mapImage } from './map-image.ts';

/** What a report is of: the unit (null: the country), the year, the criteria set's name and the data shown. */
export interface ReportSubject {
  unitName: string | null;
  unitCode: string | null;
  year: number;
  setName: string | null;
  demo: boolean;
  plan: boolean;
}

/** The subject of a report of the view: the selected unit, the year, the set the map is coloured with. Pure. */
export function reportSubject(
  unit: { name: string; code: string } | null,
  view: { year: number; demo: boolean; plan: boolean },
  set: string | null,
  setOptions: CriteriaSetOption[],
  language: string,
): ReportSubject {
  const shown = setOptions.find((o) => o.code === set) ?? setOptions.find((o) => o.tier === 'standard');
  return {
    unitName: unit?.name ?? null,
    unitCode: unit?.code ?? null,
    year: view.year,
    demo: view.demo,
    plan: view.plan,
    setName: shown ? (language === 'en' ? shown.nameEn : shown.nameVi) : null,
  };
}

/**
 * The page's class: the A4 landscape print layout when the link asks for it (`print=1`), and while
 * the browser prints any view, so Ctrl+P gives one page too.
 */
export function usePrintLayout(print: boolean): { className: string; printing: boolean } {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => setPrinting(true);
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return print || printing ? { className: 'app print-layout', printing: true } : { className: 'app', printing: false };
}

/** The report's title lines: the atlas, the unit, the year, the criteria set and which data it shows. */
export function ReportHeader({ subject }: { subject: ReportSubject }) {
  const { t } = useTranslation();
  return (
    <header className="report-header" data-testid="report-header">
      <h1>{reportTitle(subject, t)}</h1>
      <p>{reportSubtitle(subject, t)}</p>
    </header>
  );
}

/** The report's last line: sources, boundaries and the date it was made. */
export function ReportFooter({ boundaries }: { boundaries: string }) {
  const { t, i18n } = useTranslation();
  const today = new Date().toLocaleDateString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB');
  return (
    <p className="report-footer" data-testid="report-footer">
      {t('report.sources')} {boundaries}. {t('report.made', { date: today })}
    </p>
  );
}

/** Export the map as an image with its legend, or open the print layout of this view. */
export function ReportActions({ subject, legend, boundaries }: { subject: ReportSubject; legend: Legend; boundaries: string }) {
  const { t, i18n } = useTranslation();
  const [failed, setFailed] = useState(false);
  const exportImage = async () => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid=map] canvas');
    if (!canvas) return;
    const labelOf = (entry: Legend['counts'][number]) => (entry.label ? (i18n.language === 'en' ? entry.label.en : entry.label.vi) : t(`band.${entry.band}`));
    try {
      const blob = await mapImage(canvas, {
        title: reportTitle(subject, t),
        subtitle: reportSubtitle(subject, t),
        legendTitle: t('legend.title'),
        legend: legend.counts.map((entry) => ({ label: labelOf(entry), count: entry.count, colour: entry.colour })),
        notes: legend.syntheticCount > 0 ? [t('legend.synthetic', { count: legend.syntheticCount })] : [],
        footer: `${t('report.sources')} ${boundaries}`,
      });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = imageFileName(subject.unitCode, subject.year);
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch {
      setFailed(true);
    }
  };
  const printLink = `${window.location.pathname}${window.location.search}${window.location.search ? '&' : '?'}print=1`;
  return (
    <div className="report-actions">
      <button type="button" onClick={() => void exportImage()} data-testid="export-png">
        {t('report.exportImage')}
      </button>
      <a href={printLink} target="_blank" rel="noopener" data-testid="print-link">
        {t('report.printLayout')}
      </a>
      {failed && <p role="alert">{t('report.imageFailed')}</p>}
    </div>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

function reportTitle(subject: ReportSubject, t: Translate): string {
  return `${t('app.title')} — ${subject.unitName ?? t('nav.country')} — ${t(subject.plan ? 'report.yearPlan' : 'report.year', { year: subject.year })}`;
}

function reportSubtitle(subject: ReportSubject, t: Translate): string {
  return [subject.setName ? t('report.set', { name: subject.setName }) : null, t(subject.demo ? 'report.withDemo' : 'report.documentedOnly')]
    .filter(Boolean)
    .join(' · ');
}
