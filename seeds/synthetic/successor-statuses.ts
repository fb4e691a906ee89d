/**
 * Demo statuses for the communes of the 2025 reform (code list gso-2025-07), derived from their
 * predecessors' last facts. Pure and seeded: the same input gives the same output on every install.
 *
 * The rule, in the order it is applied:
 * 1. Only predecessors with a last status count; without any, no demo status (nothing to be consistent with).
 * 2. Weights: each predecessor's share of the new commune's area; where no share is known, the
 *    predecessors without one split the rest equally (said in `basis`).
 * 3. Target set = the predecessors' set (e.g. 2025 on the 2021–2025 set): criterion n is met when
 *    predecessors weighing at least half met it; exactly half is decided by the seeded draw.
 * 4. Another set (e.g. 2026 on the 10-criterion set of Decision 51/2025): no source maps the 19 old
 *    criteria onto the 10 new ones, so only the share carries over: round(weighted share met ×
 *    criteria of the new set) criteria, which ones drawn by the seed. All met stays all met; none stays none.
 * 5. A recognition is never produced: a recognised predecessor (its decision named in `basis`) is
 *    not a decision about the new commune. Every output is marked synthetic.
 */
import { rngFor } from './generate-statuses.ts';

/** The code list of the communes this generator serves: the units in force from 2025-07-01. */
export const successorCodeList = 'gso-2025-07';

export interface PredecessorFacts {
  codeList: string;
  code: string;
  /** Share of the new commune's area that came from this predecessor (0–1); null when unknown. */
  share: number | null;
  /** The predecessor's last status (documented or demo), or null when it has none. */
  last: { year: number; setCode: string; criteriaCount: number; met: number[]; synthetic: boolean } | null;
  /** Its highest recognition by a decision, if any: context only, never carried over. */
  recognition: { tier: string; year: number; decision: string | null; synthetic: boolean } | null;
}

export interface TargetSet {
  code: string;
  criteriaCount: number;
  validFrom: number;
  validTo: number;
}

export interface SuccessorInput {
  seed: number;
  unit: { codeList: string; code: string };
  year: number;
  set: TargetSet;
  predecessors: PredecessorFacts[];
}

export interface SuccessorDemoStatus {
  codeList: typeof successorCodeList;
  code: string;
  year: number;
  setCode: string;
  met: number[];
  notMet: number[];
  synthetic: true;
  /** Always null: demo data never invents a decision. */
  recognition: null;
  /** How the status was derived, in words, for the record's note. */
  basis: string;
}

/** The demo status of a new commune in a year, or null when no predecessor has a status. Pure. */
export function successorDemoStatus(input: SuccessorInput): SuccessorDemoStatus | null {
  const { unit, year, set } = input;
  if (unit.codeList !== successorCodeList) throw new RangeError(`${unit.codeList}:${unit.code} is not a unit of ${successorCodeList}`);
  if (year < set.validFrom || year > set.validTo) throw new RangeError(`${set.code} is valid ${set.validFrom}–${set.validTo}, not in ${year}`);
  for (const p of input.predecessors) {
    if (p.share !== null && !(p.share > 0 && p.share <= 1)) throw new RangeError(`share of ${p.codeList}:${p.code} must be in (0, 1], not ${p.share}`);
    if (p.last && p.last.year > year) throw new RangeError(`${p.codeList}:${p.code} has a status of ${p.last.year}, after ${year}`);
  }
  const known = input.predecessors.filter((p): p is PredecessorFacts & { last: NonNullable<PredecessorFacts['last']> } => p.last !== null);
  if (known.length === 0) return null;

  const weights = weightsOf(input.predecessors);
  const total = known.reduce((sum, p) => sum + weights.get(p)!, 0);
  const weight = (p: PredecessorFacts) => weights.get(p)! / total;
  const rng = rngFor(input.seed, `${unit.codeList}:${unit.code}`, `successor|${year}|${set.code}`);
  const all = Array.from({ length: set.criteriaCount }, (_, i) => i + 1);

  let met: number[];
  let rule: string;
  if (known.every((p) => p.last.setCode === set.code)) {
    met = all.filter((n) => {
      const share = known.reduce((sum, p) => sum + (p.last.met.includes(n) ? weight(p) : 0), 0);
      const epsilon = 1e-9;
      return share > 0.5 + epsilon || (Math.abs(share - 0.5) <= epsilon && rng() < 0.5);
    });
    rule = 'criteria met by predecessors weighing at least half';
  } else {
    const share = known.reduce((sum, p) => sum + weight(p) * (p.last.met.length / p.last.criteriaCount), 0);
    const count = Math.round(share * set.criteriaCount);
    met = drawn(all, count, rng);
    rule = `share of criteria met carried over (${Math.round(share * 100)} %), criteria drawn: no source maps the predecessors' sets onto ${set.code}`;
  }
  const facts = known.map((p) => {
    const decided = p.recognition
      ? `, recognised ${p.recognition.tier} ${p.recognition.year}${p.recognition.decision ? ` (${p.recognition.decision})` : ''}`
      : '';
    return `${p.code}: ${p.last.met.length}/${p.last.criteriaCount} ${p.last.setCode} ${p.last.year}${p.last.synthetic ? ' demo' : ''}${decided}`;
  });
  const unknownShare = input.predecessors.some((p) => p.share === null) ? '; area shares unknown, split equally' : '';
  return {
    codeList: successorCodeList,
    code: unit.code,
    year,
    setCode: set.code,
    met,
    notMet: all.filter((n) => !met.includes(n)),
    synthetic: true,
    recognition: null,
    basis: `Demo, from predecessors ${facts.join('; ')} — ${rule}${unknownShare}. No decision about this commune is implied.`,
  };
}

/** Known shares as given; the rest of the area split equally among those without one. */
function weightsOf(predecessors: PredecessorFacts[]): Map<PredecessorFacts, number> {
  const knownTotal = predecessors.reduce((sum, p) => sum + (p.share ?? 0), 0);
  const unknown = predecessors.filter((p) => p.share === null);
  const rest = unknown.length ? Math.max(1 - knownTotal, 0) / unknown.length : 0;
  // Predecessors whose shares leave nothing for the others still count a little, rather than vanish.
  const fallback = rest > 0 ? rest : 1 / predecessors.length;
  return new Map(predecessors.map((p) => [p, p.share ?? fallback]));
}

/** `count` of the items, chosen by the draw, ascending. */
function drawn(items: number[], count: number, rng: () => number): number[] {
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count).sort((a, b) => a - b);
}
