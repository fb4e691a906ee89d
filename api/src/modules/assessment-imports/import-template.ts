import { searchKey } from '../../text/vietnamese.ts';
import { ItemStatus } from '../assessments/assessment.entity.ts';

/**
 * The spreadsheet template offices fill in (README "Import and export"): one row per unit × year,
 * a header row first. Headers are matched case- and diacritic-insensitively, English aliases too.
 */
export const fixedColumns = {
  unitCode: { header: 'Mã ĐVHC', aliases: ['ma dvhc', 'ma don vi', 'unit code', 'code'] },
  unitName: { header: 'Tên đơn vị', aliases: ['ten don vi', 'ten', 'unit name', 'name'] },
  district: { header: 'Huyện', aliases: ['huyen', 'district'] },
  province: { header: 'Tỉnh', aliases: ['tinh', 'province'] },
  year: { header: 'Năm', aliases: ['nam', 'year'] },
  set: { header: 'Bộ tiêu chí', aliases: ['bo tieu chi', 'criteria set', 'set'] },
} as const;

export type FixedColumn = keyof typeof fixedColumns;

/** Criterion columns are "TC1" … "TC19"; indicator columns "CT 17.1" (optional). */
export const criterionHeader = (n: number) => `TC${n}`;
export const indicatorHeader = (code: string) => `CT ${code}`;

export type ColumnMeaning = { kind: 'fixed'; field: FixedColumn } | { kind: 'criterion'; number: number } | { kind: 'indicator'; code: string };

/** What a header means, or null when the template has no such column. */
export function columnMeaning(header: string): ColumnMeaning | null {
  const key = searchKey(header);
  for (const [field, def] of Object.entries(fixedColumns)) {
    if ((def.aliases as readonly string[]).includes(key)) return { kind: 'fixed', field: field as FixedColumn };
  }
  const criterion = /^(?:tc|tieu chi|criterion) ?(\d{1,2})$/.exec(key);
  if (criterion) return { kind: 'criterion', number: Number(criterion[1]) };
  // searchKey turns "17.1" into "17 1"; the indicator code is read from the header itself.
  const indicator = /^(?:CT|chỉ tiêu|chi tieu|indicator)\s*(\d{1,2}(?:\.\d{1,2})*)$/i.exec(header.normalize('NFC').trim());
  if (indicator) return { kind: 'indicator', code: indicator[1] };
  return null;
}

/** The words of the template for a criterion's status; blank means unknown. */
export const statusWords: Record<ItemStatus, string> = {
  [ItemStatus.MET]: 'Đạt',
  [ItemStatus.NOT_MET]: 'Chưa đạt',
  [ItemStatus.UNKNOWN]: '',
};

const statusByKey = new Map<string, ItemStatus>([
  ['dat', ItemStatus.MET],
  ['met', ItemStatus.MET],
  ['chua dat', ItemStatus.NOT_MET],
  ['khong dat', ItemStatus.NOT_MET],
  ['not met', ItemStatus.NOT_MET],
  ['', ItemStatus.UNKNOWN],
]);

/** "ĐẠT", "dat", "Chưa đạt", "" … → a status; null when the cell says anything else. */
export function parseStatus(cell: string): ItemStatus | null {
  // Case and diacritics are folded, punctuation is not: "Đạt?" is not a clear answer.
  const key = cell
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  return statusByKey.get(key) ?? null;
}

/**
 * A cell a spreadsheet could run as a formula (= + - @, or a leading tab or carriage return) gets a
 * leading apostrophe on export, as OWASP advises; import removes exactly that apostrophe again.
 */
const formulaStart = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

export function restoreNeutralised(text: string): string {
  return text.startsWith("'") && formulaStart.test(text.slice(1)) ? text.slice(1) : text;
}
