/**
 * Writes a backup of the database: `npm run backup [-- --out FILE]` (default: a dated file in
 * BACKUP_DIR). DATABASE_URL, or the embedded database in DATA_DIR, which must not be in use by a
 * running server (that server takes its own snapshots with BACKUP_EVERY_HOURS).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { DomainError } from '../../errors/domain-errors.ts';
import { backupFileName } from './backup-file.ts';
import { backupDatabase, openEmbeddedForBackup } from './backup.service.ts';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const config = loadConfig();
  const engine = config.databaseUrl ? 'external' : 'embedded';
  const file = path.resolve(values.out ?? path.join(config.backupSchedule.dir, backupFileName(engine, new Date())));
  const started = Date.now();
  try {
    if (config.databaseUrl) {
      await backupDatabase({ engine: 'external', url: config.databaseUrl }, file);
    } else {
      const embedded = await openEmbeddedForBackup(config);
      try {
        await backupDatabase({ engine: 'embedded', db: embedded.db }, file);
      } finally {
        await embedded.stop();
      }
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.error(error.message);
    return 1;
  }
  console.log(`Backup written to ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return 0;
}

process.exitCode = await main();
