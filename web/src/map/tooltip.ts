import type { TFunction } from 'i18next';
import type { UnitFeatureProperties } from '../layers/admin-units.loader.ts';
import type { ChoroplethEntry } from '../layers/choropleth.loader.ts';

/** The line under the map: the hovered unit's name, criteria or average, band or tier, synthetic mark. Pure. */
export function tooltipText(hovered: Pick<UnitFeatureProperties, 'code' | 'name'> | null, entry: ChoroplethEntry | undefined, t: TFunction): string {
  if (!hovered) return t('map.hint');
  return [
    hovered.name ?? hovered.code,
    entry?.criteriaMet != null ? t('tooltip.criteria', { met: entry.criteriaMet, total: entry.criteriaTotal }) : null,
    entry?.averageCriteria != null ? t('tooltip.average', { value: entry.averageCriteria }) : null,
    entry ? (entry.tier ? t(`status.tier.${entry.tier}`) : t(`band.${entry.band}`)) : null,
    entry?.synthetic ? t('status.synthetic') : null,
  ]
    .filter(Boolean)
    .join(' · ');
}
