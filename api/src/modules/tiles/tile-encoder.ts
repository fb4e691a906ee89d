import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import GeoJSONVT from 'geojson-vt';
import vtpbf from 'vt-pbf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { sqlFile } from '../../db/sql-file.ts';
import { levelsOfDetail } from './level-of-detail.ts';
import { tileLevels, type TileLevel } from './tile-level.ts';

const tileMvtSql = sqlFile(import.meta.url, 'tile-mvt.sql');
const tileFeaturesSql = sqlFile(import.meta.url, 'tile-features.sql');

export const tileLayerName = 'units';

/**
 * Tile grid and content by zoom. At country and region zooms (≤ 5) a commune tile holds thousands
 * of communes: a 1024 grid (¼ pixel) and no names keep it under 500 KB (names alone would be ~350 KB,
 * and no label can show at that scale); provinces and districts always carry names.
 */
export function tileLayout(level: TileAddress['level'], z: number): { extent: number; buffer: number; withNames: boolean } {
  const extent = z <= 5 ? 1024 : 4096;
  // 1/64 of the tile kept around it so that strokes do not break at tile edges.
  return { extent, buffer: extent / 64, withNames: level !== 'commune' || z >= 6 };
}

function tileParams(t: TileAddress): unknown[] {
  const { extent, buffer, withNames } = tileLayout(t.level, t.z);
  return [t.z, t.x, t.y, extent, buffer, withNames, withNames, t.lod, t.codeList, t.level];
}

export interface TileAddress {
  /** The code list whose units the tile shows (the one in force on the date asked for). */
  codeList: string;
  level: TileLevel;
  z: number;
  x: number;
  y: number;
  lod: number;
}

/** Encodes one tile of the `units` layer. Both encoders select the same units with the same properties. */
export interface TileEncoder {
  readonly name: 'postgis' | 'node';
  encode(em: EntityManager, tile: TileAddress): Promise<Buffer>;
}

/** The ST_AsMVT statement of a tile, `?` placeholders in order (tests run it to check stored tiles). */
export function postgisTileStatement(t: TileAddress): { sql: string; params: unknown[] } {
  return { sql: tileMvtSql, params: [...tileParams(t).slice(0, 5), tileLayout(t.level, t.z).extent, ...tileParams(t).slice(5)] };
}

const postgisEncoder: TileEncoder = {
  name: 'postgis',
  async encode(em, t) {
    const { sql, params } = postgisTileStatement(t);
    const [row] = await em.getConnection().execute<{ tile: Buffer | null }[]>(sql, params);
    return row?.tile ?? Buffer.alloc(0);
  },
};

interface FeatureRow {
  code: string;
  name: string | null;
  shortName: string | null;
  level: string;
  geometry: string;
}

/** geojson-vt cuts and quantises the clipped features; vt-pbf writes the protobuf. */
const nodeEncoder: TileEncoder = {
  name: 'node',
  async encode(em, t) {
    const rows = await em.getConnection().execute<FeatureRow[]>(tileFeaturesSql, tileParams(t));
    const { extent, buffer } = tileLayout(t.level, t.z);
    const collection: FeatureCollection = {
      type: 'FeatureCollection',
      features: rows.map(
        (r): Feature => ({
          type: 'Feature',
          id: Number(r.code),
          properties: withoutNulls({ code: r.code, name: r.name, shortName: r.shortName, level: r.level }),
          geometry: JSON.parse(r.geometry) as Geometry,
        }),
      ),
    };
    // The levels of detail are already simplified arc by arc; simplifying again per feature would
    // move shared edges apart, so the tolerance is one grid unit (¼ pixel) on the coarse 1024 grid,
    // where it drops the communes smaller than a grid cell as ST_AsMVTGeom does, and 0 otherwise.
    const index = new GeoJSONVT(collection, {
      // geojson-vt applies no tolerance at its maxZoom, so the index goes one deeper than asked.
      maxZoom: t.z + 1,
      indexMaxZoom: 0,
      indexMaxPoints: 0,
      tolerance: extent < 4096 ? 1 : 0,
      extent,
      buffer,
    });
    const tile = index.getTile(t.z, t.x, t.y);
    if (!tile || tile.features.length === 0) return Buffer.alloc(0);
    const bytes = vtpbf.fromGeojsonVt({ [tileLayerName]: tile } as unknown as Parameters<typeof vtpbf.fromGeojsonVt>[0], {
      version: 2,
      extent,
    });
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  },
};

/** ST_AsMVT leaves NULL properties out; so does this encoder. */
function withoutNulls(properties: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(properties).filter((entry): entry is [string, string] => entry[1] !== null));
}

export const tileEncoders = { postgis: postgisEncoder, node: nodeEncoder } as const;

/** Bump when an encoder's code changes what it writes (its SQL and layouts are in the fingerprint already). */
const encodingRevision = 1;

/**
 * Identifies what an encoder writes: stored tiles with another fingerprint were encoded by another
 * version of this code and are encoded again.
 */
export function tileEncodingFingerprint(encoder: TileEncoder): string {
  const layouts = tileLevels.map((level) => Array.from({ length: 17 }, (_, z) => tileLayout(level, z)));
  return createHash('sha1')
    .update(JSON.stringify([encodingRevision, encoder.name, tileMvtSql, tileFeaturesSql, levelsOfDetail, layouts]))
    .digest('base64url');
}

/**
 * ST_AsMVT when the database can run it, otherwise the Node encoder. The embedded PostGIS lists
 * ST_AsMVT in pg_proc but is built without protobuf-c, so the check calls it once.
 */
export async function chooseTileEncoder(em: EntityManager): Promise<TileEncoder> {
  const [{ listed }] = await em.getConnection().execute<{ listed: boolean }[]>(`select exists (select 1 from pg_proc where proname = 'st_asmvt') as listed`);
  if (!listed) return nodeEncoder;
  try {
    await em
      .getConnection()
      .execute(`select ST_AsMVT(t, 'probe') from (select 1 as id, ST_AsMVTGeom(ST_Point(0, 0, 3857), ST_TileEnvelope(0, 0, 0)) as geom) t`);
    return postgisEncoder;
  } catch (error) {
    // Only the database's own refusal of ST_AsMVT means "no protobuf"; a lost connection says nothing about it.
    if (isConnectionFailure(error)) throw error;
    return nodeEncoder;
  }
}

/** No SQLSTATE (the socket closed), or class 08 (connection exception) or 57 (operator intervention, e.g. a terminated backend). */
export function isConnectionFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code) || code.startsWith('08') || code.startsWith('57');
}
