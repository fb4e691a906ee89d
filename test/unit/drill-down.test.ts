import { describe, expect, it } from 'vitest';
import { childLevel, climbTo, crumbLabels, drawnLevel, drillInto, mapParent, type UnitRef } from '../../web/src/navigation/drill-down.ts';
import { parseViewState, serializeViewState } from '../../web/src/navigation/url-state.ts';
import { boundsOf } from '../../web/src/map/bounds.ts';
import { legendCounts } from '../../web/src/layers/choropleth.loader.ts';
import { emptyFilters } from '../../web/src/planning/planner-filters.ts';
import { bandColours, bandRamp, displayBand, setBandColours } from '../../web/src/map/map-style.ts';

const langSon: UnitRef = { code: '20', shortName: 'Lạng Sơn', level: 'PROVINCE' };
const chiLang: UnitRef = { code: '187', shortName: 'Chi Lăng', level: 'DISTRICT' };
const bangMac: UnitRef = { code: '06328', shortName: 'Bằng Mạc', level: 'COMMUNE' };
const vanAn: UnitRef = { code: '06331', shortName: 'Vân An', level: 'COMMUNE' };

describe('drill-down', () => {
  it('goes country → province → district → commune, drawing the level below', () => {
    let path = drillInto([], langSon);
    expect(path).toEqual([langSon]);
    expect(drawnLevel(path)).toBe('DISTRICT');
    path = drillInto(path, chiLang);
    expect(drawnLevel(path)).toBe('COMMUNE');
    path = drillInto(path, bangMac);
    expect(path).toEqual([langSon, chiLang, bangMac]);
    // A commune has no level below: the map keeps its district's communes and highlights it.
    expect(mapParent(path)).toEqual(chiLang);
    expect(drawnLevel(path)).toBe('COMMUNE');
    expect(childLevel(path)).toBeNull();
  });

  it('selecting a sibling commune replaces the selected one instead of nesting', () => {
    expect(drillInto([langSon, chiLang, bangMac], vanAn)).toEqual([langSon, chiLang, vanAn]);
  });

  it('clicking the current unit again changes nothing', () => {
    const path = [langSon, chiLang];
    expect(drillInto(path, chiLang)).toBe(path);
  });

  it('climbs back up by breadcrumb index (-1 = country)', () => {
    const path = [langSon, chiLang, bangMac];
    expect(climbTo(path, 0)).toEqual([langSon]);
    expect(climbTo(path, -1)).toEqual([]);
    expect(drawnLevel([])).toBe('PROVINCE');
    expect(mapParent([])).toBeNull();
  });
});

describe('breadcrumb labels', () => {
  it('add the level where a name repeats the one above it, and only there', () => {
    const path = [
      { code: '20', shortName: 'Lạng Sơn', level: 'PROVINCE' as const },
      { code: '184', shortName: 'Văn Quan', level: 'DISTRICT' as const },
      { code: '06151', shortName: 'Văn Quan', level: 'COMMUNE' as const },
    ];
    expect(crumbLabels(path, (level) => (level === 'COMMUNE' ? 'cấp xã' : 'cấp huyện'))).toEqual(['Lạng Sơn', 'Văn Quan', 'Văn Quan (cấp xã)']);
  });
});

describe('URL state', () => {
  /** What a link leaves out: no level or set, demo data on, achievements, the screen layout, the average. */
  const linkDefaults = { level: null, set: null, demo: true, plan: false, print: false, measure: 'average', within: null };

  it('round-trips unit, year and language; Vietnamese and the latest year are the defaults', () => {
    const filters = emptyFilters;
    expect(parseViewState('')).toEqual({ unit: null, lang: 'vi', year: 2024, filters, ...linkDefaults });
    expect(parseViewState(serializeViewState({ unit: '187', lang: 'en', year: 2017, filters, demo: true, plan: false }))).toEqual({
      unit: '187',
      lang: 'en',
      year: 2017,
      filters,
      ...linkDefaults,
    });
    expect(serializeViewState({ unit: null, lang: 'vi', year: 2024, filters, demo: true, plan: false })).toBe('');
  });

  it('records documented-only (demo=0) and the plan view (plan=1), and leaves the defaults out of the link', () => {
    const state = { unit: '20', lang: 'vi' as const, year: 2016, filters: emptyFilters, demo: false, plan: true };
    expect(serializeViewState(state)).toBe('?unit=20&year=2016&demo=0&plan=1');
    expect(parseViewState('?unit=20&year=2016&demo=0&plan=1')).toMatchObject({ demo: false, plan: true });
    expect(parseViewState('?demo=1')).toMatchObject({ demo: true, plan: false });
    expect(serializeViewState({ ...state, demo: true, plan: false, print: true, measure: 'lagging' })).toBe('?unit=20&year=2016&print=1&by=lagging');
    expect(parseViewState('?by=lagging&print=1')).toMatchObject({ print: true, measure: 'lagging' });
    expect(parseViewState('?by=nonsense')).toMatchObject({ measure: 'average' });
  });

  it('ignores a unit that is not a GSO code and a year without data', () => {
    expect(parseViewState('?unit=<script>&lang=fr&year=1999')).toEqual({
      unit: null,
      lang: 'vi',
      year: 2024,
      filters: emptyFilters,
      level: null,
      set: null,
      demo: true,
      plan: false,
      print: false,
      measure: 'average',
      within: null,
    });
  });

  it('keeps a national view of every commune (or district) only at country level', () => {
    expect(serializeViewState({ unit: null, lang: 'vi', year: 2024, filters: emptyFilters, level: 'COMMUNE', demo: true, plan: false })).toBe('?level=COMMUNE');
    expect(parseViewState('?level=COMMUNE&year=2020').level).toBe('COMMUNE');
    expect(parseViewState('?level=VILLAGE').level).toBeNull();
    expect(serializeViewState({ unit: '20', lang: 'vi', year: 2024, filters: emptyFilters, level: 'COMMUNE', demo: true, plan: false })).toBe('?unit=20');
  });
});

describe('boundsOf', () => {
  it('joins the boxes of units that have one', () => {
    expect(boundsOf([{ bbox: [106, 21, 107, 22] }, { bbox: null }, { bbox: [105.5, 21.5, 106.5, 22.5] }])).toEqual([105.5, 21, 107, 22.5]);
    expect(boundsOf([{ bbox: null }])).toBeNull();
  });
});

describe('legendCounts', () => {
  const label = (vi: string, en: string) => ({ labelVi: vi, labelEn: en });
  const nineteen = [
    { code: 'lt5', ...label('Dưới 5 tiêu chí', 'Under 5 criteria'), meetsStandard: false },
    { code: '5-9', ...label('Từ 5 đến 9 tiêu chí', '5–9 criteria'), meetsStandard: false },
    { code: '10-14', ...label('Từ 10 đến 14 tiêu chí', '10–14 criteria'), meetsStandard: false },
    { code: '15-18', ...label('Từ 15 đến 18 tiêu chí', '15–18 criteria'), meetsStandard: false },
    { code: 'all-met', ...label('Đạt đủ 19 tiêu chí', 'All 19 criteria met'), meetsStandard: true },
  ];
  const ten = [
    { code: 'lt3', ...label('Dưới 3 tiêu chí', 'Under 3 criteria'), meetsStandard: false },
    { code: '3-5', ...label('Từ 3 đến 5 tiêu chí', '3–5 criteria'), meetsStandard: false },
    { code: '6-7', ...label('Từ 6 đến 7 tiêu chí', '6–7 criteria'), meetsStandard: false },
    { code: '8-9', ...label('Từ 8 đến 9 tiêu chí', '8–9 criteria'), meetsStandard: false },
    { code: 'all-met', ...label('Đạt đủ 10 tiêu chí', 'All 10 criteria met'), meetsStandard: true },
  ];

  it('lists the set’s bands as served, then the tiers and "no data", with zero counts, in the colours they always had', () => {
    const legend = legendCounts([{ displayBand: 'lt5' }, { displayBand: 'recognised' }, { displayBand: 'lt5' }, { displayBand: 'model' }], nineteen);
    expect(legend.map(({ band, count }) => ({ band, count }))).toEqual([
      { band: 'lt5', count: 2 },
      { band: '5-9', count: 0 },
      { band: '10-14', count: 0 },
      { band: '15-18', count: 0 },
      { band: 'all-met', count: 0 },
      { band: 'recognised', count: 1 },
      { band: 'advanced', count: 0 },
      { band: 'model', count: 1 },
      { band: 'no-data', count: 0 },
    ]);
    // The 19-criterion look is unchanged: each class keeps its colour.
    for (const entry of legend) expect(entry.colour, entry.band).toBe(bandColours[entry.band]);
    expect(legend[0].label).toEqual({ vi: 'Dưới 5 tiêu chí', en: 'Under 5 criteria' });
    expect(legend[4].meetsStandard).toBe(true);
    expect(legend[5].label).toBeUndefined();
  });

  it('reads a 10-criterion set’s own classes from the set, on the same ramp', () => {
    const legend = legendCounts([{ displayBand: '6-7' }, { displayBand: 'no-data' }], ten);
    expect(legend.map((e) => e.band)).toEqual(['lt3', '3-5', '6-7', '8-9', 'all-met', 'recognised', 'advanced', 'model', 'no-data']);
    expect(legend.slice(0, 5).map((e) => e.colour)).toEqual([...bandRamp]);
    expect(legend.find((e) => e.band === '6-7')).toMatchObject({ count: 1, label: { vi: 'Từ 6 đến 7 tiêu chí', en: '6–7 criteria' } });
  });

  it('colours a set with fewer classes from the ramp’s lagging end, the standard at its end', () => {
    expect(
      setBandColours([
        { code: 'lt4', meetsStandard: false },
        { code: 'all-met', meetsStandard: true },
      ]),
    ).toEqual({ lt4: bandRamp[0], 'all-met': bandRamp[4] });
  });
});

describe('displayBand', () => {
  it('splits recognised units by their highest tier and leaves other bands alone', () => {
    expect(displayBand('recognised', 'STANDARD')).toBe('recognised');
    expect(displayBand('recognised', 'ADVANCED')).toBe('advanced');
    expect(displayBand('recognised', 'MODEL')).toBe('model');
    expect(displayBand('15-18', null)).toBe('15-18');
    expect(displayBand('no-data', null)).toBe('no-data');
  });
});
