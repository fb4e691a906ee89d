/**
 * Replaces the database with a backup: `npm run restore -- FILE`. DATABASE_URL (stop the
 * servers using it first), or the embedded database in DATA_DIR (refused while a server runs).
 * All or nothing: a damaged, foreign or incompatible file leaves the database as it was.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { DomainError } from '../../errors/domain-errors.ts';
import { restoreDatabase } from './backup.service.ts';

async function main(): Promise<number> {
  const { positionals } = parseArgs({ allowPositionals: true });
  if (positionals.length !== 1) {
    console.error('Usage: npm run restore -- BACKUP_FILE');
    return 2;
  }
  const file = path.resolve(positionals[0]);
  const started = Date.now();
  try {
    const manifest = await restoreDatabase(loadConfig(), file, console.log);
    console.log(
      `Restored ${file} (${manifest.engine} backup of ${manifest.createdAt}, ${manifest.migrations.length} migrations) in ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s. Migrations added since run at the next start.`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.error(error.message);
    return 1;
  }
}

process.exitCode = await main();
