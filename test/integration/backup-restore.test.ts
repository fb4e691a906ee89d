import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { startEmbeddedPostgis } from '../../api/src/db/embedded-postgis.ts';
import { createScratchDatabase, operatorToken, root, spawnServer, type SpawnedServer } from '../support/servers.ts';
import { graphql } from '../support/graphql.ts';
import { tableDigests } from '../support/sql.ts';

/**
 * `npm run backup` / `npm run restore` as an operator runs them, on both engines. The data comes
 * from the shared PostGIS test server (read only): the whole atlas, boundaries included, goes
 * real → embedded → real → embedded, and every table must arrive row for row.
 */
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-backup-'));
const cleanups: (() => Promise<void>)[] = [async () => fs.rmSync(work, { recursive: true, force: true })];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

type Target = { DATA_DIR: string } | { DATABASE_URL: string };

/** Runs one of the package's CLIs (as `npm run backup|restore` does) against a database. */
function cli(name: 'backup' | 'restore', args: string[], target: Target, extraEnv: Record<string, string> = {}) {
  const env = { ...process.env, CI: 'true', ...extraEnv, ...target } as NodeJS.ProcessEnv;
  if (!('DATABASE_URL' in target)) delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', `api/src/modules/backups/${name}.cli.ts`, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise<{ code: number | null; output: string }>((resolve) => child.once('close', (code) => resolve({ code, output })));
}

async function expectCli(name: 'backup' | 'restore', args: string[], target: Target, extraEnv?: Record<string, string>) {
  const result = await cli(name, args, target, extraEnv);
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

async function scratchDatabase(): Promise<string> {
  const scratch = await createScratchDatabase('ntm_backup');
  cleanups.push(() => scratch.drop());
  return scratch.url;
}

const assessmentMutation = `mutation($input: AssessmentInput!) { recordAssessment(input: $input) { year status { criteriaMet } } }`;
async function recordAssessment(server: SpawnedServer, met: number[], notMet: number[]) {
  const result = await graphql(
    server.url,
    assessmentMutation,
    { input: { unitCode: '06469', set: 'commune-2021', year: 2025, met, notMet } },
    { authorization: `Bearer ${operatorToken}` },
  );
  expect(result.errors).toBeUndefined();
}

/** Resolves with the file of the first scheduled backup the server reports after now. */
function nextScheduledBackup(server: SpawnedServer): Promise<string> {
  return new Promise((resolve) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const file = /Scheduled backup written to (\S+) in/.exec(output)?.[1];
      if (file) {
        server.process.stdout!.off('data', onData);
        resolve(file);
      }
    };
    server.process.stdout!.on('data', onData);
  });
}

let original: Record<string, string>;
const embeddedA = path.join(work, 'embedded-a');
const embeddedB = path.join(work, 'embedded-b');
let realCopy: string;

describe('backup and restore across engines', () => {
  beforeAll(async () => {
    const source = inject('servers').find((s) => s.name === 'postgis');
    if (!source) throw new Error('The PostGIS test server did not start');
    original = await tableDigests(source.databaseUrl);
    await expectCli('backup', ['--out', path.join(work, 'from-real.sql.gz')], { DATABASE_URL: source.databaseUrl });
  });

  it('restores a real PostGIS backup into an empty embedded database, every table equal', async () => {
    await expectCli('restore', [path.join(work, 'from-real.sql.gz')], { DATA_DIR: embeddedA });
    expect(await embeddedDigests(embeddedA)).toEqual(original);
    expect(Object.keys(original)).toEqual(expect.arrayContaining(['admin_unit', 'assessment', 'assessment_item', 'tile_geometry', 'mikro_orm_migrations']));
  });

  it('takes the embedded database to a real PostGIS and back, keeping every row and geometry', async () => {
    await expectCli('backup', ['--out', path.join(work, 'from-embedded.sql.gz')], { DATA_DIR: embeddedA });
    realCopy = await scratchDatabase();
    await expectCli('restore', [path.join(work, 'from-embedded.sql.gz')], { DATABASE_URL: realCopy });
    expect(await tableDigests(realCopy)).toEqual(original);

    await expectCli('backup', ['--out', path.join(work, 'from-real-copy.sql.gz')], { DATABASE_URL: realCopy });
    await expectCli('restore', [path.join(work, 'from-real-copy.sql.gz')], { DATA_DIR: embeddedB });
    expect(await embeddedDigests(embeddedB)).toEqual(original);
  });
});

describe.each(['embedded', 'postgis'] as const)('on %s, a scheduled snapshot of the running server', (kind) => {
  it('brings back exactly the data it saw after later writes, and rotates old snapshots', async () => {
    const target: Target = kind === 'embedded' ? { DATA_DIR: embeddedA } : { DATABASE_URL: realCopy };
    const backupDir = path.join(work, `scheduled-${kind}`);
    // 0.002 h: a snapshot every 7.2 s, keeping the newest two.
    const server = await spawnServer(kind, { ...target, ADMIN_TOKEN: operatorToken, BACKUP_EVERY_HOURS: '0.002', BACKUP_KEEP: '2', BACKUP_DIR: backupDir });
    let file: string;
    let saved: Record<string, string>;
    try {
      if (kind === 'embedded') {
        const refused = await cli('backup', [], target);
        expect(refused.code).toBe(1);
        expect(refused.output).toMatch(/in use by process \d+\. A running server takes its own snapshots \(BACKUP_EVERY_HOURS\)/);
      }
      await recordAssessment(server, [1, 2, 3, 4], [5]);
      saved = await tableDigests(server.databaseUrl);
      await nextScheduledBackup(server);
      await nextScheduledBackup(server);
      file = await nextScheduledBackup(server);
      expect(fs.readdirSync(backupDir).filter((name) => name.endsWith('.sql.gz'))).toHaveLength(2);
      await recordAssessment(server, [1, 2], [3, 4, 5, 6]);
      expect(await tableDigests(server.databaseUrl)).not.toEqual(saved);
    } finally {
      expect(await server.stop('SIGINT')).toBe(0);
    }
    await expectCli('restore', [file], target);
    const restored = kind === 'embedded' ? await embeddedDigests(embeddedA) : await tableDigests(realCopy);
    expect(restored).toEqual(saved);
  });
});

describe.each(['embedded', 'postgis'] as const)('on %s, a restore of a bad file', (kind) => {
  const good = () => path.join(work, 'from-real.sql.gz');
  const target = (): Target => (kind === 'embedded' ? { DATA_DIR: embeddedB } : { DATABASE_URL: realCopy });
  const digests = () => (kind === 'embedded' ? embeddedDigests(embeddedB) : tableDigests(realCopy));
  /** The good backup's text, changed by `edit`, compressed again. */
  const variant = (name: string, edit: (text: string) => string) => {
    const file = path.join(work, `${kind}-${name}.sql.gz`);
    fs.writeFileSync(file, zlib.gzipSync(edit(zlib.gunzipSync(fs.readFileSync(good())).toString())));
    return file;
  };

  it.each([
    ['truncated', () => {
      const file = path.join(work, `${kind}-truncated.sql.gz`);
      const bytes = fs.readFileSync(good());
      fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      return file;
    }, /is truncated or damaged .*nothing was restored/],
    ['cut after a whole line', () => variant('cut', (text) => text.slice(0, text.lastIndexOf('\n', text.length * 0.6) + 1)), /is truncated: the dump does not end with/],
    ['foreign (a plain SQL file)', () => {
      const file = path.join(work, `${kind}-foreign.sql`);
      fs.writeFileSync(file, 'DROP TABLE assessment;\n');
      return file;
    }, /is not an NTM Atlas backup \(not a gzip file\)/],
    ['foreign (a gzip of another dump)', () => variant('other-dump', (text) => text.slice(text.indexOf('\n') + 1)), /is not an NTM Atlas backup \(no "-- NTM Atlas backup" line/],
    ['from a newer schema', () => variant('future', (text) => text.replace('"migrations":[', '"migrations":["Migration20990101000000_future",')), /schema this version does not know \(migration Migration20990101000000_future\)/],
    ['failing halfway through its statements', () => variant('broken', (text) => {
      const at = text.indexOf('INSERT INTO public.assessment ');
      return `${text.slice(0, at)}INSERT INTO public.no_such_table VALUES (1);\n${text.slice(at)}`;
    }), /The restore failed and was rolled back; the database is as it was\. psql: .*no_such_table/],
  ])('refuses a %s file and leaves the database as it was', async (_, make, message) => {
    const before = await digests();
    const result = await cli('restore', [make()], target());
    expect(result.code).toBe(1);
    expect(result.output).toMatch(message);
    expect(await digests()).toEqual(before);
  });
});
