import crypto from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { intArray, sqlFile } from '../../db/sql-file.ts';
import type { Access } from '../auth/access.ts';
import { asOfForYear, codeListInForce, preReformCodeList, twoLevelCodeList } from '../admin-units/code-lists.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { ItemStatus } from '../assessments/assessment.entity.ts';
import { AssessmentImportBatch, ImportStatus } from './import-batch.entity.ts';
import { ImportRepository, type SetWithIds } from './import.repository.ts';
import { planChanges, type CellChange, type PlannedRow } from './row-changes.ts';
import { UnitDirectory, validateRows, type KnownUnit, type Rejection } from './row-validation.ts';
import { defaultReadLimits, formatOf, readSheet, type ReadLimits } from './sheet-reader.ts';

const insertAssessmentSql = sqlFile(import.meta.url, 'insert-assessment.sql');
const markImportedSql = sqlFile(import.meta.url, 'mark-assessments-imported.sql');
const upsertItemsSql = sqlFile(import.meta.url, 'upsert-assessment-items.sql');
const updateIndicatorSql = sqlFile(import.meta.url, 'update-indicator-value.sql');
const insertIndicatorSql = sqlFile(import.meta.url, 'insert-indicator-value.sql');
const deleteIndicatorsSql = sqlFile(import.meta.url, 'delete-indicator-values.sql');

/** Rows written per round of statements inside the one transaction (and per progress step). */
const chunkSize = 100;

export interface ImportProgressSink {
  start(stage: string, total: number): void;
  advance(count: number): void;
  finish(): void;
}

export interface ImportRequest {
  fileName: string;
  data: Buffer;
  /** Who imports: recorded on the batch (and, once accounts exist, the audit trail). */
  actor: string;
  dryRun: boolean;
  /** Default: one rejected row refuses the whole file. Otherwise the valid rows are written. */
  allOrNothing: boolean;
  limits?: ReadLimits;
  progress?: ImportProgressSink;
}

export interface RowChangeReport {
  row: number;
  unitCode: string;
  unitName: string;
  year: number;
  set: string;
  /** True when the unit had no assessment of this set and year. */
  created: boolean;
  cells: CellChange[];
}

export interface ImportReport {
  batchId: number;
  fileName: string;
  checksum: string;
  format: string;
  dryRun: boolean;
  status: ImportStatus;
  rowsRead: number;
  rowsChanged: number;
  rowsUnchanged: number;
  rowsRejected: number;
  cellsChanged: number;
  rejections: Rejection[];
  changes: RowChangeReport[];
}

const silent: ImportProgressSink = { start() {}, advance() {}, finish() {} };

/**
 * Imports the assessment template: reads the file, validates every row, compares each with what
 * is stored and writes only the rows that change, all in one transaction.
 */
export class AssessmentImportService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: Access,
  ) {}

  async run(request: ImportRequest): Promise<ImportReport> {
    this.authorize();
    const format = formatOf(request.fileName);
    const checksum = crypto.createHash('sha256').update(request.data).digest('hex');
    const batch = await this.openBatch(request, format, checksum);
    const progress = request.progress ?? silent;
    try {
      const report = await this.importFile(request, batch, progress);
      await this.closeBatch(batch.id, {
        status: report.status,
        rowsRead: report.rowsRead,
        rowsChanged: report.rowsChanged,
        rowsUnchanged: report.rowsUnchanged,
        rowsRejected: report.rowsRejected,
        cellsChanged: report.cellsChanged,
        report: { rejections: report.rejections, changes: report.changes },
      });
      return report;
    } catch (error) {
      await this.closeBatch(batch.id, { status: ImportStatus.FAILED, error: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      progress.finish();
    }
  }

  /** Who may import at all: editors and admins (checked before the upload is read). */
  authorize(): void {
    this.access.requireWriter();
  }

  /** The one scope check of an import: every unit of the file must be the editor's unit or below it. */
  private async authorizeUnits(units: readonly KnownUnit[]): Promise<void> {
    await this.access.requireScopeOfAll(this.em, units);
  }

  private async importFile(request: ImportRequest, batch: AssessmentImportBatch, progress: ImportProgressSink): Promise<ImportReport> {
    progress.start('Reading the file', 1);
    const sheet = await readSheet(request.fileName, request.data, request.limits ?? defaultReadLimits);
    progress.advance(1);

    progress.start('Checking rows', sheet.rows.length);
    const repository = new ImportRepository(this.em);
    const sets = await repository.knownSets();
    const directories = {
      [preReformCodeList]: new UnitDirectory(await repository.knownUnits(preReformCodeList)),
      [twoLevelCodeList]: new UnitDirectory(await repository.knownUnits(twoLevelCodeList)),
    };
    const unitsOfYear = (year: number) => directories[Number.isInteger(year) ? codeListInForce(asOfForYear(year)) : preReformCodeList];
    const validation = validateRows(sheet, unitsOfYear, sets);
    await this.authorizeUnits(validation.rows.map((row) => row.unit));
    const unitIds = validation.rows.map((r) => r.unit.id);
    const years = validation.rows.map((r) => r.year);
    const planned = planChanges(validation.rows, await repository.storedAssessments(unitIds, years), await repository.storedIndicators(unitIds, years));
    progress.advance(sheet.rows.length);

    const rejectedRows = new Set(validation.rejections.filter((r) => r.row > 1).map((r) => r.row));
    const refused = validation.headerRejected || (request.allOrNothing && validation.rejections.length > 0);
    const status = refused ? ImportStatus.REJECTED : request.dryRun ? ImportStatus.DRY_RUN : ImportStatus.APPLIED;
    if (status === ImportStatus.APPLIED && planned.length) {
      await this.write(planned, sets, batch, progress);
    }
    return {
      batchId: batch.id,
      fileName: batch.fileName,
      checksum: batch.checksum,
      format: batch.format,
      dryRun: request.dryRun,
      status,
      rowsRead: sheet.rows.length,
      rowsChanged: planned.length,
      rowsUnchanged: validation.rows.length - planned.length,
      rowsRejected: validation.headerRejected ? sheet.rows.length : rejectedRows.size,
      cellsChanged: planned.reduce((sum, p) => sum + p.cells.length, 0),
      rejections: validation.rejections,
      changes: planned.map((p) => ({
        row: p.row.rowNumber,
        unitCode: p.row.unit.code,
        unitName: p.row.unit.name,
        year: p.row.year,
        set: p.row.set.code,
        created: p.assessmentId === undefined && p.items.length > 0,
        cells: p.cells,
      })),
    };
  }

  /**
   * Every change in one transaction, each row audited in it: a failure or a killed process leaves
   * the data (and the audit trail) as they were.
   */
  private async write(planned: PlannedRow[], sets: Map<string, SetWithIds>, batch: AssessmentImportBatch, progress: ImportProgressSink) {
    const note = `Imported from ${batch.fileName} (import #${batch.id})`;
    progress.start('Writing changes', planned.length);
    await this.em.fork().transactional(async (tx) => {
      for (const plan of planned) this.audit(tx, plan, batch);
      for (let start = 0; start < planned.length; start += chunkSize) {
        const chunk = planned.slice(start, start + chunkSize);
        const itemRows: { assessmentId: number; criterionId: number; status: ItemStatus }[] = [];
        const touched: number[] = [];
        for (const plan of chunk) {
          const set = sets.get(plan.row.set.code)!;
          if (plan.assessmentId !== undefined && plan.items.length) {
            touched.push(plan.assessmentId);
            for (const item of plan.items)
              itemRows.push({ assessmentId: plan.assessmentId, criterionId: set.criterionIds.get(item.number)!, status: item.after });
          } else if (plan.items.length) {
            const [created] = await tx.execute<{ id: number }[]>(insertAssessmentSql, [plan.row.unit.id, set.id, plan.row.year, note]);
            for (const [number, criterionId] of set.criterionIds) {
              itemRows.push({ assessmentId: created.id, criterionId, status: plan.row.statuses.get(number) ?? ItemStatus.UNKNOWN });
            }
          }
          for (const change of plan.indicators) await this.writeIndicator(tx, plan, change, note);
        }
        if (touched.length) await tx.execute(markImportedSql, [note, intArray(touched)]);
        if (itemRows.length) {
          await tx.execute(upsertItemsSql, [
            intArray(itemRows.map((r) => r.assessmentId)),
            intArray(itemRows.map((r) => r.criterionId)),
            `{${itemRows.map((r) => itemStatusLiteral(r.status)).join(',')}}`,
          ]);
        }
        progress.advance(chunk.length);
      }
    });
  }

  /** The row's changed cells before and after, linked to its import batch. */
  private audit(tx: EntityManager, plan: PlannedRow, batch: AssessmentImportBatch) {
    const cells = (side: 'before' | 'after') => Object.fromEntries(plan.cells.map((cell) => [cell.column, cell[side]]));
    recordAudit(tx, {
      actor: this.access.actor,
      action: 'importAssessments',
      entity: 'assessment',
      entityId: plan.assessmentId ?? null,
      unitCode: plan.row.unit.code,
      year: plan.row.year,
      before: { set: plan.row.set.code, row: plan.row.rowNumber, ...cells('before') },
      after: { set: plan.row.set.code, row: plan.row.rowNumber, ...cells('after') },
      importBatchId: String(batch.id),
    });
  }

  private async writeIndicator(tx: EntityManager, plan: PlannedRow, change: PlannedRow['indicators'][number], note: string) {
    const [first] = change.storedIds;
    if (change.after === null) {
      await tx.execute(deleteIndicatorsSql, [intArray(change.storedIds)]);
    } else if (first !== undefined) {
      await tx.execute(updateIndicatorSql, [change.after, numberIn(change.after), note, first]);
    } else {
      const { unit, set, year } = plan.row;
      await tx.execute(insertIndicatorSql, [unit.id, set.id, change.code, year, change.after, numberIn(change.after), note]);
    }
  }

  /** Committed on its own before any data is touched, so a crash leaves a "running" batch behind. */
  private async openBatch(request: ImportRequest, format: string, checksum: string): Promise<AssessmentImportBatch> {
    const em = this.em.fork();
    const batch = em.create(AssessmentImportBatch, {
      fileName: request.fileName,
      checksum,
      format,
      actor: request.actor,
      dryRun: request.dryRun,
      allOrNothing: request.allOrNothing,
      status: ImportStatus.RUNNING,
      rowsRead: 0,
      rowsChanged: 0,
      rowsUnchanged: 0,
      rowsRejected: 0,
      cellsChanged: 0,
      startedAt: new Date(),
    });
    await em.persist(batch).flush();
    return batch;
  }

  private async closeBatch(id: number, outcome: Partial<AssessmentImportBatch>) {
    await this.em.fork().nativeUpdate(AssessmentImportBatch, { id }, { ...outcome, finishedAt: new Date() });
  }
}

/** Marks batches a killed process left "running": their transaction never committed. */
export async function markInterruptedImports(em: EntityManager): Promise<number> {
  return em
    .fork()
    .nativeUpdate(
      AssessmentImportBatch,
      { status: ImportStatus.RUNNING },
      { status: ImportStatus.INTERRUPTED, error: 'The server stopped during the import; nothing of it was written', finishedAt: new Date() },
    );
}

function itemStatusLiteral(status: ItemStatus): string {
  // Enum words only ("met", "not-met", "unknown"): nothing to quote in an array literal.
  if (!Object.values(ItemStatus).includes(status)) throw new TypeError(`Not an item status: ${status}`);
  return status;
}

/** The number in a value such as "≥ 55", "45,5 %" or "đạt" (none). */
function numberIn(value: string): number | null {
  const match = /-?\d+(?:[.,]\d+)?/.exec(value);
  return match ? Number(match[0].replace(',', '.')) : null;
}
