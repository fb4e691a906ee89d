import { useTranslation } from 'react-i18next';
import { bandColours } from '../map/map-style.ts';

interface LegendProps {
  counts: { band: string; count: number }[];
  syntheticCount: number;
}

/** Bands with the number of units drawn in each; synthetic data is explained, never hidden. */
export function Legend({ counts, syntheticCount }: LegendProps) {
  const { t } = useTranslation();
  return (
    <section className="legend" aria-label={t('legend.title')} data-testid="legend">
      <h3>{t('legend.title')}</h3>
      <ul>
        {counts.map(({ band, count }) => (
          <li key={band} data-band={band}>
            <span className="swatch" style={{ background: bandColours[band] }} aria-hidden="true" />
            <span className="legend-label">{t(`band.${band}`)}</span>
            <span className="legend-count">{count}</span>
          </li>
        ))}
      </ul>
      {syntheticCount > 0 && (
        <p className="legend-note">
          <span className="swatch swatch-hatched" aria-hidden="true" />
          {t('legend.synthetic', { count: syntheticCount })}
        </p>
      )}
    </section>
  );
}
