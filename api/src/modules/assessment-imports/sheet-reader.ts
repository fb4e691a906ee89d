import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { FileTooLargeError, InvalidFileError, TooManyRowsError, UnsupportedFileTypeError } from '../../errors/domain-errors.ts';
import { restoreNeutralised } from './import-template.ts';

export type SheetFormat = 'xlsx' | 'csv';

/** A cell as text, or why it cannot be read (a formula, an error value). */
export type SheetCell = string | { problem: string };

export interface SheetRow {
  /** As the spreadsheet numbers it: the header is row 1. */
  rowNumber: number;
  cells: SheetCell[];
}

/** XLSX and CSV both become this: the header row and the data rows, blank rows left out. */
export interface Sheet {
  format: SheetFormat;
  headers: string[];
  rows: SheetRow[];
}

export interface ReadLimits {
  maxBytes: number;
  maxRows: number;
  /** An XLSX is a zip: its content may be far larger than the file (a "zip bomb"). */
  maxUnzippedBytes: number;
}

export const defaultReadLimits: ReadLimits = { maxBytes: 10 * 1024 * 1024, maxRows: 20_000, maxUnzippedBytes: 100 * 1024 * 1024 };

const zipMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The format a file name asks for; anything but .xlsx and .csv is refused before reading. */
export function formatOf(fileName: string): SheetFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'xlsx' || extension === 'csv') return extension;
  throw new UnsupportedFileTypeError(`"${fileName}" is not an .xlsx or .csv file`, { fileName });
}

export async function readSheet(fileName: string, data: Buffer, limits: ReadLimits = defaultReadLimits): Promise<Sheet> {
  const format = formatOf(fileName);
  if (data.length > limits.maxBytes) {
    throw new FileTooLargeError(`The file has ${data.length} bytes; the limit is ${limits.maxBytes}`, { bytes: data.length, limit: limits.maxBytes });
  }
  if (data.length === 0) throw new InvalidFileError('The file is empty');
  const sheet = format === 'xlsx' ? await readXlsx(data, limits) : readCsv(data);
  if (sheet.rows.length > limits.maxRows) {
    throw new TooManyRowsError(`The file has ${sheet.rows.length} rows; the limit is ${limits.maxRows}`, { rows: sheet.rows.length, limit: limits.maxRows });
  }
  return sheet;
}

async function readXlsx(data: Buffer, limits: ReadLimits): Promise<Sheet> {
  if (!data.subarray(0, 4).equals(zipMagic)) {
    throw new UnsupportedFileTypeError('The file is named .xlsx but is not one (an .xlsx file is a zip archive)');
  }
  const unzipped = unzippedSize(data);
  if (unzipped > limits.maxUnzippedBytes) {
    throw new FileTooLargeError(`The workbook unpacks to ${unzipped} bytes; the limit is ${limits.maxUnzippedBytes}`, { bytes: unzipped, limit: limits.maxUnzippedBytes });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new InvalidFileError(`The .xlsx file cannot be read: ${error instanceof Error ? error.message : error}`);
  }
  const worksheet = workbook.worksheets[0];
  if (!worksheet) throw new InvalidFileError('The workbook has no worksheet');
  const grid: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: SheetCell[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(xlsxCell(row.getCell(column).value));
    grid.push({ rowNumber, cells });
  });
  return toSheet('xlsx', grid);
}

function xlsxCell(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return restoreNeutralised(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return { problem: `a true/false value (${value}) where text is expected` };
  if (value instanceof Date) return { problem: `a date (${value.toISOString().slice(0, 10)}) where text is expected` };
  if ('formula' in value || 'sharedFormula' in value) return { problem: 'a formula; enter the value itself' };
  if ('error' in value) return { problem: `an error value (${value.error})` };
  if ('richText' in value) return restoreNeutralised(value.richText.map((part) => part.text).join(''));
  if ('text' in value && typeof value.text === 'string') return restoreNeutralised(value.text);
  return { problem: 'a value that is not text or a number' };
}

function readCsv(data: Buffer): Sheet {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new InvalidFileError('The CSV file is not UTF-8 text; in Excel, save it as "CSV UTF-8"');
  }
  if (text.includes('\u0000')) throw new InvalidFileError('The CSV file contains binary data');
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  // Excel in a Vietnamese locale writes semicolons.
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, { bom: true, delimiter, skip_empty_lines: true, info: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    throw new InvalidFileError(`The CSV file cannot be read: ${error instanceof Error ? error.message : error}`);
  }
  return toSheet('csv', records.map(({ record, info }) => ({ rowNumber: info.lines, cells: record.map(restoreNeutralised) })));
}

function toSheet(format: SheetFormat, grid: SheetRow[]): Sheet {
  const [header, ...rows] = grid.filter((row) => row.cells.some((cell) => typeof cell !== 'string' || cell.trim() !== ''));
  if (!header) throw new InvalidFileError('The file has no header row');
  const headers = header.cells.map((cell, i) => {
    if (typeof cell !== 'string') throw new InvalidFileError(`Header cell ${i + 1} is ${cell.problem}`);
    return cell.trim();
  });
  return { format, headers, rows };
}

/** Sum of the uncompressed sizes in the zip's central directory (ZIP64 archives are refused). */
export function unzippedSize(data: Buffer): number {
  const end = findEndOfCentralDirectory(data);
  if (end < 0) throw new InvalidFileError('The .xlsx file is damaged (no zip directory)');
  const entries = data.readUInt16LE(end + 10);
  let offset = data.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== 0x02014b50) {
      throw new InvalidFileError('The .xlsx file is damaged (bad zip directory)');
    }
    const size = data.readUInt32LE(offset + 24);
    if (size === 0xffffffff) throw new FileTooLargeError('The workbook is a ZIP64 archive, far beyond the size limit');
    total += size;
    offset += 46 + data.readUInt16LE(offset + 28) + data.readUInt16LE(offset + 30) + data.readUInt16LE(offset + 32);
  }
  return total;
}

function findEndOfCentralDirectory(data: Buffer): number {
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}
