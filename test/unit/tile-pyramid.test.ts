import { describe, expect, it } from 'vitest';
import { prerenderedTileAddresses, type MercatorExtent } from '../../api/src/modules/tiles/tile-pyramid.ts';
import { tileEncoders, tileEncodingFingerprint } from '../../api/src/modules/tiles/tile-encoder.ts';

/** Web Mercator metres of a longitude/latitude. */
function mercator(lon: number, lat: number): [number, number] {
  const x = (lon * 20037508.342789244) / 180;
  const y = Math.log(Math.tan(((90 + lat) * Math.PI) / 360)) * 6378137;
  return [x, y];
}

function extent(level: MercatorExtent['level'], [west, south, east, north]: number[]): MercatorExtent {
  const [xmin, ymin] = mercator(west, south);
  const [xmax, ymax] = mercator(east, north);
  return { codeList: 'gso-2025-03', level, xmin, ymin, xmax, ymax };
}

describe('prerenderedTileAddresses', () => {
  // Mainland Việt Nam: one column at zoom 5 (x = 25), rows 13–15.
  const vietnam = extent('commune', [102.15, 8.6, 109.46, 23.39]);

  it('lists, per zoom, the tiles the extent meets, with the zoom’s level of detail', () => {
    const tiles = prerenderedTileAddresses([vietnam], 5);
    expect(tiles.filter((t) => t.z === 0)).toEqual([{ codeList: 'gso-2025-03', level: 'commune', z: 0, x: 0, y: 0, lod: 4 }]);
    expect(tiles.filter((t) => t.z === 5).map((t) => [t.x, t.y, t.lod])).toEqual([
      [25, 13, 3],
      [25, 14, 3],
      [25, 15, 3],
    ]);
    expect(Math.max(...tiles.map((t) => t.z))).toBe(5);
  });

  it('includes a neighbouring tile whose buffer the extent reaches', () => {
    // 112.5° E is the west edge of column 26 at zoom 5. A unit within 1/64 of a tile of it is drawn
    // in that tile's buffer; one an eighth of a tile away is not.
    const edge = 112.5;
    const width = 360 / 32;
    const near = extent('district', [edge - width / 200, 15, edge - width / 400, 16]);
    const far = extent('district', [edge - width / 8, 15, edge - width / 10, 16]);
    expect(
      prerenderedTileAddresses([near], 5)
        .filter((t) => t.z === 5)
        .map((t) => t.x),
    ).toEqual([25, 26]);
    expect(
      prerenderedTileAddresses([far], 5)
        .filter((t) => t.z === 5)
        .map((t) => t.x),
    ).toEqual([25]);
  });

  it('lists nothing for a negative zoom (pre-rendering off)', () => {
    expect(prerenderedTileAddresses([vietnam], -1)).toEqual([]);
  });
});

describe('tileEncodingFingerprint', () => {
  it('is stable for an encoder and differs between encoders, so stored tiles follow the encoder in use', () => {
    expect(tileEncodingFingerprint(tileEncoders.postgis)).toBe(tileEncodingFingerprint(tileEncoders.postgis));
    expect(tileEncodingFingerprint(tileEncoders.postgis)).not.toBe(tileEncodingFingerprint(tileEncoders.node));
  });
});
