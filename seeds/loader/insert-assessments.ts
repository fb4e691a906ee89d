import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlFile } from '../../api/src/db/sql-file.ts';

const insertAssessmentsSql = sqlFile(import.meta.url, 'insert-assessments.sql');

/** Ids of the units by "codeList:code", read once per seed load. */
export type UnitIndex = Map<string, number>;

export interface AssessmentRow {
  unit_id: number;
  criteria_set_id: number;
  year: number;
  kind: 'actual' | 'target';
  synthetic: boolean;
  source_document_id: number | null;
  source_ref: string | null;
  as_written: string | null;
  note: string | null;
  met: number[];
  not_met: number[];
}

/** Seeded and synthetic assessments with their items, 500 per statement. */
export async function insertAssessments(em: EntityManager, rows: AssessmentRow[]) {
  for (let i = 0; i < rows.length; i += 500) {
    await em.getConnection().execute(insertAssessmentsSql, [JSON.stringify(rows.slice(i, i + 500))], 'run', em.getTransactionContext());
  }
}
