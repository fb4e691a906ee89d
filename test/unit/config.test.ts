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

  it('keeps the embedded database durable unless the unsafe mode is asked for by name', () => {
    expect(loadConfig({}).embeddedUnsafeNoFsync).toBe(false);
    expect(loadConfig({ EMBEDDED_UNSAFE_NO_FSYNC: '1' }).embeddedUnsafeNoFsync).toBe(true);
    expect(() => loadConfig({ EMBEDDED_UNSAFE_NO_FSYNC: 'maybe' })).toThrow('EMBEDDED_UNSAFE_NO_FSYNC must be true or false, got "maybe"');
  });

  it('reads the backup schedule: off by default, seven kept, in the data folder', () => {
    const defaults = loadConfig({ DATA_DIR: '/srv/atlas' }).backupSchedule;
    expect(defaults).toEqual({ everyHours: undefined, keep: 7, dir: '/srv/atlas/backups' });
    expect(loadConfig({ BACKUP_EVERY_HOURS: '6', BACKUP_KEEP: '3', BACKUP_DIR: '/mnt/usb/atlas' }).backupSchedule).toEqual({
      everyHours: 6,
      keep: 3,
      dir: '/mnt/usb/atlas',
    });
    expect(loadConfig({ BACKUP_EVERY_HOURS: '0.5' }).backupSchedule.everyHours).toBe(0.5);
  });

  it.each([
    ['BACKUP_EVERY_HOURS', '0', 'BACKUP_EVERY_HOURS must be a number of hours (0–720), got "0"'],
    ['BACKUP_EVERY_HOURS', 'daily', 'BACKUP_EVERY_HOURS must be a number of hours (0–720), got "daily"'],
    ['BACKUP_KEEP', '0', 'BACKUP_KEEP must be a positive whole number, got "0"'],
    ['BACKUP_KEEP', '2.5', 'BACKUP_KEEP must be a positive whole number, got "2.5"'],
  ])('refuses %s=%s, naming the setting', (name, raw, message) => {
    expect(() => loadConfig({ [name]: raw })).toThrow(message);
  });
});
