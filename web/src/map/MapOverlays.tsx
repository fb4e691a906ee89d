import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { graphql } from '../graphql/graphql.ts';
import type { UnitFeatureProperties } from '../layers/admin-units.loader.ts';
import type { ChoroplethEntry } from '../layers/choropleth.loader.ts';
import { asOfYear } from '../view/as-of.ts';
import { tooltipText } from './tooltip.ts';

/** A unit under the pointer, and where the pointer is on the map (CSS pixels from its top left). */
export interface Hover {
  unit: UnitFeatureProperties;
  point: { x: number; y: number };
}

// Country-level commune tiles carry no names (bytes): the tooltip asks for the name and parent.
const hoveredUnitQuery = graphql(`
  query HoveredUnit($code: String!, $asOf: String!) {
    unit(code: $code, asOf: $asOf) { code name parent { name } }
  }
`);

/** At the pointer: the hovered unit's name, its parent, and its status. The hint when nothing is hovered. */
export function MapTooltip({ hover, entry, year }: { hover: Hover | null; entry: ChoroplethEntry | undefined; year: number }) {
  const { t } = useTranslation();
  const code = hover?.unit.code ?? '';
  const [{ data }] = useQuery({ query: hoveredUnitQuery, variables: { code, asOf: asOfYear(year) }, pause: !hover });
  if (!hover) {
    return (
      <div className="map-status" aria-hidden="true" data-testid="tooltip">
        {t('map.hint')}
      </div>
    );
  }
  const known = data?.unit.code === code ? data.unit : null;
  const unit = { code, name: known?.name ?? hover.unit.name ?? null };
  const parent = known?.parent?.name;
  return (
    <div className="map-tooltip" role="tooltip" data-testid="tooltip" data-code={code} style={{ left: hover.point.x + 14, top: hover.point.y + 14 }}>
      <strong>{unit.name ?? code}</strong>
      {parent && <span className="map-tooltip-parent">{parent}</span>}
      <span>{tooltipText(null, entry, t, { statusOnly: true })}</span>
    </div>
  );
}

/** Over the map while its layers load, so an empty map is never mistaken for no data. */
export function MapLoading({ loading }: { loading: boolean }) {
  const { t } = useTranslation();
  if (!loading) return null;
  return (
    <p className="map-loading" role="status" data-testid="map-loading">
      {t('map.loadingMap')}
    </p>
  );
}
