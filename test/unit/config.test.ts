import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/src/config.ts';

describe('loadConfig', () => {
  it('reads the cache and pre-rendering settings, with their defaults', () => {
    expect(loadConfig({})).toMatchObject({ tileCacheBytes: 64 * 1024 * 1024, responseCacheBytes: 32 * 1024 * 1024, tilePrerenderMaxZoom: 5 });
    expect(loadConfig({ TILE_PRERENDER_MAX_ZOOM: '-1', RESPONSE_CACHE_BYTES: '0' })).toMatchObject({ tilePrerenderMaxZoom: -1, responseCacheBytes: 0 });
    expect(loadConfig({ TILE_PRERENDER_MAX_ZOOM: '8' }).tilePrerenderMaxZoom).toBe(8);
  });

  it.each(['17', '-2', '2.5', 'five'])('refuses TILE_PRERENDER_MAX_ZOOM=%s, naming the setting', (raw) => {
    expect(() => loadConfig({ TILE_PRERENDER_MAX_ZOOM: raw })).toThrow(`TILE_PRERENDER_MAX_ZOOM must be a zoom from 0 to 16, or -1 for none, got "${raw}"`);
  });
});
