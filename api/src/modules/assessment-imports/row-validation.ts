import { searchKey, toNfc } from '../../text/vietnamese.ts';
import { ItemStatus } from '../assessments/assessment.entity.ts';
import { assessmentRuleViolations, type SetRules } from '../assessments/assessment-rules.ts';
import { columnMeaning, criterionHeader, fixedColumns, parseStatus, type ColumnMeaning, type FixedColumn } from './import-template.ts';
import type { Sheet, SheetCell } from './sheet-reader.ts';

export type RejectionReason =
  | 'unknown-column'
  | 'duplicate-column'
  | 'missing-column'
  | 'unreadable-cell'
  | 'unknown-unit'
  | 'ambiguous-unit'
  | 'unknown-set'
  | 'invalid-year'
  | 'year-outside-validity'
  | 'level-mismatch'
  | 'criterion-outside-set'
  | 'unknown-indicator'
  | 'invalid-value'
  | 'duplicate-row';

/** Why a row (or, at row 1, the header) was refused: what a clerk needs to find and fix it. */
export interface Rejection {
  row: number;
  /** The column's header as written in the file; null when the row as a whole is at fault. */
  column: string | null;
  reason: RejectionReason;
  message: string;
}

export interface KnownUnit {
  id: number;
  code: string;
  name: string;
  shortName: string;
  level: string;
  districtName: string | null;
  provinceName: string | null;
}

export interface KnownSet extends SetRules {
  id: number;
  indicatorCodes: readonly string[];
}

export interface ValidRow {
  rowNumber: number;
  unit: KnownUnit;
  set: KnownSet;
  year: number;
  /** Only the criteria whose column the file has. */
  statuses: Map<number, ItemStatus>;
  /** Indicator code → value as written (null = blank cell), for the indicator columns the file has. */
  indicators: Map<string, string | null>;
}

export interface ValidationResult {
  rows: ValidRow[];
  rejections: Rejection[];
  /** Header problems make every row unreadable: such a file is refused whatever the mode. */
  headerRejected: boolean;
}

/** Finds units by GSO code, or by name within a district (and province), diacritic-insensitively. */
export class UnitDirectory {
  private readonly byCode = new Map<string, KnownUnit>();
  private readonly byNameKey = new Map<string, KnownUnit[]>();

  constructor(units: readonly KnownUnit[]) {
    for (const unit of units) {
      this.byCode.set(unit.code, unit);
      for (const key of new Set([searchKey(unit.name), searchKey(unit.shortName)])) {
        const list = this.byNameKey.get(key) ?? [];
        list.push(unit);
        this.byNameKey.set(key, list);
      }
    }
  }

  findByCode(code: string): KnownUnit | undefined {
    return this.byCode.get(code);
  }

  findByName(name: string, district: string, province: string, level: string | undefined): KnownUnit[] {
    const matches = (given: string, actual: string | null) => !given || (actual !== null && sameName(given, actual));
    return (this.byNameKey.get(searchKey(name)) ?? []).filter(
      (u) => (!level || u.level === level) && matches(district, u.districtName) && matches(province, u.provinceName),
    );
  }
}

/** "Chi Lăng", "huyện chi lang" and "Huyện Chi Lăng" name one district. */
function sameName(given: string, actual: string): boolean {
  const strip = (key: string) => key.replace(/^(tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran) /, '');
  return strip(searchKey(given)) === strip(searchKey(actual));
}

interface Column {
  index: number;
  header: string;
  meaning: ColumnMeaning;
}

/**
 * The units a row of a year may name: those in force on 31 December of it (a code names another unit
 * after the 2025 reform). A row without a readable year gets NaN, and is refused for it anyway.
 */
export type UnitsOfYear = (year: number) => UnitDirectory;

export function validateRows(sheet: Sheet, unitsOfYear: UnitsOfYear, sets: ReadonlyMap<string, KnownSet>): ValidationResult {
  const { columns, rejections } = readHeader(sheet.headers);
  if (rejections.length) return { rows: [], rejections, headerRejected: true };

  const fixed = new Map<FixedColumn, Column>();
  for (const column of columns) if (column.meaning.kind === 'fixed') fixed.set(column.meaning.field, column);
  const criterionColumns = columns.filter((c): c is Column & { meaning: { kind: 'criterion' } } => c.meaning.kind === 'criterion');
  const indicatorColumns = columns.filter((c): c is Column & { meaning: { kind: 'indicator' } } => c.meaning.kind === 'indicator');

  const rows: ValidRow[] = [];
  const seen = new Map<string, number>();
  for (const sheetRow of sheet.rows) {
    const problems: Rejection[] = [];
    const reject = (column: Column | undefined | null, reason: RejectionReason, message: string) =>
      problems.push({ row: sheetRow.rowNumber, column: column?.header ?? null, reason, message });
    const text = (column: Column | undefined): string => {
      if (!column) return '';
      const cell: SheetCell = sheetRow.cells[column.index] ?? '';
      if (typeof cell === 'string') return toNfc(cell);
      reject(column, 'unreadable-cell', `The cell holds ${cell.problem}`);
      return '';
    };

    // A value under no header would be silently dropped: refuse it instead.
    sheetRow.cells.forEach((cell, index) => {
      if (!sheet.headers[index] && (typeof cell !== 'string' || cell.trim())) {
        problems.push({
          row: sheetRow.rowNumber,
          column: columnLetter(index),
          reason: 'unknown-column',
          message: `Column ${columnLetter(index)} has a value but no header`,
        });
      }
    });

    const setCode = text(fixed.get('set'));
    const set = sets.get(setCode);
    if (!setCode) reject(fixed.get('set'), 'unknown-set', 'No criteria set given (e.g. commune-2016)');
    else if (!set) reject(fixed.get('set'), 'unknown-set', `No criteria set "${setCode}"; known: ${[...sets.keys()].join(', ')}`);

    const yearText = text(fixed.get('year'));
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (!Number.isInteger(year) || year < 2000 || year > 2100) reject(fixed.get('year'), 'invalid-year', `"${yearText}" is not a year`);

    const unit = resolveUnit(fixed, text, unitsOfYear(year), set, reject);

    const statuses = new Map<number, ItemStatus>();
    for (const column of criterionColumns) {
      const cell = text(column);
      const status = parseStatus(cell);
      if (status === null) {
        reject(column, 'invalid-value', `"${cell}" is not one of: Đạt, Chưa đạt, or blank (unknown)`);
      } else if (set && !set.criterionNumbers.includes(column.meaning.number)) {
        if (status !== ItemStatus.UNKNOWN) {
          reject(column, 'criterion-outside-set', `${set.code} has criteria 1–${set.criteriaCount}; ${column.header} is not one of them`);
        }
      } else {
        statuses.set(column.meaning.number, status);
      }
    }

    const indicators = new Map<string, string | null>();
    for (const column of indicatorColumns) {
      const value = text(column);
      if (set && !set.indicatorCodes.includes(column.meaning.code)) {
        if (value) reject(column, 'unknown-indicator', `${set.code} has no indicator ${column.meaning.code}`);
        continue;
      }
      if (value.length > 200) reject(column, 'invalid-value', `The value has ${value.length} characters; at most 200`);
      else indicators.set(column.meaning.code, value || null);
    }

    if (set && unit && Number.isInteger(year)) {
      const met = [...statuses].filter(([, s]) => s === ItemStatus.MET).map(([n]) => n);
      const notMet = [...statuses].filter(([, s]) => s === ItemStatus.NOT_MET).map(([n]) => n);
      for (const violation of assessmentRuleViolations(set, unit, year, met, notMet)) {
        // Criteria outside the set were reported per column above.
        if (violation.reason === 'level-mismatch') reject(fixed.get('set'), 'level-mismatch', violation.message);
        if (violation.reason === 'year-outside-validity') reject(fixed.get('year'), 'year-outside-validity', violation.message);
      }
      const key = `${unit.id}|${set.id}|${year}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        reject(null, 'duplicate-row', `Row ${earlier} already gives ${unit.code} ${unit.name}, ${set.code}, ${year}`);
      } else {
        seen.set(key, sheetRow.rowNumber);
      }
    }

    if (problems.length) rejections.push(...problems);
    else rows.push({ rowNumber: sheetRow.rowNumber, unit: unit!, set: set!, year, statuses, indicators });
  }
  return { rows, rejections, headerRejected: false };
}

/** Spreadsheet column name of a 0-based index: 0 → A, 26 → AA. */
function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function readHeader(headers: string[]): { columns: Column[]; rejections: Rejection[] } {
  const rejections: Rejection[] = [];
  const columns: Column[] = [];
  const taken = new Map<string, string>();
  headers.forEach((header, index) => {
    if (!header) return;
    const meaning = columnMeaning(header);
    if (!meaning) {
      rejections.push({ row: 1, column: header, reason: 'unknown-column', message: `The template has no column "${header}" (see the README for the columns)` });
      return;
    }
    const identity = meaning.kind === 'fixed' ? meaning.field : meaning.kind === 'criterion' ? `c${meaning.number}` : `i${meaning.code}`;
    const first = taken.get(identity);
    if (first !== undefined) {
      rejections.push({ row: 1, column: header, reason: 'duplicate-column', message: `"${header}" repeats the column "${first}"` });
      return;
    }
    taken.set(identity, header);
    columns.push({ index, header, meaning });
  });
  const has = (field: FixedColumn) => columns.some((c) => c.meaning.kind === 'fixed' && c.meaning.field === field);
  for (const field of ['year', 'set'] as const) {
    if (!has(field))
      rejections.push({
        row: 1,
        column: fixedColumns[field].header,
        reason: 'missing-column',
        message: `The column "${fixedColumns[field].header}" is required`,
      });
  }
  if (!has('unitCode') && !has('unitName')) {
    rejections.push({
      row: 1,
      column: fixedColumns.unitCode.header,
      reason: 'missing-column',
      message: `Give units by "${fixedColumns.unitCode.header}" or by "${fixedColumns.unitName.header}" and "${fixedColumns.district.header}"`,
    });
  }
  if (!columns.some((c) => c.meaning.kind !== 'fixed')) {
    rejections.push({ row: 1, column: criterionHeader(1), reason: 'missing-column', message: 'No criterion (TC1 …) or indicator (CT 17.1 …) column' });
  }
  return { columns, rejections };
}

function resolveUnit(
  fixed: Map<FixedColumn, Column>,
  text: (column: Column | undefined) => string,
  units: UnitDirectory,
  set: KnownSet | undefined,
  reject: (column: Column | undefined | null, reason: RejectionReason, message: string) => void,
): KnownUnit | undefined {
  const codeText = text(fixed.get('unitCode'));
  if (codeText) {
    if (!/^\d{1,5}$/.test(codeText)) {
      reject(fixed.get('unitCode'), 'unknown-unit', `"${codeText.slice(0, 40)}" is not a GSO code (2, 3 or 5 digits)`);
      return undefined;
    }
    // Excel drops leading zeros of codes typed as numbers: 6493 is commune 06493, 1 is province 01.
    const code = codeText.length === 4 ? `0${codeText}` : codeText.length === 1 ? `0${codeText}` : codeText;
    const unit = units.findByCode(code);
    if (!unit) reject(fixed.get('unitCode'), 'unknown-unit', `No unit has the GSO code ${code}`);
    return unit;
  }
  const name = text(fixed.get('unitName'));
  if (!name) {
    reject(fixed.get('unitCode') ?? fixed.get('unitName'), 'unknown-unit', 'Neither a GSO code nor a unit name is given');
    return undefined;
  }
  const district = text(fixed.get('district'));
  const province = text(fixed.get('province'));
  const found = units.findByName(name, district, province, set?.level);
  const where = [name, district, province].filter(Boolean).join(', ');
  if (found.length === 0) {
    reject(fixed.get('unitName'), 'unknown-unit', `No ${set?.level ?? 'unit'} named "${where.slice(0, 120)}"`);
    return undefined;
  }
  if (found.length > 1) {
    const options = found.slice(0, 5).map((u) => `${u.code} ${u.name} (${[u.districtName, u.provinceName].filter(Boolean).join(', ')})`);
    reject(
      fixed.get('unitName'),
      'ambiguous-unit',
      `"${where}" names ${found.length} units: ${options.join('; ')}; give the GSO code or the district and province`,
    );
    return undefined;
  }
  return found[0];
}
