import { describe, expect, inject, it } from 'vitest';
import { graphql, queryData } from '../support/graphql.ts';

const servers = inject('servers');

describe.each(servers)('administrative hierarchy on $name', ({ url }) => {
  it('counts the 01/03/2025 code list: 63 provinces, 696 districts, 10,047 communes', async () => {
    const data = await queryData(
      url,
      `{ p: units(filter: {level: PROVINCE, asOf: "2025-03-01"}) { totalCount }
         d: units(filter: {level: DISTRICT, asOf: "2025-03-01"}) { totalCount }
         c: units(filter: {level: COMMUNE, asOf: "2025-03-01"}) { totalCount } }`,
    );
    expect([data.p.totalCount, data.d.totalCount, data.c.totalCount]).toEqual([63, 696, 10047]);
  });

  it('serves Lạng Sơn (20) with its 11 districts, each pointing back to it', async () => {
    const { unit } = await queryData(
      url,
      `{ unit(code: "20", asOf: "2025-03-01") { code name shortName level kind children { code name level parent { code } } } }`,
    );
    expect(unit).toMatchObject({ code: '20', name: 'Tỉnh Lạng Sơn', shortName: 'Lạng Sơn', level: 'PROVINCE', kind: 'Tỉnh' });
    expect(unit.children).toHaveLength(11);
    expect(unit.children.map((c: any) => c.name)).toContain('Huyện Đình Lập');
    for (const child of unit.children) expect(child).toMatchObject({ level: 'DISTRICT', parent: { code: '20' } });
  });

  it.each(['lang son', 'Lạng Sơn', 'LẠNG SƠN', 'Lạng Sơn'.normalize('NFD'), 'lạng  sơn'])(
    'finds the province Lạng Sơn first when searching %j',
    async (search) => {
      const { units } = await queryData(url, `query($s: String!) { units(filter: {search: $s, asOf: "2025-03-01"}) { nodes { code level } } }`, { s: search });
      expect(units.nodes[0]).toEqual({ code: '20', level: 'PROVINCE' });
    },
  );

  it('handles đ/Đ: "dinh lap" and "Đình Lập" find the same units, the district first', async () => {
    const query = `query($s: String!) { units(filter: {search: $s, asOf: "2025-03-01"}) { totalCount nodes { code name } } }`;
    const folded = await queryData(url, query, { s: 'dinh lap' });
    const written = await queryData(url, query, { s: 'Đình Lập' });
    expect(folded.units.nodes[0]).toEqual({ code: '189', name: 'Huyện Đình Lập' });
    expect(folded.units.nodes.map((n: any) => n.name)).toEqual(expect.arrayContaining(['Thị trấn Đình Lập', 'Xã Đình Lập']));
    expect(written.units).toEqual(folded.units);
  });

  it('combines search with a parent and returns the chain of ancestors', async () => {
    const { units } = await queryData(
      url,
      `{ units(filter: {search: "bang mac", parentCode: "187", asOf: "2025-03-01"}) { nodes { code name ancestors { code } parent { name } } } }`,
    );
    expect(units.nodes).toHaveLength(1);
    expect(units.nodes[0]).toMatchObject({ name: 'Xã Bằng Mạc', ancestors: [{ code: '20' }, { code: '187' }], parent: { name: 'Huyện Chi Lăng' } });
  });

  it('pages through all provinces with cursors, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { units }: { units: any } = await queryData(
        url,
        `query($after: String) { units(filter: {level: PROVINCE, asOf: "2025-03-01"}, first: 10, after: $after) { totalCount nodes { code } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      seen.push(...units.nodes.map((n: any) => n.code));
      if (!units.pageInfo.hasNextPage) break;
      after = units.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(63);
    expect(new Set(seen).size).toBe(63);
    expect([...seen].sort()).toEqual(seen);
  });

  it('returns boundaries as GeoJSON MultiPolygons, simplified on request, with bbox and centroid', async () => {
    const { full, simple } = await queryData(
      url,
      `{ full: unit(code: "20", asOf: "2025-03-01") { geometry bbox centroid areaKm2 geomSource }
         simple: unit(code: "20", asOf: "2025-03-01") { geometry(simplify: 0.01) } }`,
    );
    const count = (g: any) => g.coordinates.flat(2).length;
    expect(full.geometry.type).toBe('MultiPolygon');
    expect(simple.geometry.type).toBe('MultiPolygon');
    expect(count(simple.geometry)).toBeLessThan(count(full.geometry) / 5);
    const [west, south, east, north] = full.bbox;
    const [lon, lat] = full.centroid.coordinates;
    expect(lon).toBeGreaterThan(west);
    expect(lon).toBeLessThan(east);
    expect(lat).toBeGreaterThan(south);
    expect(lat).toBeLessThan(north);
    // Lạng Sơn is about 8,310 km² (GSO); the GADM outline is within a few percent of that.
    expect(full.areaKm2).toBeGreaterThan(8000);
    expect(full.areaKm2).toBeLessThan(8600);
    expect(full.geomSource).toBe('gadm41-derived-2025-03');
  });

  it('keeps units that have no polygon, with a null geometry', async () => {
    const { unit } = await queryData(url, `{ unit(code: "03003") { name level geometry bbox areaKm2 } }`);
    expect(unit).toEqual({ name: 'Phường Ô Quý Hồ', level: 'COMMUNE', geometry: null, bbox: null, areaKm2: null });
  });

  it('marks districts as ended by the July 2025 reform', async () => {
    const { unit } = await queryData(url, `{ unit(code: "187") { validTo codeList } }`);
    expect(unit).toEqual({ validTo: '2025-07-01', codeList: 'gso-2025-03' });
  });
});

describe.each(servers)('errors on $name carry extensions.code', ({ url }) => {
  const codeOf = async (query: string, variables?: Record<string, unknown>) => (await graphql(url, query, variables)).errors?.[0]?.extensions?.code;

  it('NOT_FOUND for a code no unit has', async () => {
    const result = await graphql(url, `{ unit(code: "99") { name } }`);
    expect(result.errors?.[0]).toMatchObject({ message: 'AdminUnit "99" does not exist', extensions: { code: 'NOT_FOUND' } });
    expect(await codeOf(`{ units(filter: {parentCode: "999"}) { totalCount } }`)).toBe('NOT_FOUND');
  });

  it('BAD_USER_INPUT for malformed codes, page sizes, tolerances and cursors', async () => {
    const bad = await graphql(url, `{ unit(code: "2O") { name } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'code' }] });
    expect(await codeOf(`{ units(first: 5000) { totalCount } }`)).toBe('BAD_USER_INPUT');
    expect(await codeOf(`{ units(first: 0) { totalCount } }`)).toBe('BAD_USER_INPUT');
    expect(await codeOf(`{ units(filter: {parentCode: "20; drop table admin_unit"}) { totalCount } }`)).toBe('BAD_USER_INPUT');
    expect(await codeOf(`{ unit(code: "20") { geometry(simplify: -1) } }`)).toBe('BAD_USER_INPUT');
    expect(await codeOf(`{ units(after: "not-a-cursor") { totalCount } }`)).toBe('BAD_USER_INPUT');
  });

  it('treats search text as text, not as SQL or LIKE patterns', async () => {
    const { units } = await queryData(url, `{ units(filter: {search: "%' or 1=1 --"}) { totalCount } }`);
    expect(units.totalCount).toBe(0);
    const percent = await queryData(url, `{ units(filter: {search: "lang%son"}) { totalCount } }`);
    const spaced = await queryData(url, `{ units(filter: {search: "lang son"}) { totalCount } }`);
    expect(percent.units.totalCount).toBe(spaced.units.totalCount);
    expect(await codeOf(`{ units(filter: {search: "_%"}) { totalCount } }`)).toBe('BAD_USER_INPUT');
  });

  it('refuses queries that are too deep or too costly before running them', async () => {
    const deep = `{ unit(code: "20") { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { code } } } } } } } } } } } }`;
    expect(await codeOf(deep)).toBe('GRAPHQL_VALIDATION_FAILED');
    const costly = `{ units(first: 1000) { nodes { children { children { geometry } } } } }`;
    const result = await graphql(url, costly);
    expect(result.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(result.data ?? null).toBeNull();
  });

  it('reports a syntax error as GRAPHQL_PARSE_FAILED', async () => {
    expect(await codeOf(`{ units(`)).toBe('GRAPHQL_PARSE_FAILED');
  });
});
