import { searchKey, toNfc } from '../../api/src/text/vietnamese.ts';
import { currentCodeList, formerCodeList } from '../../api/src/modules/admin-units/code-lists.ts';
import { recordUnit, type UnitKey } from './resolve-units.ts';
import type { SeedDocumentFile } from './seed-files.ts';

export interface DocumentAlias {
  unit: UnitKey;
  /** The spelling as the document writes it, without the type word or a trailing remark in brackets. */
  name: string;
  ref?: string;
}

const typeWord = /^(xã|phường|thị trấn|thị xã|huyện|tỉnh|thành phố|thôn|bản)\s+/i;

/** "Xã Hoàng Văn Thủ - Bình Gia (năm 2016 chuyển sang)" → "Hoàng Văn Thủ - Bình Gia". Pure. */
export function spelledName(asWritten: string): string {
  return toNfc(asWritten)
    .replace(/\s*\([^)]*\)?\s*$/, '')
    .trim()
    .replace(typeWord, '')
    .trim();
}

/**
 * Every spelling a document uses for a unit that differs from the code list's name (after folding
 * diacritics and case): the unit records' own spellings, their mentions, and the names the facts were
 * written under. A former commune is named by the document itself, so it has none. Pure.
 */
export function documentAliases(doc: SeedDocumentFile): DocumentAlias[] {
  const found = new Map<string, DocumentAlias>();
  const official = new Map<string, string>();
  for (const u of doc.units) {
    if (u.resolution !== 'merged-into' || !u.code2019) {
      const name = (u as { gsoName2025_03?: string }).gsoName2025_03;
      if (name) official.set(`${currentCodeList}:${u.code}`, searchKey(spelledName(name)));
    }
  }
  const add = (unit: UnitKey, asWritten: string | undefined | null, ref: string | undefined) => {
    if (!asWritten || unit.codeList === formerCodeList) return;
    const name = spelledName(asWritten);
    const officialKey = official.get(`${unit.codeList}:${unit.code}`);
    if (!name || officialKey === undefined || searchKey(name) === officialKey) return;
    const key = `${unit.codeList}:${unit.code}|${name}`;
    if (!found.has(key)) found.set(key, { unit, name, ref });
  };
  for (const u of doc.units) {
    const unit = u.resolution === 'merged-into' && u.code2019 ? { codeList: formerCodeList, code: u.code2019 } : { codeList: currentCodeList, code: u.code };
    const source = (u as { source?: { ref?: string } }).source;
    add(unit as UnitKey, u.asWritten, source?.ref);
    for (const m of (u as { mentions?: { ref?: string; asWritten?: string }[] | null }).mentions ?? []) add(unit as UnitKey, m.asWritten, m.ref);
  }
  const records = [...(doc.assessments ?? []), ...(doc.recognitions ?? []), ...(doc.targets ?? [])];
  for (const r of records) {
    if (!r.unitAsWritten) continue;
    add(recordUnit(r, doc.units), r.unitAsWritten, r.source.ref);
  }
  return [...found.values()];
}
