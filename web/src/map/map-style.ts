import { bandCodes, type Tier } from '../graphql/codes.ts';
import { labelFont, labelFontFaces } from './label-fonts.ts';
import type { FilterSpecification, LayerSpecification, StyleSpecification, VectorSourceSpecification } from 'maplibre-gl';

/**
 * Style as data. No tile server is reachable from the deployments we target, so the base map is
 * a plain background and every drawn shape comes from our own API.
 */
export const unitsSourceId = 'units';

export const palette = {
  sea: '#dde7ee',
  land: '#c9ced2',
  outline: '#ffffff',
  hoverOutline: '#222222',
  selectedOutline: '#1b3a4b',
  matchOutline: '#00796b',
  label: '#1d2733',
  labelHalo: 'rgba(255, 255, 255, 0.9)',
};

/**
 * Band colours: ColorBrewer PuOr (colour-blind safe), dark orange for lagging communes through
 * purple for recognised ones; every class stands apart from the sea and from "no data" grey.
 * Codes are the criteria sets' band codes plus "recognised".
 */
export const bandColours: Record<string, string> = {
  lt5: '#b35806',
  '5-9': '#f1a340',
  '10-14': '#fee0b6',
  '15-18': '#d8daeb',
  'all-met': '#998ec3',
  recognised: '#542788',
  advanced: '#2d004b',
  // Bands of the smaller sets (model villages: 4 criteria; districts: 9) reuse the ramp's low end.
  lt4: '#b35806',
  lt3: '#b35806',
  '3-5': '#f1a340',
  '6-8': '#fee0b6',
  // The 10-criterion set of 2026–2030 (lt3, 3-5, 6-7, 8-9, all-met): the ramp by rank, as its legend draws it.
  '6-7': '#fee0b6',
  '8-9': '#d8daeb',
  model: '#2d004b',
  'no-data': palette.land,
  // Wards and towns: lighter than "no data", so a commune missing data still stands out among them.
  'not-assessed': '#eceff1',
};
/** Legend order: lagging first, then the tiers (model communes also get a gold outline). */
export const bandOrder: string[] = [...bandCodes.slice(0, -1), 'advanced', 'model', 'no-data'];

/** The ramp of a criteria set's own classes, lagging first; the class meeting every criterion takes its end. */
export const bandRamp = ['#b35806', '#f1a340', '#fee0b6', '#d8daeb', '#998ec3'] as const;

/** The classes after a set's own: recognised units by tier, then "no data". */
export const tierClasses = ['recognised', 'advanced', 'model'] as const;

/**
 * Colours of a criteria set's bands, read from the set (CriteriaSet.bands, lowest first): the bands
 * below the standard take the ramp from its lagging end, the band meeting it the ramp's end. The
 * 19-criterion sets (five bands) get exactly the colours they always had. Pure.
 */
export function setBandColours(bands: readonly { code: string; meetsStandard: boolean }[]): Record<string, string> {
  const below = bands.filter((b) => !b.meetsStandard);
  const colours: Record<string, string> = {};
  below.forEach((b, i) => {
    colours[b.code] = bandRamp[Math.min(i, bandRamp.length - 2)];
  });
  for (const b of bands) if (b.meetsStandard) colours[b.code] = bandRamp[bandRamp.length - 1];
  return colours;
}
export const modelOutline = '#fdb863';

/** The class a unit is drawn in: its band, with recognised units split by their highest tier. Pure. */
export function displayBand(band: string, tier: string | null): string {
  if (band !== 'recognised') return band;
  return tier === ('ADVANCED' satisfies Tier) ? 'advanced' : tier === ('MODEL' satisfies Tier) ? 'model' : 'recognised';
}

/** Synthetic (demo) data is hatched over its band colour, and the legend says so. */
export const hatchPatternId = 'synthetic-hatch';

/**
 * An 8 × 8 tile of thin dark diagonal lines, drawn in code so no sprite has to be fetched. Dark and
 * thin so the pale classes keep their colour under it (white lines washed them out).
 */
export function hatchPattern(): { width: number; height: number; data: Uint8Array } {
  const size = 8;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if ((x + y) % size === 0) data.set([45, 45, 45, 150], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

/** The vector-tile source of the national views (one level at a time, from /tiles). */
export const unitTilesSourceId = 'unit-tiles';
export const unitTilesSourceLayer = 'units';

export function unitTilesSource(level: string, origin: string, asOf: string): VectorSourceSpecification {
  return {
    type: 'vector',
    // The tiles of the units in force on that date (codes were re-used by the 2025 reform).
    tiles: [`${origin}/tiles/${level.toLowerCase()}/{z}/{x}/{y}.pbf?asOf=${asOf}`],
    minzoom: 0,
    maxzoom: 14,
    // Feature state by GSO code, the same key the choropleth list uses.
    promoteId: { [unitTilesSourceLayer]: 'code' },
  };
}

export const fillLayerId = (source: string) => `${source}-fill`;
export const selectedLayerId = (source: string) => `${source}-selected`;

/**
 * The layers that draw units of one source: band fill, synthetic hatch, model-tier outline,
 * boundaries, planners' matches, hover and selection. Both the GeoJSON source (drill-down) and the
 * vector tiles (national views) use them, so both look the same.
 */
export function unitLayers(source: string, sourceLayer?: string): LayerSpecification[] {
  const from = { source, ...(sourceLayer ? { 'source-layer': sourceLayer } : {}) };
  // Thousands of communes at country zoom would be all outline: boundaries thin out as one zooms out.
  const outlineWidth = sourceLayer ? (['interpolate', ['linear'], ['zoom'], 4, 0.15, 8, 0.6, 11, 1] as unknown as number) : 1;
  return [
    {
      id: fillLayerId(source),
      type: 'fill',
      ...from,
      paint: {
        // The colour the layer derived from its criteria set's bands; without one, the class's own colour.
        'fill-color': [
          'to-color',
          [
            'coalesce',
            ['feature-state', 'colour'],
            ['match', ['coalesce', ['feature-state', 'band'], 'no-data'], ...Object.entries(bandColours).flat(), palette.land],
          ],
        ] as unknown as string,
        // Units outside the planners' filter fade so the matches stand out.
        'fill-opacity': ['case', ['==', ['feature-state', 'match'], false], 0.25, 1],
      },
    },
    {
      id: `${source}-synthetic`,
      type: 'fill',
      ...from,
      paint: {
        'fill-pattern': hatchPatternId,
        'fill-opacity': ['case', ['boolean', ['feature-state', 'synthetic'], false], 1, 0],
      },
    },
    {
      id: `${source}-model`,
      type: 'line',
      ...from,
      paint: {
        'line-color': modelOutline,
        'line-width': ['case', ['==', ['feature-state', 'band'], 'model'], 2.5, 0],
        'line-offset': 1.25,
      },
    },
    { id: `${source}-outline`, type: 'line', ...from, paint: { 'line-color': palette.outline, 'line-width': outlineWidth } },
    {
      id: `${source}-match`,
      type: 'line',
      ...from,
      paint: {
        'line-color': palette.matchOutline,
        'line-width': ['case', ['==', ['feature-state', 'match'], true], 2, 0],
      },
    },
    {
      id: `${source}-hover`,
      type: 'line',
      ...from,
      paint: {
        'line-color': palette.hoverOutline,
        'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 2, 0],
      },
    },
    {
      id: selectedLayerId(source),
      type: 'line',
      ...from,
      filter: ['==', ['get', 'code'], ''],
      paint: { 'line-color': palette.selectedOutline, 'line-width': 2.5 },
    },
    {
      // Names where they fit: MapLibre drops a label that would collide with one already placed.
      id: labelLayerId(source),
      type: 'symbol',
      ...from,
      layout: {
        'text-field': ['coalesce', ['get', 'shortName'], ''],
        'text-font': [labelFont],
        'text-size': ['interpolate', ['linear'], ['zoom'], 4, 10, 9, 12, 12, 14],
        'text-max-width': 7,
        'text-padding': 3,
      },
      paint: { 'text-color': palette.label, 'text-halo-color': palette.labelHalo, 'text-halo-width': 1.5 },
    },
  ] as LayerSpecification[];
}

export const labelLayerId = (source: string) => `${source}-label`;

/** The sea; every layer of the registry is added over it. Label fonts are the app's own files (no network). */
export const baseStyle: StyleSpecification = {
  version: 8,
  'font-faces': labelFontFaces,
  // Paint changes apply in one frame, not over 300 ms of redrawn frames (see fadeDuration in AtlasMap).
  transition: { duration: 0, delay: 0 },
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': palette.sea } }],
};

export function selectedFilter(code: string | null): FilterSpecification {
  return ['==', ['get', 'code'], code ?? ''];
}

/** The "then and now" outlines: the units a selected unit was formed from, or became. */
export const lineageSourceId = 'lineage';
export const lineageColours = { predecessor: '#d01c8b', successor: '#4dac26' } as const;

/**
 * Predecessors (magenta, dashed) inside the selected unit; successors (green) around an old one.
 * Over the units, under nothing: they are outlines only, so clicks still reach the units below.
 */
export function lineageLayers(source: string): LayerSpecification[] {
  return [
    {
      id: `${source}-outline`,
      type: 'line',
      source,
      paint: {
        'line-color': ['match', ['get', 'relation'], 'successor', lineageColours.successor, lineageColours.predecessor] as unknown as string,
        'line-width': 2.5,
        'line-dasharray': [2, 1],
      },
    },
  ] as LayerSpecification[];
}
