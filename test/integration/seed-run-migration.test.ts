import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../../api/src/db/mikro-orm.config.ts';
import { startEmbeddedPostgis } from '../../api/src/db/embedded-postgis.ts';
import { createScratchDatabase } from '../support/servers.ts';

/** A database as the release before seed_run left it, on each kind of server. */
const targets = [
  {
    name: 'embedded',
    async open() {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-migration-embedded-'));
      const db = await startEmbeddedPostgis(dataDir);
      return {
        url: db.url,
        async close() {
          await db.stop();
          fs.rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'postgis',
    async open() {
      const scratch = await createScratchDatabase('ntm_migration');
      return { url: scratch.url, close: () => scratch.drop() };
    },
  },
];

describe.each(targets)('seed_run migration on $name', ({ open }) => {
  it('moves the seed loads out of geo_import with their checksum, and back on the way down', async () => {
    const database = await open();
    let orm: MikroORM | undefined;
    try {
      orm = await MikroORM.init(ormConfig({ clientUrl: database.url, poolMax: 1 }));
      const migrator = orm.migrator;
      await migrator.up({ to: 'Migration20261123171000_prerendered_tile' });
      const connection = orm.em.getConnection();
      const sql = (query: string) => connection.execute(query);
      await sql(
        `insert into geo_import (dataset, checksum, source_dir, imported_at, stats) values
           ('gso-2025-03', 'boundaries-sum', '/geo', '2026-11-01T00:00:00Z', '{"provinces": 63}'),
           ('ntm-seeds', 'seeds-sum', './seeds', '2026-11-02T00:00:00Z', '{"assessments": 83}')`,
      );
      await migrator.up();
      expect({
        boundaryImports: await sql('select dataset, checksum from geo_import order by id'),
        seedRuns: await sql(`select checksum, source_dir, stats, to_char(loaded_at at time zone 'UTC', 'YYYY-MM-DD') as day from seed_run`),
      }).toEqual({
        boundaryImports: [{ dataset: 'gso-2025-03', checksum: 'boundaries-sum' }],
        seedRuns: [{ checksum: 'seeds-sum', source_dir: './seeds', stats: { assessments: 83 }, day: '2026-11-02' }],
      });
      // Back to the state before seed_run (and whatever came after it).
      await migrator.down({ to: 'Migration20261123171000_prerendered_tile' });
      expect(await sql('select dataset, checksum from geo_import order by id')).toEqual([
        { dataset: 'gso-2025-03', checksum: 'boundaries-sum' },
        { dataset: 'ntm-seeds', checksum: 'seeds-sum' },
      ]);
    } finally {
      await orm?.close();
      await database.close();
    }
  });
});
