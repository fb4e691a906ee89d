import { useTranslation } from 'react-i18next';
import type { Legend as LegendData, LegendClass } from '../layers/layer.ts';
import { areaMeasures, type AreaMeasure } from '../layers/area-measure.ts';

interface LegendProps {
  legend: LegendData;
  /** Districts and provinces: choose what colours them. */
  onMeasure(measure: AreaMeasure): void;
}

/**
 * The classes of the criteria set the map is coloured with, as the API serves them, then the tiers
 * and "no data", with the number of units drawn in each; synthetic data is explained, never hidden.
 */
export function Legend({ legend, onMeasure }: LegendProps) {
  const { counts, syntheticCount, documentedCount, includesDemo } = legend;
  const { t, i18n } = useTranslation();
  const labelOf = ({ band, label, meetsStandard }: LegendClass) => {
    if (!label) return t(`band.${band}`);
    const text = i18n.language === 'en' ? label.en : label.vi;
    return meetsStandard ? t('legend.notRecognised', { label: text }) : text;
  };
  return (
    <section className="legend" aria-label={t('legend.title')} data-testid="legend">
      <h3>{t(legend.measure && legend.measure !== 'average' ? `legend.title.${legend.measure}` : 'legend.title')}</h3>
      {legend.measure && (
        <fieldset className="measure-switch">
          <legend>{t('measure.label')}</legend>
          {areaMeasures.map((measure) => (
            <label key={measure} className="check">
              <input type="radio" name="area-measure" checked={legend.measure === measure} onChange={() => onMeasure(measure)} /> {t(`measure.${measure}`)}
            </label>
          ))}
        </fieldset>
      )}
      <ul>
        {counts.map((entry) => (
          <li key={entry.band} data-band={entry.band}>
            <span className="swatch" style={{ background: entry.colour }} aria-hidden="true" />
            <span className="legend-label">{labelOf(entry)}</span>
            <span className="legend-count">{entry.count}</span>
          </li>
        ))}
      </ul>
      <p className="legend-note" data-testid="legend-sources" data-documented={documentedCount} data-demo={syntheticCount}>
        {!includesDemo
          ? t('legend.documentedOnly', { count: documentedCount })
          : legend.communes
            ? t('legend.sourcesCommunes', legend.communes)
            : t('legend.sources', { documented: documentedCount, demo: syntheticCount })}
      </p>
      {syntheticCount > 0 && (
        <p className="legend-note">
          <span className="swatch swatch-hatched" aria-hidden="true" />
          {t('legend.synthetic', { count: syntheticCount })}
        </p>
      )}
    </section>
  );
}
