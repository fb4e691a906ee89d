import type { Bounds } from './bounds.ts';

/** MapLibre's world tile size: zoom z spans 512 · 2^z pixels; vector sources use 512-pixel tiles too. */
const worldTileSize = 512;
/** A fit this close to a whole zoom might round either way in MapLibre's own arithmetic: nothing is guessed then. */
const zoomMargin = 0.02;

export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/** Web Mercator position of a point at zoom 0, in [0, 1) across the world. */
function mercator(lon: number, lat: number): [number, number] {
  const sin = Math.sin((lat * Math.PI) / 180);
  return [(lon + 180) / 360, 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)];
}

/**
 * The vector tiles a map of `size` pixels asks for after fitting `bounds` with `padding` (north up,
 * no pitch): MapLibre's fit (the largest zoom at which the projected box fits inside the padded map)
 * and its covering tiles (tile zoom = the whole part of the map's zoom for 512-pixel tiles, every
 * tile the map's rectangle touches). Empty when the zoom sits on the edge of a whole number, where
 * a guess could ask for tiles the map never uses. Pure.
 */
export function tilesForFit(bounds: Bounds, size: { width: number; height: number }, padding: number, maxTileZoom: number): TileAddress[] {
  const [west, south, east, north] = bounds;
  const [x0, y0] = mercator(west, north);
  const [x1, y1] = mercator(east, south);
  const room = { width: size.width - 2 * padding, height: size.height - 2 * padding };
  if (room.width <= 0 || room.height <= 0) return [];
  const zoom = Math.log2(Math.min(room.width / ((x1 - x0) * worldTileSize), room.height / ((y1 - y0) * worldTileSize)));
  const fraction = zoom - Math.floor(zoom);
  if (zoom < 0 || fraction < zoomMargin || fraction > 1 - zoomMargin) return [];
  const z = Math.min(Math.floor(zoom), maxTileZoom);
  const tiles = 2 ** z;
  // What the map shows: its size around the box's centre, in world units at zoom 0.
  const world = worldTileSize * 2 ** zoom;
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  const view = {
    left: cx - size.width / 2 / world,
    right: cx + size.width / 2 / world,
    top: cy - size.height / 2 / world,
    bottom: cy + size.height / 2 / world,
  };
  const span = (from: number, to: number) => {
    const first = Math.max(0, Math.floor(from * tiles));
    const last = Math.min(tiles - 1, Math.ceil(to * tiles) - 1);
    return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
  };
  return span(view.left, view.right).flatMap((x) => span(view.top, view.bottom).map((y) => ({ z, x, y })));
}

/** A tile URL from a source's template ({z}/{x}/{y}), as MapLibre fills it in. */
export function tileUrl(template: string, { z, x, y }: TileAddress): string {
  return template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
}
