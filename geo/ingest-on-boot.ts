import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../api/src/config.ts';
import { createProgress } from '../api/src/import-progress.ts';
import { ensureTileGeometry } from '../api/src/modules/tiles/tile-geometry-build.ts';
import { ensureTilePyramid } from '../api/src/modules/tiles/tile-pyramid.ts';
import { importSeeds } from '../seeds/loader/seed-import.ts';
import { importBoundaries } from './boundary-import.ts';
import { gso2025Dataset, gso202507Dataset } from './geo-source.ts';

type Log = (line: string) => void;
type IngestConfig = Pick<AppConfig, 'geoDataDir' | 'seedsDir' | 'interactive' | 'tilePrerenderMaxZoom'>;

/**
 * What a start loads before it serves: boundaries, then the tiles built from them, then the seeds
 * (whose facts hang off the units). Each step is skipped while its files, or the code loading
 * them, are unchanged, so only the first boot (or one after an update) takes minutes.
 */
export async function ingestOnBoot(orm: MikroORM, config: IngestConfig, log: Log): Promise<void> {
  // The 01/03/2025 list first: the two-level list links its units to it (lineage).
  for (const dataset of [gso2025Dataset(config.geoDataDir), gso202507Dataset(config.geoDataDir)]) {
    const started = Date.now();
    const result = await importBoundaries(orm, { geoDataDir: config.geoDataDir, progress: createProgress(config.interactive, log), dataset });
    if (result.skipped) {
      log(`Boundaries ${result.dataset} unchanged since the last import; skipped.`);
    } else {
      const s = result.stats;
      log(
        `Imported ${result.dataset}: ${s.provinces} provinces, ${s.districts} districts, ${s.communes} communes; ` +
          `${s.withoutPolygon} without polygon, ${(s.provinceRepaired ?? 0) + (s.districtRepaired ?? 0) + (s.communeRepaired ?? 0)} repaired` +
          (s.lineageLinks === undefined ? '' : `; ${s.lineageLinks} lineage links, ${s.lineageFindings} crosswalk/polygon findings`) +
          ` (${((Date.now() - started) / 1000).toFixed(1)} s).`,
      );
    }
  }
  await refreshTiles(orm, config, log);
  const seeds = await importSeeds(orm, { seedsDir: config.seedsDir, progress: createProgress(config.interactive, log) });
  log(seeds.skipped ? 'Seeds unchanged since the last import; skipped.' : `Loaded seeds: ${JSON.stringify(seeds.stats)}`);
}

/** The levels of detail and the stored low-zoom tiles, rebuilt when the boundaries (or their encoder) changed. */
export async function refreshTiles(orm: MikroORM, config: Pick<IngestConfig, 'interactive' | 'tilePrerenderMaxZoom'>, log: Log): Promise<void> {
  const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
  let started = Date.now();
  const tiles = await ensureTileGeometry(orm, createProgress(config.interactive, log));
  if (tiles.built) log(`Built ${tiles.rows} simplified boundaries for vector tiles (${seconds(started)}).`);
  started = Date.now();
  const pyramid = await ensureTilePyramid(orm, config.tilePrerenderMaxZoom, createProgress(config.interactive, log), tiles.built);
  if (pyramid.built) log(`Encoded ${pyramid.tiles} tiles of zooms 0–${config.tilePrerenderMaxZoom} ahead of requests (${seconds(started)}).`);
}
