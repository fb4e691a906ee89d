import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlFile } from '../../db/sql-file.ts';
import { tileCodeLists, type TileLevel } from './tile-level.ts';
import { maxTileZoom, type TileScope } from './tile.service.ts';
import { tileLayout } from './tile-encoder.ts';

const boundsSql = sqlFile(import.meta.url, 'tile-bounds.sql');

/** The one source layer of every tile (tile-mvt.sql / tile-features.sql). */
export const tileSourceLayer = 'units';

/** From which zoom a level's tiles carry names (tileLayout: commune tiles drop them when zoomed out). */
function namesFromZoom(level: TileLevel): number {
  for (let z = 0; z <= maxTileZoom; z++) if (tileLayout(level, z).withNames) return z;
  return maxTileZoom;
}

/** `?asOf=` of a tile URL or document when the request named a date (none: today, as the tiles default). */
function asOfQuery(asOf: string | undefined): string {
  return asOf ? `?asOf=${asOf}` : '';
}

/**
 * TileJSON 3.0.0 of one tile level of the units in force on a date: the tiles URL template (with the
 * same `asOf`), bounds, zooms and the fields of the layer.
 */
export async function tileJson(em: EntityManager, scope: TileScope, origin: string) {
  const { level, codeList } = scope;
  const [bounds] = await em.getConnection().execute<{ west: number; south: number; east: number; north: number }[]>(boundsSql, [codeList, level]);
  const box = [bounds?.west ?? 102.1, bounds?.south ?? 8.4, bounds?.east ?? 109.5, bounds?.north ?? 23.4].map((n) => Math.round(n * 1e4) / 1e4);
  const namesFrom = namesFromZoom(level);
  return {
    tilejson: '3.0.0',
    name: `NTM Atlas ${level} boundaries (${codeList})`,
    description: `Boundaries of the ${level} units of the GSO code list ${codeList}${scope.asOf ? `, in force on ${scope.asOf}` : ', in force today'}. Feature id = the GSO code as an integer; the status colours are not in the tiles (the app joins them by code).`,
    version: '1.0.0',
    attribution: tileCodeLists.find((c) => c.codeList === codeList)!.attribution,
    scheme: 'xyz',
    tiles: [`${origin}/tiles/${level}/{z}/{x}/{y}.pbf${asOfQuery(scope.asOf)}`],
    minzoom: 0,
    maxzoom: maxTileZoom,
    bounds: box,
    center: [Math.round(((box[0] + box[2]) / 2) * 1e4) / 1e4, Math.round(((box[1] + box[3]) / 2) * 1e4) / 1e4, 5],
    vector_layers: [
      {
        id: tileSourceLayer,
        description: namesFrom > 0 ? `name and shortName from zoom ${namesFrom}; code and level at every zoom` : 'Every field at every zoom',
        minzoom: 0,
        maxzoom: maxTileZoom,
        fields: {
          code: 'String: GSO code (leading zeros kept)',
          name: 'String: official name with its type',
          shortName: 'String: name without the type prefix',
          level: `String: ${level}`,
        },
      },
    ],
  };
}

/** Zooms at which the style draws each level: provinces for the country, then districts (while they exist), then communes. */
const styleZooms: Record<TileLevel, [number, number]> = { province: [0, 7], district: [7, 9], commune: [9, 24] };

/**
 * A MapLibre / Mapbox GL style (version 8) over the tile levels in force on a date (no district from
 * 01/07/2025), for GIS clients (QGIS "Vector Tiles" connection by style URL), of all of them or of one.
 * Outlines and a light fill only: the app draws no text, so the style needs no glyphs or sprites from elsewhere.
 */
export function tileStyle(origin: string, scopes: readonly TileScope[]) {
  const levels = scopes.map((s) => s.level);
  const hasDistricts = levels.includes('district');
  // One level alone is drawn at every zoom (QGIS takes one tile source per connection); without districts communes start at 7.
  const zooms = (level: TileLevel): [number, number] =>
    levels.length === 1 ? [0, 24] : level === 'commune' && !hasDistricts ? [styleZooms.district[0], 24] : styleZooms[level];
  const colours: Record<TileLevel, string> = { province: '#1b3a4b', district: '#4f6d7a', commune: '#7a8b94' };
  return {
    version: 8,
    name: levels.length === 1 ? `NTM Atlas ${levels[0]} boundaries` : 'NTM Atlas boundaries',
    metadata: { 'ntm-atlas:levels': levels },
    center: [106, 16],
    zoom: 5,
    sources: Object.fromEntries(scopes.map(({ level, asOf }) => [level, { type: 'vector', url: `${origin}/tiles/${level}/tilejson.json${asOfQuery(asOf)}` }])),
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#dde7ee' } },
      ...levels.flatMap((level) => [
        {
          id: `${level}-fill`,
          type: 'fill',
          source: level,
          'source-layer': tileSourceLayer,
          minzoom: zooms(level)[0],
          maxzoom: zooms(level)[1],
          paint: { 'fill-color': '#c9ced2', 'fill-opacity': 0.6 },
        },
        {
          id: `${level}-outline`,
          type: 'line',
          source: level,
          'source-layer': tileSourceLayer,
          minzoom: zooms(level)[0],
          maxzoom: zooms(level)[1],
          paint: { 'line-color': colours[level], 'line-width': 1 },
        },
      ]),
    ],
  };
}
