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

/**
 * Two processes on one PGlite directory corrupt it, so the second one is refused. The lock names
 * the holder's pid and (on Linux) its start time: a lock left by a killed process is taken over,
 * also when its pid has since been given to an unrelated process.
 */
export function acquireLock(lockFile: string): () => void {
  const own = `${process.pid}\n${processStartTime(process.pid) ?? ''}`;
  try {
    fs.writeFileSync(lockFile, own, { flag: 'wx' });
  } catch {
    const [pidText, startText] = fs.readFileSync(lockFile, 'utf8').split('\n');
    const holder = Number(pidText);
    if (holder && holder !== process.pid && isHeldBy(holder, startText || undefined)) {
      throw new Error(
        `The embedded database in ${path.dirname(lockFile)} is in use by process ${holder}. ` +
          'Stop it, or set DATA_DIR to another folder.',
      );
    }
    fs.writeFileSync(lockFile, own);
  }
  return () => fs.rmSync(lockFile, { force: true });
}

function isHeldBy(pid: number, recordedStart: string | undefined): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const start = processStartTime(pid);
  return recordedStart === undefined || start === undefined || start === recordedStart;
}

/** Field 22 of /proc/<pid>/stat (clock ticks since boot); undefined where /proc is not available. */
function processStartTime(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
