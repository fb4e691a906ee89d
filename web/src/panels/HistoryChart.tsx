import { useTranslation } from 'react-i18next';
import { bandColours, displayBand } from '../map/map-style.ts';
import type { HistoryPoint } from './unit-history.ts';

const height = 90;
const barWidth = 22;
const gap = 6;

/** Criteria met per year as bars in the band colours; synthetic years hatched, every bar labelled. */
export function HistoryChart({ points, selectedYear }: { points: HistoryPoint[]; selectedYear: number }) {
  const { t } = useTranslation();
  if (points.length === 0) return <p>{t('history.none')}</p>;
  const width = points.length * (barWidth + gap);
  const scale = (n: number, total: number) => Math.round((n / Math.max(total, 1)) * (height - 16));
  return (
    <figure className="history-chart" data-testid="history-chart">
      <svg width={width} height={height + 14} role="img" aria-label={t('history.label')}>
        <defs>
          <pattern id="history-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="1.5" height="4" fill="#ffffff" opacity="0.7" />
          </pattern>
        </defs>
        {points.map((p, i) => {
          const h = scale(p.criteriaMet, p.criteriaTotal);
          const x = i * (barWidth + gap);
          const colour = bandColours[displayBand(p.band, p.tier)];
          return (
            <g key={p.year} data-year={p.year}>
              <title>{`${p.year}: ${t('status.criteria', { met: p.criteriaMet, total: p.criteriaTotal })}${p.synthetic ? ` (${t('history.synthetic')})` : ''}`}</title>
              <rect x={x} y={height - h} width={barWidth} height={h} fill={colour} stroke={p.year === selectedYear ? '#1b3a4b' : 'none'} strokeWidth={2} />
              {p.synthetic && <rect x={x} y={height - h} width={barWidth} height={h} fill="url(#history-hatch)" />}
              <text x={x + barWidth / 2} y={height - h - 3} textAnchor="middle" fontSize="10">
                {p.criteriaMet}
              </text>
              <text x={x + barWidth / 2} y={height + 12} textAnchor="middle" fontSize="9">
                {String(p.year).slice(2)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{t('history.caption')}</figcaption>
    </figure>
  );
}
