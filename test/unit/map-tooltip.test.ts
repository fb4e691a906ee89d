import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { pageTranslators } from '../support/translators.ts';
import { tooltipText } from '../../web/src/map/tooltip.ts';
import { alertMessage } from '../../web/src/layers/LayerAlerts.tsx';
import type { ChoroplethEntry } from '../../web/src/layers/choropleth.loader.ts';

let tVi: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  ({ tVi, tEn } = await pageTranslators());
});

const commune: ChoroplethEntry = {
  code: '06097',
  criteriaMet: 12,
  criteriaTotal: 19,
  band: '10-14',
  displayBand: '10-14',
  colour: '#fee0b6',
  tier: null,
  synthetic: true,
  averageCriteria: null,
  communesAssessed: null,
  communesDemo: null,
  communesLagging: null,
  communesMeetingAll: null,
};

describe('the tooltip under the map', () => {
  it('asks for a click while nothing is hovered', () => {
    expect(tooltipText(null, undefined, tEn)).toBe('Click a unit to see its details');
  });

  it("gives a commune's name, criteria met, band and synthetic mark", () => {
    expect(tooltipText({ code: '06097', name: 'Xã Tân Thanh' }, commune, tVi)).toBe(
      `Xã Tân Thanh · 12/19 tiêu chí · ${tVi('band.10-14')} · ${tVi('status.synthetic')}`,
    );
  });

  it("gives an area's average, and a recognised unit's tier instead of its band", () => {
    const district: ChoroplethEntry = {
      ...commune,
      code: '182',
      criteriaMet: null,
      criteriaTotal: null,
      synthetic: false,
      averageCriteria: 14.2,
      communesAssessed: 17,
    };
    expect(tooltipText({ code: '182', name: 'Huyện Văn Lãng' }, district, tEn)).toBe(
      `Huyện Văn Lãng · average 14.2 criteria per commune · ${tEn('band.10-14')}`,
    );
    const recognised: ChoroplethEntry = { ...commune, criteriaMet: 19, band: 'recognised', displayBand: 'advanced', tier: 'ADVANCED', synthetic: false };
    expect(tooltipText({ code: '06097', name: 'Xã Tân Thanh' }, recognised, tEn)).toBe(`Xã Tân Thanh · 19/19 criteria · ${tEn('status.tier.ADVANCED')}`);
  });

  it('gives the name alone for a unit without data', () => {
    expect(tooltipText({ code: '06097', name: 'Xã Tân Thanh' }, undefined, tEn)).toBe('Xã Tân Thanh');
  });
});

describe('layer alerts', () => {
  it('names the units without a boundary and counts a truncated list', () => {
    expect(alertMessage({ kind: 'no-polygon', units: ['Tân Thanh', 'Hoàng Văn Thụ'] }, tVi)).toBe('Chưa có ranh giới: Tân Thanh, Hoàng Văn Thụ');
    expect(alertMessage({ kind: 'truncated', shown: 400, total: 512 }, tEn)).toBe('Showing only 400/512 units');
  });
});
