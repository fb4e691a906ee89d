import type { MikroORM, EntityManager } from '@mikro-orm/postgresql';
import type { QueryResult } from '@mikro-orm/core';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection, Objects } from 'topojson-specification';
import type { Geometry, Feature, GeoJsonProperties, MultiPolygon, Position } from 'geojson';
import { sqlFile } from '../../db/sql-file.ts';
import { GeoImport } from '../geo-imports/geo-import.entity.ts';
import { levelsOfDetail, simplificationArea } from './level-of-detail.ts';
import { tileCodeLists } from './tile-level.ts';
import type { ImportProgress } from '../../import-progress.ts';

const unitBoundariesSql = sqlFile(import.meta.url, 'unit-boundaries.sql');
const insertTileGeometrySql = sqlFile(import.meta.url, 'insert-tile-geometry.sql');
const insertFullTileGeometrySql = sqlFile(import.meta.url, 'insert-full-tile-geometry.sql');

/** GeoJSON bytes per statement: a few hundred communes, a handful of provinces. */
const insertBatchBytes = 256 * 1024;
/** Grid of the shared-arc topology: ~1.6 m across Vietnam, finer than any boundary source here. */
const topologyQuantization = 1e6;

/** The latest boundary import: its id versions the tile geometry, the stored tiles and the tile cache. */
export async function latestBoundaryImportId(em: EntityManager): Promise<number | undefined> {
  const [latest] = await em.fork().find(GeoImport, {}, { orderBy: { id: 'desc' }, fields: ['id'], limit: 1 });
  return latest?.id;
}

/**
 * Builds the levels of detail of every current unit when the boundaries changed since the last
 * build (or were never built). Each level of the hierarchy becomes one topology, so a border
 * shared by two units is one arc, simplified once: neighbours keep identical edges, no gaps.
 */
export async function ensureTileGeometry(orm: MikroORM, progress: ImportProgress): Promise<{ built: boolean; rows: number }> {
  const em = orm.em.fork();
  const importId = await latestBoundaryImportId(em);
  if (importId === undefined) return { built: false, rows: 0 };
  const [built] = await em
    .getConnection()
    .execute<{ id: number | null; lods: number }[]>('select max(geo_import_id) as id, count(distinct lod)::int as lods from tile_geometry');
  if (built?.id === importId && built.lods === levelsOfDetail.length) return { built: false, rows: 0 };

  const result = await em.transactional(async (tx) => {
    const connection = tx.getConnection();
    const ctx = tx.getTransactionContext();
    await connection.execute('delete from tile_geometry', [], 'run', ctx);
    let rows = 0;
    for (const { codeList, levels } of tileCodeLists) {
      await connection.execute(insertFullTileGeometrySql, [importId, codeList], 'run', ctx);
      for (const level of levels) {
        const units = await connection.execute<{ id: number; geometry: string }[]>(unitBoundariesSql, [codeList, level], 'all', ctx);
        if (units.length === 0) continue;
        const simplified = simplifyLevel(units.map((u) => ({ id: u.id, geometry: JSON.parse(u.geometry) as Geometry })));
        progress.start(`Tile geometry: ${codeList} ${level}`, simplified.length);
        for (const batch of batchesBySize(simplified)) {
          // Counted, because every row must land: on the embedded database a statement that fails
          // inside PostGIS (ST_MakeValid on a ring collapsed to two points, before withoutCollapsedRings)
          // came back with no rows and no error.
          const inserted = await connection.execute<QueryResult>(insertTileGeometrySql, [importId, JSON.stringify(batch)], 'run', ctx);
          // An empty simplification falls back to the stored boundary, so a short count means the
          // statement did not run as sent: a partial build must not be kept.
          if (inserted.affectedRows !== batch.length) {
            throw new Error(`tile geometry: stored ${inserted.affectedRows} of ${batch.length} ${level} boundaries; nothing kept`);
          }
          progress.advance(batch.length);
          rows += batch.length;
        }
        progress.finish();
      }
    }
    return { built: true, rows };
  });
  // Fresh statistics, or the planner guesses one row per tile and joins units row by row.
  await em.getConnection().execute('analyze tile_geometry');
  return result;
}

/**
 * Simplification can shrink a small ring (an islet, a thin hole) to two distinct points. Such rings
 * are dropped here, with any polygon whose outer ring collapsed: they are invisible at the zooms
 * the level serves, and ST_MakeValid on the embedded PostGIS fails on them without an error.
 */
export function withoutCollapsedRings(geometry: Geometry | null): MultiPolygon {
  const polygons: Position[][][] = geometry?.type === 'Polygon' ? [geometry.coordinates] : geometry?.type === 'MultiPolygon' ? geometry.coordinates : [];
  const kept: Position[][][] = [];
  for (const [outer, ...holes] of polygons) {
    if (!outer || collapsed(outer)) continue;
    kept.push([outer, ...holes.filter((hole) => !collapsed(hole))]);
  }
  return { type: 'MultiPolygon', coordinates: kept };
}

function collapsed(ring: Position[]): boolean {
  return new Set(ring.map((p) => `${p[0]},${p[1]}`)).size < 3;
}

function* batchesBySize(rows: SimplifiedBoundary[]): Generator<SimplifiedBoundary[]> {
  let batch: SimplifiedBoundary[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = JSON.stringify(row.geometry).length;
    if (batch.length > 0 && bytes + size > insertBatchBytes) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(row);
    bytes += size;
  }
  if (batch.length > 0) yield batch;
}

export interface SimplifiedBoundary {
  unit_id: number;
  lod: number;
  geometry: Geometry;
}

/** Every coarser level of detail of one set of neighbouring units, simplified arc by arc. */
export function simplifyLevel(units: { id: number; geometry: Geometry }[]): SimplifiedBoundary[] {
  const collection = {
    type: 'FeatureCollection' as const,
    features: units.map((u): Feature => ({ type: 'Feature', id: u.id, properties: {}, geometry: u.geometry })),
  };
  const topo = presimplify(topology({ units: collection }, topologyQuantization) as unknown as Topology<Objects<object>>);
  const out: SimplifiedBoundary[] = [];
  for (const level of levelsOfDetail) {
    const area = simplificationArea(level);
    if (area === 0) continue;
    const simplified = simplify(topo, area) as unknown as Topology;
    const features = feature(simplified, simplified.objects.units as GeometryCollection<GeoJsonProperties>);
    for (const f of features.features) {
      // A ring that collapses entirely comes back as null; insert-tile-geometry.sql then keeps the stored boundary.
      out.push({ unit_id: Number(f.id), lod: level.lod, geometry: withoutCollapsedRings(f.geometry) });
    }
  }
  return out;
}
