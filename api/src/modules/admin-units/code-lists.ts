/**
 * The GSO code lists the atlas holds, and the time rule that picks one: a code identifies a unit
 * only together with a date (codes were re-used by the 2025 reform: 15 was Yên Bái, is Lào Cai).
 */

/** The GSO list of 01/03/2025, the last before the reform (63 provinces, 696 districts, 10,047 communes). */
export const preReformCodeList = 'gso-2025-03' as const;
/** The two-level list in force from 01/07/2025 (34 provinces, 3,321 communes, no districts). */
export const twoLevelCodeList = 'gso-2025-07' as const;
/** Communes named by documents but merged away before 2025 are kept on the 2019 list. */
export const formerCodeList = 'gso-2019' as const;

/**
 * Villages (thôn, bản) named by the source documents: no GSO list codes them, so the atlas keys them
 * by their commune's code of the 01/03/2025 list and their name ("07345-hoang-van").
 */
export const villageCodeList = 'seeds-villages' as const;

/** A village's code: its commune's code and its folded name without the type word. Pure. */
export function villageCode(communeCode: string, name: string): string {
  const folded = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/^(thon|ban|lang|xom|to dan pho)\s+/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${communeCode}-${folded}`;
}

/**
 * @deprecated The 01/03/2025 list is no longer the one in force: use {@link codeListInForce} for "the
 * units in force", or {@link preReformCodeList} for the list seeds of 2019–2024 are keyed to.
 */
export const currentCodeList = preReformCodeList;

/** First day of the two-level list; the 01/03/2025 list closes that day (valid_to is exclusive). */
export const twoLevelReformDate = '2025-07-01';

export type InForceCodeList = typeof preReformCodeList | typeof twoLevelCodeList;

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. Pure. */
export function isIsoDate(value: string): boolean {
  const m = isoDate.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/**
 * The code list in force on a date (ISO YYYY-MM-DD): the 01/03/2025 list before 01/07/2025 (it
 * stands for every earlier year too: the atlas keys 2019–2024 records to it), the two-level list
 * from that day on. Pure.
 */
export function codeListInForce(date: string): InForceCodeList {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
  return date < twoLevelReformDate ? preReformCodeList : twoLevelCodeList;
}

/** The time rule: a year means 31 December of that year. Pure. */
export function asOfForYear(year: number): string {
  return `${String(year).padStart(4, '0')}-12-31`;
}

/** Today's date (UTC), what no date means. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
