/**
 * Re-imports the code list and boundaries from GEO_DATA_DIR into DATABASE_URL (or the embedded
 * database in DATA_DIR, when the server is not running). `--force` re-imports unchanged files.
 * A later code list whose units file the folder lacks (an older copy of the data, a test's
 * fixture) is skipped and said so; the code list of 01/03/2025 is always required.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../api/src/config.ts';
import { openDatabase } from '../api/src/db/database.ts';
import { importBoundaries } from './boundary-import.ts';
import { createProgress } from '../api/src/import-progress.ts';
import { refreshTiles } from './ingest-on-boot.ts';
import { gso2025Dataset, gso202507Dataset } from './geo-source.ts';

const config = loadConfig();
const database = await openDatabase(config, console.log);
try {
  for (const dataset of [gso2025Dataset(config.geoDataDir), gso202507Dataset(config.geoDataDir)]) {
    if (dataset.dependsOn && !fs.existsSync(path.join(config.geoDataDir, dataset.unitsFile))) {
      console.log(`${dataset.key}: ${dataset.unitsFile} is not in ${config.geoDataDir}; skipped.`);
      continue;
    }
    const result = await importBoundaries(database.orm, {
      geoDataDir: config.geoDataDir,
      progress: createProgress(config.interactive),
      force: process.argv.includes('--force'),
      dataset,
    });
    console.log(`${dataset.key}: ${result.skipped ? 'unchanged; nothing to do (use --force to re-import).' : JSON.stringify(result.stats, null, 2)}`);
    for (const issue of result.issues) console.log(`${issue.kind} ${issue.unitCode}: ${issue.detail}`);
  }
  await refreshTiles(database.orm, config, console.log);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
