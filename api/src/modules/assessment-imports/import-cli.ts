/**
 * npm run import -- <file.xlsx|file.csv> [--dry-run] [--partial] [--actor NAME]
 *
 * Imports the assessment template straight into DATABASE_URL, or into the embedded database in
 * DATA_DIR — which only one process may open: stop the server first (or import through the
 * GraphQL mutation importAssessments while it runs). Whoever can open the database can write it,
 * so the CLI needs no token; the batch records --actor (default: the system user).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { DomainError } from '../../errors/domain-errors.ts';
import { createProgress } from '../../import-progress.ts';
import { ImportStatus } from './import-batch.entity.ts';
import { Access, operatorActor } from '../auth/access.ts';
import { AssessmentImportService, type ImportReport } from './import.service.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const actorName = option('--actor');
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--actor');
if (!file) {
  console.error('Usage: npm run import -- <file.xlsx|file.csv> [--dry-run] [--partial] [--actor NAME]');
  process.exit(2);
}

const config = loadConfig();
const data = fs.readFileSync(file);
const database = await openDatabase(config, console.log);
try {
  // Whoever can open the database may write anything: the CLI acts as an admin, audited by name.
  const actor = { ...operatorActor, username: `cli:${actorName ?? os.userInfo().username}` };
  const report = await new AssessmentImportService(database.orm.em.fork(), new Access(actor, true)).run({
    fileName: path.basename(file),
    data,
    actor: actor.username,
    dryRun: flag('--dry-run'),
    allOrNothing: !flag('--partial'),
    limits: config.importLimits,
    progress: createProgress(config.interactive),
  });
  printReport(report);
  if (report.status === ImportStatus.REJECTED) process.exitCode = 1;
} catch (error) {
  console.error(error instanceof DomainError ? `${error.code}: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await database.close();
}

function printReport(report: ImportReport) {
  console.log(`Import #${report.batchId} of ${report.fileName} (${report.format}, sha256 ${report.checksum}): ${report.status}`);
  console.log(
    `${report.rowsRead} rows: ${report.rowsChanged} changed, ${report.rowsUnchanged} unchanged, ${report.rowsRejected} rejected; ${report.cellsChanged} cells changed.`,
  );
  for (const r of report.rejections) console.log(`  row ${r.row}${r.column ? `, column ${r.column}` : ''}: ${r.reason}: ${r.message}`);
  for (const change of report.changes) {
    const cells = change.cells.map((c) => `${c.column} "${c.before}" → "${c.after}"`).join(', ');
    console.log(`  row ${change.row} ${change.unitCode} ${change.unitName} ${change.year}${change.created ? ' (new)' : ''}: ${cells}`);
  }
  if (report.status === ImportStatus.REJECTED) console.log('Nothing was written. Fix the rows above, or use --partial to write the valid rows only.');
  if (report.status === ImportStatus.DRY_RUN) console.log('Dry run: nothing was written.');
}
