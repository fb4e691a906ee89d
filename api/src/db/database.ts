import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from './mikro-orm.config.ts';
import { startEmbeddedPostgis, type EmbeddedPostgis } from './embedded-postgis.ts';
import type { AppConfig } from '../config.ts';

export interface Database {
  orm: MikroORM;
  /** "embedded" (PGlite + PostGIS in ./data) or "external" (DATABASE_URL). */
  kind: 'embedded' | 'external';
  embedded?: EmbeddedPostgis;
  close(): Promise<void>;
}

/** Connects to DATABASE_URL, or boots the embedded PostGIS, then applies pending migrations. */
export async function openDatabase(config: AppConfig, log: (line: string) => void): Promise<Database> {
  let embedded: EmbeddedPostgis | undefined;
  if (!config.databaseUrl) {
    log(`Starting the embedded PostGIS in ${config.dataDir} …`);
    if (config.embeddedUnsafeNoFsync) {
      log('UNSAFE: EMBEDDED_UNSAFE_NO_FSYNC is set; the embedded database runs without fsync, and a power cut or OS crash may lose or corrupt committed data.');
    }
    embedded = await startEmbeddedPostgis(config.dataDir, { port: config.embeddedDbPort, unsafeNoFsync: config.embeddedUnsafeNoFsync });
    log(`Embedded PostGIS listening on 127.0.0.1:${embedded.port} (user postgres, database postgres)`);
  }
  const clientUrl = config.databaseUrl ?? embedded!.url;
  try {
    const orm = await MikroORM.init(ormConfig({ clientUrl, poolMax: embedded ? 1 : 10 }));
    const applied = await orm.migrator.up();
    if (applied.length) log(`Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
    return {
      orm,
      kind: embedded ? 'embedded' : 'external',
      embedded,
      async close() {
        await orm.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
