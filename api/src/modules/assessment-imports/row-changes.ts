import { ItemStatus } from '../assessments/assessment.entity.ts';
import { criterionHeader, indicatorHeader, statusWords } from './import-template.ts';
import { assessmentKey, indicatorKey, type StoredAssessment, type StoredIndicator } from './import.repository.ts';
import type { ValidRow } from './row-validation.ts';

export interface CellChange {
  /** The template column: TC5, CT 17.1. */
  column: string;
  /** In the template's words ("Đạt", "Chưa đạt", "" for unknown or no value). */
  before: string;
  after: string;
}

export interface ItemChange {
  number: number;
  before: ItemStatus;
  after: ItemStatus;
}

export interface IndicatorChange {
  code: string;
  before: string | null;
  after: string | null;
  /** The stored records of this key (the first is updated; all are removed when the cell is cleared). */
  storedIds: number[];
}

export interface PlannedRow {
  row: ValidRow;
  /** The stored assessment, when there is one. */
  assessmentId: number | undefined;
  items: ItemChange[];
  indicators: IndicatorChange[];
  cells: CellChange[];
}

/**
 * What each row would change, compared with what is stored; rows that change nothing are left out.
 * A blank criterion cell means unknown; a blank indicator cell removes the stored value.
 */
export function planChanges(
  rows: readonly ValidRow[],
  assessments: ReadonlyMap<string, StoredAssessment>,
  indicators: ReadonlyMap<string, StoredIndicator[]>,
): PlannedRow[] {
  const planned: PlannedRow[] = [];
  for (const row of rows) {
    const stored = assessments.get(assessmentKey(row.unit.id, row.set.id, row.year));
    const items: ItemChange[] = [];
    for (const [number, after] of row.statuses) {
      const before = stored?.statuses.get(number) ?? ItemStatus.UNKNOWN;
      if (before !== after) items.push({ number, before, after });
    }
    const indicatorChanges: IndicatorChange[] = [];
    for (const [code, after] of row.indicators) {
      const records = indicators.get(indicatorKey(row.unit.id, row.set.id, row.year, code)) ?? [];
      const before = records[0]?.value ?? null;
      if (before !== after) indicatorChanges.push({ code, before, after, storedIds: records.map((r) => r.id) });
    }
    if (!items.length && !indicatorChanges.length) continue;
    const cells = [
      ...items.map((c) => ({ column: criterionHeader(c.number), before: statusWords[c.before], after: statusWords[c.after] })),
      ...indicatorChanges.map((c) => ({ column: indicatorHeader(c.code), before: c.before ?? '', after: c.after ?? '' })),
    ];
    planned.push({ row, assessmentId: stored?.id, items, indicators: indicatorChanges, cells });
  }
  return planned;
}
