import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { sqlFile } from '../../db/sql-file.ts';
import type { ImportProgress } from '../../import-progress.ts';
import { lodForZoom } from './level-of-detail.ts';
import { chooseTileEncoder, tileEncodingFingerprint, tileLayout, type TileAddress } from './tile-encoder.ts';
import { latestBoundaryImportId } from './tile-geometry-build.ts';

const unitExtentsSql = sqlFile(import.meta.url, 'unit-extents.sql');

/** Half the Web Mercator world's width, in metres. */
const mercatorHalfWidth = 20037508.342789244;

export interface MercatorExtent {
  codeList: string;
  level: TileAddress['level'];
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
}

/**
 * The tiles of zooms 0..maxZoom that can hold a unit of each level: those meeting the level's
 * extent grown by the tile buffer (a unit just outside a tile is still drawn in its buffer). Pure.
 */
export function prerenderedTileAddresses(extents: readonly MercatorExtent[], maxZoom: number): TileAddress[] {
  const addresses: TileAddress[] = [];
  for (const extent of extents) {
    for (let z = 0; z <= maxZoom; z++) {
      const tiles = 2 ** z;
      const tileWidth = (2 * mercatorHalfWidth) / tiles;
      const { extent: grid, buffer } = tileLayout(extent.level, z);
      const margin = (tileWidth * buffer) / grid;
      const column = (x: number) => Math.min(tiles - 1, Math.max(0, Math.floor((x + mercatorHalfWidth) / tileWidth)));
      const row = (y: number) => Math.min(tiles - 1, Math.max(0, Math.floor((mercatorHalfWidth - y) / tileWidth)));
      for (let x = column(extent.xmin - margin); x <= column(extent.xmax + margin); x++) {
        for (let y = row(extent.ymax + margin); y <= row(extent.ymin - margin); y++) {
          addresses.push({ codeList: extent.codeList, level: extent.level, z, x, y, lod: lodForZoom(z) });
        }
      }
    }
  }
  return addresses;
}

/**
 * Encodes the low-zoom tiles of the latest boundary import, with the encoder requests use, when
 * the stored ones are missing, of another import, zoom range or encoder version, or when the tile
 * geometry was just rebuilt (`geometryRebuilt`); replaces the stored set in one transaction.
 * maxZoom < 0 keeps whatever is stored (a server told not to use them will not read them either).
 */
export async function ensureTilePyramid(
  orm: MikroORM,
  maxZoom: number,
  progress: ImportProgress,
  geometryRebuilt = false,
): Promise<{ built: boolean; tiles: number }> {
  const em = orm.em.fork();
  const importId = await latestBoundaryImportId(em);
  if (importId === undefined || maxZoom < 0) return { built: false, tiles: 0 };
  const encoder = await chooseTileEncoder(em.fork());
  const fingerprint = tileEncodingFingerprint(encoder);
  const [stored] = await em
    .getConnection()
    .execute<{ id: number | null; z: number | null; fingerprints: number; fingerprint: string | null }[]>(
      'select min(geo_import_id) as id, max(z) as z, count(distinct fingerprint)::int as fingerprints, min(fingerprint) as fingerprint from prerendered_tile',
    );
  const current = stored?.id === importId && stored.z === maxZoom && stored.fingerprints === 1 && stored.fingerprint === fingerprint;
  if (current && !geometryRebuilt) return { built: false, tiles: 0 };

  const extents = await em.getConnection().execute<MercatorExtent[]>(unitExtentsSql);
  const addresses = prerenderedTileAddresses(extents, maxZoom);
  progress.start('Pre-rendered tiles', addresses.length);
  const encoded: { address: TileAddress; body: Buffer }[] = [];
  for (const address of addresses) {
    const body = await encoder.encode(em.fork(), address);
    // An empty tile costs nothing to encode on request.
    if (body.byteLength > 0) encoded.push({ address, body });
    progress.advance(1);
  }
  progress.finish();
  await em.transactional(async (tx) => {
    const connection = tx.getConnection();
    const ctx = tx.getTransactionContext();
    await connection.execute('delete from prerendered_tile', [], 'run', ctx);
    for (const { address: a, body } of encoded) {
      await connection.execute(
        'insert into prerendered_tile (code_list, level, z, x, y, body, geo_import_id, fingerprint) values (?, ?, ?, ?, ?, ?, ?, ?)',
        [a.codeList, a.level, a.z, a.x, a.y, body, importId, fingerprint],
        'run',
        ctx,
      );
    }
  });
  return { built: true, tiles: encoded.length };
}

/** The stored tile at an address, if it was encoded from the given boundary import. */
export async function readPrerenderedTile(em: EntityManager, address: TileAddress, geoImportId: number): Promise<Buffer | undefined> {
  const [row] = await em
    .getConnection()
    .execute<{ body: Buffer }[]>('select body from prerendered_tile where code_list = ? and level = ? and z = ? and x = ? and y = ? and geo_import_id = ?', [
      address.codeList,
      address.level,
      address.z,
      address.x,
      address.y,
      geoImportId,
    ]);
  return row?.body;
}
