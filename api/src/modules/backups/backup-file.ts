import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { BackupRefusedError } from '../../errors/domain-errors.ts';

/**
 * A backup is one gzip file: a first comment line naming what it holds (the engine and the
 * migrations applied, which a restore checks), then a plain-format pg_dump script, which psql
 * reads on any PostgreSQL (the embedded one included).
 */
export interface BackupManifest {
  format: 1;
  engine: 'embedded' | 'external';
  createdAt: string;
  /** Names of the MikroORM migrations applied in the backed-up database, in order. */
  migrations: string[];
}

const manifestPrefix = '-- NTM Atlas backup ';
/** pg_dump's last words (then only `--`, blank lines and psql's `\unrestrict`); a file without them was cut off. */
const dumpTrailer = '-- PostgreSQL database dump complete';
const backupNamePattern = /^ntm-atlas-(embedded|external)-\d{8}T\d{6}Z\.sql\.gz$/;

export function backupFileName(engine: BackupManifest['engine'], at: Date): string {
  return `ntm-atlas-${engine}-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}.sql.gz`;
}

/**
 * Writes manifest + dump compressed to `file`, through a `.partial` file renamed (and synced) only
 * once complete, so a crash mid-backup never leaves a file that looks like a backup.
 */
export async function writeBackupFile(file: string, manifest: BackupManifest, dump: Readable): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  try {
    async function* withManifest() {
      yield `${manifestPrefix}${JSON.stringify(manifest)}\n`;
      yield* dump;
    }
    await pipeline(Readable.from(withManifest()), zlib.createGzip(), fs.createWriteStream(partial));
    syncPath(partial);
    fs.renameSync(partial, file);
    syncPath(path.dirname(file));
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

function syncPath(target: string): void {
  const descriptor = fs.openSync(target, 'r');
  try {
    fs.fsyncSync(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }
}

/** The dump's lines after the manifest; a damaged gzip stream fails the iteration. */
export function dumpLines(file: string): AsyncIterable<string> {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  return readline.createInterface({ input, crlfDelay: Infinity });
}

/**
 * Reads the whole file once before anything is touched: it must be a gzip of an NTM Atlas backup,
 * complete to pg_dump's closing line.
 */
export async function verifyBackupFile(file: string): Promise<BackupManifest> {
  if (!fs.existsSync(file)) throw new BackupRefusedError(`No backup file at ${file}.`);
  let manifest: BackupManifest | undefined;
  let complete = false;
  try {
    for await (const line of dumpLines(file)) {
      if (manifest === undefined) {
        manifest = parseManifest(file, line);
        continue;
      }
      if (line === dumpTrailer) complete = true;
      else if (line.trim() && line !== '--' && !line.startsWith('\\unrestrict ')) complete = false;
    }
  } catch (error) {
    if (error instanceof BackupRefusedError) throw error;
    throw new BackupRefusedError(
      manifest
        ? `${file} is truncated or damaged (${(error as Error).message}); nothing was restored.`
        : `${file} is not an NTM Atlas backup (not a gzip file); nothing was restored.`,
    );
  }
  if (!manifest) throw new BackupRefusedError(`${file} is empty; nothing was restored.`);
  if (!complete) throw new BackupRefusedError(`${file} is truncated: the dump does not end with "${dumpTrailer}"; nothing was restored.`);
  return manifest;
}

function parseManifest(file: string, line: string): BackupManifest {
  const refuse = () => new BackupRefusedError(`${file} is not an NTM Atlas backup (no "${manifestPrefix.trim()}" line at its start); nothing was restored.`);
  if (!line.startsWith(manifestPrefix)) throw refuse();
  try {
    const manifest = JSON.parse(line.slice(manifestPrefix.length)) as BackupManifest;
    if (manifest.format !== 1 || !Array.isArray(manifest.migrations)) throw refuse();
    return manifest;
  } catch {
    throw refuse();
  }
}

/**
 * A backup restores into this version when its migrations are the first of ours: those it lacks
 * run at the next start. One made by a newer version, or another line of migrations, is refused.
 */
export function checkSchemaCompatible(manifest: BackupManifest, known: string[]): void {
  const foreign = manifest.migrations.find((name, i) => known[i] !== name);
  if (foreign === undefined) return;
  throw new BackupRefusedError(
    known.includes(foreign)
      ? `The backup's schema (migrations ${manifest.migrations.join(', ')}) does not match this version's order of migrations; nothing was restored.`
      : `The backup was made with a schema this version does not know (migration ${foreign}); restore it with the NTM Atlas version that made it, or a newer one. Nothing was restored.`,
  );
}

/** Deletes all but the newest `keep` backups in `dir` (by the time in their names). */
export function rotateBackups(dir: string, keep: number): string[] {
  const backups = fs
    .readdirSync(dir)
    .filter((name) => backupNamePattern.test(name))
    .sort((a, b) => backupTime(a).localeCompare(backupTime(b)));
  const removed = backups.slice(0, Math.max(0, backups.length - keep));
  for (const name of removed) fs.rmSync(path.join(dir, name));
  return removed;
}

const backupTime = (name: string) => name.replace(/^ntm-atlas-(embedded|external)-/, '');
