import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgis {
  /** A postgres:// URL for `pg`, served on loopback by the PGlite socket server. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Boots PGlite with PostGIS in `dataDir` and serves it over the Postgres wire protocol, so the
 * application talks to it through `pg` exactly as it talks to a real server. PGlite is a single
 * session: the application must use a pool of one connection. The one extra socket slot is for
 * read-only inspection (psql, QGIS, tests).
 */
export async function startEmbeddedPostgis(dataDir: string, port = 0): Promise<EmbeddedPostgis> {
  const pgDir = path.join(dataDir, 'pglite');
  fs.mkdirSync(pgDir, { recursive: true });
  const releaseLock = acquireLock(path.join(dataDir, 'pglite.lock'));
  try {
    const db = await PGlite.create({ dataDir: pgDir, extensions: { postgis } });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 2 });
    await server.start();
    const address = (server as unknown as { server: { address(): AddressInfo } }).server.address();
    return {
      url: `postgres://postgres@127.0.0.1:${address.port}/postgres`,
      port: address.port,
      async stop() {
        await server.stop();
        await db.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/** Two processes on one PGlite directory corrupt it, so the second one is refused. */
function acquireLock(lockFile: string): () => void {
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(fs.readFileSync(lockFile, 'utf8'));
    if (holder && holder !== process.pid && isRunning(holder)) {
      throw new Error(
        `The embedded database in ${path.dirname(lockFile)} is in use by process ${holder}. ` +
          'Stop it, or set DATA_DIR to another folder.',
      );
    }
    fs.writeFileSync(lockFile, String(process.pid));
  }
  return () => fs.rmSync(lockFile, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
