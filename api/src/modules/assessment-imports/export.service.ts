import ExcelJS from 'exceljs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidInputError, NotFoundError } from '../../errors/domain-errors.ts';
import { AdminLevel, AdminUnit } from '../admin-units/admin-unit.entity.ts';
import { asOfForYear, codeListInForce } from '../admin-units/code-lists.ts';
import { ItemStatus } from '../assessments/assessment.entity.ts';
import { criterionHeader, fixedColumns, indicatorHeader, neutraliseFormula, statusWords } from './import-template.ts';
import { assessmentKey, indicatorKey, ImportRepository, type SetWithIds } from './import.repository.ts';
import type { SheetFormat } from './sheet-reader.ts';

export interface ExportRequest {
  unitCode: string;
  year: number;
  format: SheetFormat;
  /** Level of the rows: a province's or district's communes (default), or districts. */
  level?: AdminLevel;
  /** Criteria set code; default: the national standard set of the level valid in the year. */
  set?: string;
  /** Write generated demo assessments too; false leaves their rows blank (unknown), as if not assessed. */
  includeDemo: boolean;
}

export interface ExportedFile {
  fileName: string;
  contentType: string;
  body: Buffer;
  rows: number;
}

const contentTypes: Record<SheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** Writes the import template filled with what is stored, so that importing it back changes nothing. */
export class AssessmentExportService {
  constructor(private readonly em: EntityManager) {}

  async export(request: ExportRequest): Promise<ExportedFile> {
    const level = request.level ?? AdminLevel.COMMUNE;
    if (level !== AdminLevel.COMMUNE && level !== AdminLevel.DISTRICT) {
      throw new InvalidInputError('level must be commune or district', { field: 'level' });
    }
    if (!Number.isInteger(request.year) || request.year < 2000 || request.year > 2100) {
      throw new InvalidInputError('year must be a year such as 2017', { field: 'year' });
    }
    // The units in force on 31 December of the year: from 2025 the two-level list, which has no districts.
    const codeList = codeListInForce(asOfForYear(request.year));
    if (level === AdminLevel.DISTRICT && codeList !== codeListInForce('2025-03-01')) {
      throw new InvalidInputError(`No district is in force at the end of ${request.year}; export communes`, { field: 'level' });
    }
    const unit = await this.em.findOne(AdminUnit, { code: request.unitCode, codeList });
    if (!unit) throw new NotFoundError('Unit', `${request.unitCode} in force at the end of ${request.year}`);
    const repository = new ImportRepository(this.em);
    const set = chooseSet(await repository.knownSets(), level, request.year, request.set);

    const units = await repository.unitsForExport(unit.id, level, codeList);
    const ids = units.map((u) => u.id);
    const assessments = await repository.storedAssessments(ids, [request.year]);
    const indicators = await repository.storedIndicators(ids, [request.year]);
    const indicatorCodes = set.indicatorCodes.filter((code) => units.some((u) => indicators.has(indicatorKey(u.id, set.id, request.year, code))));

    const header = [
      fixedColumns.unitCode.header,
      fixedColumns.unitName.header,
      fixedColumns.district.header,
      fixedColumns.province.header,
      fixedColumns.year.header,
      fixedColumns.set.header,
      ...set.criterionNumbers.map(criterionHeader),
      ...indicatorCodes.map(indicatorHeader),
    ];
    const rows = units.map((u) => {
      const found = assessments.get(assessmentKey(u.id, set.id, request.year));
      const stored = found?.synthetic && !request.includeDemo ? undefined : found;
      return [
        u.code,
        u.name,
        u.districtName ?? '',
        u.provinceName ?? '',
        String(request.year),
        set.code,
        ...set.criterionNumbers.map((n) => statusWords[stored?.statuses.get(n) ?? ItemStatus.UNKNOWN]),
        ...indicatorCodes.map((code) => indicators.get(indicatorKey(u.id, set.id, request.year, code))?.[0]?.value ?? ''),
      ].map(neutraliseFormula);
    });
    const fileName = `ntm-${unit.code}-${request.year}-${set.code}${level === AdminLevel.DISTRICT ? '-districts' : ''}${request.includeDemo ? '' : '-documented'}.${request.format}`;
    const body = request.format === 'xlsx' ? await toXlsx(header, rows, set) : toCsv(header, rows);
    return { fileName, contentType: contentTypes[request.format], body, rows: rows.length };
  }
}

function chooseSet(sets: Map<string, SetWithIds>, level: string, year: number, code: string | undefined): SetWithIds {
  if (code) {
    const set = sets.get(code);
    if (!set) throw new InvalidInputError(`No criteria set "${code}"`, { field: 'set' });
    if (set.level !== level) throw new InvalidInputError(`${code} assesses ${set.level} units, not ${level} units`, { field: 'set' });
    return set;
  }
  const standard = [...sets.values()].find((s) => s.level === level && s.tier === 'standard' && !s.provinceCode && s.validFrom <= year && year <= s.validTo);
  if (!standard) throw new InvalidInputError(`No national standard ${level} criteria set is valid in ${year}; name one with set=`, { field: 'set' });
  return standard;
}

async function toXlsx(header: string[], rows: string[][], set: SetWithIds): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Đánh giá', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  // Codes and years stay text, so Excel keeps the leading zeros of GSO codes.
  sheet.columns.forEach((column, i) => {
    column.numFmt = '@';
    column.width = i === 1 ? 28 : i < 4 ? 18 : i < 6 ? 14 : 10;
  });
  const help = workbook.addWorksheet('Hướng dẫn');
  for (const line of [
    ['Một dòng cho mỗi đơn vị × năm. Only the first sheet is imported.'],
    [`TC1…TC${set.criteriaCount}`, 'Đạt / Chưa đạt / để trống (chưa rõ)'],
    ['CT x.y', 'Giá trị chỉ tiêu như ghi trong văn bản (≥ 55, 45 %, đạt); để trống = xoá giá trị'],
    ['Mã ĐVHC', 'Mã GSO (giữ số 0 đầu); hoặc để trống và ghi Tên đơn vị + Huyện (+ Tỉnh)'],
  ])
    help.addRow(line);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** RFC 4180 with a byte-order mark, so Excel opens the Vietnamese text as UTF-8. */
function toCsv(header: string[], rows: string[][]): Buffer {
  const field = (text: string) => (/[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [header, ...rows].map((row) => row.map(field).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
