import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { DurableNodeFS } from './durable-node-fs.ts';

export interface EmbeddedPostgis {
  /** A postgres:// URL for `pg`, served on loopback by the PGlite socket server. */
  url: string;
  port: number;
  /** The database itself, for in-process work that needs the session alone (backups). */
  db: PGlite;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  port?: number;
  /** PGlite's own default: no fsync, so a power cut or OS crash may lose or corrupt committed data. */
  unsafeNoFsync?: boolean;
}

/**
 * PGlite starts PostgreSQL with `-F` (fsync off). Durable mode drops it, asks for synchronous
 * commits and sends WAL flushes through fsync(), which DurableNodeFS makes reach the disk.
 */
export function embeddedStartParams(unsafeNoFsync: boolean): string[] {
  if (unsafeNoFsync) return PGlite.defaultStartParams;
  return [
    ...PGlite.defaultStartParams.filter((param) => param !== '-F'),
    ...['-c', 'fsync=on', '-c', 'synchronous_commit=on', '-c', 'wal_sync_method=fsync', '-c', 'full_page_writes=on'],
  ];
}

/** The PGlite + PostGIS database files inside DATA_DIR. */
export const embeddedPgDir = (dataDir: string) => path.join(dataDir, 'pglite');
export const embeddedLockFile = (dataDir: string) => path.join(dataDir, 'pglite.lock');
/** Where a restore moves the database it replaces while it swaps the restored one in. */
export const replacedPgDir = (dataDir: string) => path.join(dataDir, 'pglite.replaced');

/**
 * Boots PGlite with PostGIS in `dataDir` and serves it over the Postgres wire protocol, so the
 * application talks to it through `pg` exactly as it talks to a real server. PGlite is a single
 * session: the application must use a pool of one connection. The one extra socket slot is for
 * read-only inspection (psql, QGIS, tests).
 */
export async function startEmbeddedPostgis(dataDir: string, options: EmbeddedOptions = {}): Promise<EmbeddedPostgis> {
  fs.mkdirSync(dataDir, { recursive: true });
  return holdingLock(acquireLock(embeddedLockFile(dataDir)), async () => {
    recoverInterruptedSwap(dataDir);
    return serveEmbeddedPostgis(embeddedPgDir(dataDir), options);
  });
}

/** Opens something with the data folder's lock held: released if opening fails, else by its stop(). */
export async function holdingLock<T extends { stop(): Promise<void> }>(releaseLock: () => void, open: () => Promise<T>): Promise<T> {
  try {
    const opened = await open();
    return {
      ...opened,
      async stop() {
        await opened.stop();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/** Opens the PGlite + PostGIS files in `pgDir`; the caller holds the data folder's lock. */
export async function openEmbeddedPglite(pgDir: string, unsafeNoFsync = false): Promise<PGlite> {
  fs.mkdirSync(pgDir, { recursive: true });
  return PGlite.create({ fs: new DurableNodeFS(pgDir), extensions: { postgis }, startParams: embeddedStartParams(unsafeNoFsync) });
}

/** Serves the database in `pgDir` on loopback; the caller holds the data folder's lock. */
export async function serveEmbeddedPostgis(pgDir: string, options: EmbeddedOptions = {}): Promise<EmbeddedPostgis> {
  const db = await openEmbeddedPglite(pgDir, options.unsafeNoFsync);
  try {
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: options.port ?? 0, maxConnections: 2 });
    await server.start();
    const address = (server as unknown as { server: { address(): AddressInfo } }).server.address();
    return {
      url: `postgres://postgres@127.0.0.1:${address.port}/postgres`,
      port: address.port,
      db,
      async stop() {
        await server.stop();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** A restore killed between its two renames leaves no `pglite` folder: the replaced one comes back. */
function recoverInterruptedSwap(dataDir: string): void {
  if (!fs.existsSync(embeddedPgDir(dataDir)) && fs.existsSync(replacedPgDir(dataDir))) {
    fs.renameSync(replacedPgDir(dataDir), embeddedPgDir(dataDir));
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
      throw new Error(`The embedded database in ${path.dirname(lockFile)} is in use by process ${holder}. Stop it, or set DATA_DIR to another folder.`);
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
