import { describe, expect, it } from 'vitest';
import { matchesStatusFilter } from '../../api/src/modules/status/status-filter.ts';

const lagging = { band: '5-9', missing: [2, 6, 17], tier: null, synthetic: false };
const recognised = { band: 'recognised', missing: [], tier: 'standard', synthetic: true };

describe('matchesStatusFilter', () => {
  it('passes everything without conditions', () => {
    expect(matchesStatusFilter(lagging, {})).toBe(true);
    expect(matchesStatusFilter(null, {})).toBe(true);
  });

  it('filters by band, including units without data', () => {
    expect(matchesStatusFilter(lagging, { bandIn: ['lt5', '5-9'] })).toBe(true);
    expect(matchesStatusFilter(recognised, { bandIn: ['lt5', '5-9'] })).toBe(false);
    expect(matchesStatusFilter(null, { bandIn: ['no-data'] })).toBe(true);
    expect(matchesStatusFilter(null, { bandIn: ['lt5'] })).toBe(false);
  });

  it('filters by a missing criterion, tier and synthetic mark; all must hold', () => {
    expect(matchesStatusFilter(lagging, { missingCriterion: 17 })).toBe(true);
    expect(matchesStatusFilter(lagging, { missingCriterion: 1 })).toBe(false);
    expect(matchesStatusFilter(recognised, { tier: 'standard', synthetic: true })).toBe(true);
    expect(matchesStatusFilter(recognised, { tier: 'standard', synthetic: false })).toBe(false);
    expect(matchesStatusFilter(lagging, { missingCriterion: 17, bandIn: ['lt5'] })).toBe(false);
    expect(matchesStatusFilter(null, { missingCriterion: 17 })).toBe(false);
  });
});
