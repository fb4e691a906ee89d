import type { TFunction } from 'i18next';
import type { UnitFeatureProperties } from '../layers/admin-units.loader.ts';
import type { ChoroplethEntry } from '../layers/choropleth.loader.ts';

/**
 * What the map says of the hovered unit: its name, criteria or average, band or tier, synthetic mark
 * (with `statusOnly`, without the name, which the tooltip shows on a line of its own). Pure.
 */
export function tooltipText(
  hovered: Pick<UnitFeatureProperties, 'code' | 'name'> | null,
  entry: ChoroplethEntry | undefined,
  t: TFunction,
  { statusOnly = false } = {},
): string {
  if (!hovered && !statusOnly) return t('map.hint');
  return [
    statusOnly ? null : (hovered?.name ?? hovered?.code),
    entry?.criteriaMet != null ? t('tooltip.criteria', { met: entry.criteriaMet, total: entry.criteriaTotal }) : null,
    entry?.averageCriteria != null ? t('tooltip.average', { value: entry.averageCriteria }) : null,
    entry ? (entry.tier ? t(`status.tier.${entry.tier}`) : t(`band.${entry.band}`)) : statusOnly ? t('band.no-data') : null,
    entry?.synthetic ? t('status.synthetic') : null,
  ]
    .filter(Boolean)
    .join(' · ');
}
