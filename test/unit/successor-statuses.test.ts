import { describe, expect, it } from 'vitest';
import { successorDemoStatus, type PredecessorFacts, type SuccessorInput } from '../../seeds/synthetic/successor-statuses.ts';

const set2021 = { code: 'commune-2021', criteriaCount: 19, validFrom: 2021, validTo: 2025 };
const set2026 = { code: 'commune-2026', criteriaCount: 10, validFrom: 2026, validTo: 2030 };
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const predecessor = (code: string, met: number[], extra: Partial<PredecessorFacts> = {}): PredecessorFacts => ({
  codeList: 'gso-2025-03',
  code,
  share: null,
  last: { year: 2024, setCode: 'commune-2021', criteriaCount: 19, met, synthetic: false },
  recognition: null,
  ...extra,
});
const input = (over: Partial<SuccessorInput>): SuccessorInput => ({
  seed: 7,
  unit: { codeList: 'gso-2025-07', code: '06475' },
  year: 2025,
  set: set2021,
  predecessors: [],
  ...over,
});

describe('successorDemoStatus', () => {
  it('same set: a criterion is met when predecessors weighing more than half met it', () => {
    const status = successorDemoStatus(
      input({
        predecessors: [predecessor('06493', range(1, 19), { share: 0.6 }), predecessor('06475', [1, 2, 3], { share: 0.4 })],
      }),
    );
    expect(status).toMatchObject({ codeList: 'gso-2025-07', code: '06475', year: 2025, setCode: 'commune-2021', synthetic: true, recognition: null });
    expect(status?.met).toEqual(range(1, 19));
    const flipped = successorDemoStatus(
      input({ predecessors: [predecessor('06493', range(1, 19), { share: 0.4 }), predecessor('06475', [1, 2, 3], { share: 0.6 })] }),
    );
    expect(flipped?.met).toEqual([1, 2, 3]);
    expect(flipped?.notMet).toEqual(range(4, 19));
  });

  it('what every predecessor met stays met, what none met stays unmet, whatever the seed', () => {
    for (const seed of [1, 2, 3, 99, 20161980]) {
      const status = successorDemoStatus(
        input({ seed, predecessors: [predecessor('a', [1, 2, 5, 19]), predecessor('b', [1, 2, 7]), predecessor('c', [1, 2, 5, 19])] }),
      );
      expect(status?.met).toEqual([1, 2, 5, 19]);
    }
  });

  it('another set: the share carries over (all met stays all met), criteria drawn reproducibly', () => {
    const all = successorDemoStatus(input({ year: 2026, set: set2026, predecessors: [predecessor('a', range(1, 19)), predecessor('b', range(1, 19))] }));
    expect(all?.met).toEqual(range(1, 10));
    const none = successorDemoStatus(input({ year: 2026, set: set2026, predecessors: [predecessor('a', [])] }));
    expect(none?.met).toEqual([]);
    const half = input({ year: 2026, set: set2026, predecessors: [predecessor('a', range(1, 19), { share: 0.5 }), predecessor('b', [], { share: 0.5 })] });
    const first = successorDemoStatus(half);
    expect(first?.met).toHaveLength(5);
    expect(successorDemoStatus(half)).toEqual(first);
    expect(first?.basis).toMatch(/no source maps/);
  });

  it('never produces a decision, even when every predecessor was recognised; names the decisions in its basis', () => {
    const recognised = { tier: 'standard', year: 2020, decision: '123/QĐ-UBND', synthetic: false };
    const status = successorDemoStatus(input({ predecessors: [predecessor('a', range(1, 19), { recognition: recognised })] }));
    expect(status?.recognition).toBeNull();
    expect(status?.basis).toContain('123/QĐ-UBND');
    expect(status?.basis).toMatch(/No decision/);
  });

  it('gives nothing without a predecessor status, and refuses units of another code list or years outside the set', () => {
    expect(successorDemoStatus(input({ predecessors: [predecessor('a', [1], { last: null })] }))).toBeNull();
    expect(() => successorDemoStatus(input({ unit: { codeList: 'gso-2025-03', code: '06475' }, predecessors: [predecessor('a', [1])] }))).toThrow(RangeError);
    expect(() => successorDemoStatus(input({ year: 2026, predecessors: [predecessor('a', [1])] }))).toThrow(RangeError);
    expect(() => successorDemoStatus(input({ predecessors: [predecessor('a', [1], { share: 1.5 })] }))).toThrow(RangeError);
  });

  it('different seeds can draw different criteria for the same share', () => {
    const draws = new Set(
      [1, 2, 3, 4, 5, 6].map((seed) =>
        successorDemoStatus(input({ seed, year: 2026, set: set2026, predecessors: [predecessor('a', range(1, 10))] }))?.met.join(','),
      ),
    );
    expect(draws.size).toBeGreaterThan(1);
  });
});
