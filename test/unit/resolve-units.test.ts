import { describe, expect, it } from 'vitest';
import { historicalUnits, recordUnit } from '../../seeds/loader/resolve-units.ts';
import type { SeedUnit } from '../../seeds/loader/seed-files.ts';

const units: SeedUnit[] = [
  { asWritten: 'Xã Bằng Mạc', level: 'commune', code: '06493', resolution: 'exact' },
  { asWritten: 'Xã Hiệp Hạ', level: 'commune', code: '06595', resolution: 'merged-into', code2019: '06580', mergedRound: '2019-2020' },
  { asWritten: 'Xã Minh Phát', level: 'commune', code: '06595', resolution: 'merged-into', code2019: '06595', mergedRound: '2019-2020' },
  { asWritten: 'xã Nhã Nam', level: 'commune', code: '07306', resolution: 'merged-into', code2019: '07306', mergedRound: '2019-2020' },
  { asWritten: 'Xã Lan Giới', level: 'commune', code: '07315', resolution: 'merged-into', code2019: '07303', mergedRound: '2024-2025' },
];

describe('recordUnit', () => {
  it('keeps a current commune on the 2025 list', () => {
    expect(recordUnit({ unitCode: '06493' }, units)).toEqual({ codeList: 'gso-2025-03', code: '06493' });
  });

  it('puts a record of a merged-away commune on that former commune', () => {
    expect(recordUnit({ unitCode: '07315' }, units)).toEqual({ codeList: 'gso-2019', code: '07303' });
    expect(recordUnit({ unitCode: '07306' }, units)).toEqual({ codeList: 'gso-2019', code: '07306' });
  });

  it('tells two former communes with one successor apart by the name written', () => {
    expect(recordUnit({ unitCode: '06595', unitAsWritten: 'Xã Hiệp Hạ - Lộc Bình' }, units)).toEqual({ codeList: 'gso-2019', code: '06580' });
    expect(recordUnit({ unitCode: '06595', unitAsWritten: 'Xã Minh Phát - Lộc Bình' }, units)).toEqual({ codeList: 'gso-2019', code: '06595' });
    expect(recordUnit({ unitCode: '06595', code2019: '06580' }, units)).toEqual({ codeList: 'gso-2019', code: '06580' });
  });

  it('refuses to guess between two former communes', () => {
    expect(() => recordUnit({ unitCode: '06595', unitAsWritten: 'somewhere' }, units)).toThrow(/several merged communes/);
  });
});

describe('historicalUnits', () => {
  it('creates one former commune per merged unit, ending with its merger round', () => {
    expect(historicalUnits(units).map(({ code, name, successorCode, validTo }) => ({ code, name, successorCode, validTo }))).toEqual([
      { code: '06580', name: 'Xã Hiệp Hạ', successorCode: '06595', validTo: '2020-01-01' },
      { code: '06595', name: 'Xã Minh Phát', successorCode: '06595', validTo: '2020-01-01' },
      { code: '07306', name: 'Xã Nhã Nam', successorCode: '07306', validTo: '2020-01-01' },
      { code: '07303', name: 'Xã Lan Giới', successorCode: '07315', validTo: '2025-01-01' },
    ]);
  });
});
