/**
 * Synthetic NTM commune statuses for the communes and years the seed documents do not cover.
 *
 * Pure and deterministic: no I/O, no clock, no Math.random. Every commune draws its randomness from
 * (seed, commune code), so adding a commune never reshuffles the others; inputs are sorted first, so
 * their array order does not matter.
 *
 * How it works:
 * 1. Each commune gets a random baseline trajectory (criteria met per year) and a criteria priority order
 *    (planning, electricity, defence early; transport, culture, income, production, environment late).
 * 2. A per-commune trellis search (Viterbi over year × state, state = count met + recognised flag) finds
 *    the cheapest trajectory that passes through the documented counts. Rules are costs in strict tiers
 *    (see COST), so a lower tier never outweighs a higher one: documented values and solver pins are
 *    absolute; then recognition/monotonicity rules; documented recognitions; the growth cap; reported
 *    constraints; target hints; closeness to the baseline.
 * 3. Reported constraints are solved per (year, unit), districts first, then the most detailed years: a small
 *    min-cost flow assigns communes to bands / recognised state, a greedy pass then reaches the criteria
 *    total, and what was counted (band, recognised state, or the exact count for totals) is pinned for the
 *    later searches. Figures that cannot all hold are scaled to the communes present and reported as unmet.
 * 4. The counts are turned into nested criteria lists that respect the documented lists (subset before,
 *    superset after) and prefer planned criteria.
 */
import { communeBands, type CommuneBand } from '../../api/src/modules/status/band.ts';

export interface CriteriaSetSpec {
  code: string;
  criteriaCount: number;
  validFrom: number;
  validTo: number;
}
export interface CommuneInput {
  code: string;
  districtCode: string;
  provinceCode: string;
}
/** A documented assessment: fixed, never changed, and constrains neighbouring synthetic years. */
export interface DocumentedAssessment {
  unitCode: string;
  year: number;
  kind: 'actual' | 'target';
  setCode: string;
  met: number[];
}
/** A documented recognition (tier reached in `year`, or known to hold at `year` when `heldBy` is true). */
export interface DocumentedRecognition {
  unitCode: string;
  year: number;
  tier: 'standard' | 'advanced' | 'model';
  heldBy?: boolean;
}
/** A figure a document reports for a province or district, to reproduce where possible. */
export interface ReportedConstraint {
  unitCode: string; // province (2 digits) or district (3 digits)
  year: number;
  kind: 'actual' | 'target';
  setCode: string;
  metric: 'communes_in_band' | 'communes_meeting_standard' | 'total_criteria' | 'avg_criteria';
  band?: CommuneBand;
  value: number;
}
export interface SyntheticInput {
  seed: number;
  years: number[];
  sets: CriteriaSetSpec[];
  communes: CommuneInput[];
  documented: DocumentedAssessment[];
  recognitions: DocumentedRecognition[];
  constraints: ReportedConstraint[];
}
export interface SyntheticAssessment {
  unitCode: string;
  year: number;
  setCode: string;
  met: number[];
}
export interface SyntheticRecognition {
  unitCode: string;
  year: number;
  tier: 'standard';
}
export interface SyntheticResult {
  assessments: SyntheticAssessment[];
  recognitions: SyntheticRecognition[];
  /** Constraints that could not be met exactly, with the reason. */
  unmet: { constraint: ReportedConstraint; achieved: number; reason: string }[];
}

// ---------------------------------------------------------------------------------------------------
// Constants

const METRICS: readonly ReportedConstraint['metric'][] = ['communes_in_band', 'communes_meeting_standard', 'total_criteria', 'avg_criteria'];

/**
 * Cost tiers of the trajectory search. Each tier is far above everything the tiers below can add up to
 * for one commune, so e.g. the search never breaks the growth cap to satisfy a reported figure.
 */
const COST = {
  baseline: 1, // per criterion away from the random baseline
  hint: 1e4, // per planned criterion short of "most of the plan"
  constraint: 1e6, // per commune / criterion a reported figure is missed by
  growth: 1e8, // per criterion beyond 3 a year, or beyond a 0–4 loss at a set change
  docRecognition: 1e10, // a documented recognition not honoured (only when documents contradict)
  rule: 1e11, // monotonicity and recognition rules (only broken when documents contradict)
} as const;

const MAX_GROWTH_PER_YEAR = 3;
const MAX_SET_CHANGE_LOSS = 4;
/** Criteria met early (planning, electricity, defence) and late (transport, culture, income, production, environment). */
const EARLY_CRITERIA = new Set([1, 4, 19]);
const LATE_CRITERIA = new Set([2, 6, 10, 13, 17]);

// ---------------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: small, fast, good enough for demo data. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the text, seeded, with a murmur-style finaliser so similar codes diverge. */
function hash32(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ (Math.trunc(seed) >>> 0)) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Independent stream per (seed, commune, purpose): one commune's draws never shift another's. */
export function rngFor(seed: number, code: string, purpose: string): () => number {
  return mulberry32(hash32(`${code}|${purpose}`, seed));
}

function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

// ---------------------------------------------------------------------------------------------------
// Years and criteria sets

/** One generated year with the criteria set valid in it; `segment` changes when the set does. */
interface Slot {
  year: number;
  set: CriteriaSetSpec;
  n: number;
  segment: number;
  gap: number;
}

function buildSlots(years: number[], sets: CriteriaSetSpec[]): Slot[] {
  const sortedSets = [...sets].sort((a, b) => a.validFrom - b.validFrom || cmp(a.code, b.code));
  const slots: Slot[] = [];
  for (const year of [...new Set(years)].sort((a, b) => a - b)) {
    const set = sortedSets.find((s) => s.validFrom <= year && year <= s.validTo);
    if (!set) continue;
    const prev = slots[slots.length - 1];
    const segment = !prev ? 0 : prev.set.code === set.code ? prev.segment : prev.segment + 1;
    slots.push({ year, set, n: set.criteriaCount, segment, gap: prev ? year - prev.year : 1 });
  }
  return slots;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Trellis state s: 0..n = that many criteria met, not recognised; n+1 = all met and recognised. */
function countOf(slot: Slot, s: number): number {
  return Math.min(s, slot.n);
}
function recOf(slot: Slot, s: number): 0 | 1 {
  return s === slot.n + 1 ? 1 : 0;
}

function bandIndex(count: number, n: number): number {
  if (count >= n) return 4;
  return count < 5 ? 0 : count < 10 ? 1 : count < 15 ? 2 : 3;
}

// ---------------------------------------------------------------------------------------------------
// Per-commune plan: documented anchors, hints, baseline

interface Plan {
  commune: CommuneInput;
  docCount: (number | null)[];
  docSet: (number[] | null)[];
  /** Max count allowed before the next documented year of the segment (its valid criteria: subset rule). */
  docCeil: (number | null)[];
  hint: (number[] | null)[];
  hintAdd: number[];
  recFixed: (0 | 1 | null)[];
  documentedRecognition: boolean;
  base: number[];
  baseRec: number[];
  rank: Map<number, number>;
  /** States still allowed in each slot once a reported figure for that year has been solved. */
  pins: (Set<number> | null)[];
}

interface DocIndex {
  assessments: Map<string, DocumentedAssessment[]>;
  recognitions: Map<string, DocumentedRecognition[]>;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function validCriteria(met: number[], n: number): number[] {
  return [...new Set(met.filter((c) => Number.isInteger(c) && c >= 1 && c <= n))].sort((a, b) => a - b);
}

function buildPlan(commune: CommuneInput, slots: Slot[], index: DocIndex, seed: number): Plan {
  const docs = index.assessments.get(commune.code) ?? [];
  const recs = index.recognitions.get(commune.code) ?? [];
  const anchors = documentedAnchors(docs, slots);
  const hints = targetHints(docs, slots, anchors.docSet);
  const { base, baseRec } = baseline(rngFor(seed, commune.code, 'baseline'), slots, anchors.docCount);
  return {
    commune,
    ...anchors,
    docCeil: documentedCeilings(anchors.docSet, slots),
    ...hints,
    recFixed: slots.map((slot) => recognitionAt(recs, slot.year)),
    documentedRecognition: recs.length > 0,
    base,
    baseRec,
    rank: criteriaRank(rngFor(seed, commune.code, 'criteria'), Math.max(19, ...slots.map((s) => s.n))),
    pins: slots.map(() => null),
  };
}

/**
 * Documented actual counts and criteria per slot. When records for one (unit, year, set) disagree, the
 * union of their valid criteria is kept (so later years are supersets of all of them) and the count is
 * the larger of the union and the printed lists (a printed "29" still counts as a criterion met).
 */
function documentedAnchors(docs: DocumentedAssessment[], slots: Slot[]) {
  const docCount: (number | null)[] = [];
  const docSet: (number[] | null)[] = [];
  for (const slot of slots) {
    const records = docs.filter((d) => d.kind === 'actual' && d.year === slot.year && d.setCode === slot.set.code);
    if (records.length === 0) {
      docCount.push(null);
      docSet.push(null);
      continue;
    }
    const union = validCriteria(
      records.flatMap((r) => r.met),
      slot.n,
    );
    const printed = Math.max(...records.map((r) => new Set(r.met).size));
    docCount.push(Math.min(slot.n, Math.max(union.length, printed)));
    docSet.push(union);
  }
  return { docCount, docSet };
}

function documentedCeilings(docSet: (number[] | null)[], slots: Slot[]): (number | null)[] {
  const ceil: (number | null)[] = slots.map(() => null);
  let next: number[] | null = null;
  for (let t = slots.length - 1; t >= 0; t--) {
    if (t < slots.length - 1 && slots[t + 1]!.segment !== slots[t]!.segment) next = null;
    if (docSet[t]) next = docSet[t]!;
    else if (next) ceil[t] = next.length;
  }
  return ceil;
}

/**
 * Target (planned) criteria per slot. `hintAdd` is how many of them are not yet documented as met earlier
 * in the same set: the growth the plan asks for in that year.
 */
function targetHints(docs: DocumentedAssessment[], slots: Slot[], docSet: (number[] | null)[]) {
  const hint: (number[] | null)[] = [];
  const hintAdd: number[] = [];
  slots.forEach((slot, t) => {
    const planned = validCriteria(
      docs.filter((d) => d.kind === 'target' && d.year === slot.year && d.setCode === slot.set.code).flatMap((d) => d.met),
      slot.n,
    );
    if (planned.length === 0 || docSet[t]) {
      hint.push(null);
      hintAdd.push(0);
      return;
    }
    const metBefore = new Set<number>();
    for (let p = 0; p < t; p++) if (slots[p]!.segment === slot.segment) for (const c of docSet[p] ?? []) metBefore.add(c);
    hint.push(planned);
    hintAdd.push(planned.filter((c) => !metBefore.has(c)).length);
  });
  return { hint, hintAdd };
}

/**
 * Recognised state forced by documented recognitions in `year`: 1 from the recognition year on; 0 before a
 * standard recognition reached that year; free before a recognition only known to hold (heldBy, or a higher
 * tier, whose standard recognition date is unknown).
 */
function recognitionAt(recs: DocumentedRecognition[], year: number): 0 | 1 | null {
  if (recs.some((r) => r.year <= year)) return 1;
  if (recs.some((r) => r.tier === 'standard' && !r.heldBy && r.year > year)) return 0;
  return null;
}

/**
 * Random plausible path: a 2016-like start, +0–3 a year, −0–4 at a set change, recognition the same year or
 * the next. It restarts from each documented count, so a documented commune's preferences stay near its facts.
 */
function baseline(rng: () => number, slots: Slot[], docCount: (number | null)[]): { base: number[]; baseRec: number[] } {
  const base: number[] = [];
  const baseRec: number[] = [];
  let count = 0;
  let recAt = -1;
  slots.forEach((slot, t) => {
    if (t === 0) count = rng() < 0.1 ? slot.n : 2 + Math.floor(rng() * 7) + Math.floor(rng() * 7);
    else if (slot.segment === slots[t - 1]!.segment) {
      for (let y = 0; y < slot.gap; y++) count += pick(rng, [0, 1, 1, 2, 2, 3]);
    } else count -= pick(rng, [0, 1, 1, 2, 2, 3, 4]);
    const doc = docCount[t];
    if (doc != null) [count, recAt] = [doc, doc < slot.n ? -1 : recAt];
    count = Math.max(0, Math.min(slot.n, count));
    if (count === slot.n && recAt < 0) recAt = t === 0 || rng() < 0.6 ? t : t + 1;
    if (recAt >= 0 && t >= recAt) count = slot.n;
    base.push(count);
    baseRec.push(recAt >= 0 && t >= recAt ? 1 : 0);
  });
  return { base, baseRec };
}

/** Weighted random priority: early criteria tend to rank first, late ones last, with overlap. */
function criteriaRank(rng: () => number, maxCriterion: number): Map<number, number> {
  const scored = Array.from({ length: maxCriterion }, (_, i) => {
    const c = i + 1;
    const tier = EARLY_CRITERIA.has(c) ? 0 : LATE_CRITERIA.has(c) ? 2 : 1;
    return { c, score: tier + rng() * 1.6 };
  });
  scored.sort((a, b) => a.score - b.score || a.c - b.c);
  return new Map(scored.map((s, i) => [s.c, i]));
}

// ---------------------------------------------------------------------------------------------------
// Trellis search

function unaryCost(plan: Plan, slot: Slot, t: number, s: number): number {
  const pin = plan.pins[t];
  if (pin !== null && !pin.has(s)) return Infinity;
  const count = countOf(slot, s);
  const rec = recOf(slot, s);
  const doc = plan.docCount[t];
  if (doc !== null && count !== doc) return Infinity;
  let cost = Math.abs(count - plan.base[t]!) * COST.baseline + (rec !== plan.baseRec[t] ? COST.baseline : 0);
  const fixed = plan.recFixed[t];
  if (fixed !== null && fixed !== rec) cost += COST.docRecognition;
  const ceil = plan.docCeil[t];
  if (ceil != null && count > ceil) cost += COST.rule * (count - ceil);
  return cost;
}

function transitionCost(plan: Plan, prev: Slot, cur: Slot, t: number, sp: number, s: number): number {
  const cp = countOf(prev, sp);
  const rp = recOf(prev, sp);
  const c = countOf(cur, s);
  const r = recOf(cur, s);
  let cost = 0;
  if (rp === 1 && r === 0) cost += COST.rule; // recognition is kept
  if (rp === 0 && cp === prev.n && r === 0) cost += COST.rule; // all met: recognised the same year or the next
  if (prev.segment !== cur.segment) return cost + setChangeCost(cp, c, rp, r, cur.gap);
  if (c < cp) return cost + COST.rule * (cp - c); // a met criterion stays met within a set
  const cap = Math.max(MAX_GROWTH_PER_YEAR * cur.gap, plan.hintAdd[t]!);
  if (c - cp > cap) cost += COST.growth * (c - cp - cap);
  const hintFloor = Math.min(cur.n, cp + Math.ceil(plan.hintAdd[t]! / 2)); // "most of the plan"
  if (c < hintFloor) cost += COST.hint * (hintFloor - c);
  return cost;
}

/** Re-assessed under a stricter set: lose 0–4 criteria (gain nothing), unless recognised (keep all). */
function setChangeCost(cp: number, c: number, rp: 0 | 1, r: 0 | 1, gap: number): number {
  if (rp === 1 && r === 1) return 0;
  const maxGain = MAX_GROWTH_PER_YEAR * (gap - 1);
  const loss = cp - c;
  if (loss > MAX_SET_CHANGE_LOSS) return COST.growth * (loss - MAX_SET_CHANGE_LOSS);
  if (-loss > maxGain) return COST.growth * (-loss - maxGain);
  return 0;
}

interface Trellis {
  fwd: number[][];
  bwd: number[][];
  back: number[][];
}

function runTrellis(plan: Plan, slots: Slot[]): Trellis {
  const fwd: number[][] = [];
  const back: number[][] = [];
  slots.forEach((slot, t) => {
    const row: number[] = [];
    const arg: number[] = [];
    for (let s = 0; s < slot.n + 2; s++) {
      const unary = unaryCost(plan, slot, t, s);
      let best = t === 0 ? 0 : Infinity;
      let bestArg = -1;
      if (t > 0 && unary < Infinity) {
        fwd[t - 1]!.forEach((f, sp) => {
          const v = f + transitionCost(plan, slots[t - 1]!, slot, t, sp, s);
          if (v < best) [best, bestArg] = [v, sp];
        });
      }
      row.push(unary + best);
      arg.push(bestArg);
    }
    fwd.push(row);
    back.push(arg);
  });
  return { fwd, bwd: backwardCosts(plan, slots), back };
}

/** bwd[t][s]: cheapest cost of the years after t, given state s at t. */
function backwardCosts(plan: Plan, slots: Slot[]): number[][] {
  const bwd: number[][] = slots.map(() => []);
  for (let t = slots.length - 1; t >= 0; t--) {
    const slot = slots[t]!;
    for (let s = 0; s < slot.n + 2; s++) {
      if (t === slots.length - 1) {
        bwd[t]!.push(0);
        continue;
      }
      const next = slots[t + 1]!;
      let best = Infinity;
      for (let s2 = 0; s2 < next.n + 2; s2++) {
        const unary = unaryCost(plan, next, t + 1, s2);
        if (unary === Infinity) continue;
        best = Math.min(best, transitionCost(plan, slot, next, t + 1, s, s2) + unary + bwd[t + 1]![s2]!);
      }
      bwd[t]!.push(best);
    }
  }
  return bwd;
}

/** Cheapest whole-trajectory cost for each state of slot t. */
function optionCosts(plan: Plan, slots: Slot[], t: number): number[] {
  const { fwd, bwd } = runTrellis(plan, slots);
  return fwd[t]!.map((f, s) => f + bwd[t]![s]!);
}

function bestPath(plan: Plan, slots: Slot[]): number[] {
  if (slots.length === 0) return [];
  const { fwd, back } = runTrellis(plan, slots);
  const last = fwd[fwd.length - 1]!;
  let s = argmin(last);
  const path: number[] = [];
  for (let t = slots.length - 1; t >= 0; t--) {
    path.unshift(s);
    s = back[t]![s]!;
  }
  return path;
}

/** Index of the smallest value; the lowest index wins ties (determinism). */
function argmin(values: number[]): number {
  let best = 0;
  values.forEach((v, i) => {
    if (v < values[best]!) best = i;
  });
  return best;
}

// ---------------------------------------------------------------------------------------------------
// Constraints: preparation

/** The constraints of one (year, unit), reduced to the quotas the solver aims at. */
interface GroupJob {
  unitCode: string;
  t: number;
  members: number[];
  bandQuota: (number | null)[];
  recQuota: number | null;
  totalTarget: number | null;
}

interface Prepared {
  jobs: GroupJob[];
  /** Known reasons a constraint may be missed (contradiction, scaling, not applicable). */
  notes: Map<ReportedConstraint, string>;
  /** Value each applicable constraint was solved for, after scaling. */
  solvedFor: Map<ReportedConstraint, number>;
}

function constraintKey(c: ReportedConstraint): string {
  return [c.year, c.unitCode.length === 3 ? 0 : 1, c.unitCode, c.kind, c.metric, c.band ?? '', c.setCode].join('|');
}

function sortConstraints(constraints: ReportedConstraint[]): ReportedConstraint[] {
  return [...constraints].sort((a, b) => cmp(constraintKey(a), constraintKey(b)) || a.value - b.value);
}

function membersOf(unitCode: string, plans: Plan[]): number[] {
  const out: number[] = [];
  plans.forEach((p, i) => {
    if (p.commune.provinceCode === unitCode || p.commune.districtCode === unitCode) out.push(i);
  });
  return out;
}

/** Why a constraint cannot be applied at all, or null. */
function inapplicable(c: ReportedConstraint, slots: Slot[], members: number[]): string | null {
  const slot = slots.find((s) => s.year === c.year);
  if (!slot) return `year ${c.year} is not among the generated years`;
  if (slot.set.code !== c.setCode) return `figure is under ${c.setCode} but ${c.year} is generated under ${slot.set.code}`;
  if (members.length === 0) return `no communes of unit ${c.unitCode} in the commune list`;
  if (!METRICS.includes(c.metric)) return `unsupported metric ${String(c.metric)}`;
  if (c.metric === 'communes_in_band' && !communeBands.includes(c.band as CommuneBand)) return `unknown band ${String(c.band)}`;
  return null;
}

function prepareConstraints(constraints: ReportedConstraint[], slots: Slot[], plans: Plan[]): Prepared {
  const prepared: Prepared = { jobs: [], notes: new Map(), solvedFor: new Map() };
  const groups = groupBy(sortConstraints(constraints), (c) => `${c.year}|${c.unitCode}`);
  for (const group of groups.values()) {
    const members = membersOf(group[0]!.unitCode, plans);
    const applicable = group.filter((c) => {
      const why = inapplicable(c, slots, members);
      if (why) prepared.notes.set(c, why);
      return !why;
    });
    if (applicable.length === 0) continue;
    const t = slots.findIndex((s) => s.year === applicable[0]!.year);
    prepared.jobs.push(buildJob(applicable, t, members, prepared));
  }
  prepared.jobs.sort(jobOrder);
  return prepared;
}

/**
 * Solving order. Districts before provinces (a province is then fitted around its districts' pins). Then the
 * most detailed figure sets first, while the neighbouring years are still free: solving a sparse year first
 * (e.g. Lạng Sơn 2016: only the <5 band) would leave a state the detailed year after cannot grow from.
 */
function jobOrder(a: GroupJob, b: GroupJob): number {
  const richness = (j: GroupJob) => j.bandQuota.filter((q) => q !== null).length + (j.recQuota === null ? 0 : 1) + (j.totalTarget === null ? 0 : 1);
  return b.unitCode.length - a.unitCode.length || richness(b) - richness(a) || a.t - b.t || cmp(a.unitCode, b.unitCode);
}

/** One figure per metric (and band): the first in canonical order; differing duplicates are contradictions. */
function primaries(group: ReportedConstraint[], notes: Map<ReportedConstraint, string>): Map<string, ReportedConstraint> {
  const chosen = new Map<string, ReportedConstraint>();
  for (const c of group) {
    const k = `${c.metric}|${c.band ?? ''}`;
    const first = chosen.get(k);
    if (!first) chosen.set(k, c);
    else if (first.value !== c.value) {
      notes.set(c, `contradicts another reported ${c.metric} (${first.value}) for ${c.unitCode} in ${c.year}, which was used`);
    }
  }
  return chosen;
}

function buildJob(group: ReportedConstraint[], t: number, members: number[], prepared: Prepared): GroupJob {
  const chosen = primaries(group, prepared.notes);
  const n = members.length;
  const rawBands = communeBands.map((b) => chosen.get(`communes_in_band|${b}`)?.value ?? null);
  const { quota, factor, sum } = scaleBands(rawBands, n);
  const scale = (v: number) => (factor === null ? v : Math.round(v * factor));
  const rec = chosen.get('communes_meeting_standard|');
  const total = chosen.get('total_criteria|');
  const avg = chosen.get('avg_criteria|');
  const job: GroupJob = {
    unitCode: group[0]!.unitCode,
    t,
    members,
    bandQuota: quota,
    recQuota: rec ? Math.min(n, Math.max(0, scale(rec.value))) : null,
    totalTarget: total ? Math.max(0, scale(total.value)) : avg ? Math.round(avg.value * n) : null,
  };
  for (const [i, b] of communeBands.entries()) recordSolved(chosen.get(`communes_in_band|${b}`), quota[i] ?? null, prepared);
  recordSolved(rec, job.recQuota, prepared);
  recordSolved(total, job.totalTarget, prepared);
  if (avg) prepared.solvedFor.set(avg, avg.value);
  if (avg && total) prepared.notes.set(avg, `reported next to a criteria total (${total.value}), which was used`);
  if (factor !== null) noteScaling(chosen, job, sum, n, prepared.notes);
  return job;
}

function recordSolved(c: ReportedConstraint | undefined, value: number | null, prepared: Prepared): void {
  if (c && value !== null) prepared.solvedFor.set(c, value);
}

function noteScaling(chosen: Map<string, ReportedConstraint>, job: GroupJob, sum: number, n: number, notes: Map<ReportedConstraint, string>): void {
  for (const c of chosen.values()) {
    if (c.metric === 'avg_criteria') continue;
    notes.set(
      c,
      `the band figures count ${sum} communes but unit ${job.unitCode} has ${n} in the commune list ` +
        `(communes merged or reorganised since); figures scaled by ${n}/${sum}`,
    );
  }
}

/**
 * Band figures that cannot hold together (all five not summing to the communes present, or some summing to
 * more) are scaled to the communes present, largest remainder first, ties to the lower band.
 */
function scaleBands(raw: (number | null)[], n: number): { quota: (number | null)[]; factor: number | null; sum: number } {
  const given = raw.filter((q): q is number => q !== null);
  const sum = given.reduce((a, b) => a + b, 0);
  const all = given.length === communeBands.length;
  if (sum === 0 || (all ? sum === n : sum <= n)) return { quota: raw.map((q) => (q === null ? null : Math.round(q))), factor: null, sum };
  const factor = n / sum;
  const exact = raw.map((q) => (q === null ? null : q * factor));
  const quota = exact.map((q) => (q === null ? null : Math.floor(q)));
  let remainder = n - quota.reduce<number>((a, q) => a + (q ?? 0), 0);
  const order = exact
    .map((q, i) => ({ i, frac: q === null ? -1 : q - Math.floor(q) }))
    .filter((x) => x.frac >= 0)
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; remainder > 0 && order.length > 0; k = (k + 1) % order.length, remainder--) {
    quota[order[k]!.i]! += 1;
  }
  return { quota, factor, sum };
}

// ---------------------------------------------------------------------------------------------------
// Constraints: min-cost flow over commune → state class → quota

/** State classes: the four bands below all-met, all met not yet recognised, recognised. */
const CLASS_COUNT = 6;
function classOf(slot: Slot, s: number): number {
  if (recOf(slot, s) === 1) return 5;
  return bandIndex(countOf(slot, s), slot.n);
}

interface FlowGraph {
  to: number[];
  cap: number[];
  cost: number[];
  adj: number[][];
}

function addEdge(g: FlowGraph, u: number, v: number, cap: number, cost: number): void {
  g.adj[u]!.push(g.to.length);
  g.to.push(v);
  g.cap.push(cap);
  g.cost.push(cost);
  g.adj[v]!.push(g.to.length);
  g.to.push(u);
  g.cap.push(0);
  g.cost.push(-cost);
}

/** Exact quota: a bonus per unit up to q and a penalty beyond, i.e. cost = B·|flow − q| − B·q. */
function addQuotaEdges(g: FlowGraph, u: number, v: number, quota: number | null, big: number): void {
  if (quota === null) {
    addEdge(g, u, v, big, 0);
    return;
  }
  addEdge(g, u, v, quota, -COST.constraint);
  addEdge(g, u, v, big, COST.constraint);
}

/** Bellman-Ford queue (SPFA): the graph has negative edges but, by construction, no negative cycles. */
function shortestPath(g: FlowGraph, src: number): number[] {
  const dist = g.adj.map(() => Infinity);
  const via = g.adj.map(() => -1);
  const queued = g.adj.map(() => false);
  const queue = [src];
  dist[src] = 0;
  while (queue.length > 0) {
    const u = queue.shift()!;
    queued[u] = false;
    for (const e of g.adj[u]!) {
      const v = g.to[e]!;
      if (g.cap[e]! <= 0 || dist[u]! + g.cost[e]! >= dist[v]!) continue;
      dist[v] = dist[u]! + g.cost[e]!;
      via[v] = e;
      if (!queued[v]) {
        queued[v] = true;
        queue.push(v);
      }
    }
  }
  return via;
}

/** Successive shortest paths, one unit (one commune) at a time. */
function minCostFlow(g: FlowGraph, src: number, sink: number, units: number): void {
  for (let k = 0; k < units; k++) {
    const via = shortestPath(g, src);
    if (via[sink] === -1) return;
    for (let v = sink; v !== src; v = g.to[via[v]! ^ 1]!) {
      g.cap[via[v]!]! -= 1;
      g.cap[via[v]! ^ 1]! += 1;
    }
  }
}

/** Node ids: 0 source, 1 sink, 2 all-met, 3..8 state classes, then the communes. */
function assignByFlow(job: GroupJob, slot: Slot, options: number[][]): number[] {
  const n = options.length;
  const big = n + 1;
  const g: FlowGraph = { to: [], cap: [], cost: [], adj: Array.from({ length: 3 + CLASS_COUNT + n }, () => []) };
  const classNode = (k: number) => 3 + k;
  for (let k = 0; k < 4; k++) addQuotaEdges(g, classNode(k), 1, job.bandQuota[k] ?? null, big);
  addEdge(g, classNode(4), 2, big, 0);
  addQuotaEdges(g, classNode(5), 2, job.recQuota, big);
  addQuotaEdges(g, 2, 1, job.bandQuota[4] ?? null, big);
  const classCost = options.map((opts) => cheapestPerClass(slot, opts));
  classCost.forEach((costs, i) => {
    addEdge(g, 0, 3 + CLASS_COUNT + i, 1, 0);
    costs.forEach((c, k) => {
      if (c.cost < Infinity) addEdge(g, 3 + CLASS_COUNT + i, classNode(k), 1, c.cost - Math.min(...costs.map((x) => x.cost)));
    });
  });
  minCostFlow(g, 0, 1, n);
  return classCost.map((costs, i) => {
    const used = g.adj[3 + CLASS_COUNT + i]!.find((e) => e % 2 === 0 && g.cap[e] === 0 && g.to[e]! >= 3);
    const k = used === undefined ? argmin(costs.map((c) => c.cost)) : g.to[used]! - 3;
    return costs[k]!.state;
  });
}

function cheapestPerClass(slot: Slot, opts: number[]): { cost: number; state: number }[] {
  const out = Array.from({ length: CLASS_COUNT }, () => ({ cost: Infinity, state: -1 }));
  opts.forEach((cost, s) => {
    const k = classOf(slot, s);
    if (cost < out[k]!.cost) out[k] = { cost, state: s };
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Constraints: criteria total, then pin

/**
 * Reach the criteria total one criterion at a time, always taking the cheapest step, staying in each
 * commune's band / recognised state when those are constrained too. Ties go to the commune furthest along
 * in the step's direction (lowest count when adding, highest when removing: spreads the change evenly), then
 * to the lowest code. Steps that cost more than the figure is worth (a plausibility rule) are not taken.
 */
function adjustTotal(job: GroupJob, slot: Slot, options: number[][], states: number[]): number[] {
  const current = [...states];
  const keepBand = job.bandQuota.some((q) => q !== null);
  const keepRec = job.recQuota !== null;
  let delta = job.totalTarget! - current.reduce((a, s) => a + countOf(slot, s), 0);
  while (delta !== 0) {
    const dir = Math.sign(delta);
    let best: { k: number; state: number; cost: number; rank: number } | null = null;
    current.forEach((s, k) => {
      const next = stepState(slot, options[k]!, s, dir, keepBand, keepRec);
      if (next === null) return;
      const cost = options[k]![next]! - options[k]![s]!;
      const rank = dir * countOf(slot, s);
      if (cost >= COST.constraint) return;
      if (!best || cost < best.cost || (cost === best.cost && rank < best.rank)) best = { k, state: next, cost, rank };
    });
    if (!best) break;
    current[(best as { k: number }).k] = (best as { state: number }).state;
    delta -= dir;
  }
  return current;
}

function stepState(slot: Slot, opts: number[], s: number, dir: number, keepBand: boolean, keepRec: boolean): number | null {
  const count = countOf(slot, s) + dir;
  if (count < 0 || count > slot.n) return null;
  const candidates = count === slot.n ? [count, slot.n + 1] : [count];
  let best: number | null = null;
  for (const cand of candidates) {
    if (opts[cand] === Infinity) continue;
    if (keepBand && bandIndex(count, slot.n) !== bandIndex(countOf(slot, s), slot.n)) continue;
    if (keepRec && recOf(slot, cand) !== recOf(slot, s)) continue;
    if (best === null || opts[cand]! < opts[best]!) best = cand;
  }
  return best;
}

function solveJob(job: GroupJob, plans: Plan[], slots: Slot[]): void {
  const slot = slots[job.t]!;
  const options = job.members.map((i) => optionCosts(plans[i]!, slots, job.t));
  const needsFlow = job.recQuota !== null || job.bandQuota.some((q) => q !== null);
  let states = needsFlow ? assignByFlow(job, slot, options) : options.map(argmin);
  if (job.totalTarget !== null) states = adjustTotal(job, slot, options, states);
  const key = pinKey(job, slot);
  job.members.forEach((i, k) => {
    const chosen = key(states[k]!);
    const allowed = options[k]!.map((cost, s) => (cost < Infinity && key(s) === chosen ? s : -1)).filter((s) => s >= 0);
    plans[i]!.pins[job.t] = new Set(allowed);
  });
}

/**
 * A solved figure pins only what it counts: the band and/or recognised state, or the exact count when a
 * criteria total is involved. The looser the pin, the more room is left for the figures of other years
 * (e.g. a commune pinned to "5–9 in 2017" can still be at 4 in 2016, if a 2016 figure needs it).
 */
function pinKey(job: GroupJob, slot: Slot): (s: number) => string {
  const bands = job.bandQuota.some((q) => q !== null);
  const rec = job.recQuota !== null;
  const exact = job.totalTarget !== null;
  return (s) => [exact ? s : '', bands ? bandIndex(countOf(slot, s), slot.n) : '', rec ? recOf(slot, s) : ''].join('|');
}

// ---------------------------------------------------------------------------------------------------
// Constraints: evaluation

/** The figure as generated (documented communes as documented); averages unrounded. */
function achievedValue(c: ReportedConstraint, members: number[], t: number, paths: number[][], slot: Slot): number {
  const states = members.map((i) => paths[i]![t]!);
  if (c.metric === 'communes_in_band') {
    const band = communeBands.indexOf(c.band as CommuneBand);
    return states.filter((s) => bandIndex(countOf(slot, s), slot.n) === band).length;
  }
  if (c.metric === 'communes_meeting_standard') return states.filter((s) => recOf(slot, s) === 1).length;
  const total = states.reduce((a, s) => a + countOf(slot, s), 0);
  return c.metric === 'total_criteria' ? total : total / states.length;
}

/** Counts match exactly; an average matches to the precision the document prints (16,67 ≈ 150/9). */
function matches(metric: ReportedConstraint['metric'], value: number, achieved: number): boolean {
  if (metric !== 'avg_criteria') return achieved === value;
  const scale = 10 ** (String(value).split('.')[1] ?? '').length;
  return Math.abs(Math.round(achieved * scale) / scale - value) < 1e-9;
}

function evaluateConstraints(constraints: ReportedConstraint[], prepared: Prepared, plans: Plan[], slots: Slot[], paths: number[][]): SyntheticResult['unmet'] {
  const unmet: SyntheticResult['unmet'] = [];
  for (const c of sortConstraints(constraints)) {
    const t = slots.findIndex((s) => s.year === c.year);
    const members = membersOf(c.unitCode, plans);
    const exact = t < 0 || members.length === 0 ? 0 : achievedValue(c, members, t, paths, slots[t]!);
    if (matches(c.metric, c.value, exact)) continue;
    const achieved = Math.round(exact * 100) / 100;
    const note = prepared.notes.get(c);
    const target = prepared.solvedFor.get(c);
    const missedTarget = target !== undefined && !matches(c.metric, target, exact);
    const rulesReason =
      `no combination of synthetic counts reaches ${target ?? c.value} without breaking a documented fact or a ` +
      `plausibility rule (growth of 0–3 a year, recognition kept); closest reached is ${achieved}`;
    const reason = note ? (missedTarget ? `${note}; ${rulesReason}` : note) : rulesReason;
    unmet.push({ constraint: c, achieved, reason });
  }
  return unmet;
}

// ---------------------------------------------------------------------------------------------------
// Criteria lists

/** The valid documented criteria of the next documented year in the same set: the subset pool. */
function nextDocSet(plan: Plan, slots: Slot[], t: number): Set<number> | null {
  for (let u = t + 1; u < slots.length && slots[u]!.segment === slots[t]!.segment; u++) {
    if (plan.docSet[u]) return new Set(plan.docSet[u]);
  }
  return null;
}

/**
 * Nested criteria lists per slot (null where documented). New criteria are chosen: first from the next
 * documented list (subset rule), then this year's planned ones, then those met under the previous set,
 * avoiding next year's planned ones (not yet met), then by the commune's priority order.
 */
function criteriaLists(plan: Plan, slots: Slot[], path: number[]): (number[] | null)[] {
  const lists: (number[] | null)[] = [];
  let current: number[] = [];
  let previousSet = new Set<number>();
  slots.forEach((slot, t) => {
    if (t > 0 && slot.segment !== slots[t - 1]!.segment) [previousSet, current] = [new Set(current), []];
    if (plan.docSet[t]) {
      current = [...plan.docSet[t]!];
      lists.push(null);
      return;
    }
    const need = countOf(slot, path[t]!);
    const pool = nextDocSet(plan, slots, t);
    const hint = new Set(plan.hint[t] ?? []);
    const sameSetNext = t + 1 < slots.length && slots[t + 1]!.segment === slot.segment;
    const nextHint = new Set(sameSetNext ? (plan.hint[t + 1] ?? []) : []);
    const key = (c: number) => [pool && !pool.has(c) ? 1 : 0, hint.has(c) ? 0 : 1, previousSet.has(c) ? 0 : 1, nextHint.has(c) ? 1 : 0, plan.rank.get(c) ?? c];
    current = growTo(current, need, slot.n, key);
    lists.push([...current]);
  });
  return lists;
}

function growTo(current: number[], need: number, n: number, key: (c: number) => number[]): number[] {
  const have = new Set(current);
  const byKey = (a: number, b: number) => compareKeys(key(a), key(b)) || a - b;
  if (need < have.size)
    return [...have]
      .sort(byKey)
      .slice(0, need)
      .sort((a, b) => a - b); // only if documents contradict
  const candidates = Array.from({ length: n }, (_, i) => i + 1)
    .filter((c) => !have.has(c))
    .sort(byKey);
  return [...have, ...candidates.slice(0, need - have.size)].sort((a, b) => a - b);
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

// ---------------------------------------------------------------------------------------------------
// Entry point

function sortedInputs(input: SyntheticInput) {
  // One commune per code; a duplicated code keeps its first entry in full sort order (not input order).
  const communes = [...input.communes]
    .sort((a, b) => cmp(a.code, b.code) || cmp(a.districtCode, b.districtCode) || cmp(a.provinceCode, b.provinceCode))
    .filter((c, i, all) => i === 0 || all[i - 1]!.code !== c.code);
  const documented = [...input.documented].sort(
    (a, b) => cmp(a.unitCode, b.unitCode) || a.year - b.year || cmp(a.kind, b.kind) || cmp(a.setCode, b.setCode) || cmp(a.met.join(','), b.met.join(',')),
  );
  const recognitions = [...input.recognitions].sort(
    (a, b) => cmp(a.unitCode, b.unitCode) || a.year - b.year || cmp(a.tier, b.tier) || Number(!!a.heldBy) - Number(!!b.heldBy),
  );
  return { communes, documented, recognitions };
}

function emit(plans: Plan[], slots: Slot[], paths: number[][]): Pick<SyntheticResult, 'assessments' | 'recognitions'> {
  const assessments: SyntheticAssessment[] = [];
  const recognitions: SyntheticRecognition[] = [];
  plans.forEach((plan, i) => {
    const path = paths[i]!;
    criteriaLists(plan, slots, path).forEach((met, t) => {
      if (met) assessments.push({ unitCode: plan.commune.code, year: slots[t]!.year, setCode: slots[t]!.set.code, met });
    });
    const first = path.findIndex((s, t) => recOf(slots[t]!, s) === 1);
    if (first >= 0 && !plan.documentedRecognition) {
      recognitions.push({ unitCode: plan.commune.code, year: slots[first]!.year, tier: 'standard' });
    }
  });
  return { assessments, recognitions };
}

export function generateSyntheticStatuses(input: SyntheticInput): SyntheticResult {
  const slots = buildSlots(input.years, input.sets);
  const { communes, documented, recognitions } = sortedInputs(input);
  const index: DocIndex = {
    assessments: groupBy(documented, (d) => d.unitCode),
    recognitions: groupBy(recognitions, (r) => r.unitCode),
  };
  const plans = communes.map((c) => buildPlan(c, slots, index, input.seed));
  const prepared = prepareConstraints(input.constraints, slots, plans);
  for (const job of prepared.jobs) solveJob(job, plans, slots);
  const paths = plans.map((plan) => bestPath(plan, slots));
  return { ...emit(plans, slots, paths), unmet: evaluateConstraints(input.constraints, prepared, plans, slots, paths) };
}
