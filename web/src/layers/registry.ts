import { adminUnitsLayer } from './admin-units.loader.ts';
import { choroplethLayer } from './choropleth.loader.ts';
import { filterMatchesLayer } from './filter-matches.loader.ts';
import { lineageLayer } from './lineage.loader.ts';

/**
 * Every layer of the map, bottom first. A new thematic layer is a loader (with its style in
 * map-style.ts) added here; the page loads it for each view and the map draws it.
 */
export const layers = [adminUnitsLayer, choroplethLayer, filterMatchesLayer, lineageLayer] as const;

export type RegisteredLayer = (typeof layers)[number];
