import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { pgDump } from '@electric-sql/pglite-tools/pg_dump';
import pg from 'pg';
import type { AppConfig } from '../../config.ts';
import { migrationsList } from '../../db/migrations/index.ts';
import {
  acquireLock,
  embeddedLockFile,
  embeddedPgDir,
  holdingLock,
  openEmbeddedPglite,
  replacedPgDir,
  serveEmbeddedPostgis,
} from '../../db/embedded-postgis.ts';
import { BackupRefusedError } from '../../errors/domain-errors.ts';
import { checkSchemaCompatible, dumpLines, verifyBackupFile, writeBackupFile, type BackupManifest } from './backup-file.ts';

/** What a backup reads: the embedded database's own session, or a PostgreSQL server by URL. */
export type BackupSource = { engine: 'embedded'; db: PGlite } | { engine: 'external'; url: string };

/**
 * Plain SQL that psql replays on either engine. The data of spatial_ref_sys (PostGIS's own table,
 * to which the atlas adds nothing) is left out: the extension brings it, and the WASM pg_dump
 * never finishes dumping it.
 */
const dumpArgs = ['--format=plain', '--no-owner', '--no-privileges', '--rows-per-insert=500', '--exclude-table-data=public.spatial_ref_sys'];
const appliedMigrationsSql = 'select name from mikro_orm_migrations order by id';

/** Writes a consistent snapshot of `source` to `file`. */
export async function backupDatabase(source: BackupSource, file: string): Promise<BackupManifest> {
  const migrations = source.engine === 'embedded' ? await embeddedMigrations(source.db) : await externalMigrations(source.url);
  const manifest: BackupManifest = { format: 1, engine: source.engine, createdAt: new Date().toISOString(), migrations };
  const dump = source.engine === 'embedded' ? await dumpEmbedded(source.db) : dumpExternal(source.url);
  await writeBackupFile(file, manifest, dump);
  return manifest;
}

async function embeddedMigrations(db: PGlite): Promise<string[]> {
  return (await db.query<{ name: string }>(appliedMigrationsSql)).rows.map((row) => row.name);
}

async function externalMigrations(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ name: string }>(appliedMigrationsSql)).rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

/**
 * pg_dump compiled to WebAssembly (pglite-tools), run on an in-memory copy of the data folder
 * taken while no transaction is open: the copy is one consistent state, and the live session,
 * which the running server's requests share, is held only for the copy, not for the dump.
 */
async function dumpEmbedded(db: PGlite): Promise<Readable> {
  const snapshot = await whenNoTransaction(db, () => db.dumpDataDir('none'));
  const copy = await PGlite.create({ loadDataDir: snapshot, extensions: { postgis } });
  try {
    const dump = await pgDump({ pg: copy, args: dumpArgs });
    return Readable.fromWeb(dump.stream() as import('node:stream/web').ReadableStream<Uint8Array>);
  } finally {
    await copy.close();
  }
}

async function whenNoTransaction<T>(db: PGlite, work: () => Promise<T>): Promise<T> {
  for (;;) {
    const done = await db.runExclusive(async () => (db.isInTransaction() ? undefined : { value: await work() }));
    if (done) return done.value;
    await sleep(50);
  }
}

/** Debian's pg_dump (its major version must be at least the server's). */
function dumpExternal(url: string): Readable {
  const child = spawn('pg_dump', [...dumpArgs, '--dbname', url], { stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<void>((resolve, reject) => {
    child.once('error', (error) => reject(new BackupRefusedError(`pg_dump could not be started (${error.message}); install postgresql-client.`)));
    child.once('close', (code) => (code === 0 ? resolve() : reject(new BackupRefusedError(`pg_dump failed: ${errors.trim() || `exit code ${code}`}`))));
  });
  async function* output() {
    yield* child.stdout;
    await exited;
  }
  return Readable.from(output());
}

/**
 * Restores `file` into the database `config` names, all or nothing: the file is read through
 * once and its schema checked before anything is touched, then replayed by psql in one
 * transaction (a server) or into a new folder swapped in only once complete (embedded).
 */
export async function restoreDatabase(config: AppConfig, file: string, log: (line: string) => void): Promise<BackupManifest> {
  const manifest = await verifyBackupFile(file);
  checkSchemaCompatible(
    manifest,
    migrationsList.map((m) => m.name),
  );
  if (config.databaseUrl) {
    await replay(config.databaseUrl, file);
    return manifest;
  }
  const releaseLock = lockForMaintenance(config.dataDir, 'restore');
  const restoring = `${embeddedPgDir(config.dataDir)}.restoring`;
  try {
    fs.rmSync(restoring, { recursive: true, force: true });
    const target = await serveEmbeddedPostgis(restoring);
    try {
      log(`Replaying the backup into a new embedded database (${restoring}) …`);
      await replay(target.url, file);
    } finally {
      await target.stop();
    }
    swapIn(config.dataDir, restoring);
    return manifest;
  } catch (error) {
    fs.rmSync(restoring, { recursive: true, force: true });
    throw error;
  } finally {
    releaseLock();
  }
}

/** The restored folder replaces the live one; startEmbeddedPostgis undoes a swap cut off halfway. */
function swapIn(dataDir: string, restoring: string): void {
  const live = embeddedPgDir(dataDir);
  const replaced = replacedPgDir(dataDir);
  fs.rmSync(replaced, { recursive: true, force: true });
  if (fs.existsSync(live)) fs.renameSync(live, replaced);
  fs.renameSync(restoring, live);
  fs.rmSync(replaced, { recursive: true, force: true });
}

/** The embedded data folder, for a command that must have it alone. */
export function lockForMaintenance(dataDir: string, action: 'backup' | 'restore'): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    return acquireLock(embeddedLockFile(dataDir));
  } catch (error) {
    const hint =
      action === 'backup'
        ? 'A running server takes its own snapshots (BACKUP_EVERY_HOURS); or stop it and run npm run backup again.'
        : 'Stop the server, then run npm run restore again.';
    throw new BackupRefusedError(`${(error as Error).message.replace(/ Stop it, or set DATA_DIR to another folder\.$/, '')} ${hint}`);
  }
}

/** Opens the embedded database for a backup from the command line (the server stopped). */
export async function openEmbeddedForBackup(config: AppConfig): Promise<{ db: PGlite; stop(): Promise<void> }> {
  return holdingLock(lockForMaintenance(config.dataDir, 'backup'), async () => {
    if (!fs.existsSync(embeddedPgDir(config.dataDir))) throw new BackupRefusedError(`There is no embedded database in ${config.dataDir}.`);
    const db = await openEmbeddedPglite(embeddedPgDir(config.dataDir), config.embeddedUnsafeNoFsync);
    return { db, stop: () => db.close() };
  });
}

/**
 * psql replays the script in one transaction that first empties the public schema, stopping at
 * the first error. `SET transaction_timeout` (PostgreSQL 17+, written by the embedded pg_dump)
 * is dropped so a PostgreSQL 15 or 16 server accepts the script; it only restates the default.
 */
async function replay(url: string, file: string): Promise<void> {
  const child = spawn('psql', ['--no-psqlrc', '--quiet', '--single-transaction', '--set', 'ON_ERROR_STOP=1', '--dbname', url, '--file', '-'], {
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', (error) => reject(new BackupRefusedError(`psql could not be started (${error.message}); install postgresql-client.`)));
    child.once('close', resolve);
  });
  async function* script() {
    yield 'DROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public;\n';
    let first = true;
    for await (const line of dumpLines(file)) {
      if (first) {
        first = false;
        continue;
      }
      if (line !== 'SET transaction_timeout = 0;') yield `${line}\n`;
    }
  }
  const fed = new Promise<void>((resolve) => {
    Readable.from(script())
      .pipe(child.stdin)
      .on('finish', resolve)
      .on('error', () => resolve());
  });
  const code = await exited;
  await fed;
  if (code !== 0) {
    const first = errors.split('\n').find((line) => /ERROR|FATAL|error/.test(line)) ?? errors.trim();
    throw new BackupRefusedError(`The restore failed and was rolled back; the database is as it was. psql: ${first || `exit code ${code}`}`);
  }
}
