import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { createScratchDatabase, operatorToken, spawnServer, type SpawnedServer } from '../support/servers.ts';
import { assessmentChecksum, exportFile, uploadImport } from '../support/assessment-files.ts';
import { withSql } from '../support/sql.ts';

/**
 * Kills the server (SIGKILL) while a large import is writing, restarts it on the same database and
 * checks the assessment tables are exactly as before. Each database gets a server of its own.
 */
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function prepare(kind: 'embedded' | 'postgis'): Promise<{ env: Record<string, string> }> {
  if (kind === 'embedded') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-crash-embedded-'));
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    return { env: { DATA_DIR: dataDir, ADMIN_TOKEN: operatorToken } };
  }
  const scratch = await createScratchDatabase('ntm_crash');
  cleanups.push(() => scratch.drop());
  return { env: { DATABASE_URL: scratch.url, ADMIN_TOKEN: operatorToken } };
}

/** Every synthetic commune status of three provinces, 2016–2024, with every criterion flipped. */
async function largeImport(url: string): Promise<{ csv: Buffer; rows: number }> {
  const lines: string[] = [];
  let header: string | undefined;
  for (const province of ['20', '24', '10']) {
    for (let year = 2016; year <= 2024; year++) {
      const { body } = await exportFile(url, 'csv', { unit: province, year: String(year) });
      const [head, ...rows] = parse(body, { bom: true }) as string[][];
      const criteria = head.filter((h) => /^TC\d+$/.test(h));
      const wanted = ['Mã ĐVHC', 'Năm', 'Bộ tiêu chí', ...criteria];
      header ??= wanted.join(',');
      if (wanted.join(',') !== header) throw new Error(`Unexpected header ${head.join(',')}`);
      const flip = (cell: string) => (cell === 'Đạt' ? 'Chưa đạt' : 'Đạt');
      for (const row of rows) {
        const at = (name: string) => row[head.indexOf(name)];
        lines.push([at('Mã ĐVHC'), at('Năm'), at('Bộ tiêu chí'), ...criteria.map((c) => flip(at(c)))].join(','));
      }
    }
  }
  return { csv: Buffer.from(`${header}\n${lines.join('\n')}\n`), rows: lines.length };
}

/** Resolves once the server reports having written part (not all) of the import's rows. */
function midWrite(server: SpawnedServer): Promise<string> {
  return new Promise((resolve) => {
    let output = '';
    server.process.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Assessment import of crash\.csv: Writing changes: (\d+)\/(\d+)/g;
      for (const m of output.matchAll(match)) {
        if (Number(m[1]) > 0 && Number(m[1]) < Number(m[2])) resolve(m[0]);
      }
    });
  });
}

describe.each(['embedded', 'postgis'] as const)('an import cut off by SIGKILL on %s', (kind) => {
  it('leaves the assessment tables exactly as before, and the restarted server marks the batch interrupted', async () => {
    const { env } = await prepare(kind);
    const first = await spawnServer(kind, env);
    const databaseUrl = first.databaseUrl;
    const { csv, rows } = await largeImport(first.url);
    expect(rows).toBeGreaterThan(3000);
    const before = await assessmentChecksum(databaseUrl);

    const reached = midWrite(first);
    const upload = uploadImport(first.url, 'crash.csv', csv).catch((error: Error) => error);
    const line = await reached;
    const exited = new Promise((resolve) => first.process.once('exit', resolve));
    first.process.kill('SIGKILL');
    await exited;
    expect(await upload).toBeInstanceOf(Error);
    console.log(`${kind}: killed after "${line}"`);

    if (kind === 'embedded') {
      // The killed process's lock is left behind; its pid is dead, so the restart takes it over.
      const lock = path.join(env.DATA_DIR, 'pglite.lock');
      expect(fs.existsSync(lock)).toBe(true);
      expect(fs.readFileSync(lock, 'utf8').split('\n')[0]).toBe(String(first.process.pid));
    }
    const second = await spawnServer(kind, env);
    cleanups.push(async () => void (await second.stop('SIGINT')));
    expect(await assessmentChecksum(second.databaseUrl)).toBe(before);
    const batches = await withSql(second.databaseUrl, (query) =>
      query(`select file_name, status, rows_changed, error from assessment_import_batch order by id`),
    );
    expect(batches).toEqual([{ file_name: 'crash.csv', status: 'interrupted', rows_changed: 0, error: expect.stringMatching(/stopped during the import/) }]);

    // The same file imported without interruption changes every row, proving it would have written.
    const result = await uploadImport(second.url, 'crash.csv', csv);
    expect(result.data).toMatchObject({ status: 'APPLIED', rowsChanged: rows });
    expect(await assessmentChecksum(second.databaseUrl)).not.toBe(before);
  }, 1_200_000);
});
