import { describe, expect, it } from 'vitest';
import { crs84, epsg4326, maxLimit, parseFeatureQuery, withOffset } from '../../api/src/modules/ogc/feature-query.ts';
import { geoPackageGeometry } from '../../api/src/modules/ogc/geopackage.ts';
import { collectionId } from '../../api/src/modules/ogc/feature.service.ts';
import { plannerDownloadUrl } from '../../web/src/planning/planner-filters.ts';

const parse = (query: Record<string, string>) => parseFeatureQuery(query, { limit: 100 });

describe('OGC API – Features query parameters', () => {
  it('reads bbox in CRS84 as given and in EPSG:4326 latitude first', () => {
    expect(parse({ bbox: '106,21,107.5,22.5' }).bbox).toEqual([106, 21, 107.5, 22.5]);
    expect(parse({ bbox: '21,106,22.5,107.5', 'bbox-crs': epsg4326 }).bbox).toEqual([106, 21, 107.5, 22.5]);
    expect(() => parse({ bbox: '106,23,107,22' })).toThrow(/bbox/);
  });

  it('defaults and caps the page, and refuses unknown or repeated parameters with the parameter named', () => {
    expect(parse({})).toMatchObject({ limit: 100, offset: 0, crs: crs84, simplify: 0 });
    expect(parse({ limit: String(maxLimit) }).limit).toBe(maxLimit);
    expect(() => parse({ limit: String(maxLimit + 1) })).toThrow(/limit must be an integer from 1 to 10000/);
    expect(() => parse({ colour: 'red' })).toThrow(/unknown query parameter "colour"/);
    expect(() => parseFeatureQuery({ band: ['lt5', '5-9'] }, { limit: 100 })).toThrow(/given once/);
  });

  it('takes the status year from year or from a datetime instant, never an interval', () => {
    expect(parse({ year: '2024' }).year).toBe(2024);
    expect(parse({ datetime: '2023-12-31T00:00:00Z' }).year).toBe(2023);
    expect(() => parse({ datetime: '2020-01-01/2024-12-31' })).toThrow(/intervals/);
    expect(() => parse({ year: '2024', datetime: '2024' })).toThrow(/not both/);
  });

  it('reads the status filters as the planners’ filter takes them', () => {
    expect(parse({ band: 'lt5,5-9', tier: 'advanced', demo: 'false', missing: '5', border: 'true', within: '20' })).toMatchObject({
      band: ['lt5', '5-9'],
      tier: 'advanced',
      demo: false,
      missing: 5,
      border: true,
      within: '20',
    });
    // Band codes are data of each year's criteria set ("6-7" exists only in the 10-criterion set), so only their shape is checked here.
    expect(parse({ band: '6-7,8-9' }).band).toEqual(['6-7', '8-9']);
    expect(() => parse({ band: 'lt5;drop' })).toThrow(/band takes/);
    expect(() => parse({ band: 'Lt5' })).toThrow(/band takes/);
    expect(() => parse({ tier: 'ADVANCED' })).toThrow(/tier takes/);
  });

  it('keeps every other parameter in next and prev links', () => {
    expect(withOffset({ bbox: '1,2,3,4', limit: '5', offset: '5' }, 10)).toBe('bbox=1%2C2%2C3%2C4&limit=5&offset=10');
    expect(withOffset({ limit: '5', offset: '5' }, 0)).toBe('limit=5');
  });

  it('names collections by level and code list', () => {
    expect(collectionId('commune', 'gso-2025-03')).toBe('communes-2025-03');
    expect(collectionId('province', 'gso-2025-07')).toBe('provinces-2025-07');
  });
});

describe('GeoPackage geometry blobs', () => {
  it('start with the GP header: version 0, little endian with an xy envelope, SRS id, then the WKB', () => {
    const wkb = Buffer.from('0106000000', 'hex');
    const blob = geoPackageGeometry(wkb, [106, 21, 107, 22], 4326);
    expect(blob.subarray(0, 2).toString('ascii')).toBe('GP');
    expect(blob[2]).toBe(0);
    expect(blob[3]).toBe(0b11);
    expect(blob.readInt32LE(4)).toBe(4326);
    expect([0, 1, 2, 3].map((i) => blob.readDoubleLE(8 + i * 8))).toEqual([106, 107, 21, 22]);
    expect(blob.subarray(40)).toEqual(wkb);
  });
});

describe('the planners’ download', () => {
  it('asks the API for the same communes as the table’s filter', () => {
    const url = plannerDownloadUrl({ flags: ['border', 'dbkk'], bands: ['lt5', '5-9'], missingCriterion: 7, tier: 'ADVANCED' }, 2024, '20', 'gpkg');
    expect(url).toBe('/ogc/collections/communes-2025-03/items?f=gpkg&year=2024&within=20&border=true&dbkk=true&band=lt5%2C5-9&missing=7&tier=advanced');
    const nationwide = new URL(plannerDownloadUrl({ flags: [], bands: [], missingCriterion: null, tier: null }, 2020, null, 'csv'), 'http://x');
    expect([...nationwide.searchParams.keys()]).toEqual(['f', 'year']);
  });

  it('lists the communes of the code list the map draws for the year, across the 2025 reform', () => {
    const none = { flags: [], bands: [], missingCriterion: null, tier: null };
    expect(plannerDownloadUrl(none, 2024, '20', 'gpkg')).toMatch(/^\/ogc\/collections\/communes-2025-03\/items\?/);
    expect(plannerDownloadUrl(none, 2026, '20', 'gpkg')).toMatch(/^\/ogc\/collections\/communes-2025-07\/items\?/);
  });
});
