import type { AddressInfo } from 'node:net';
import type { AppConfig } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { createHttpApp } from './server/app.ts';
import { ensureFirstAdmin, loadSessionSecret } from './modules/auth/authenticate.ts';
import { LoginRateLimiter } from './modules/auth/login-rate-limit.ts';
import { markInterruptedImports } from './modules/assessment-imports/import.service.ts';
import { startBackupSchedule } from './modules/backups/backup-schedule.ts';

export interface RunningApplication {
  url: string;
  database: Database;
  stop(): Promise<void>;
}

/**
 * Loading done once the database is migrated and before HTTP listens: the process entry point
 * (api/main.ts) passes the ingest layer's boundary and seed loading, so the API never imports it.
 */
export type OnDatabaseReady = (database: Database) => Promise<void>;

/** Database → migrations → onDatabaseReady (imports on first boot or changed files) → HTTP. */
export async function startApplication(
  config: AppConfig,
  onDatabaseReady: OnDatabaseReady,
  log: (line: string) => void = console.log,
): Promise<RunningApplication> {
  const database = await openDatabase(config, log);
  try {
    await onDatabaseReady(database);
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
      {
        importLimits: config.importLimits,
        tileCacheBytes: config.tileCacheBytes,
        responseCacheBytes: config.responseCacheBytes,
        tilePrerenderMaxZoom: config.tilePrerenderMaxZoom,
        demoByDefault: config.demoByDefault,
      },
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
