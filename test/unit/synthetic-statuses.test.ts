import { describe, expect, it } from 'vitest';
import {
  generateSyntheticStatuses,
  type CommuneInput,
  type CriteriaSetSpec,
  type DocumentedAssessment,
  type DocumentedRecognition,
  type ReportedConstraint,
  type SyntheticInput,
  type SyntheticResult,
} from '../../seeds/synthetic/generate-statuses.ts';

const SETS: CriteriaSetSpec[] = [
  { code: 'commune-2016', criteriaCount: 19, validFrom: 2016, validTo: 2020 },
  { code: 'commune-2021', criteriaCount: 19, validFrom: 2021, validTo: 2025 },
];
const YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
const setOf = (year: number) => (year <= 2020 ? 'commune-2016' : 'commune-2021');

/** `count` communes of one province, spread over its districts, codes from `start` in steps of 3. */
function communes(provinceCode: string, districts: string[], start: number, count: number): CommuneInput[] {
  return Array.from({ length: count }, (_, i) => ({
    code: String(start + i * 3).padStart(5, '0'),
    districtCode: districts[i % districts.length]!,
    provinceCode,
  }));
}

const LS = communes('20', ['180', '181', '182'], 6001, 30);
const BG = communes('24', ['216'], 7300, 10);

const all19 = Array.from({ length: 19 }, (_, i) => i + 1);

/** Documented facts in the style of the seeds: 2016 actuals with 2017 plans, a 2019 actual, recognitions. */
const DOCUMENTED: DocumentedAssessment[] = [
  { unitCode: '06001', year: 2016, kind: 'actual', setCode: 'commune-2016', met: [1, 3, 4, 7, 9, 12, 14, 19] },
  { unitCode: '06001', year: 2017, kind: 'target', setCode: 'commune-2016', met: [2, 5, 8, 11] },
  { unitCode: '06004', year: 2016, kind: 'actual', setCode: 'commune-2016', met: [1, 12, 14, 19] },
  { unitCode: '06004', year: 2017, kind: 'target', setCode: 'commune-2016', met: [4] },
  { unitCode: '06007', year: 2016, kind: 'actual', setCode: 'commune-2016', met: all19.filter((c) => c !== 5) },
  { unitCode: '06007', year: 2017, kind: 'target', setCode: 'commune-2016', met: [5] },
  { unitCode: '07300', year: 2019, kind: 'actual', setCode: 'commune-2016', met: all19.filter((c) => ![2, 6, 17].includes(c)) },
  { unitCode: '07303', year: 2019, kind: 'actual', setCode: 'commune-2016', met: all19 },
  { unitCode: '07306', year: 2022, kind: 'actual', setCode: 'commune-2021', met: [1, 3, 4, 7, 8, 9, 12, 14, 16, 19] },
];
const RECOGNITIONS: DocumentedRecognition[] = [
  { unitCode: '07309', year: 2019, tier: 'standard' },
  { unitCode: '07312', year: 2022, tier: 'standard', heldBy: true },
];

function baseInput(overrides: Partial<SyntheticInput> = {}): SyntheticInput {
  return {
    seed: 20260101,
    years: YEARS,
    sets: SETS,
    communes: [...LS, ...BG],
    documented: DOCUMENTED,
    recognitions: RECOGNITIONS,
    constraints: [],
    ...overrides,
  };
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** unit → year → criteria met, synthetic and documented actuals together. */
function timeline(result: SyntheticResult, documented: DocumentedAssessment[]): Map<string, Map<number, number[]>> {
  const map = new Map<string, Map<number, number[]>>();
  const put = (unit: string, year: number, met: number[]) => {
    if (!map.has(unit)) map.set(unit, new Map());
    map.get(unit)!.set(year, met);
  };
  for (const d of documented) if (d.kind === 'actual') put(d.unitCode, d.year, d.met);
  for (const a of result.assessments) put(a.unitCode, a.year, a.met);
  return map;
}

function countsIn(result: SyntheticResult, documented: DocumentedAssessment[], units: CommuneInput[], year: number): number[] {
  const line = timeline(result, documented);
  return units.map((c) => line.get(c.code)!.get(year)!.length);
}

function bandCounts(counts: number[]): number[] {
  const out = [0, 0, 0, 0, 0];
  for (const c of counts) out[c < 5 ? 0 : c < 10 ? 1 : c < 15 ? 2 : c < 19 ? 3 : 4]! += 1;
  return out;
}

const isSubset = (a: number[], b: number[]) => a.every((c) => b.includes(c));

describe('synthetic statuses: determinism', () => {
  it('returns deep-equal output for the same input', () => {
    expect(generateSyntheticStatuses(baseInput())).toEqual(generateSyntheticStatuses(baseInput()));
  });

  it('does not depend on the order of the input arrays', () => {
    const constraints: ReportedConstraint[] = [
      { unitCode: '20', year: 2016, kind: 'actual', setCode: 'commune-2016', metric: 'communes_in_band', band: 'lt5', value: 8 },
      { unitCode: '20', year: 2016, kind: 'actual', setCode: 'commune-2016', metric: 'communes_meeting_standard', value: 3 },
      { unitCode: '216', year: 2020, kind: 'target', setCode: 'commune-2016', metric: 'total_criteria', value: 170 },
      // Two figures that contradict each other: which one is used must not depend on their order.
      { unitCode: '20', year: 2017, kind: 'target', setCode: 'commune-2016', metric: 'avg_criteria', value: 9.4 },
      { unitCode: '20', year: 2017, kind: 'target', setCode: 'commune-2016', metric: 'avg_criteria', value: 8.4 },
    ];
    const a = generateSyntheticStatuses(baseInput({ constraints }));
    const b = generateSyntheticStatuses(
      baseInput({
        constraints: shuffled(constraints, 3),
        communes: shuffled([...LS, ...BG], 7),
        documented: shuffled(DOCUMENTED, 11),
        recognitions: [...RECOGNITIONS].reverse(),
        years: [...YEARS].reverse(),
        sets: [...SETS].reverse(),
      }),
    );
    expect(b).toEqual(a);
  });

  it('changes with the seed', () => {
    const a = generateSyntheticStatuses(baseInput({ seed: 1 }));
    const b = generateSyntheticStatuses(baseInput({ seed: 2 }));
    expect(b.assessments).not.toEqual(a.assessments);
  });

  it('does not reshuffle other communes when an unconstrained commune is added', () => {
    const a = generateSyntheticStatuses(baseInput());
    const extra: CommuneInput = { code: '02800', districtCode: '084', provinceCode: '10' };
    const b = generateSyntheticStatuses(baseInput({ communes: [...LS, ...BG, extra] }));
    expect(b.assessments.filter((x) => x.unitCode !== extra.code)).toEqual(a.assessments);
    expect(b.assessments.filter((x) => x.unitCode === extra.code)).toHaveLength(YEARS.length);
  });
});

describe('synthetic statuses: edge cases', () => {
  it('returns nothing for no communes, and skips years no criteria set covers', () => {
    expect(generateSyntheticStatuses(baseInput({ communes: [] }))).toEqual({ assessments: [], recognitions: [], unmet: [] });
    const input = baseInput({ years: [2014, 2015, 2016], communes: LS.slice(0, 2), documented: [], recognitions: [] });
    const result = generateSyntheticStatuses(input);
    expect(result.assessments.map((a) => a.year)).toEqual([2016, 2016]);
  });
});

describe('synthetic statuses: shape', () => {
  const result = generateSyntheticStatuses(baseInput());

  it('uses the set valid in each year, with sorted, unique criteria in range', () => {
    for (const a of result.assessments) {
      expect(a.setCode).toBe(setOf(a.year));
      expect(a.met.every((c) => Number.isInteger(c) && c >= 1 && c <= 19)).toBe(true);
      expect(new Set(a.met).size).toBe(a.met.length);
      expect([...a.met].sort((x, y) => x - y)).toEqual(a.met);
    }
  });

  it('emits one assessment per commune and year, except where a documented actual stands', () => {
    const documented = new Set(DOCUMENTED.filter((d) => d.kind === 'actual').map((d) => `${d.unitCode}|${d.year}|${d.setCode}`));
    const keys = result.assessments.map((a) => `${a.unitCode}|${a.year}|${a.setCode}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of documented) expect(keys).not.toContain(key);
    const expected = [...LS, ...BG].flatMap((c) => YEARS.map((y) => `${c.code}|${y}|${setOf(y)}`)).filter((k) => !documented.has(k));
    expect([...keys].sort()).toEqual(expected.sort());
  });
});

describe('synthetic statuses: consistency with documented facts', () => {
  const result = generateSyntheticStatuses(baseInput());
  const line = timeline(result, DOCUMENTED);

  it('keeps synthetic years before a documented actual a subset, and after it a superset', () => {
    for (const d of DOCUMENTED.filter((x) => x.kind === 'actual')) {
      for (const [year, met] of line.get(d.unitCode)!) {
        if (setOf(year) !== d.setCode || year === d.year) continue;
        if (year < d.year) expect(isSubset(met, d.met), `${d.unitCode} ${year} ⊆ ${d.year}`).toBe(true);
        else expect(isSubset(d.met, met), `${d.unitCode} ${year} ⊇ ${d.year}`).toBe(true);
      }
    }
  });

  it('achieves most of the planned criteria in the target year, and never less than the year before', () => {
    for (const target of DOCUMENTED.filter((d) => d.kind === 'target')) {
      const met = line.get(target.unitCode)!.get(target.year)!;
      const before = line.get(target.unitCode)!.get(target.year - 1)!;
      expect(isSubset(before, met)).toBe(true);
      const achieved = target.met.filter((c) => met.includes(c)).length;
      expect(achieved * 2).toBeGreaterThanOrEqual(target.met.length);
    }
  });

  it('forces 19/19 from a documented recognition on and emits no synthetic recognition for it', () => {
    for (const r of RECOGNITIONS) {
      for (const [year, met] of line.get(r.unitCode)!) if (year >= r.year) expect(met).toHaveLength(19);
      expect(result.recognitions.some((x) => x.unitCode === r.unitCode)).toBe(false);
    }
    // A standard recognition in 2019 (not only "held by"): not yet all met two years before.
    expect(line.get('07309')!.get(2017)!.length).toBeLessThan(19);
  });

  it('does not recognise a commune in or before a year it is documented below 19', () => {
    const below = DOCUMENTED.filter((d) => d.kind === 'actual' && d.met.length < 19);
    for (const d of below) {
      const rec = result.recognitions.find((r) => r.unitCode === d.unitCode);
      if (rec) expect(rec.year).toBeGreaterThan(d.year);
      for (const [year, met] of line.get(d.unitCode)!) if (year <= d.year) expect(met.length).toBeLessThan(19);
    }
  });
});

/** Figures that pull hard against the plausibility rules: fast growth to 2018, a collapse in 2021. */
const PRESSURE: ReportedConstraint[] = [
  { unitCode: '20', year: 2016, kind: 'actual', setCode: 'commune-2016', metric: 'communes_in_band', band: 'lt5', value: 12 },
  { unitCode: '20', year: 2018, kind: 'actual', setCode: 'commune-2016', metric: 'communes_in_band', band: 'all-met', value: 25 },
  { unitCode: '20', year: 2021, kind: 'actual', setCode: 'commune-2021', metric: 'avg_criteria', value: 4 },
  // Reachable alone; but 6 communes all met in 2017 must be recognised by 2018, so "none in 2019" is not.
  { unitCode: '216', year: 2017, kind: 'actual', setCode: 'commune-2016', metric: 'communes_in_band', band: 'all-met', value: 6 },
  { unitCode: '216', year: 2019, kind: 'actual', setCode: 'commune-2016', metric: 'communes_meeting_standard', value: 0 },
];

describe.each([
  ['without reported figures', [] as ReportedConstraint[]],
  ['under figures that pull against the rules', PRESSURE],
])('synthetic statuses: plausible trajectories %s', (_label, constraints) => {
  const result = generateSyntheticStatuses(baseInput({ constraints }));
  const line = timeline(result, DOCUMENTED);
  const anchored = new Set([...DOCUMENTED.map((d) => d.unitCode), ...RECOGNITIONS.map((r) => r.unitCode)]);

  it('only grows within a set (a met criterion stays met), by at most 3 a year without documents', () => {
    for (const [unit, years] of line) {
      for (const year of YEARS.slice(1)) {
        const prev = years.get(year - 1)!;
        const cur = years.get(year)!;
        if (setOf(year) !== setOf(year - 1)) continue;
        expect(isSubset(prev, cur), `${unit} ${year - 1}→${year}`).toBe(true);
        if (!anchored.has(unit)) expect(cur.length - prev.length).toBeLessThanOrEqual(3);
      }
    }
  });

  it('loses 0–4 criteria at the 2021 set change, and none when recognised', () => {
    for (const [unit, years] of line) {
      const before = years.get(2020)!.length;
      const after = years.get(2021)!.length;
      const rec = result.recognitions.find((r) => r.unitCode === unit);
      if (rec && rec.year <= 2020) expect(after).toBe(19);
      else if (!anchored.has(unit)) {
        expect(before - after).toBeGreaterThanOrEqual(0);
        expect(before - after).toBeLessThanOrEqual(4);
      }
    }
  });

  it('recognises a commune at most once, the year it reaches 19 or the next, and keeps it at 19', () => {
    const units = result.recognitions.map((r) => r.unitCode);
    expect(new Set(units).size).toBe(units.length);
    for (const [unit, years] of line) {
      const rec = result.recognitions.find((r) => r.unitCode === unit);
      const firstFull = YEARS.find((y) => years.get(y)!.length === 19);
      if (rec) {
        expect(rec.tier).toBe('standard');
        for (const y of YEARS.filter((y) => y >= rec.year)) expect(years.get(y)!).toHaveLength(19);
        if (firstFull !== YEARS[0]) expect([firstFull, firstFull! + 1]).toContain(rec.year);
      } else if (firstFull !== undefined && !anchored.has(unit)) {
        expect(firstFull).toBe(YEARS[YEARS.length - 1]); // reached 19 only in the last year: recognised after it
      }
    }
    expect(result.recognitions.length).toBeGreaterThan(0);
  });

  it('reports the figures the rules do not allow', () => {
    if (constraints.length === 0) expect(result.unmet).toEqual([]);
    else expect(result.unmet.map((u) => `${u.constraint.unitCode} ${u.constraint.year}`)).toEqual(['20 2018', '216 2019', '20 2021']);
  });

  it('meets the early criteria (1, 4, 19) more often than the late ones (2, 6, 10, 13, 17) in 2016', () => {
    const first = result.assessments.filter((a) => a.year === 2016);
    const share = (cs: number[]) => first.reduce((n, a) => n + cs.filter((c) => a.met.includes(c)).length, 0) / (cs.length * first.length);
    expect(share([1, 4, 19])).toBeGreaterThan(share([2, 6, 10, 13, 17]) + 0.2);
  });
});

describe('synthetic statuses: reported constraints', () => {
  const band = (b: ReportedConstraint['band'], value: number, year = 2016): ReportedConstraint => ({
    unitCode: '20',
    year,
    kind: 'actual',
    setCode: 'commune-2016',
    metric: 'communes_in_band',
    band: b,
    value,
  });

  it('meets a feasible band distribution exactly, counting documented communes as documented', () => {
    const constraints = [band('lt5', 6), band('5-9', 12), band('10-14', 7), band('15-18', 3), band('all-met', 2)];
    const result = generateSyntheticStatuses(baseInput({ constraints }));
    expect(result.unmet).toEqual([]);
    expect(bandCounts(countsIn(result, DOCUMENTED, LS, 2016))).toEqual([6, 12, 7, 3, 2]);
  });

  it('meets a different feasible distribution too (the solver, not luck, reaches it)', () => {
    const constraints = [band('lt5', 1), band('5-9', 2), band('10-14', 3), band('15-18', 20), band('all-met', 4)];
    const result = generateSyntheticStatuses(baseInput({ constraints }));
    expect(result.unmet).toEqual([]);
    expect(bandCounts(countsIn(result, DOCUMENTED, LS, 2016))).toEqual([1, 2, 3, 20, 4]);
  });

  it('scales an infeasible distribution (40 communes reported, 30 present) and reports each missed figure', () => {
    const constraints = [band('lt5', 4), band('5-9', 18), band('10-14', 10), band('15-18', 5), band('all-met', 3)];
    const result = generateSyntheticStatuses(baseInput({ constraints }));
    // 30/40 of each: 3, 13.5, 7.5, 3.75, 2.25 → floors 3, 13, 7, 3, 2 (28); remainder 2 to the largest fractions (.75, then .5 of 5-9).
    const expected = [3, 14, 7, 4, 2];
    expect(bandCounts(countsIn(result, DOCUMENTED, LS, 2016))).toEqual(expected);
    expect(result.unmet.map((u) => [u.constraint.band, u.achieved])).toEqual([
      ['10-14', 7],
      ['15-18', 4],
      ['5-9', 14],
      ['all-met', 2],
      ['lt5', 3],
    ]);
    for (const u of result.unmet) expect(u.reason).toMatch(/count 40 communes but unit 20 has 30/);
  });

  it('fits a sparse year around a detailed one next to it (like Lạng Sơn 2016 and its 2017 plan)', () => {
    const constraints: ReportedConstraint[] = [
      band('lt5', 10),
      { unitCode: '20', year: 2016, kind: 'actual', setCode: 'commune-2016', metric: 'communes_meeting_standard', value: 1 },
      ...[8, 18, 2, 0, 2].map((v, i) => band((['lt5', '5-9', '10-14', '15-18', 'all-met'] as const)[i], v, 2017)),
    ];
    const result = generateSyntheticStatuses(baseInput({ constraints }));
    expect(result.unmet).toEqual([]);
    expect(bandCounts(countsIn(result, DOCUMENTED, LS, 2017))).toEqual([8, 18, 2, 0, 2]);
  });

  it('meets a criteria total exactly (9 communes, 4 documented recognised, total 150) and its average', () => {
    const smc = communes('10', ['084'], 2800, 9);
    const recognitions: DocumentedRecognition[] = smc.slice(0, 4).map((c) => ({ unitCode: c.code, year: 2021, tier: 'standard' }));
    const documented: DocumentedAssessment[] = [
      { unitCode: smc[4]!.code, year: 2024, kind: 'target', setCode: 'commune-2021', met: [10, 11, 12, 17, 18] },
      { unitCode: smc[5]!.code, year: 2024, kind: 'target', setCode: 'commune-2021', met: [8, 19] },
    ];
    const constraints: ReportedConstraint[] = [
      { unitCode: '084', year: 2024, kind: 'target', setCode: 'commune-2021', metric: 'total_criteria', value: 150 },
      { unitCode: '084', year: 2024, kind: 'target', setCode: 'commune-2021', metric: 'avg_criteria', value: 16.67 },
      { unitCode: '084', year: 2024, kind: 'actual', setCode: 'commune-2021', metric: 'communes_meeting_standard', value: 4 },
    ];
    const result = generateSyntheticStatuses(baseInput({ communes: smc, documented, recognitions, constraints }));
    expect(result.unmet).toEqual([]);
    const counts = countsIn(result, documented, smc, 2024);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(150);
    expect(counts.slice(0, 4)).toEqual([19, 19, 19, 19]);
    expect(result.recognitions.filter((r) => r.year <= 2024 && !recognitions.some((d) => d.unitCode === r.unitCode))).toEqual([]);
  });

  it('meets a count of recognised communes exactly', () => {
    const constraints: ReportedConstraint[] = [
      { unitCode: '20', year: 2018, kind: 'actual', setCode: 'commune-2016', metric: 'communes_meeting_standard', value: 9 },
    ];
    const result = generateSyntheticStatuses(baseInput({ constraints }));
    expect(result.unmet).toEqual([]);
    const lsCodes = new Set(LS.map((c) => c.code));
    expect(result.recognitions.filter((r) => lsCodes.has(r.unitCode) && r.year <= 2018)).toHaveLength(9);
  });

  it('reports a figure no plausible trajectory reaches, gets as close as the growth rule allows, keeps documents', () => {
    // Documented in 2016 at 16 (three communes) and 15 (two): only the first three can reach 19 in 2017.
    const few = communes('20', ['180'], 6001, 5);
    const sixteen = [1, 2, 3, 4, 5, 7, 8, 9, 11, 12, 14, 15, 16, 17, 18, 19];
    const documented: DocumentedAssessment[] = few.map((c, i) => ({
      unitCode: c.code,
      year: 2016,
      kind: 'actual',
      setCode: 'commune-2016',
      met: i < 3 ? sixteen : sixteen.filter((x) => x !== 2),
    }));
    const constraints = [band('all-met', 5, 2017)];
    const result = generateSyntheticStatuses(baseInput({ communes: few, documented, recognitions: [], constraints }));
    expect(result.unmet).toHaveLength(1);
    expect(result.unmet[0]!.achieved).toBe(3);
    expect(result.unmet[0]!.reason).toMatch(/plausibility rule/);
    expect(result.assessments.some((a) => a.year === 2016)).toBe(false);
    const counts = countsIn(result, documented, few, 2017);
    expect(counts.slice(0, 3)).toEqual([19, 19, 19]);
    expect(counts.slice(3).every((c) => c >= 15 && c <= 18)).toBe(true);
  });

  it('recognises a commune that reached 19/19 by the next year even when a figure says none is recognised', () => {
    const constraints: ReportedConstraint[] = [
      band('all-met', 10, 2018),
      { unitCode: '20', year: 2019, kind: 'actual', setCode: 'commune-2016', metric: 'communes_meeting_standard', value: 0 },
    ];
    const result = generateSyntheticStatuses(baseInput({ constraints }));
    expect(result.unmet.map((u) => [u.constraint.metric, u.achieved])).toEqual([['communes_meeting_standard', 10]]);
  });

  it('reports contradictory figures for the same unit, year and metric', () => {
    const constraints: ReportedConstraint[] = [
      { unitCode: '20', year: 2017, kind: 'target', setCode: 'commune-2016', metric: 'avg_criteria', value: 9.4 },
      { unitCode: '20', year: 2017, kind: 'target', setCode: 'commune-2016', metric: 'avg_criteria', value: 8.4 },
    ];
    const result = generateSyntheticStatuses(baseInput({ constraints }));
    expect(result.unmet).toHaveLength(1);
    expect(result.unmet[0]!.constraint.value).toBe(9.4);
    expect(result.unmet[0]!.reason).toMatch(/contradicts/);
    const counts = countsIn(result, DOCUMENTED, LS, 2017);
    expect(Math.round((counts.reduce((a, b) => a + b, 0) / counts.length) * 10) / 10).toBe(8.4);
  });

  it('reports figures it cannot apply (no such communes, year not generated)', () => {
    const constraints: ReportedConstraint[] = [
      { unitCode: '99', year: 2016, kind: 'actual', setCode: 'commune-2016', metric: 'total_criteria', value: 10 },
      { unitCode: '20', year: 2015, kind: 'actual', setCode: 'commune-2016', metric: 'total_criteria', value: 10 },
    ];
    const result = generateSyntheticStatuses(baseInput({ constraints }));
    expect(result.unmet.map((u) => u.reason)).toEqual([
      expect.stringMatching(/not among the generated years/),
      expect.stringMatching(/no communes of unit 99/),
    ]);
  });
});
