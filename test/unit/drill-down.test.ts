import { describe, expect, it } from 'vitest';
import { childLevel, climbTo, drawnLevel, drillInto, mapParent, type UnitRef } from '../../web/src/navigation/drill-down.ts';
import { parseViewState, serializeViewState } from '../../web/src/navigation/url-state.ts';
import { boundsOf } from '../../web/src/map/bounds.ts';
import { legendCounts } from '../../web/src/layers/choropleth.loader.ts';
import { emptyFilters } from '../../web/src/planning/planner-filters.ts';
import { displayBand } from '../../web/src/map/map-style.ts';

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

describe('URL state', () => {
  it('round-trips unit, year and language; Vietnamese and the latest year are the defaults', () => {
    const filters = emptyFilters;
    expect(parseViewState('')).toEqual({ unit: null, lang: 'vi', year: 2024, filters, level: null, set: null });
    expect(parseViewState(serializeViewState({ unit: '187', lang: 'en', year: 2017, filters }))).toEqual({
      unit: '187',
      lang: 'en',
      year: 2017,
      filters,
      level: null,
      set: null,
    });
    expect(serializeViewState({ unit: null, lang: 'vi', year: 2024, filters })).toBe('');
  });

  it('ignores a unit that is not a GSO code and a year without data', () => {
    expect(parseViewState('?unit=<script>&lang=fr&year=1999')).toEqual({ unit: null, lang: 'vi', year: 2024, filters: emptyFilters, level: null, set: null });
  });

  it('keeps a national view of every commune (or district) only at country level', () => {
    expect(serializeViewState({ unit: null, lang: 'vi', year: 2024, filters: emptyFilters, level: 'COMMUNE' })).toBe('?level=COMMUNE');
    expect(parseViewState('?level=COMMUNE&year=2020').level).toBe('COMMUNE');
    expect(parseViewState('?level=VILLAGE').level).toBeNull();
    expect(serializeViewState({ unit: '20', lang: 'vi', year: 2024, filters: emptyFilters, level: 'COMMUNE' })).toBe('?unit=20');
  });
});

describe('boundsOf', () => {
  it('joins the boxes of units that have one', () => {
    expect(boundsOf([{ bbox: [106, 21, 107, 22] }, { bbox: null }, { bbox: [105.5, 21.5, 106.5, 22.5] }])).toEqual([105.5, 21, 107, 22.5]);
    expect(boundsOf([{ bbox: null }])).toBeNull();
  });
});

describe('legendCounts', () => {
  it('lists every band in legend order, with zero counts', () => {
    expect(legendCounts([{ displayBand: 'lt5' }, { displayBand: 'recognised' }, { displayBand: 'lt5' }, { displayBand: 'model' }])).toEqual([
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
