import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { ItemStatus } from '../../api/src/modules/assessments/assessment.entity.ts';
import { columnMeaning, neutraliseFormula, parseStatus, restoreNeutralised } from '../../api/src/modules/assessment-imports/import-template.ts';
import { readSheet, type Sheet } from '../../api/src/modules/assessment-imports/sheet-reader.ts';
import { declaredUnzippedSize } from '../support/probes.ts';
import { UnitDirectory, validateRows, type KnownSet, type KnownUnit } from '../../api/src/modules/assessment-imports/row-validation.ts';
import { planChanges } from '../../api/src/modules/assessment-imports/row-changes.ts';

const units: KnownUnit[] = [
  { id: 1, code: '06493', name: 'Xã Bằng Mạc', shortName: 'Bằng Mạc', level: 'commune', districtName: 'Huyện Chi Lăng', provinceName: 'Tỉnh Lạng Sơn' },
  { id: 2, code: '06001', name: 'Xã Tân Thành', shortName: 'Tân Thành', level: 'commune', districtName: 'Huyện Cao Lộc', provinceName: 'Tỉnh Lạng Sơn' },
  { id: 3, code: '07001', name: 'Xã Tân Thành', shortName: 'Tân Thành', level: 'commune', districtName: 'Huyện Hữu Lũng', provinceName: 'Tỉnh Lạng Sơn' },
  { id: 4, code: '181', name: 'Huyện Chi Lăng', shortName: 'Chi Lăng', level: 'district', districtName: null, provinceName: 'Tỉnh Lạng Sơn' },
];
const commune2016: KnownSet = {
  id: 10,
  code: 'commune-2016',
  level: 'commune',
  validFrom: 2016,
  validTo: 2020,
  criteriaCount: 19,
  criterionNumbers: Array.from({ length: 19 }, (_, i) => i + 1),
  indicatorCodes: ['17.1', '10'],
};
const sets = new Map([[commune2016.code, commune2016]]);
const unitDirectory = new UnitDirectory(units);
/** The fixture has one list: every year's rows resolve against it. */
const directory = () => unitDirectory;

function sheet(headers: string[], ...rows: string[][]): Sheet {
  return { format: 'csv', headers, rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })) };
}
const header = ['Mã ĐVHC', 'Tên đơn vị', 'Huyện', 'Năm', 'Bộ tiêu chí', 'TC1', 'TC2', 'TC20', 'CT 17.1'];

describe('import template', () => {
  it('reads statuses case- and diacritic-insensitively and refuses other words', () => {
    expect(['Đạt', 'ĐẠT', 'dat', ' đạt '].map(parseStatus)).toEqual(Array(4).fill(ItemStatus.MET));
    expect(['Chưa đạt', 'CHUA DAT', 'chưa  đạt'].map(parseStatus)).toEqual(Array(3).fill(ItemStatus.NOT_MET));
    expect(parseStatus('')).toBe(ItemStatus.UNKNOWN);
    expect(['x', 'yes', '1', 'Đạt?'].map(parseStatus)).toEqual([null, null, null, null]);
  });

  it('knows its columns under Vietnamese and English names', () => {
    expect(columnMeaning('MÃ ĐVHC')).toEqual({ kind: 'fixed', field: 'unitCode' });
    expect(columnMeaning('year')).toEqual({ kind: 'fixed', field: 'year' });
    expect(columnMeaning('tc 12')).toEqual({ kind: 'criterion', number: 12 });
    expect(columnMeaning('CT 17.1')).toEqual({ kind: 'indicator', code: '17.1' });
    expect(columnMeaning('Ghi chú')).toBeNull();
  });

  it('neutralises cells a spreadsheet would run as formulas, and import restores them exactly', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '+1', '-5 %', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
      expect(restoreNeutralised(neutraliseFormula(text))).toBe(text);
    }
    for (const text of ['Đạt', '≥ 55', "'quoted", '']) {
      expect(neutraliseFormula(text)).toBe(text);
      expect(restoreNeutralised(text)).toBe(text);
    }
  });
});

describe('row validation', () => {
  it('resolves each row in the units of its year: a re-used code names another unit after the reform', () => {
    const after: KnownUnit = {
      id: 99,
      code: '06493',
      name: 'Xã Bằng Mạc',
      shortName: 'Bằng Mạc',
      level: 'commune',
      districtName: null,
      provinceName: 'Tỉnh Lạng Sơn',
    };
    const commune2021 = { ...commune2016, id: 11, code: 'commune-2021', validFrom: 2016, validTo: 2030 };
    const asked: number[] = [];
    const twoLists = (year: number) => {
      asked.push(year);
      return year >= 2025 ? new UnitDirectory([after]) : unitDirectory;
    };
    const result = validateRows(
      sheet(header, ['06493', '', '', '2024', 'commune-2021', 'Đạt', '', '', ''], ['06493', '', '', '2026', 'commune-2021', 'Đạt', '', '', '']),
      twoLists,
      new Map([[commune2021.code, commune2021]]),
    );
    expect(result.rejections).toEqual([]);
    expect(result.rows.map((r) => [r.year, r.unit.id])).toEqual([
      [2024, 1],
      [2026, 99],
    ]);
    expect(asked).toEqual([2024, 2026]);
  });

  it('accepts a row by code and by name + district, with its statuses and indicators', () => {
    const result = validateRows(
      sheet(
        header,
        ['06493', '', '', '2017', 'commune-2016', 'Đạt', 'chưa đạt', '', '≥ 55'],
        ['', 'tan thanh', 'Cao Lộc', '2017', 'commune-2016', '', 'Đạt', '', ''],
      ),
      directory,
      sets,
    );
    expect(result.rejections).toEqual([]);
    expect(result.rows.map((r) => r.unit.code)).toEqual(['06493', '06001']);
    expect([...result.rows[0].statuses]).toEqual([
      [1, ItemStatus.MET],
      [2, ItemStatus.NOT_MET],
    ]);
    expect([...result.rows[0].indicators]).toEqual([['17.1', '≥ 55']]);
    expect([...result.rows[1].indicators]).toEqual([['17.1', null]]);
  });

  it('rejects every bad row with its row number, column and reason', () => {
    const result = validateRows(
      sheet(
        header,
        ['99999', '', '', '2017', 'commune-2016', 'Đạt', '', '', ''],
        ['', 'Tân Thành', '', '2017', 'commune-2016', 'Đạt', '', '', ''],
        ['06493', '', '', '2017', 'commune-2016', '', '', 'Đạt', ''],
        ['06493', '', '', '2017', 'commune-2016', 'yes', '', '', ''],
        ['06493', '', '', '2023', 'commune-2016', 'Đạt', '', '', ''],
        ['06001', '', '', '2017', 'commune-2016', 'Đạt', '', '', ''],
        ['06001', '', '', '2017', 'commune-2016', 'Chưa đạt', '', '', ''],
        ["'; drop table assessment; --", '', '', '2017', 'commune-2016', '', '', '', ''],
        ['181', '', '', '2017', 'commune-2016', '', '', '', ''],
        ['06493', '', '', 'năm 2017', 'commune-2099', '', '', '', ''],
      ),
      directory,
      sets,
    );
    expect(result.rows.map((r) => r.rowNumber)).toEqual([7]);
    expect(result.rejections.map((r) => [r.row, r.column, r.reason])).toEqual([
      [2, 'Mã ĐVHC', 'unknown-unit'],
      [3, 'Tên đơn vị', 'ambiguous-unit'],
      [4, 'TC20', 'criterion-outside-set'],
      [5, 'TC1', 'invalid-value'],
      [5, null, 'duplicate-row'],
      [6, 'Năm', 'year-outside-validity'],
      [8, null, 'duplicate-row'],
      [9, 'Mã ĐVHC', 'unknown-unit'],
      [10, 'Bộ tiêu chí', 'level-mismatch'],
      [11, 'Bộ tiêu chí', 'unknown-set'],
      [11, 'Năm', 'invalid-year'],
    ]);
    expect(result.rejections[1].message).toMatch(/06001.*07001/);
    expect(result.rejections[4].message).toMatch(/Row 4 /);
    expect(result.rejections[6].message).toMatch(/Row 7 /);
  });

  it('refuses a header with unknown, repeated or missing columns', () => {
    const result = validateRows(sheet(['Tên đơn vị', 'TC1', 'tc1', 'Ghi chú']), directory, sets);
    expect(result.headerRejected).toBe(true);
    expect(result.rejections.map((r) => [r.row, r.column, r.reason])).toEqual([
      [1, 'tc1', 'duplicate-column'],
      [1, 'Ghi chú', 'unknown-column'],
      [1, 'Năm', 'missing-column'],
      [1, 'Bộ tiêu chí', 'missing-column'],
    ]);
  });

  it('refuses a value under no header rather than dropping it', () => {
    const s = sheet(header, ['06493', '', '', '2017', 'commune-2016', 'Đạt', '', '', '', '', 'ghi chú']);
    expect(validateRows(s, directory, sets).rejections.map((r) => [r.row, r.column, r.reason])).toEqual([[2, 'K', 'unknown-column']]);
  });

  it('reports unreadable cells (formulas) by column', () => {
    const s = sheet(header, ['06493', '', '', '2017', 'commune-2016', 'Đạt', '', '', '']);
    s.rows[0].cells[6] = { problem: 'a formula; enter the value itself' };
    expect(validateRows(s, directory, sets).rejections.map((r) => [r.column, r.reason])).toEqual([['TC2', 'unreadable-cell']]);
  });
});

describe('changes against what is stored', () => {
  it('lists only the cells that differ and leaves unchanged rows out', () => {
    const { rows } = validateRows(
      sheet(header, ['06493', '', '', '2017', 'commune-2016', 'Đạt', 'Chưa đạt', '', '≥ 55'], ['06001', '', '', '2017', 'commune-2016', 'Đạt', '', '', '']),
      directory,
      sets,
    );
    const stored = new Map([
      [
        '1|10|2017',
        {
          id: 100,
          synthetic: false,
          statuses: new Map([
            [1, ItemStatus.MET],
            [2, ItemStatus.MET],
          ]),
        },
      ],
      ['2|10|2017', { id: 101, synthetic: false, statuses: new Map([[1, ItemStatus.MET]]) }],
    ]);
    const plan = planChanges(rows, stored, new Map([['1|10|2017|17.1', [{ id: 7, value: '≥ 50' }]]]));
    expect(plan).toHaveLength(1);
    expect(plan[0].cells).toEqual([
      { column: 'TC2', before: 'Đạt', after: 'Chưa đạt' },
      { column: 'CT 17.1', before: '≥ 50', after: '≥ 55' },
    ]);
  });
});

describe('sheet reader', () => {
  it('reads XLSX and CSV to the same rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Đánh giá');
    ws.addRow(['Mã ĐVHC', 'Năm', 'Bộ tiêu chí', 'TC1', 'CT 17.1']);
    ws.addRow(['06493', 2017, 'commune-2016', 'Đạt', "'-5 %"]);
    ws.addRow([]);
    ws.addRow(['06001', 2017, 'commune-2016', { formula: '1+1', result: 2 }, '']);
    const xlsx = await readSheet('a.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const csv = await readSheet(
      'a.csv',
      Buffer.from("\uFEFFMã ĐVHC;Năm;Bộ tiêu chí;TC1;CT 17.1\r\n06493;2017;commune-2016;Đạt;'-5 %\r\n\r\n06001;2017;commune-2016;=1+1;\r\n"),
    );
    expect(xlsx.headers).toEqual(csv.headers);
    expect(xlsx.rows[0]).toEqual(csv.rows[0]);
    expect(xlsx.rows[0].cells[4]).toBe('-5 %');
    expect(xlsx.rows[1].rowNumber).toBe(4);
    expect(csv.rows[1].rowNumber).toBe(4);
    expect(xlsx.rows[1].cells[3]).toEqual({ problem: 'a formula; enter the value itself' });
  });

  it('refuses files that are not what they claim, too large, or too long, each with its code', async () => {
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => 'read',
        (e) => e.code,
      );
    expect(await codeOf(readSheet('a.xlsx', Buffer.from('Mã ĐVHC,Năm\n')))).toBe('UNSUPPORTED_FILE_TYPE');
    expect(await codeOf(readSheet('a.pdf', Buffer.from('%PDF')))).toBe('UNSUPPORTED_FILE_TYPE');
    expect(await codeOf(readSheet('a.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)])))).toBe('INVALID_FILE');
    expect(await codeOf(readSheet('a.csv', Buffer.from([0x4d, 0xe3, 0x20, 0xd0, 0x56])))).toBe('INVALID_FILE');
    expect(await codeOf(readSheet('a.csv', Buffer.from('a,"b\n1,2\n')))).toBe('INVALID_FILE');
    expect(await codeOf(readSheet('a.csv', Buffer.alloc(0)))).toBe('INVALID_FILE');
    const limits = { maxBytes: 50, maxRows: 2, maxUnzippedBytes: 1000 };
    expect(await codeOf(readSheet('a.csv', Buffer.from('x'.repeat(51)), limits))).toBe('FILE_TOO_LARGE');
    expect(await codeOf(readSheet('a.csv', Buffer.from('Năm\n1\n2\n3\n'), limits))).toBe('TOO_MANY_ROWS');
  });

  it('measures what an XLSX unpacks to before opening it', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('s');
    for (let i = 0; i < 2000; i++) ws.addRow(['0'.repeat(200)]);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await declaredUnzippedSize(data)).toBeGreaterThan(data.length * 5);
    const error = await readSheet('bomb.xlsx', data, { maxBytes: 10_000_000, maxRows: 10_000, maxUnzippedBytes: data.length * 2 }).catch((e) => e);
    expect(error.code).toBe('FILE_TOO_LARGE');
  });
});
