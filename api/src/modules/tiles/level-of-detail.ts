/**
 * Levels of detail for vector tiles. Each serves a band of zooms; its simplification threshold is
 * the Visvalingam effective area of a 2 × 2 pixel square (256-px tiles) at the band's deepest zoom,
 * in square degrees: what is removed barely shows, and a country-view tile of all communes stays
 * under 500 KB. Level 0 is the stored boundary.
 */
export interface LevelOfDetail {
  lod: number;
  /** Smallest zoom served by this level (inclusive). */
  minZoom: number;
  /** Deepest zoom served (inclusive); the threshold is computed for it. */
  maxZoom: number;
}

export const levelsOfDetail: readonly LevelOfDetail[] = [
  { lod: 4, minZoom: 0, maxZoom: 3 },
  { lod: 3, minZoom: 4, maxZoom: 5 },
  { lod: 2, minZoom: 6, maxZoom: 8 },
  { lod: 1, minZoom: 9, maxZoom: 11 },
  { lod: 0, minZoom: 12, maxZoom: Infinity },
];

export function lodForZoom(z: number): number {
  const found = levelsOfDetail.find((l) => z >= l.minZoom && z <= l.maxZoom);
  if (!found) throw new RangeError(`no level of detail for zoom ${z}`);
  return found.lod;
}

/** Visvalingam minimum weight (square degrees) for a simplified level; 0 for the full one. */
export function simplificationArea(level: LevelOfDetail): number {
  if (!Number.isFinite(level.maxZoom)) return 0;
  const side = (2 * 360) / (256 * 2 ** level.maxZoom);
  return side * side;
}
