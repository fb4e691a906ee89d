import { bandCodes } from '../graphql/codes.ts';

/** The table of units matching the planners' filters: sorting and CSV export, as pure functions. */
export interface MatchRow {
  code: string;
  name: string;
  /** Null from 2025: the two-level units have no district. */
  district: string | null;
  province: string;
  flags: string[];
  criteriaMet: number | null;
  criteriaTotal: number | null;
  band: string;
  tier: string | null;
  missing: number[];
  synthetic: boolean;
}

export type SortKey = 'name' | 'district' | 'criteriaMet' | 'band';
export interface SortOrder {
  key: SortKey;
  descending: boolean;
}

/** Band order before a criteria set's bands are known: "no data" first, then the 19-criterion codes. */
const defaultBandRank: string[] = ['no-data', ...bandCodes.filter((band) => band !== 'no-data')];

/** Rank of the bands for sorting: "no data" first, then the classes in legend order (the set's own first). Pure. */
export function bandRankOf(classes: readonly { band: string }[]): string[] {
  const listed = classes.map((c) => c.band).filter((band) => band !== 'no-data');
  return listed.length ? ['no-data', ...listed] : defaultBandRank;
}
const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

function compare(a: MatchRow, b: MatchRow, key: SortKey, bandRank: string[]): number {
  switch (key) {
    case 'name':
      return collator.compare(a.name, b.name);
    case 'district':
      return collator.compare(a.district ?? '', b.district ?? '') || collator.compare(a.name, b.name);
    case 'criteriaMet':
      return (a.criteriaMet ?? -1) - (b.criteriaMet ?? -1) || collator.compare(a.name, b.name);
    case 'band':
      return bandRank.indexOf(a.band) - bandRank.indexOf(b.band) || (a.criteriaMet ?? -1) - (b.criteriaMet ?? -1);
  }
}

export function sortRows(rows: MatchRow[], order: SortOrder, bandRank: string[] = defaultBandRank): MatchRow[] {
  const sign = order.descending ? -1 : 1;
  return [...rows].sort((a, b) => sign * compare(a, b, order.key, bandRank) || a.code.localeCompare(b.code));
}

/** Clicking a header sorts by it; clicking it again reverses the order. */
export function nextOrder(current: SortOrder, key: SortKey): SortOrder {
  return current.key === key ? { key, descending: !current.descending } : { key, descending: key === 'criteriaMet' };
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab / carriage return) as a formula:
 * such text is prefixed with an apostrophe so it stays text. Numbers are written as numbers.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A cell already neutralised by toCells, quoted when it holds a comma, quote or line break. */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export interface CsvHeadings {
  code: string;
  name: string;
  /** Absent for the two-level years (from 2025): the table and its exports then have no district column. */
  district?: string;
  province: string;
  flags: string;
  criteriaMet: string;
  criteriaTotal: string;
  band: string;
  tier: string;
  missing: string;
  synthetic: string;
}

/**
 * The table as rows of cells (header first): text neutralised, numbers kept as numbers; the
 * district column only when the headings name it (not for the two-level years). Pure.
 */
export function toCells(
  rows: MatchRow[],
  headings: CsvHeadings,
  labels: { band(code: string): string; tier(code: string): string; yes: string },
): (string | number | null)[][] {
  const withDistrict = headings.district !== undefined;
  const body = rows.map((row) =>
    [
      row.code,
      row.name,
      ...(withDistrict ? [row.district] : []),
      row.province,
      row.flags.join(' '),
      row.criteriaMet,
      row.criteriaTotal,
      labels.band(row.band),
      row.tier ? labels.tier(row.tier) : null,
      row.missing.join(' '),
      row.synthetic ? labels.yes : null,
    ].map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell)),
  );
  return [Object.values(headings).map(neutraliseFormula), ...body];
}

/** CSV with a BOM (Excel then reads UTF-8 Vietnamese correctly) and CRLF line ends (RFC 4180). */
export function toCsv(rows: MatchRow[], headings: CsvHeadings, labels: { band(code: string): string; tier(code: string): string; yes: string }): string {
  const lines = toCells(rows, headings, labels).map((cells) => cells.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
