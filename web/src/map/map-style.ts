import type { StyleSpecification, FilterSpecification } from 'maplibre-gl';

/**
 * Style as data. No tile server is reachable from the deployments we target, so the base map is
 * a plain background and every drawn shape comes from our own API.
 */
export const unitsSourceId = 'units';
export const unitsFillLayerId = 'units-fill';

export const palette = {
  sea: '#dde7ee',
  land: '#7fb59a',
  landHover: '#4f9474',
  outline: '#ffffff',
  selectedOutline: '#1b3a4b',
};

export const baseStyle: StyleSpecification = {
  version: 8,
  sources: {
    [unitsSourceId]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'code' },
  },
  layers: [
    { id: 'background', type: 'background', paint: { 'background-color': palette.sea } },
    {
      id: unitsFillLayerId,
      type: 'fill',
      source: unitsSourceId,
      paint: {
        'fill-color': ['case', ['boolean', ['feature-state', 'hover'], false], palette.landHover, palette.land],
        'fill-opacity': 1,
      },
    },
    {
      id: 'units-outline',
      type: 'line',
      source: unitsSourceId,
      paint: { 'line-color': palette.outline, 'line-width': 1 },
    },
    {
      id: 'units-selected',
      type: 'line',
      source: unitsSourceId,
      filter: ['==', ['get', 'code'], ''],
      paint: { 'line-color': palette.selectedOutline, 'line-width': 2.5 },
    },
  ],
};

export function selectedFilter(code: string | null): FilterSpecification {
  return ['==', ['get', 'code'], code ?? ''];
}
