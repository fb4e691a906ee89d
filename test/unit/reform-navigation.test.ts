import { describe, expect, it } from 'vitest';
import { carryAcross, inForce, linkWeight, type Carried, type DatedUnit, type LineageLink } from '../../web/src/navigation/across-years.ts';
import { drawnLevel, drillInto, hierarchyOf, mapParent, childLevel, type UnitRef } from '../../web/src/navigation/drill-down.ts';
import { nationalLevelsOf, parseViewState, serializeViewState, yearRange } from '../../web/src/navigation/url-state.ts';
import { initialView, pathPending, viewReducer } from '../../web/src/view/view-state.ts';
import { mapViewOf } from '../../web/src/view/map-view.ts';
import { placeOf } from '../../web/src/layers/filter-matches.loader.ts';
import { lineageOf } from '../../web/src/layers/lineage.loader.ts';
import { rollUpCounts } from '../../web/src/panels/then-and-now.ts';
import { toCells, type MatchRow } from '../../web/src/planning/match-table.ts';
import { boundariesDateOf } from '../../web/src/view/as-of.ts';

const langSon: UnitRef = { code: '20', shortName: 'Lạng Sơn', level: 'PROVINCE' };
const chiLang: UnitRef = { code: '187', shortName: 'Chi Lăng', level: 'DISTRICT' };
const oldBangMac: UnitRef = { code: '06493', shortName: 'Bằng Mạc', level: 'COMMUNE' };
const bangMac: UnitRef = { code: '06475', shortName: 'Bằng Mạc', level: 'COMMUNE' };
const chiLangCommune: UnitRef = { code: '06463', shortName: 'Chi Lăng', level: 'COMMUNE' };

describe('the two-level years (from 2025)', () => {
  it('a year means the units on 31 December: 2025 is already two-level', () => {
    expect(hierarchyOf(2024)).toBe('three-level');
    expect(hierarchyOf(2025)).toBe('two-level');
    expect(hierarchyOf(2026)).toBe('two-level');
    // Every year before the reform draws the one list of 01/03/2025: the boundaries are asked for once.
    expect(boundariesDateOf(2016)).toBe('2024-12-31');
    expect(boundariesDateOf(2024)).toBe('2024-12-31');
    expect(boundariesDateOf(2026)).toBe('2026-12-31');
  });

  it('drills country → province → commune with no district step, and keeps the communes drawn for a commune', () => {
    let path = drillInto([], langSon, 'two-level');
    expect(childLevel(path, 'two-level')).toBe('COMMUNE');
    expect(drawnLevel(path, 'two-level')).toBe('COMMUNE');
    path = drillInto(path, bangMac, 'two-level');
    expect(path).toEqual([langSon, bangMac]);
    expect(mapParent(path, 'two-level')).toEqual(langSon);
    expect(drawnLevel(path, 'two-level')).toBe('COMMUNE');
    // A sibling replaces the selected commune.
    expect(drillInto(path, chiLangCommune, 'two-level')).toEqual([langSon, chiLangCommune]);
    // The three-level rule is unchanged.
    expect(drawnLevel([langSon], 'three-level')).toBe('DISTRICT');
  });

  it("draws a province's communes in 2026 (filters or not), and never a national district layer", () => {
    const at = (search: string, path: UnitRef[]) => viewReducer(initialView(parseViewState(search)), { type: 'path-resolved', path });
    expect(mapViewOf(at('?unit=20&year=2026', [langSon]), null)).toMatchObject({
      level: 'COMMUNE',
      scope: { code: '20' },
      showCommunes: false,
      hierarchy: 'two-level',
    });
    expect(mapViewOf(at('?unit=20&year=2026&flags=border', [langSon]), null)).toMatchObject({ level: 'COMMUNE', showCommunes: false, filtering: true });
    expect(mapViewOf(at('?unit=06475&year=2026', [langSon, bangMac]), null)).toMatchObject({
      scope: { code: '20' },
      selected: { code: '06475' },
      level: 'COMMUNE',
    });
    // A linked national district view has no units after the reform: the provinces are drawn.
    expect(mapViewOf(at('?level=DISTRICT&year=2026', []), null)).toMatchObject({ level: 'PROVINCE', tilesLevel: null });
    expect(mapViewOf(at('?level=COMMUNE&year=2026', []), null)).toMatchObject({ level: 'COMMUNE', tilesLevel: 'COMMUNE' });
    expect(mapViewOf(at('?level=DISTRICT&year=2024', []), null)).toMatchObject({ tilesLevel: 'DISTRICT' });
    expect(nationalLevelsOf('two-level')).toEqual(['PROVINCE', 'COMMUNE']);
    expect(nationalLevelsOf('three-level')).toEqual(['PROVINCE', 'DISTRICT', 'COMMUNE']);
  });

  it('offers every year from 2016 to the current one, and links keep a reform year', () => {
    expect(yearRange(new Date('2026-11-29T12:00:00Z'))).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(yearRange(new Date('2027-01-01T00:00:00Z')).at(-1)).toBe(2027);
    const thisYear = new Date().getUTCFullYear();
    expect(parseViewState(`?year=${thisYear}`).year).toBe(thisYear);
    expect(parseViewState(`?year=${thisYear + 1}`).year).toBe(2024);
    expect(serializeViewState(parseViewState('?unit=20&year=2025'))).toBe('?unit=20&year=2025');
  });
});

const link = (code: string, name: string, part: LineageLink['part'] = 'FULL', areaShare: number | null = null): LineageLink => ({
  part,
  areaShare,
  effectiveDate: '2025-07-01',
  unit: { code, name },
});

describe('a selection followed across the reform by (code, date)', () => {
  const giaLoc: DatedUnit = {
    code: '06475',
    name: 'Xã Gia Lộc',
    validFrom: null,
    validTo: '2025-07-01',
    predecessors: [],
    successors: [link('06475', 'Xã Bằng Mạc')],
  };
  const newBangMac: DatedUnit = {
    code: '06475',
    name: 'Xã Bằng Mạc',
    validFrom: '2025-07-01',
    validTo: null,
    predecessors: [link('06493', 'Xã Bằng Mạc'), link('06475', 'Xã Gia Lộc'), link('06487', 'Xã Bằng Hữu'), link('06490', 'Xã Thượng Cường')],
    successors: [],
  };

  it('keeps a unit in force on the new date (validFrom ≤ date < validTo)', () => {
    expect(inForce(giaLoc, '2024-12-31')).toBe(true);
    expect(inForce(giaLoc, '2025-07-01')).toBe(false);
    expect(carryAcross(giaLoc, '2016-12-31')).toEqual({ kind: 'same', code: '06475' });
  });

  it('goes to the successor after the reform and names it, even where the code was re-used', () => {
    expect(carryAcross(giaLoc, '2026-12-31')).toEqual({
      kind: 'successor',
      code: '06475',
      from: 'Xã Gia Lộc',
      to: 'Xã Bằng Mạc',
      others: [],
      date: '2025-07-01',
    });
  });

  it('goes to the predecessor with the greatest share before the reform (ties by code), naming the others', () => {
    const carried = carryAcross(newBangMac, '2024-12-31');
    expect(carried).toMatchObject({ kind: 'predecessor', code: '06475', to: 'Xã Gia Lộc' });
    expect(carried.kind === 'predecessor' && carried.others).toEqual(['Xã Bằng Hữu', 'Xã Thượng Cường', 'Xã Bằng Mạc']);
  });

  it('a split unit goes to the part holding most of its area; no lineage means no unit', () => {
    const split: DatedUnit = {
      ...giaLoc,
      successors: [link('1', 'Xã A', 'PARTIAL', 0.3), link('2', 'Xã B', 'PARTIAL', 0.7), link('3', 'Xã C', 'PARTIAL', null)],
    };
    expect(carryAcross(split, '2026-12-31')).toMatchObject({ kind: 'successor', code: '2', others: ['Xã A', 'Xã C'] });
    expect(linkWeight({ part: 'PARTIAL', areaShare: null })).toBe(0);
    expect(carryAcross({ ...giaLoc, successors: [] }, '2026-12-31')).toEqual({ kind: 'none', from: 'Xã Gia Lộc' });
  });

  it('a new year with a unit selected waits for the unit of that year, keeps the old path on screen, then says what it became', () => {
    const oldPath = [langSon, chiLang, oldBangMac];
    const here = viewReducer(initialView(parseViewState('?unit=06493&year=2024')), { type: 'path-resolved', path: oldPath });
    const moved = viewReducer(here, { type: 'changed', changes: { year: 2026 } });
    expect(moved).toMatchObject({ path: oldPath, carry: { code: '06493', fromYear: 2024 }, record: 'replace' });
    // Not looked up by its code in 2026 (that could be another unit), and nothing drawn meanwhile.
    expect(pathPending(moved)).toBeNull();
    expect(mapViewOf(moved, null)).toBeNull();
    // A second change before the answer still starts from the year the unit was chosen in.
    expect(viewReducer(moved, { type: 'changed', changes: { year: 2025 } }).carry).toEqual({ code: '06493', fromYear: 2024 });
    const carried: Carried = { kind: 'successor', code: '06475', from: 'Xã Bằng Mạc', to: 'Xã Bằng Mạc', others: [], date: '2025-07-01' };
    const arrived = viewReducer(moved, { type: 'carried', path: [langSon, bangMac], carried });
    expect(arrived).toMatchObject({ path: [langSon, bangMac], notice: carried, record: 'replace' });
    expect(arrived.carry).toBeUndefined();
    expect(serializeViewState(arrived.url)).toBe('?unit=06475&year=2026');
    // A change that keeps the unit says nothing; other changes do not look the unit up again.
    expect(viewReducer(moved, { type: 'carried', path: oldPath, carried: { kind: 'same', code: '06493' } }).notice).toBeNull();
    expect(viewReducer(arrived, { type: 'changed', changes: { lang: 'en' } }).carry).toBeUndefined();
    // Years on the same side of the reform share one list of units: the selection stays as it is.
    const sameSide = viewReducer(here, { type: 'changed', changes: { year: 2016 } });
    expect(sameSide).toMatchObject({ path: oldPath, url: { unit: '06493', year: 2016 } });
    expect(sameSide.carry).toBeUndefined();
    expect(viewReducer(arrived, { type: 'changed', changes: { year: 2025 } })).toMatchObject({ path: [langSon, bangMac], notice: null });
    // No unit on the new date: the country, with the notice.
    const lost = viewReducer(moved, { type: 'carried', path: null, carried: { kind: 'none', from: 'Huyện Chi Lăng' } });
    expect(lost).toMatchObject({ path: [], notice: { kind: 'none' } });
    expect(lost.url.unit).toBeNull();
  });
});

describe('then and now', () => {
  const unit = {
    code: '06475',
    name: 'Xã Bằng Mạc',
    level: 'COMMUNE' as const,
    predecessors: [
      {
        part: 'FULL' as const,
        areaShare: null,
        effectiveDate: '2025-07-01',
        kind: 'merge',
        source: 'crosswalk',
        unit: {
          code: '06493',
          name: 'Xã Bằng Mạc',
          shortName: 'Bằng Mạc',
          level: 'COMMUNE' as const,
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [106, 21],
                [106.1, 21],
                [106.1, 21.1],
                [106, 21],
              ],
            ],
          },
        },
      },
      {
        part: 'PARTIAL' as const,
        areaShare: 0.4,
        effectiveDate: '2025-07-01',
        kind: 'merge',
        source: 'crosswalk',
        unit: { code: '06487', name: 'Xã Bằng Hữu', shortName: 'Bằng Hữu', level: 'COMMUNE' as const, geometry: null },
      },
      {
        part: 'FULL' as const,
        areaShare: null,
        effectiveDate: '2025-07-01',
        kind: 'merge',
        source: 'crosswalk',
        unit: { code: '06490', name: 'Xã Thượng Cường', shortName: 'Thượng Cường', level: 'COMMUNE' as const, geometry: null },
      },
    ],
    successors: [],
    rollUp: {
      derived: true,
      upToYear: 2026,
      predecessors: [
        {
          weight: 1,
          year: 2024,
          link: { unit: { code: '06493' } },
          status: { criteriaMet: 19, criteriaTotal: 19, band: 'recognised', tier: 'STANDARD' as const, synthetic: false },
          assessment: { synthetic: false, sourceRef: 'Phụ lục 2', sourceDocument: { key: 'ls-2024', number: '245/KH-UBND', title: 'Kế hoạch' } },
        },
        {
          weight: 0.4,
          year: 2024,
          link: { unit: { code: '06487' } },
          status: { criteriaMet: 15, criteriaTotal: 19, band: '15-18', tier: null, synthetic: true },
          assessment: null,
        },
        { weight: 1, year: null, link: { unit: { code: '06490' } }, status: null, assessment: null },
      ],
    },
  };

  it('lists each predecessor with its own last record and outlines those with a polygon', () => {
    // The fixture stands for the API's answer; only the fields the loader reads are given.
    const lineage = lineageOf(unit as unknown as Parameters<typeof lineageOf>[0]);
    expect(lineage.entries.map((e) => [e.code, e.relation, e.part, e.last?.year ?? null])).toEqual([
      ['06493', 'predecessor', 'FULL', 2024],
      ['06487', 'predecessor', 'PARTIAL', 2024],
      ['06490', 'predecessor', 'FULL', null],
    ]);
    expect(lineage.entries[0].last?.assessment?.sourceDocument?.number).toBe('245/KH-UBND');
    expect(lineage.outlines.map((f) => f.properties)).toEqual([{ code: '06493', name: 'Xã Bằng Mạc', relation: 'predecessor' }]);
    expect(rollUpCounts(lineage.entries)).toEqual({ total: 3, recognised: 1, assessed: 1, noData: 1, synthetic: 1 });
  });
});

describe('places and exports without districts', () => {
  it("names a commune's district and province by level, not by depth", () => {
    const province = { code: '20', shortName: 'Lạng Sơn', level: 'PROVINCE' };
    expect(placeOf({ parent: { code: '187', shortName: 'Chi Lăng', level: 'DISTRICT', parent: province } })).toEqual({
      district: 'Chi Lăng',
      province: 'Lạng Sơn',
    });
    expect(placeOf({ parent: province })).toEqual({ district: null, province: 'Lạng Sơn' });
  });

  it('drops the district column from the export when the headings have none', () => {
    const row: MatchRow = {
      code: '06475',
      name: 'Xã Bằng Mạc',
      district: null,
      province: 'Lạng Sơn',
      flags: [],
      criteriaMet: 7,
      criteriaTotal: 10,
      band: '6-7',
      tier: null,
      missing: [],
      synthetic: true,
    };
    const headings = {
      code: 'c',
      name: 'n',
      province: 'p',
      flags: 'f',
      criteriaMet: 'm',
      criteriaTotal: 't',
      band: 'b',
      tier: 'ti',
      missing: 'mi',
      synthetic: 's',
    };
    const labels = { band: (b: string) => b, tier: (t: string) => t, yes: 'yes' };
    expect(toCells([row], headings, labels)).toEqual([
      ['c', 'n', 'p', 'f', 'm', 't', 'b', 'ti', 'mi', 's'],
      ['06475', 'Xã Bằng Mạc', 'Lạng Sơn', '', 7, 10, '6-7', null, '', 'yes'],
    ]);
    expect(toCells([{ ...row, district: 'Chi Lăng' }], { ...headings, district: 'd' }, labels)[1].slice(0, 4)).toEqual([
      '06475',
      'Xã Bằng Mạc',
      'Chi Lăng',
      'Lạng Sơn',
    ]);
  });
});
