import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { parse as parseCsv } from 'csv-parse/sync';
import { FileTooLargeError, InvalidFileError, InvalidInputError, TooManyRowsError, UnsupportedFileTypeError } from '../../errors/domain-errors.ts';
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
  /** Uncompressed ÷ compressed size of any one zip entry (default 200); XML of real workbooks compresses ~10–30×. */
  maxCompressionRatio?: number;
}

export const defaultReadLimits: ReadLimits = { maxBytes: 10 * 1024 * 1024, maxRows: 20_000, maxUnzippedBytes: 100 * 1024 * 1024, maxCompressionRatio: 200 };

/** Longer names, or names with control characters, are not names a spreadsheet program gives a file. */
const maxFileNameLength = 255;

const zipMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The format a file name asks for; anything but .xlsx and .csv is refused before reading. */
export function formatOf(fileName: string): SheetFormat {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (fileName.length > maxFileNameLength || /[\u0000-\u001f]/.test(fileName)) {
    throw new InvalidInputError(`The file name must be at most ${maxFileNameLength} characters, without control characters`, { field: 'fileName' });
  }
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
  // Sizes, ratios and rows are checked on streams, with memory bounded, before the full parse below.
  await checkZipEntries(data, limits);
  await checkRowCount(data, limits.maxRows);
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
  return toSheet(
    'csv',
    records.map(({ record, info }) => ({ rowNumber: info.lines, cells: record.map(restoreNeutralised) })),
  );
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

const unzipRefusal = (error: unknown) =>
  error instanceof FileTooLargeError || error instanceof InvalidFileError
    ? error
    : new InvalidFileError(`The .xlsx file is damaged: ${error instanceof Error ? error.message : error}`);

/**
 * Reads the zip's central directory (yauzl) and refuses a workbook whose declared sizes or
 * compression ratios are too large; then inflates every entry into nothing, counting, because the
 * directory can lie: yauzl stops an entry that inflates past its declared size, and the count stops
 * the whole at maxUnzippedBytes. Memory stays at one inflate buffer whatever the file holds.
 */
export function checkZipEntries(data: Buffer, limits: ReadLimits): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(data, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (openError, zip) => {
      if (openError) return reject(unzipRefusal(openError));
      const maxRatio = limits.maxCompressionRatio ?? defaultReadLimits.maxCompressionRatio!;
      let declared = 0;
      let inflated = 0;
      const fail = (error: unknown) => {
        zip.close();
        reject(unzipRefusal(error));
      };
      zip.on('error', fail);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        declared += entry.uncompressedSize;
        if (declared > limits.maxUnzippedBytes) {
          return fail(
            new FileTooLargeError(`The workbook unpacks to more than ${limits.maxUnzippedBytes} bytes`, { bytes: declared, limit: limits.maxUnzippedBytes }),
          );
        }
        if (entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize / Math.max(entry.compressedSize, 1) > maxRatio) {
          return fail(
            new FileTooLargeError(
              `The workbook part ${entry.fileName} is compressed ${Math.round(entry.uncompressedSize / entry.compressedSize)}-fold; a spreadsheet is not`,
              { limit: maxRatio },
            ),
          );
        }
        if (/\/$/.test(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return fail(streamError);
          stream.on('data', (chunk: Buffer) => {
            inflated += chunk.length;
            if (inflated > limits.maxUnzippedBytes) {
              stream.destroy();
              fail(new FileTooLargeError(`The workbook unpacks to more than ${limits.maxUnzippedBytes} bytes`, { limit: limits.maxUnzippedBytes }));
            }
          });
          stream.on('error', fail);
          stream.on('end', () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  });
}

/** Counts the first worksheet's rows with ExcelJS's streaming reader and stops past the limit, before any full parse. */
async function checkRowCount(data: Buffer, maxRows: number): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), {
    worksheets: 'emit',
    sharedStrings: 'ignore',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  let rows = 0;
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        // The header and blank rows do not count, as in readSheet.
        if (row.hasValues && ++rows > maxRows + 1) break;
      }
      break;
    }
  } catch (error) {
    throw new InvalidFileError(`The .xlsx file cannot be read: ${error instanceof Error ? error.message : error}`);
  }
  if (rows > maxRows + 1) throw new TooManyRowsError(`The file has more than ${maxRows} rows; the limit is ${maxRows}`, { limit: maxRows });
}
