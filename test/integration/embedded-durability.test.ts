import { afterAll, describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../api/src/config.ts';
import { openDatabase } from '../../api/src/db/database.ts';
import { root } from '../support/servers.ts';
import { withSql } from '../support/sql.ts';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-durability-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const settings = (databaseUrl: string) =>
  withSql(databaseUrl, async (query) => {
    const show = async (name: string) => (await query(`show ${name}`))[0][name] as string;
    return { fsync: await show('fsync'), synchronous_commit: await show('synchronous_commit'), wal_sync_method: await show('wal_sync_method') };
  });

/** The system calls fsync/fdatasync made between the probe's COMMIT-START and COMMIT-END lines. */
function syncsDuringCommit(mode: 'durable' | 'unsafe'): string[] {
  const trace = path.join(work, `strace-${mode}.txt`);
  const result = spawnSync(
    'strace',
    [
      '-f',
      '-y',
      '-e',
      'trace=fsync,fdatasync,write',
      '-o',
      trace,
      process.execPath,
      '--import',
      'tsx',
      'test/support/embedded-commit.ts',
      path.join(work, `probe-${mode}`),
      mode,
    ],
    { cwd: root, encoding: 'utf8', timeout: 300_000 },
  );
  if (result.status !== 0) throw new Error(`strace (apt-get install strace) failed: ${result.error?.message ?? result.stderr}`);
  const lines = fs.readFileSync(trace, 'utf8').split('\n');
  const start = lines.findIndex((line) => line.includes('"COMMIT-START\\n"'));
  const end = lines.findIndex((line) => line.includes('"COMMIT-END\\n"'));
  expect(start).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  return lines.slice(start + 1, end).filter((line) => /\b(fsync|fdatasync)\(/.test(line));
}

describe('the embedded database', () => {
  it('reports durable settings while the server runs', async () => {
    const embedded = inject('servers').find((s) => s.name === 'embedded');
    if (!embedded) throw new Error('The embedded test server did not start');
    expect(await settings(embedded.databaseUrl)).toEqual({ fsync: 'on', synchronous_commit: 'on', wal_sync_method: 'fsync' });
  });

  it('fsyncs the WAL on the disk before a commit returns', () => {
    const syncs = syncsDuringCommit('durable');
    expect(syncs.some((line) => /fsync\(\d+<[^>]*\/pg_wal\/[0-9A-F]{24}>\) = 0/.test(line))).toBe(true);
  }, 600_000);

  it('skips every fsync only when EMBEDDED_UNSAFE_NO_FSYNC is set, and says so', async () => {
    expect(syncsDuringCommit('unsafe')).toEqual([]);
    const lines: string[] = [];
    const database = await openDatabase(loadConfig({ DATA_DIR: path.join(work, 'unsafe'), EMBEDDED_UNSAFE_NO_FSYNC: '1' }), (line) => lines.push(line));
    try {
      expect(lines.join('\n')).toMatch(/UNSAFE: EMBEDDED_UNSAFE_NO_FSYNC is set; .*power cut or OS crash may lose or corrupt committed data/);
      expect((await settings(database.embedded!.url)).fsync).toBe('off');
    } finally {
      await database.close();
    }
  }, 600_000);
});
