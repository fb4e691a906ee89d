import { describe, expect, inject, it } from 'vitest';
import { graphql, queryData } from '../support/graphql.ts';
import { fetchTile, tilesCovering } from '../support/vector-tile.ts';

const servers = inject('servers');

describe.each(servers)('the 2025 two-level reform on $name', ({ url }) => {
  it('counts 34 provinces on 2026-01-01 and 63 on 2025-03-01; no district is in force after the reform', async () => {
    const data = await queryData(
      url,
      `{ now: units(filter: {level: PROVINCE, asOf: "2026-01-01"}) { totalCount }
         before: units(filter: {level: PROVINCE, asOf: "2025-03-01"}) { totalCount }
         districts: units(filter: {level: DISTRICT, asOf: "2026-01-01"}) { totalCount }
         communes: units(filter: {level: COMMUNE, asOf: "2026-01-01"}) { totalCount }
         byYear: units(filter: {level: PROVINCE, year: 2024}) { totalCount }
         today: units(filter: {level: PROVINCE}) { totalCount } }`,
    );
    expect(data).toEqual({
      now: { totalCount: 34 },
      before: { totalCount: 63 },
      districts: { totalCount: 0 },
      communes: { totalCount: 3321 },
      byYear: { totalCount: 63 },
      today: { totalCount: 34 },
    });
  });

  it('resolves a re-used code per date: 15 is Yên Bái in March 2025 and Lào Cai, formed from 10 and 15, in 2026', async () => {
    const data = await queryData(
      url,
      `{ before: unit(code: "15", asOf: "2025-03-01") { name codeList validTo successors { unit { code name codeList } part effectiveDate } }
         after: unit(code: "15", asOf: "2026-01-01") { name codeList validFrom predecessors { unit { code name codeList } part effectiveDate source } } }`,
    );
    expect(data.before).toMatchObject({ name: 'Tỉnh Yên Bái', codeList: 'gso-2025-03', validTo: '2025-07-01' });
    expect(data.before.successors).toEqual([
      { unit: { code: '15', name: 'Tỉnh Lào Cai', codeList: 'gso-2025-07' }, part: 'FULL', effectiveDate: '2025-07-01' },
    ]);
    expect(data.after).toMatchObject({ name: 'Tỉnh Lào Cai', codeList: 'gso-2025-07', validFrom: '2025-07-01' });
    expect(data.after.predecessors.map((p: any) => [p.unit.code, p.unit.name, p.unit.codeList, p.part, p.effectiveDate])).toEqual([
      ['10', 'Tỉnh Lào Cai', 'gso-2025-03', 'FULL', '2025-07-01'],
      ['15', 'Tỉnh Yên Bái', 'gso-2025-03', 'FULL', '2025-07-01'],
    ]);
    expect(data.after.predecessors[0].source).toMatch(/dvhcvn\/20250701/);
    const missing = await graphql(url, `{ unit(code: "187", asOf: "2026-01-01") { name } }`);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const invalid = await graphql(url, `{ unit(code: "15", asOf: "2025-02-30") { name } }`);
    expect(invalid.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists the 65 communes of Lạng Sơn in 2026 directly under the province (61 xã, 4 phường), each with a polygon', async () => {
    const { unit } = await queryData(
      url,
      `{ unit(code: "20", asOf: "2026-01-01") { name children { code kind level geometry(simplify: 0.01) parent { code } } } }`,
    );
    expect(unit.name).toBe('Tỉnh Lạng Sơn');
    expect(unit.children).toHaveLength(65);
    const kinds: Record<string, number> = {};
    for (const c of unit.children) kinds[c.kind] = (kinds[c.kind] ?? 0) + 1;
    expect(kinds).toEqual({ Xã: 61, Phường: 4 });
    for (const child of unit.children) {
      expect(child).toMatchObject({ level: 'COMMUNE', parent: { code: '20' } });
      expect(child.geometry?.type, `polygon of ${child.code}`).toBe('MultiPolygon');
    }
  });

  it('shows Xã Bằng Mạc (06475) of 2026 with its four predecessors, and a derived roll-up with the old Bằng Mạc’s documented criteria', async () => {
    const { unit } = await queryData(
      url,
      `{ unit(code: "06475", asOf: "2026-01-01") {
           name predecessors { unit { code name } part areaShare }
           rollUp { derived summaryText predecessors { weight year link { unit { code } }
             status { synthetic criteriaMet criteriaTotal items { criterion status } }
             assessment { synthetic sourceDocument { key } sourceRef } } } } }`,
    );
    expect(unit.name).toBe('Xã Bằng Mạc');
    expect(unit.predecessors.map((p: any) => `${p.unit.code} ${p.unit.name} ${p.part}`)).toEqual([
      '06475 Xã Gia Lộc FULL',
      '06487 Xã Bằng Hữu FULL',
      '06490 Xã Thượng Cường FULL',
      '06493 Xã Bằng Mạc FULL',
    ]);
    expect(unit.rollUp.derived).toBe(true);
    expect(unit.rollUp.summaryText).toMatch(/^Formed from 4 communes: /);
    const oldBangMac = unit.rollUp.predecessors.find((p: any) => p.link.unit.code === '06493');
    expect(oldBangMac.weight).toBe(1);
    expect(oldBangMac.status.items.length).toBe(oldBangMac.status.criteriaTotal);
    expect(oldBangMac.assessment.synthetic).toBe(false);
    expect(oldBangMac.assessment.sourceDocument.key).toMatch(/\S/);
  });

  it('keeps partial parts with the share of the old unit’s area computed from the polygons', async () => {
    // Phường Ngọc Hà of the 01/03/2025 list (00016) was split between Ba Đình (00004) and Ngọc Hà (00008).
    const { unit } = await queryData(url, `{ unit(code: "00016", asOf: "2025-03-01") { name successors { unit { code } part areaShare } } }`);
    expect(unit.successors.length).toBeGreaterThan(1);
    for (const s of unit.successors) {
      expect(s.part).toBe('PARTIAL');
      expect(s.areaShare).toBeGreaterThanOrEqual(0);
      expect(s.areaShare).toBeLessThanOrEqual(1);
    }
    const total = unit.successors.reduce((sum: number, s: any) => sum + s.areaShare, 0);
    expect(total).toBeGreaterThan(0.5);
    expect(total).toBeLessThan(1.1);
  });

  it('finds Xã Ngọc Thiện (province 24) by the former name Song Vân, naming the former unit', async () => {
    const { units } = await queryData(
      url,
      `{ units(filter: {search: "song van", asOf: "2026-01-01"}) { nodes { code } edges { node { code name parent { code } } matchedFormerUnits { code name codeList parent { name } } } } }`,
    );
    const ngocThien = units.edges.find((e: any) => e.node.name === 'Xã Ngọc Thiện');
    expect(ngocThien, JSON.stringify(units.edges.map((e: any) => e.node.name))).toBeDefined();
    expect(ngocThien.node.parent.code).toBe('24');
    expect(ngocThien.matchedFormerUnits).toEqual([
      expect.objectContaining({ name: 'Xã Song Vân', codeList: 'gso-2025-03', parent: { name: 'Huyện Tân Yên' } }),
    ]);
    const before = await queryData(url, `{ units(filter: {search: "song van", asOf: "2025-03-01"}) { edges { node { name } matchedFormerUnits { code } } } }`);
    expect(before.units.edges).toContainEqual({ node: { name: 'Xã Song Vân' }, matchedFormerUnits: [] });
  });

  it('colours the 65 new communes of Lạng Sơn in 2026 (no data without an assessment) and refuses districts after the reform', async () => {
    const { choropleth } = await queryData(url, `{ choropleth(level: COMMUNE, year: 2026, parentCode: "20") { code band } }`);
    expect(choropleth).toHaveLength(65);
    expect(choropleth.map((e: any) => e.code)).toContain('06475');
    const districts = await graphql(url, `{ choropleth(level: DISTRICT, year: 2026) { code } }`);
    expect(districts.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(districts.errors?.[0].message).toMatch(/No district is in force/);
    const provinces = await queryData(url, `{ choropleth(level: PROVINCE, year: 2026) { code } }`);
    expect(provinces.choropleth).toHaveLength(34);
    // 2025 ends under the two-level list too; the province's communes are counted without districts.
    const summary = await queryData(url, `{ summary(unitCode: "20", year: 2025) { communeCount } }`);
    expect(summary.summary.communeCount).toBe(61);
  });

  it('serves tiles per date: a commune tile of 2026 over Lạng Sơn has the new commune codes as feature ids', async () => {
    const { unit } = await queryData(url, `{ unit(code: "20", asOf: "2026-01-01") { bbox children { code } } }`);
    const codes = new Set<string>(unit.children.map((c: any) => c.code));
    const seen = new Set<string>();
    for (const t of tilesCovering(unit.bbox, 8)) {
      const tile = await fetchTile(url, `commune/${t.z}/${t.x}/${t.y}.pbf?asOf=2026-01-01`);
      expect(tile.status).toBe(200);
      for (const f of tile.layers.units ?? []) {
        expect(f.id).toBe(Number(f.properties.code));
        seen.add(String(f.properties.code as string));
      }
    }
    for (const code of codes) expect(seen.has(code), `commune ${code} in the 2026 tiles`).toBe(true);
    // 06493 (the old Bằng Mạc) is a commune of the 01/03/2025 list only.
    expect(seen.has('06493')).toBe(false);
    const old = await fetchTile(url, `commune/8/${tilesCovering(unit.bbox, 8)[0].x}/${tilesCovering(unit.bbox, 8)[0].y}.pbf?asOf=2024-12-31`);
    expect(old.status).toBe(200);
    const district = await fetch(`${url}/tiles/district/8/0/0.pbf?asOf=2026-01-01`);
    expect(district.status).toBe(400);
    const bad = await fetch(`${url}/tiles/commune/8/0/0.pbf?asOf=2026-13-01`);
    expect(bad.status).toBe(400);
  });

  it('writes a data-quality finding where the crosswalk and the polygons disagree, with the numbers', async () => {
    const { dataQualityFindings } = await queryData(url, `{ dataQualityFindings(unitCode: "06124") { kind severity origin reason rawValue sourceRef } }`);
    const finding = dataQualityFindings.find((f: any) => f.kind === 'crosswalk-polygon-mismatch');
    expect(finding).toMatchObject({ severity: 'warning', origin: 'check' });
    // Xã Na Sầm of 2025-07: its polygon is 95.15 km², the four units the crosswalk names cover 113.77 km².
    expect(finding.reason).toMatch(/Xã Na Sầm \(06124, list of 01\/07\/2025\) has a 95\.1\d km² polygon, .* cover 113\.7\d km² \(\+19\.\d %\)/);
    expect(finding.sourceRef).toMatch(/^crosswalk-2025\.json/);
  });
});
