import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { queryData } from '../support/graphql.ts';
import { operatorToken, root, spawnServer, type SpawnedServer } from '../support/servers.ts';

const postgis = inject('servers').find((s) => s.name === 'postgis')!;

/**
 * `npm start` runs the server bundled by api/build-if-stale.mjs; every other test runs the sources
 * through tsx. Here the bundle serves the same seeded database as the tsx server beside it.
 */
describe('the built server that npm start runs', () => {
  // Inside the repository (api/dist is gitignored), so the bundle finds node_modules as npm start's does.
  fs.mkdirSync(path.join(root, 'api/dist'), { recursive: true });
  const outDir = fs.mkdtempSync(path.join(root, 'api/dist/system-'));
  let built: SpawnedServer;

  beforeAll(async () => {
    await promisify(execFile)(process.execPath, ['api/build-if-stale.mjs', '--out-dir', outDir], { cwd: root });
    built = await spawnServer(
      'postgis',
      { DATABASE_URL: postgis.databaseUrl, ADMIN_TOKEN: operatorToken },
      {
        entry: ['--enable-source-maps', path.join(outDir, 'main.mjs')],
        logName: 'built',
      },
    );
  }, 120_000);

  afterAll(async () => {
    expect(await built?.stop()).toBe(0);
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('answers as the sources do: map colours, a unit with its status, a tile and the web client', async () => {
    const query = `{
      choroplethColumns(level: COMMUNE, parentCode: "20", year: 2024) { codes bands criteriaMet }
      unit(code: "06475", asOf: "2024-12-31") { name status(year: 2024) { criteriaMet band sourceDocument } }
    }`;
    expect(await queryData(built.url, query)).toEqual(await queryData(postgis.url, query));
    const tile = '/tiles/commune/8/203/113.pbf?asOf=2024-12-31';
    const [fromBundle, fromSources] = await Promise.all([fetch(`${built.url}${tile}`), fetch(`${postgis.url}${tile}`)]);
    expect(Buffer.from(await fromBundle.arrayBuffer()).equals(Buffer.from(await fromSources.arrayBuffer()))).toBe(true);
    expect((await fetch(`${built.url}/?unit=20`)).headers.get('content-type')).toMatch(/text\/html/);
  });
});
