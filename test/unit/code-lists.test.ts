import { describe, expect, it } from 'vitest';
import { asOfForYear, codeListInForce, isIsoDate } from '../../api/src/modules/admin-units/code-lists.ts';

describe('codeListInForce', () => {
  it('answers the 01/03/2025 list up to 30 June 2025, and for every earlier year', () => {
    expect(codeListInForce('2025-06-30')).toBe('gso-2025-03');
    expect(codeListInForce('2025-03-01')).toBe('gso-2025-03');
    expect(codeListInForce('2019-12-31')).toBe('gso-2025-03');
  });

  it('answers the two-level list from 1 July 2025 on', () => {
    expect(codeListInForce('2025-07-01')).toBe('gso-2025-07');
    expect(codeListInForce('2026-01-01')).toBe('gso-2025-07');
  });

  it('refuses what is not a calendar date', () => {
    expect(() => codeListInForce('2025-02-30')).toThrow(RangeError);
    expect(() => codeListInForce('2025-7-1')).toThrow(RangeError);
  });

  it('reads a year as its 31 December, so 2024 is before and 2025 after the reform', () => {
    expect(codeListInForce(asOfForYear(2024))).toBe('gso-2025-03');
    expect(codeListInForce(asOfForYear(2025))).toBe('gso-2025-07');
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-01-01T00:00:00Z', false],
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});
