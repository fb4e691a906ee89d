import { searchKey, toNfc } from '../../api/src/text/vietnamese.ts';
import { currentCodeList, formerCodeList } from '../../api/src/modules/admin-units/code-lists.ts';
import type { SeedUnit } from './seed-files.ts';

/** A unit as the database keys it: a code within a code list. */
export interface UnitKey {
  codeList: typeof currentCodeList | typeof formerCodeList;
  code: string;
}

/** A commune a document names that has since been merged away: kept as a unit of the 2019 list. */
export interface HistoricalUnit {
  code: string;
  name: string;
  successorCode: string;
  /** Last day before the merger took effect (approximate: the round, not the resolution's date). */
  validTo: string;
  note: string;
}

const mergerRoundEnds: Record<string, string> = {
  // Lạng Sơn and Bắc Giang mergers of the 2019–2020 round took effect on 1 January 2020.
  '2019-2020': '2020-01-01',
  // The late mergers between the 11/2024 and 03/2025 lists.
  '2024-2025': '2025-01-01',
};

export function historicalUnits(units: SeedUnit[]): HistoricalUnit[] {
  return units
    .filter((u) => u.resolution === 'merged-into' && u.code2019)
    .map((u) => {
      const name = toNfc(u.asWritten);
      return {
        code: u.code2019!,
        name: name.charAt(0).toUpperCase() + name.slice(1),
        successorCode: u.code,
        validTo: mergerRoundEnds[u.mergedRound ?? '2019-2020'],
        note: u.note ?? '',
      };
    });
}

/**
 * Which unit a record of a document is about. Records carry the 2025 code of the successor; when
 * the document named a commune merged away since, the record belongs to that former commune.
 * Two former communes can share one successor (Hiệp Hạ and Minh Phát → Minh Hiệp): the name the
 * record was written under decides.
 */
export function recordUnit(record: { unitCode: string; code2019?: string; unitAsWritten?: string }, units: SeedUnit[]): UnitKey {
  if (record.code2019) return { codeList: formerCodeList, code: record.code2019 };
  const merged = units.filter((u) => u.resolution === 'merged-into' && u.code === record.unitCode && u.code2019);
  if (merged.length === 0) return { codeList: currentCodeList, code: record.unitCode };
  const stillCurrent = units.some((u) => u.resolution !== 'merged-into' && u.code === record.unitCode);
  if (merged.length === 1 && !stillCurrent) return { codeList: formerCodeList, code: merged[0].code2019! };
  const written = searchKey(record.unitAsWritten ?? '');
  const named = merged.find((u) => written.includes(searchKey(u.asWritten).replace(/^xa /, '')));
  if (named) return { codeList: formerCodeList, code: named.code2019! };
  if (stillCurrent) return { codeList: currentCodeList, code: record.unitCode };
  throw new Error(`Record for ${record.unitCode} ("${record.unitAsWritten ?? ''}") matches several merged communes`);
}
