import path from 'node:path';
import type { AppConfig } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { backupFileName, rotateBackups } from './backup-file.ts';
import { backupDatabase, type BackupSource } from './backup.service.ts';

/**
 * Every BACKUP_EVERY_HOURS, a snapshot of the running database into BACKUP_DIR, keeping the
 * newest BACKUP_KEEP. A failed snapshot is logged and the next one tried on time. Returns stop().
 */
export function startBackupSchedule(config: AppConfig, database: Database, log: (line: string) => void): () => Promise<void> {
  const { everyHours, keep, dir } = config.backupSchedule;
  if (!everyHours) return async () => {};
  const source: BackupSource = database.embedded ? { engine: 'embedded', db: database.embedded.db } : { engine: 'external', url: config.databaseUrl! };
  let running: Promise<void> | undefined;
  const snapshot = async () => {
    const file = path.join(dir, backupFileName(source.engine, new Date()));
    try {
      const started = Date.now();
      await backupDatabase(source, file);
      const removed = rotateBackups(dir, keep);
      log(`Scheduled backup written to ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s${removed.length ? `; removed ${removed.join(', ')}` : ''}.`);
    } catch (error) {
      log(`Scheduled backup to ${file} failed: ${(error as Error).message}`);
    }
  };
  const timer = setInterval(
    () => {
      running ??= snapshot().finally(() => (running = undefined));
    },
    everyHours * 3600 * 1000,
  );
  log(`Backups every ${everyHours} h to ${dir}, keeping the newest ${keep}.`);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
