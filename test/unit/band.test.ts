import { describe, expect, it } from 'vitest';
import { classifyBand, higherTier, recognisedBand } from '../../api/src/modules/status/band.ts';
import { computedFor, summarise } from '../../api/src/modules/status/summarise.ts';

const bands = [
  { code: 'lt5', min: 0, max: 4, label: { vi: 'Dưới 5 tiêu chí', en: 'Under 5' } },
  { code: '5-9', min: 5, max: 9, label: { vi: '5–9', en: '5–9' } },
  { code: '10-14', min: 10, max: 14, label: { vi: '10–14', en: '10–14' } },
  { code: '15-18', min: 15, max: 18, label: { vi: '15–18', en: '15–18' } },
  { code: 'all-met', min: 19, max: 19, label: { vi: 'Đạt 19/19', en: 'All 19 met' } },
];

describe('classifyBand', () => {
  it.each([
    [0, 'lt5'],
    [4, 'lt5'],
    [5, '5-9'],
    [9, '5-9'],
    [10, '10-14'],
    [14, '10-14'],
    [15, '15-18'],
    [18, '15-18'],
    [19, 'all-met'],
  ])('%i criteria without recognition → %s', (met, band) => {
    expect(classifyBand(met, bands, null)).toBe(band);
  });

  it('19/19 is "standard met" only once recognised', () => {
    expect(classifyBand(19, bands, null)).toBe('all-met');
    expect(classifyBand(19, bands, 'standard')).toBe(recognisedBand);
  });

  it('a recognised commune stays recognised even when re-assessed below 19 under a new set', () => {
    expect(classifyBand(16, bands, 'standard')).toBe(recognisedBand);
  });

  it('refuses a count outside every band', () => {
    expect(() => classifyBand(20, bands, null)).toThrow(RangeError);
  });

  it('ranks tiers model > advanced > standard', () => {
    expect(higherTier('standard', 'advanced')).toBe('advanced');
    expect(higherTier('model', 'advanced')).toBe('model');
    expect(higherTier(null, 'standard')).toBe('standard');
    expect(higherTier(null, null)).toBeNull();
  });
});

describe('summarise', () => {
  const statuses = [
    { band: 'lt5', criteriaMet: 3, met: [1, 4, 19], synthetic: false },
    { band: '5-9', criteriaMet: 8, met: [1, 3, 4, 7, 9, 12, 14, 19], synthetic: false },
    { band: recognisedBand, criteriaMet: 19, met: Array.from({ length: 19 }, (_, i) => i + 1), tier: 'standard', synthetic: true },
  ];
  const figures = summarise(statuses, bands, 19);

  it('counts every band, empty ones too, plus recognised', () => {
    expect(figures.bandCounts).toEqual([
      { band: 'lt5', count: 1 },
      { band: '5-9', count: 1 },
      { band: '10-14', count: 0 },
      { band: '15-18', count: 0 },
      { band: 'all-met', count: 0 },
      { band: recognisedBand, count: 1 },
    ]);
  });

  it('averages, totals and counts per criterion', () => {
    expect(figures.totalCriteria).toBe(30);
    expect(figures.averageCriteria).toBe(10);
    expect(figures.metByCriterion.get(1)).toBe(3);
    expect(figures.metByCriterion.get(2)).toBe(1);
    expect(figures.metByCriterion.get(19)).toBe(3);
    expect(figures.recognisedCounts).toEqual([{ tier: 'standard', count: 1 }]);
    expect(figures.syntheticCount).toBe(1);
  });

  it('finds the computed counterpart of reported metrics', () => {
    expect(computedFor('communes_meeting_standard', figures, 3, {})).toBe(1);
    expect(computedFor('communes_in_band', figures, 3, { band: 'lt5' })).toBe(1);
    expect(computedFor('communes_in_band', figures, 3, { band: 'all-met' })).toBe(1);
    expect(computedFor('communes_meeting_criterion', figures, 3, { criterion: 7 })).toBe(2);
    expect(computedFor('avg_criteria', figures, 3, {})).toBe(10);
    expect(computedFor('criteria_total', figures, 3, {})).toBe(30);
    expect(computedFor('communes_total', figures, 3, {})).toBe(3);
    expect(computedFor('funding_million_vnd', figures, 3, {})).toBeUndefined();
  });
});
