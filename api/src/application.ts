import type { AddressInfo } from 'node:net';
import type { AppConfig } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { createHttpApp } from './server/app.ts';
import { ensureFirstAdmin, loadSessionSecret } from './modules/auth/authenticate.ts';
import { LoginRateLimiter } from './modules/auth/login-rate-limit.ts';
import { markInterruptedImports } from './modules/assessment-imports/import.service.ts';
import { importBoundaries } from '../../geo/boundary-import.ts';
import { createProgress } from '../../geo/import-progress.ts';
import { importSeeds } from '../../seeds/loader/seed-import.ts';
import { ensureTileGeometry } from './modules/tiles/tile-geometry-build.ts';
import { ensureTilePyramid } from './modules/tiles/tile-pyramid.ts';
import { startBackupSchedule } from './modules/backups/backup-schedule.ts';

export interface RunningApplication {
  url: string;
  database: Database;
  stop(): Promise<void>;
}

/** Database → migrations → boundary import (first boot or changed files) → HTTP. */
export async function startApplication(config: AppConfig, log: (line: string) => void = console.log): Promise<RunningApplication> {
  const database = await openDatabase(config, log);
  try {
    const result = await importBoundaries(database.orm, {
      geoDataDir: config.geoDataDir,
      progress: createProgress(config.interactive, log),
    });
    if (result.skipped) {
      log(`Boundaries ${result.dataset} unchanged since the last import; skipped.`);
    } else {
      const s = result.stats;
      log(
        `Imported ${result.dataset}: ${s.provinces} provinces, ${s.districts} districts, ${s.communes} communes; ` +
          `${s.withoutPolygon} without polygon, ${(s.provinceRepaired ?? 0) + (s.districtRepaired ?? 0) + (s.communeRepaired ?? 0)} repaired.`,
      );
    }
    const tiles = await ensureTileGeometry(database.orm, createProgress(config.interactive, log));
    if (tiles.built) log(`Built ${tiles.rows} simplified boundaries for vector tiles.`);
    const pyramid = await ensureTilePyramid(database.orm, config.tilePrerenderMaxZoom, createProgress(config.interactive, log), tiles.built);
    if (pyramid.built) log(`Encoded ${pyramid.tiles} tiles of zooms 0–${config.tilePrerenderMaxZoom} ahead of requests.`);
    const seeds = await importSeeds(database.orm, { seedsDir: config.seedsDir, progress: createProgress(config.interactive, log) });
    log(seeds.skipped ? 'Seeds unchanged since the last import; skipped.' : `Loaded seeds: ${JSON.stringify(seeds.stats)}`);
    await ensureFirstAdmin(database.orm.em, config.firstAdmin.username, config.firstAdmin.password, log);
    const interrupted = await markInterruptedImports(database.orm.em);
    if (interrupted) log(`${interrupted} assessment import(s) were cut off by a stop of the server; nothing of them was written.`);
    const http = await createHttpApp(
      database.orm,
      config.webDistDir,
      {
        sessionSecret: await loadSessionSecret(database.orm.em, config.sessionSecret),
        sessionTtlSeconds: config.sessionTtlSeconds,
        adminToken: config.adminToken,
        publicRead: config.publicRead,
        loginLimiter: new LoginRateLimiter(),
      },
      { importLimits: config.importLimits, tileCacheBytes: config.tileCacheBytes, responseCacheBytes: config.responseCacheBytes, tilePrerenderMaxZoom: config.tilePrerenderMaxZoom },
    );
    await new Promise<void>((resolve, reject) => {
      http.server.once('error', reject);
      http.server.listen(config.port, config.host, resolve);
    });
    const { port } = http.server.address() as AddressInfo;
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
    const stopBackups = startBackupSchedule(config, database, log);
    return {
      url,
      database,
      async stop() {
        await stopBackups();
        await http.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
