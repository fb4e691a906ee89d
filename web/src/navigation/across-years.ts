/**
 * A selected unit kept across a change of year, by (code, date) and never by code alone: codes were
 * re-used by the 2025 reform (06475 was Xã Gia Lộc, is Xã Bằng Mạc since 01/07/2025), so a unit
 * not in force on the new date is followed through its lineage to the unit that is. Pure.
 */

/** One end of a lineage link, as the API's UnitLink gives it. */
export interface LineageLink {
  part: 'FULL' | 'PARTIAL';
  /** Share of the predecessor's area in the successor (partial parts); null when unknown. */
  areaShare: number | null;
  effectiveDate: string;
  unit: { code: string; name: string };
}

/** The selected unit as it was on the date it was chosen, with its validity and lineage. */
export interface DatedUnit {
  code: string;
  name: string;
  /** First day in force (ISO date); null when it has always been. */
  validFrom: string | null;
  /** First day no longer in force; null when still in force. */
  validTo: string | null;
  predecessors: LineageLink[];
  successors: LineageLink[];
}

export type Carried =
  /** Still in force on the new date: the same unit. */
  | { kind: 'same'; code: string }
  /** Replaced: the successor (after the reform) or predecessor (before it) to go to, and the others. */
  | { kind: 'successor' | 'predecessor'; code: string; from: string; to: string; others: string[]; date: string }
  /** Not in force on the new date and no lineage recorded: nothing to select. */
  | { kind: 'none'; from: string };

/** A link's weight: 1 for a full part, the area share for a partial one (0 when unknown). */
export function linkWeight(link: Pick<LineageLink, 'part' | 'areaShare'>): number {
  return link.part === 'FULL' ? 1 : (link.areaShare ?? 0);
}

/** Whether a unit is in force on a date: validFrom ≤ date < validTo (the API's rule). */
export function inForce(unit: Pick<DatedUnit, 'validFrom' | 'validTo'>, date: string): boolean {
  return (unit.validFrom === null || unit.validFrom <= date) && (unit.validTo === null || date < unit.validTo);
}

/**
 * Where a unit selected on one date goes on another: itself while in force; else the successor
 * (later date) or predecessor (earlier date) with the greatest share of it, naming the others.
 */
export function carryAcross(unit: DatedUnit, toDate: string): Carried {
  if (inForce(unit, toDate)) return { kind: 'same', code: unit.code };
  const later = unit.validTo !== null && toDate >= unit.validTo;
  const links = [...(later ? unit.successors : unit.predecessors)].sort((a, b) => linkWeight(b) - linkWeight(a) || a.unit.code.localeCompare(b.unit.code));
  const [best, ...rest] = links;
  if (!best) return { kind: 'none', from: unit.name };
  return {
    kind: later ? 'successor' : 'predecessor',
    code: best.unit.code,
    from: unit.name,
    to: best.unit.name,
    others: rest.map((link) => link.unit.name),
    date: best.effectiveDate,
  };
}
