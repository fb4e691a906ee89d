import { describe, expect, it } from 'vitest';
import { initialView, pathPending, viewReducer, type AtlasView } from '../../web/src/view/view-state.ts';
import { mapViewOf } from '../../web/src/view/map-view.ts';
import { parseViewState, serializeViewState } from '../../web/src/navigation/url-state.ts';
import type { DrillPath } from '../../web/src/navigation/drill-down.ts';

const langSon: DrillPath = [{ code: '20', shortName: 'Lạng Sơn', level: 'PROVINCE' }];
const vanLang: DrillPath = [...langSon, { code: '182', shortName: 'Văn Lãng', level: 'DISTRICT' }];
const tanThanh: DrillPath = [...vanLang, { code: '06097', shortName: 'Tân Thanh', level: 'COMMUNE' }];

const start = (search: string) => initialView(parseViewState(search));

describe('the map page view state', () => {
  it('starts at the country, or waits for the linked unit to be looked up', () => {
    expect(start('')).toMatchObject({ path: [], record: null });
    const linked = start('?unit=06097&year=2019');
    expect(linked).toMatchObject({ path: null, record: null });
    expect(pathPending(linked)).toBe('06097');
    const resolved = viewReducer(linked, { type: 'path-resolved', path: tanThanh });
    expect(resolved.path).toBe(tanThanh);
    expect(pathPending(resolved)).toBeNull();
    // Looking up a linked unit writes no history entry.
    expect(resolved.record).toBeNull();
    expect(serializeViewState(resolved.url)).toBe('?unit=06097&year=2019');
  });

  it('leaves a unit that cannot be found for the country, and later links drop it', () => {
    const failed = viewReducer(start('?unit=99&year=2018'), { type: 'path-resolved', path: null });
    expect(failed.path).toEqual([]);
    expect(pathPending(failed)).toBeNull();
    expect(serializeViewState(viewReducer(failed, { type: 'changed', changes: { year: 2017 } }).url)).toBe('?year=2017');
  });

  it('records drilling as a new history entry and other changes in place', () => {
    const drilled = viewReducer(start('?year=2017'), { type: 'navigated', path: vanLang });
    expect(drilled).toMatchObject({ path: vanLang, record: 'push' });
    expect(serializeViewState(drilled.url)).toBe('?unit=182&year=2017');
    const filtered = viewReducer(drilled, { type: 'changed', changes: { filters: { flags: ['border'], bands: [], missingCriterion: null, tier: null } } });
    expect(filtered.record).toBe('replace');
    expect(filtered.path).toBe(vanLang);
    expect(serializeViewState(filtered.url)).toBe('?unit=182&year=2017&flags=border');
    const english = viewReducer(filtered, { type: 'changed', changes: { lang: 'en' } });
    expect(serializeViewState(english.url)).toBe('?unit=182&year=2017&flags=border&lang=en');
    const climbed = viewReducer(english, { type: 'navigated', path: [] });
    expect(serializeViewState(climbed.url)).toBe('?year=2017&flags=border&lang=en');
  });

  it('keeps the planners’ list where it was made when a row of it is opened, and only then', () => {
    const filtered = viewReducer(start('?year=2017&bands=lt5'), { type: 'navigated', path: vanLang.slice(0, 1) });
    const opened = viewReducer(filtered, { type: 'navigated', path: vanLang, keepList: { within: '20' } });
    expect(serializeViewState(opened.url)).toBe('?unit=182&year=2017&within=20&bands=lt5');
    const clicked = viewReducer(opened, { type: 'navigated', path: vanLang.slice(0, 1) });
    expect(clicked.url.within).toBeNull();
  });

  it('chooses a national level as a new history entry at country level', () => {
    const communes = viewReducer(start(''), { type: 'national-level-chosen', level: 'COMMUNE' });
    expect(communes).toMatchObject({ path: [], record: 'push' });
    expect(serializeViewState(communes.url)).toBe('?level=COMMUNE');
  });

  it('restores Back and Forward from the URL, keeping the language and the path on screen until the new one is found', () => {
    const here: AtlasView = viewReducer(viewReducer(start('?lang=en'), { type: 'navigated', path: tanThanh }), { type: 'changed', changes: { year: 2019 } });
    const back = viewReducer(here, { type: 'restored', url: parseViewState('?unit=20&year=2017') });
    expect(back).toMatchObject({ path: tanThanh, record: null });
    expect(back.url).toMatchObject({ unit: '20', year: 2017, lang: 'en' });
    expect(pathPending(back)).toBe('20');
    const country = viewReducer(here, { type: 'restored', url: parseViewState('?year=2016') });
    expect(country.path).toEqual([]);
    expect(pathPending(country)).toBeNull();
  });
});

describe('what the map shows for a view', () => {
  const view = (search: string, path: DrillPath) => viewReducer(start(search), { type: 'path-resolved', path });

  it('draws nothing until the linked unit is known', () => {
    expect(mapViewOf(start('?unit=20'), null)).toBeNull();
  });

  it("draws a province's districts, a district's communes, and a commune among its neighbours", () => {
    expect(mapViewOf(view('', []), null)).toMatchObject({ scope: null, level: 'PROVINCE', tilesLevel: null });
    expect(mapViewOf(view('?unit=20', langSon), null)).toMatchObject({ scope: { code: '20' }, level: 'DISTRICT', showCommunes: false });
    expect(mapViewOf(view('?unit=06097', tanThanh), 'commune-advanced-2021')).toMatchObject({
      scope: { code: '182' },
      level: 'COMMUNE',
      set: 'commune-advanced-2021',
    });
  });

  it("draws a province's communes when filters are on, and a whole level from tiles at country level", () => {
    expect(mapViewOf(view('?unit=20&flags=border', langSon), null)).toMatchObject({ level: 'COMMUNE', showCommunes: true, filtering: true });
    expect(mapViewOf(view('?unit=182&flags=border', vanLang), null)).toMatchObject({ level: 'COMMUNE', showCommunes: false });
    expect(mapViewOf(view('?level=DISTRICT', []), null)).toMatchObject({ level: 'DISTRICT', tilesLevel: 'DISTRICT' });
  });
});
