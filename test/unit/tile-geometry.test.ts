import { describe, expect, it } from 'vitest';
import type { Polygon, MultiPolygon } from 'geojson';
import { simplifyLevel, withoutCollapsedRings } from '../../api/src/modules/tiles/tile-geometry-build.ts';
import { levelsOfDetail, lodForZoom, simplificationArea } from '../../api/src/modules/tiles/level-of-detail.ts';
import { parseTileAddress } from '../../api/src/modules/tiles/tile.service.ts';
import { TileCache } from '../../api/src/modules/tiles/tile-cache.ts';
import { EncodedBody } from '../../api/src/server/encoded-body.ts';

/** A wiggly border from (1, 0) to (1, 1): a zig-zag of tiny teeth plus one large bend. */
function border(): [number, number][] {
  const points: [number, number][] = [];
  for (let i = 0; i <= 200; i++) {
    const y = i / 200;
    points.push([1 + (i % 2 ? 0.0004 : -0.0004) + (i === 100 ? 0.3 : 0), y]);
  }
  return points;
}

function neighbours() {
  const edge = border();
  const west: Polygon = { type: 'Polygon', coordinates: [[[0, 0], ...edge, [0, 1], [0, 0]]] };
  const east: Polygon = { type: 'Polygon', coordinates: [[[2, 0], [2, 1], ...[...edge].reverse(), [2, 0]]] };
  return [
    { id: 1, geometry: west },
    { id: 2, geometry: east },
  ];
}

function segments(geometry: Polygon | MultiPolygon): Set<string> {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const out = new Set<string>();
  for (const ring of polygons.flat()) {
    for (let i = 1; i < ring.length; i++) {
      const [a, b] = [ring[i - 1], ring[i]].map((p) => p.map((c) => c.toFixed(6)).join(' ')).sort();
      out.add(`${a}|${b}`);
    }
  }
  return out;
}

describe('levels of detail', () => {
  it('simplifies a shared border once: both neighbours keep exactly the same edge (no gap, no overlap)', () => {
    const result = simplifyLevel(neighbours());
    const coarser = levelsOfDetail.filter((l) => simplificationArea(l) > 0);
    expect(result).toHaveLength(coarser.length * 2);
    for (const level of coarser) {
      const [west, east] = [1, 2].map((id) => result.find((r) => r.unit_id === id && r.lod === level.lod)!.geometry as MultiPolygon);
      // Outer edges run along x = 0, x = 2, y = 0 or y = 1; every other segment is the shared border.
      const interior = (s: string) => {
        const [[x1, y1], [x2, y2]] = s.split('|').map((p) => p.split(' ').map(Number));
        return !((x1 === x2 && (x1 === 0 || x1 === 2)) || (y1 === y2 && (y1 === 0 || y1 === 1)));
      };
      const westBorder = [...segments(west)].filter(interior).sort();
      const eastBorder = [...segments(east)].filter(interior).sort();
      expect(westBorder.length).toBeGreaterThan(0);
      expect(westBorder).toEqual(eastBorder);
    }
    // The region-view level drops the sub-pixel teeth but keeps the large bend.
    const coarsest = result.find((r) => r.unit_id === 1 && r.lod === lodForZoom(8))!.geometry as MultiPolygon;
    expect(coarsest.coordinates[0][0].length).toBeLessThan(20);
    expect(coarsest.coordinates[0][0].some(([x]) => x > 1.2)).toBe(true);
  });

  it('maps every zoom from 0 to 16 to one level, coarser at smaller zooms', () => {
    expect(lodForZoom(0)).toBe(4);
    expect(lodForZoom(5)).toBe(3);
    expect(lodForZoom(8)).toBe(2);
    expect(lodForZoom(11)).toBe(1);
    expect(lodForZoom(16)).toBe(0);
  });
});

describe('tile addresses', () => {
  it('accepts a tile inside its zoom', () => {
    expect(parseTileAddress('commune', '5', '25', '14', '2024-12-31')).toEqual({ codeList: 'gso-2025-03', level: 'commune', z: 5, x: 25, y: 14, lod: 3 });
  });
  it('serves the list in force on asOf (default today), without districts after the reform', () => {
    expect(parseTileAddress('commune', '5', '25', '14', '2026-01-01').codeList).toBe('gso-2025-07');
    expect(parseTileAddress('province', '5', '25', '14').codeList).toBe('gso-2025-07');
    expect(() => parseTileAddress('district', '5', '25', '14', '2026-01-01')).toThrow(/no district is in force on 2026-01-01/);
    expect(() => parseTileAddress('commune', '5', '25', '14', '2026-02-30')).toThrow(/asOf must be a date written YYYY-MM-DD/);
  });
  it.each([
    [['village', '5', '25', '14'], /unknown level "village"/],
    [['commune', '17', '0', '0'], /z must be an integer from 0 to 16/],
    [['commune', '2', '4', '0'], /x must be an integer from 0 to 3, got "4"/],
    [['commune', '2', '0', '1.5'], /y must be an integer from 0 to 3, got "1.5"/],
  ])('rejects %j', (args, message) => {
    expect(() => parseTileAddress(...(args as [string, string, string, string]))).toThrow(message);
  });
});

describe('tile cache', () => {
  const tile = (n: number) => new EncodedBody(Buffer.alloc(n), { etagPrefix: `${n}-` });

  it('evicts the least recently used tiles beyond its byte budget', () => {
    const cache = new TileCache(100);
    cache.set(1, 'a', tile(40));
    cache.set(1, 'b', tile(40));
    cache.get(1, 'a');
    cache.set(1, 'c', tile(40));
    expect(cache.get(1, 'b')).toBeUndefined();
    expect(cache.get(1, 'a')).toBeDefined();
    expect(cache.get(1, 'c')).toBeDefined();
    expect(cache.totalBytes).toBe(80);
  });

  it('serves nothing from an older boundary version and drops it when the new one arrives', () => {
    const cache = new TileCache(100);
    cache.set(1, 'a', tile(10));
    expect(cache.get(2, 'a')).toBeUndefined();
    cache.set(2, 'b', tile(10));
    expect(cache.size).toBe(1);
    expect(cache.get(1, 'a')).toBeUndefined();
  });

  it('keeps nothing with a budget of 0 (TILE_CACHE_BYTES=0), nor a tile larger than its budget', () => {
    const off = new TileCache(0);
    off.set(1, 'empty', tile(0));
    expect([off.get(1, 'empty'), off.size]).toEqual([undefined, 0]);
    const small = new TileCache(100);
    small.set(1, 'big', tile(101));
    small.set(1, 'empty', tile(0));
    expect([small.get(1, 'big'), small.get(1, 'empty')?.identity.byteLength, small.size]).toEqual([undefined, 0, 1]);
  });
});

describe('collapsed rings', () => {
  it('drops rings of fewer than three distinct points, and a polygon whose outer ring collapsed', () => {
    const square = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    const sliver = [
      [0.2, 0.2],
      [0.4, 0.4],
      [0.2, 0.2],
      [0.2, 0.2],
    ];
    expect(withoutCollapsedRings({ type: 'MultiPolygon', coordinates: [[square, sliver], [sliver]] })).toEqual({
      type: 'MultiPolygon',
      coordinates: [[square]],
    });
    expect(withoutCollapsedRings(null)).toEqual({ type: 'MultiPolygon', coordinates: [] });
  });
});
