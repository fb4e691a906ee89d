import { describe, expect, it } from 'vitest';
import { tilesForFit, tileUrl } from '../../web/src/map/tile-prefetch.ts';
import { vietnamBounds } from '../../web/src/map/bounds.ts';

const addresses = (tiles: { z: number; x: number; y: number }[]) => tiles.map(({ z, x, y }) => `${z}/${x}/${y}`).sort();

/** The tiles MapLibre 6.17 asked for, read off the browser's requests, for the national view fitted with 12 pixels of padding. */
describe('the tiles a fitted national map asks for first', () => {
  it.each([
    // The map area of a 1280 × 800 window beside the panel, and of a 390 × 844 phone.
    [{ width: 960, height: 677 }, ['4/12/6', '4/12/7', '4/13/6', '4/13/7']],
    [{ width: 390, height: 464 }, ['4/12/6', '4/12/7', '4/13/6', '4/13/7']],
    // A 1920 × 1080 window: zoom 5, the mainland's column and those either side.
    [{ width: 1600, height: 957 }, ['5/24/13', '5/24/14', '5/24/15', '5/25/13', '5/25/14', '5/25/15', '5/26/13', '5/26/14', '5/26/15']],
  ])('%j', (size, expected) => {
    expect(addresses(tilesForFit(vietnamBounds, size, 12, 14))).toEqual(expected);
  });

  it('asks for nothing when the fit lands on a whole zoom (MapLibre might round the other way), or the map has no room', () => {
    // Height chosen so the fitted zoom is 4.00…: the tile zoom could be 3 or 4.
    const height = 24 + 0.0434687902662454 * 512 * 16 + 0.01;
    expect(tilesForFit(vietnamBounds, { width: 4000, height }, 12, 14)).toEqual([]);
    expect(tilesForFit(vietnamBounds, { width: 20, height: 20 }, 12, 14)).toEqual([]);
  });

  it('stops at the source’s highest zoom and fills in the URL template as MapLibre does', () => {
    const tiles = tilesForFit([105.8, 21.0, 105.9, 21.1], { width: 2000, height: 2000 }, 0, 8);
    expect(new Set(tiles.map((t) => t.z))).toEqual(new Set([8]));
    expect(tileUrl('/tiles/commune/{z}/{x}/{y}.pbf?asOf=2024-12-31', { z: 8, x: 203, y: 114 })).toBe('/tiles/commune/8/203/114.pbf?asOf=2024-12-31');
  });
});
