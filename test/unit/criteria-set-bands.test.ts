import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readSeedFiles } from '../../seeds/loader/seed-files.ts';
import { bandMeetsStandard, classifyBand, recognisedBand } from '../../api/src/modules/status/band.ts';

const seeds = readSeedFiles(path.resolve(import.meta.dirname, '../../seeds'), 'test');
const set = (code: string) => {
  const found = seeds.criteriaSets.find((s) => s.code === code);
  if (!found) throw new Error(`no set ${code}`);
  return found;
};
const nineteenBands = [
  ['lt5', 0, 4],
  ['5-9', 5, 9],
  ['10-14', 10, 14],
  ['15-18', 15, 18],
  ['all-met', 19, 19],
];

describe('bands are data of each criteria set', () => {
  it.each(seeds.criteriaSets.map((s) => [s.code, s] as const))('%s: bands cover 0…criteria count once, and only the top one meets the standard', (_, s) => {
    const count = s.criteria.length;
    for (let met = 0; met <= count; met++) expect(s.bands.filter((b) => met >= b.min && met <= b.max)).toHaveLength(1);
    expect(s.bands.filter((b) => bandMeetsStandard(b, count)).map((b) => [b.min, b.max])).toEqual([[count, count]]);
    expect(s.bands.every((b) => typeof b.meetsStandard === 'boolean')).toBe(true);
  });

  it('the 19-criterion sets keep their classes exactly', () => {
    for (const s of seeds.criteriaSets.filter((c) => c.criteria.length === 19)) {
      expect(s.bands.map((b) => [b.code, b.min, b.max])).toEqual(nineteenBands);
    }
  });

  it('the 2026–2030 set has 10 criteria and classes of its own, documented as the project’s choice', () => {
    const s = set('commune-2026');
    expect(s.criteria).toHaveLength(10);
    expect(s.bands.map((b) => [b.code, b.min, b.max])).not.toEqual(nineteenBands);
    expect(s.bands.at(-1)).toMatchObject({ min: 10, max: 10, meetsStandard: true });
    expect(s.bandsNote).toMatch(/project's choice/);
  });

  it('classifies a 10-criterion status with the set’s own bands: pure, recognition first', () => {
    const { bands } = set('commune-2026');
    expect([0, 2, 3, 5, 6, 7, 8, 9, 10].map((met) => classifyBand(met, bands, null))).toEqual([
      'lt3',
      'lt3',
      '3-5',
      '3-5',
      '6-7',
      '6-7',
      '8-9',
      '8-9',
      'all-met',
    ]);
    expect(classifyBand(7, bands, 'standard')).toBe(recognisedBand);
    expect(() => classifyBand(11, bands, null)).toThrow(RangeError);
  });

  it('an older load without the flag derives it from the range', () => {
    expect(bandMeetsStandard({ code: 'x', min: 19, max: 19, label: { vi: '', en: '' } }, 19)).toBe(true);
    expect(bandMeetsStandard({ code: 'x', min: 15, max: 18, label: { vi: '', en: '' } }, 19)).toBe(false);
  });
});

describe('every seeded criterion and indicator text carries a source', () => {
  const documents = new Set(seeds.documents.map((d) => d.key));
  it.each(seeds.criteriaSets.map((s) => [s.code, s] as const))('%s', (_, s) => {
    for (const criterion of s.criteria) {
      for (const indicator of criterion.indicators ?? []) {
        if (indicator.name?.vi || indicator.threshold != null)
          expect(documents.has(indicator.source?.document ?? ''), `${s.code} ${indicator.code}`).toBe(true);
      }
    }
  });

  it('the 2026–2030 set: criteria sourced to Decision 51/2025, empty indicator lists explained', () => {
    const s = set('commune-2026');
    expect(s.legalBasis).toBe('QD-51-TTg-2025');
    expect(documents.has('QD-51-TTg-2025')).toBe(true);
    for (const c of s.criteria) {
      expect(c.source?.document).toBe('QD-51-TTg-2025');
      if (!c.indicators?.length) expect(c.note).toBeTruthy();
    }
    expect(s.communeGroups?.map((g) => g.group)).toEqual([1, 2, 3]);
    expect(s.relatedFrames?.map((f) => f.part)).toEqual(['Phụ lục II', 'Phụ lục III']);
  });
});
