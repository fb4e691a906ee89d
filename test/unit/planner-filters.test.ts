import { describe, expect, it } from 'vitest';
import {
  bandChoices,
  criterionChoices,
  emptyFilters,
  hasFilters,
  isBandCode,
  parseFilters,
  toggle,
  unitFilterFor,
  writeFilters,
} from '../../web/src/planning/planner-filters.ts';
import { bandRankOf, neutraliseFormula, nextOrder, sortRows, toCsv, type MatchRow } from '../../web/src/planning/match-table.ts';
import { parseViewState, serializeViewState } from '../../web/src/navigation/url-state.ts';
import { historySeries, plansVersusAchievement } from '../../web/src/panels/unit-history.ts';
import { effectiveSet, setsFor } from '../../web/src/navigation/criteria-sets.ts';

describe('planner filters in the URL', () => {
  it('round-trips every filter with unit, year and language', () => {
    const state = {
      unit: '20',
      year: 2017,
      lang: 'en' as const,
      filters: { flags: ['border', 'dbkk'], bands: ['lt5', '5-9'], missingCriterion: 5, tier: 'ADVANCED' as const },
      demo: true,
      plan: false,
    };
    const url = serializeViewState(state);
    expect(url).toBe('?unit=20&year=2017&flags=border%2Cdbkk&bands=lt5%2C5-9&missing=5&tier=ADVANCED&lang=en');
    expect(parseViewState(url)).toEqual({ ...state, level: null, set: null, print: false, measure: 'average', within: null });
  });

  it('keeps a chosen criteria set in the link', () => {
    const url = serializeViewState({
      unit: '20',
      year: 2024,
      lang: 'vi',
      filters: emptyFilters,
      set: 'commune-advanced-2021-lang-son',
      demo: true,
      plan: false,
    });
    expect(url).toBe('?unit=20&set=commune-advanced-2021-lang-son');
    expect(parseViewState(url).set).toBe('commune-advanced-2021-lang-son');
    expect(parseViewState('?set=%27%3B drop').set).toBeNull();
  });

  it('drops values it does not know instead of sending them to the API', () => {
    const filters = parseFilters(new URLSearchParams('flags=border,evil&bands=lt5,lt5,99&missing=42&tier=GOLD'));
    expect(filters).toEqual({ flags: ['border'], bands: ['lt5'], missingCriterion: null, tier: null });
  });

  it('writes nothing for empty filters', () => {
    const params = new URLSearchParams();
    writeFilters(params, emptyFilters);
    expect(params.toString()).toBe('');
    expect(hasFilters(emptyFilters)).toBe(false);
    expect(hasFilters({ ...emptyFilters, missingCriterion: 1 })).toBe(true);
  });

  it('builds the API filter for communes below a unit, leaving unset filters out', () => {
    expect(unitFilterFor({ flags: ['border'], bands: [], missingCriterion: null, tier: null }, 2024, '20')).toEqual({
      level: 'COMMUNE',
      year: 2024,
      withinCode: '20',
      flags: ['border'],
    });
    expect(unitFilterFor({ flags: [], bands: ['lt5'], missingCriterion: 3, tier: 'MODEL' }, 2017, null)).toEqual({
      level: 'COMMUNE',
      year: 2017,
      bandIn: ['lt5'],
      missingCriterion: 3,
      tier: 'MODEL',
    });
  });

  it('toggles a value in a list', () => {
    expect(toggle(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggle(['a', 'b'], 'a')).toEqual(['b']);
  });
});

const row = (over: Partial<MatchRow>): MatchRow => ({
  code: '00001',
  name: 'Xã A',
  district: 'D',
  province: 'P',
  flags: [],
  criteriaMet: 10,
  criteriaTotal: 19,
  band: '10-14',
  tier: null,
  missing: [],
  synthetic: false,
  ...over,
});

describe('the table of matches', () => {
  const rows = [
    row({ code: '1', name: 'Xã Đồng Bục', criteriaMet: 4, band: 'lt5' }),
    row({ code: '2', name: 'Xã An Hùng', criteriaMet: 19, band: 'recognised', tier: 'STANDARD' }),
    row({ code: '3', name: 'Xã Bằng Mạc', criteriaMet: null, band: 'no-data' }),
  ];

  it('sorts Vietnamese names as Vietnamese readers expect, and by criteria both ways', () => {
    expect(sortRows(rows, { key: 'name', descending: false }).map((r) => r.code)).toEqual(['2', '3', '1']);
    expect(sortRows(rows, { key: 'criteriaMet', descending: true }).map((r) => r.code)).toEqual(['2', '1', '3']);
    expect(sortRows(rows, { key: 'band', descending: false }).map((r) => r.code)).toEqual(['3', '1', '2']);
  });

  it('reverses on a second click and starts criteria high-to-low', () => {
    expect(nextOrder({ key: 'name', descending: false }, 'name')).toEqual({ key: 'name', descending: true });
    expect(nextOrder({ key: 'name', descending: false }, 'criteriaMet')).toEqual({ key: 'criteriaMet', descending: true });
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    for (const text of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(neutraliseFormula('Xã Song Vân')).toBe('Xã Song Vân');
  });

  it('writes CSV with a BOM, quoted fields, numbers as numbers and no live formulas', () => {
    const csv = toCsv(
      [row({ name: '=cmd|" /C calc"!A0', district: 'Chi Lăng, Lạng Sơn', flags: ['border', 'dbkk'], missing: [5, 17], synthetic: true })],
      {
        code: 'code',
        name: 'name',
        district: 'district',
        province: 'province',
        flags: 'flags',
        criteriaMet: 'met',
        criteriaTotal: 'total',
        band: 'band',
        tier: 'tier',
        missing: 'missing',
        synthetic: 'synthetic',
      },
      { band: (b) => `band ${b}`, tier: (t) => t, yes: 'yes' },
    );
    expect(csv.startsWith('\uFEFFcode,name,')).toBe(true);
    const line = csv.split('\r\n')[1];
    expect(line).toBe(`00001,"'=cmd|"" /C calc""!A0","Chi Lăng, Lạng Sơn",P,border dbkk,10,19,band 10-14,,5 17,yes`);
  });
});

describe('a unit history and its plans', () => {
  const set = (code: string, tier = 'standard', provinceCode: string | null = null) => ({ code, tier, provinceCode });
  const status = (criteriaMet: number, tier: string | null = null) => ({ criteriaMet, criteriaTotal: 19, band: tier ? 'recognised' : '10-14', tier });
  const assessments = [
    { year: 2019, synthetic: true, criteriaSet: set('commune-2016'), status: status(9) },
    { year: 2019, synthetic: false, criteriaSet: set('commune-2016'), status: status(11) },
    { year: 2017, synthetic: false, criteriaSet: set('commune-2016'), status: status(8) },
    { year: 2022, synthetic: false, criteriaSet: set('commune-advanced-2021', 'advanced'), status: status(5) },
    { year: 2022, synthetic: false, criteriaSet: set('commune-advanced-2021-lang-son', 'advanced', '20'), status: status(6) },
    { year: 2022, synthetic: true, criteriaSet: set('commune-2021'), status: status(19, 'STANDARD') },
  ];

  it('keeps one national standard figure per year, documented over synthetic, oldest first', () => {
    expect(historySeries(assessments).map((p) => [p.year, p.criteriaMet, p.synthetic])).toEqual([
      [2017, 8, false],
      [2019, 11, false],
      [2022, 19, true],
    ]);
  });

  it('compares plans with the year they name', () => {
    const history = historySeries(assessments);
    const outcomes = plansVersusAchievement(
      [
        { year: 2022, tier: 'ADVANCED', criteriaCount: null, criteria: [], text: 'nâng cao 2022' },
        { year: 2019, tier: null, criteriaCount: 12, criteria: [], text: '12 tiêu chí' },
        { year: 2017, tier: null, criteriaCount: 8, criteria: [], text: '8 tiêu chí' },
        { year: 2025, tier: 'STANDARD', criteriaCount: null, criteria: [], text: 'đạt chuẩn 2025' },
      ],
      history,
    );
    // 2022 is demo data: shown beside the plan, never judged against it.
    expect(outcomes.map((o) => [o.target.year, o.achieved?.criteriaMet ?? null, o.reached])).toEqual([
      [2017, 8, true],
      [2019, 11, false],
      [2022, 19, null],
      [2025, null, null],
    ]);
  });
});

describe('criteria sets that can colour the map', () => {
  const set = (code: string, tier: string, validFrom: number, validTo: number, provinceCode: string | null = null, level = 'COMMUNE') => ({
    code,
    nameVi: code,
    nameEn: code,
    level,
    tier,
    validFrom,
    validTo,
    provinceCode,
  });
  const sets = [
    set('commune-advanced-2021-lang-son', 'advanced', 2022, 2025, '20'),
    set('commune-model-2021', 'model', 2021, 2025),
    set('commune-2016', 'standard', 2016, 2020),
    set('commune-2021', 'standard', 2021, 2025),
    set('commune-advanced-2021', 'advanced', 2021, 2025),
    set('district-2016', 'standard', 2016, 2020, null, 'DISTRICT'),
  ];

  it('offers the year’s commune sets, standard first, a province’s variant only inside it', () => {
    expect(setsFor(sets, 2017, null).map((s) => s.code)).toEqual(['commune-2016']);
    expect(setsFor(sets, 2024, null).map((s) => s.code)).toEqual(['commune-2021', 'commune-advanced-2021', 'commune-model-2021']);
    expect(setsFor(sets, 2024, '20').map((s) => s.code)).toEqual([
      'commune-2021',
      'commune-advanced-2021',
      'commune-advanced-2021-lang-son',
      'commune-model-2021',
    ]);
    expect(setsFor(sets, 2021, '20').map((s) => s.code)).not.toContain('commune-advanced-2021-lang-son');
  });

  it('falls back to the national standard when the chosen set does not apply', () => {
    expect(effectiveSet('commune-model-2021', setsFor(sets, 2024, null))).toBe('commune-model-2021');
    expect(effectiveSet('commune-model-2021', setsFor(sets, 2018, null))).toBeNull();
    expect(effectiveSet('commune-advanced-2021-lang-son', setsFor(sets, 2024, '24'))).toBeNull();
    expect(effectiveSet(null, setsFor(sets, 2024, null))).toBeNull();
  });
});

describe('the table as spreadsheet cells', () => {
  it('keeps numbers as numbers and neutralises text that a spreadsheet would run', async () => {
    const { toCells } = await import('../../web/src/planning/match-table.ts');
    const cells = toCells(
      [row({ name: '@SUM(A1)', criteriaMet: 7 })],
      {
        code: '=code',
        name: 'name',
        district: 'd',
        province: 'p',
        flags: 'f',
        criteriaMet: 'm',
        criteriaTotal: 't',
        band: 'b',
        tier: 'tier',
        missing: 'x',
        synthetic: 's',
      },
      { band: (b) => b, tier: (t) => t, yes: 'yes' },
    );
    expect(cells[0][0]).toBe("'=code");
    expect(cells[1][1]).toBe("'@SUM(A1)");
    expect(cells[1][5]).toBe(7);
    expect(cells[1][8]).toBeNull();
  });
});

describe('band choices read from the criteria set', () => {
  it('offers the set’s own classes as served, then "recognised" and "no data"; the 19-criterion codes until the set loads', () => {
    const ten = ['lt3', '3-5', '6-7', '8-9', 'all-met'].map((band) => ({ band, count: 0, colour: '#000000', label: { vi: band, en: band } }));
    expect(bandChoices([...ten, { band: 'advanced', count: 2, colour: '#2d004b' }]).map((c) => c.band)).toEqual([
      'lt3',
      '3-5',
      '6-7',
      '8-9',
      'all-met',
      'recognised',
      'no-data',
    ]);
    expect(bandChoices([]).map((c) => c.band)).toEqual(['lt5', '5-9', '10-14', '15-18', 'all-met', 'recognised', 'no-data']);
  });

  it('keeps any band code in the URL (bands are data of each set), drops what is not one', () => {
    expect(parseFilters(new URLSearchParams('bands=6-7,8-9,lt3,99,x,DROP')).bands).toEqual(['6-7', '8-9', 'lt3']);
    expect(isBandCode('all-met')).toBe(true);
    expect(isBandCode('99')).toBe(false);
  });
});

describe('band order of the match table', () => {
  it('follows the classes of the set the map shows, "no data" first; the 19-criterion order until they load', () => {
    const classes = ['lt3', '3-5', '6-7', '8-9', 'all-met', 'recognised', 'advanced', 'model', 'no-data'].map((band) => ({ band }));
    expect(bandRankOf(classes)).toEqual(['no-data', 'lt3', '3-5', '6-7', '8-9', 'all-met', 'recognised', 'advanced', 'model']);
    expect(bandRankOf([])[1]).toBe('lt5');
  });
});

describe('missing-criterion choices', () => {
  it('number the criteria of the map’s set (10 for 2026–2030), 19 until it loads; the URL keeps any number the API takes', () => {
    expect(criterionChoices(10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(criterionChoices(null)).toHaveLength(19);
    expect(parseFilters(new URLSearchParams('missing=10')).missingCriterion).toBe(10);
    expect(parseFilters(new URLSearchParams('missing=2.5')).missingCriterion).toBeNull();
    expect(parseFilters(new URLSearchParams('missing=0')).missingCriterion).toBeNull();
  });
});
