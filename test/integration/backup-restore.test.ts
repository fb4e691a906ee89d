import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { loadConfig } from '../../api/src/config.ts';
import { openDatabase, type Database } from '../../api/src/db/database.ts';
import { startEmbeddedPostgis } from '../../api/src/db/embedded-postgis.ts';
import { startBackupSchedule } from '../../api/src/modules/backups/backup-schedule.ts';
import { createScratchDatabase, root } from '../support/servers.ts';
import { copyDistrict, tableDigests, withSql } from '../support/sql.ts';

/**
 * `npm run backup` / `npm run restore` as an operator runs them, on both engines, over a real
 * part of the atlas: Chi Lăng district (Lạng Sơn) with its communes' boundaries and assessments,
 * copied from the PostGIS test server. (The whole atlas takes minutes per embedded restore.)
 */
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-backup-'));
const cleanups: (() => Promise<void>)[] = [async () => fs.rmSync(work, { recursive: true, force: true })];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

type Target = { DATA_DIR: string } | { DATABASE_URL: string };

/** Runs one of the package's CLIs (as `npm run backup|restore` does) against a database. */
function cli(name: 'backup' | 'restore', args: string[], target: Target) {
  const env = { ...process.env, CI: 'true', ...target } as NodeJS.ProcessEnv;
  if (!('DATABASE_URL' in target)) delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', `api/src/modules/backups/${name}.cli.ts`, ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise<{ code: number | null; output: string }>((resolve) => child.once('close', (code) => resolve({ code, output })));
}

async function expectCli(name: 'backup' | 'restore', args: string[], target: Target) {
  const result = await cli(name, args, target);
  if (result.code !== 0) throw new Error(`npm run ${name} ${args.join(' ')} exited ${result.code}:\n${result.output}`);
  return result.output;
}

/** Digests of the embedded database in `dataDir`, opened for the moment (no server running). */
async function embeddedDigests(dataDir: string): Promise<Record<string, string>> {
  const db = await startEmbeddedPostgis(dataDir);
  try {
    return await tableDigests(db.url);
  } finally {
    await db.stop();
  }
}

const digestsOf = (target: Target) => ('DATA_DIR' in target ? embeddedDigests(target.DATA_DIR) : tableDigests(target.DATABASE_URL));
const urlOf = (database: Database, target: Target) => database.embedded?.url ?? (target as { DATABASE_URL: string }).DATABASE_URL;

const embeddedA: Target = { DATA_DIR: path.join(work, 'embedded-a') };
const embeddedB: Target = { DATA_DIR: path.join(work, 'embedded-b') };
let real: Target;
let original: Record<string, string>;
const backupOfA = path.join(work, 'embedded-a.sql.gz');

beforeAll(async () => {
  const source = inject('servers').find((s) => s.name === 'postgis');
  if (!source) throw new Error('The PostGIS test server did not start');
  const scratch = await createScratchDatabase('ntm_backup');
  cleanups.push(() => scratch.drop());
  real = { DATABASE_URL: scratch.url };
  const database = await openDatabase(loadConfig({ ...embeddedA }), () => {});
  try {
    await copyDistrict(source.databaseUrl, database.embedded!.url, '187');
  } finally {
    await database.close();
  }
  original = await embeddedDigests(embeddedA.DATA_DIR);
  await expectCli('backup', ['--out', backupOfA], embeddedA);
}, 900_000);

// Each embedded restore boots a PGlite, replays the script and checkpoints: minutes on a busy machine.
const slow = 900_000;

describe('backup and restore across engines', () => {
  it(
    'takes the embedded database to a real PostGIS and back, keeping every row and geometry',
    async () => {
      expect(original.admin_unit).toMatch(/^2[0-9] rows/);
      expect(original.tile_geometry).not.toMatch(/^0 rows/);
      expect(original.assessment_item).not.toMatch(/^0 rows/);

      await expectCli('restore', [backupOfA], real);
      expect(await digestsOf(real)).toEqual(original);
      const backupOfReal = path.join(work, 'real.sql.gz');
      await expectCli('backup', ['--out', backupOfReal], real);
      await expectCli('restore', [backupOfReal], embeddedB);
      expect(await digestsOf(embeddedB)).toEqual(original);
      await withSql((real as { DATABASE_URL: string }).DATABASE_URL, async (query) => {
        const [row] = await query(`select count(*)::int as valid from admin_unit where geom is not null and ST_IsValid(geom) and ST_SRID(geom) = 4326`);
        expect(row.valid).toBeGreaterThan(20);
      });
    },
    slow,
  );
});

describe.each(['embedded', 'postgis'] as const)('on %s, a scheduled snapshot of the running database', (kind) => {
  it(
    'brings back exactly the data it saw after later writes, and rotates old snapshots',
    async () => {
      const target = kind === 'embedded' ? embeddedA : real;
      const backupDir = path.join(work, `scheduled-${kind}`);
      // 0.0005 h: a snapshot every 1.8 s, keeping the newest two.
      const config = loadConfig({ ...target, BACKUP_EVERY_HOURS: '0.0005', BACKUP_KEEP: '2', BACKUP_DIR: backupDir });
      const database = await openDatabase(config, () => {});
      const written: string[] = [];
      const stopBackups = startBackupSchedule(config, database, (line) => {
        const file = /Scheduled backup written to (\S+) in/.exec(line)?.[1];
        if (file) written.push(file);
        else if (!line.startsWith('Backups every')) throw new Error(line);
      });
      const snapshotsAfter = async (count: number) => {
        const wanted = written.length + count;
        while (written.length < wanted) await new Promise((resolve) => setTimeout(resolve, 200));
        return written[written.length - 1];
      };
      let file: string;
      let saved: Record<string, string>;
      try {
        if (kind === 'embedded') {
          const refused = await cli('backup', [], target);
          expect(refused.code).toBe(1);
          expect(refused.output).toMatch(/in use by process \d+\. A running server takes its own snapshots \(BACKUP_EVERY_HOURS\)/);
        }
        const sql = (text: string) => withSql(urlOf(database, target), (query) => query(text));
        await sql(`update assessment set note = 'checked for the backup test' where id in (select id from assessment order by id limit 5)`);
        saved = await tableDigests(urlOf(database, target));
        // The first snapshot to finish may have started before the write; the third cannot have.
        file = await snapshotsAfter(3);
        expect(fs.readdirSync(backupDir).filter((name) => name.endsWith('.sql.gz'))).toHaveLength(2);
        await stopBackups();
        await sql(
          `update assessment set note = 'changed after the backup'; delete from assessment_item where assessment_id = (select min(id) from assessment)`,
        );
        expect(await tableDigests(urlOf(database, target))).not.toEqual(saved);
      } finally {
        await stopBackups();
        await database.close();
      }
      await expectCli('restore', [file], target);
      expect(await digestsOf(target)).toEqual(saved);
    },
    slow,
  );
});

describe.each(['embedded', 'postgis'] as const)('on %s, a restore of a bad file', (kind) => {
  const target = () => (kind === 'embedded' ? embeddedB : real);
  /** The good backup's text, changed by `edit`, compressed again. */
  const variant = (name: string, edit: (text: string) => string) => {
    const file = path.join(work, `${kind}-${name}.sql.gz`);
    fs.writeFileSync(file, zlib.gzipSync(edit(zlib.gunzipSync(fs.readFileSync(backupOfA)).toString())));
    return file;
  };

  it.each([
    [
      'truncated',
      () => {
        const file = path.join(work, `${kind}-truncated.sql.gz`);
        const bytes = fs.readFileSync(backupOfA);
        fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
        return file;
      },
      /is truncated or damaged .*nothing was restored/,
    ],
    [
      'cut after a whole line',
      () => variant('cut', (text) => text.slice(0, text.lastIndexOf('\n', text.length * 0.6) + 1)),
      /is truncated: the dump does not end with/,
    ],
    [
      'foreign (plain SQL)',
      () => {
        const file = path.join(work, `${kind}-foreign.sql`);
        fs.writeFileSync(file, 'DROP TABLE assessment;\n');
        return file;
      },
      /is not an NTM Atlas backup \(not a gzip file\)/,
    ],
    [
      'foreign (a gzip of another dump)',
      () => variant('other-dump', (text) => text.slice(text.indexOf('\n') + 1)),
      /is not an NTM Atlas backup \(no "-- NTM Atlas backup" line/,
    ],
    [
      'from a newer schema',
      () => variant('future', (text) => text.replace('"migrations":[', '"migrations":["Migration20990101000000_future",')),
      /schema this version does not know \(migration Migration20990101000000_future\)/,
    ],
    [
      'failing halfway through its statements',
      () =>
        variant('broken', (text) => {
          const at = text.indexOf('INSERT INTO public.assessment ');
          return `${text.slice(0, at)}INSERT INTO public.no_such_table VALUES (1);\n${text.slice(at)}`;
        }),
      /The restore failed and was rolled back; the database is as it was\. psql: .*no_such_table/,
    ],
  ])(
    'refuses a %s file and leaves the database as it was',
    async (_, make, message) => {
      const before = await digestsOf(target());
      const result = await cli('restore', [make()], target());
      expect(result.code).toBe(1);
      expect(result.output).toMatch(message);
      expect(await digestsOf(target())).toEqual(before);
      if (kind === 'embedded') expect(fs.readdirSync(embeddedB.DATA_DIR).sort()).toEqual(['pglite']);
    },
    slow,
  );
});
