import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { queryData } from '../support/graphql.ts';
import { tileOf } from '../support/vector-tile.ts';
import { plannerDownloadUrl, unitFilterFor, type PlannerFilters } from '../../web/src/planning/planner-filters.ts';

const run = promisify(execFile);
const servers = inject('servers');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-ogc-test-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const communes = 'communes-2025-03';
const epsg4326 = 'http://www.opengis.net/def/crs/EPSG/0/4326';

/** GDAL as a GIS client runs it; stdout, with stderr in the failure message. */
async function gdal(tool: 'ogrinfo' | 'ogr2ogr', args: string[]): Promise<string> {
  try {
    const { stdout } = await run(tool, args, { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GDAL_HTTP_TIMEOUT: '120' } });
    return stdout;
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`${tool} ${args.join(' ')} failed:\n${stderr}\n${stdout?.slice(0, 2000)}`);
  }
}

/** The features of a file GDAL reads, as GeoJSON (ogrinfo -json needs GDAL 3.7; Debian 12 has 3.6). */
async function readWithGdal(file: string): Promise<{ properties: Record<string, unknown>; geometry: { type: string } | null }[]> {
  return JSON.parse(await gdal('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', file])).features;
}

async function getJson(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** The planners' table query (web/src/layers/filter-matches.loader.ts), every match on one page. */
const tableQuery = `
  query FilterMatches($filter: UnitFilter!, $year: Int!, $first: Int!) {
    units(filter: $filter, first: $first) {
      totalCount
      nodes { code name status(year: $year) { criteriaMet criteriaTotal band tier synthetic missing } }
    }
  }`;

interface TableNode {
  code: string;
  name: string;
  status: { criteriaMet: number; criteriaTotal: number; band: string; tier: string | null; synthetic: boolean; missing: number[] } | null;
}

async function tableRows(url: string, filters: PlannerFilters, year: number, withinCode: string) {
  const { units } = await queryData(url, tableQuery, { filter: unitFilterFor(filters, year, withinCode), year, first: 1000 });
  return units as { totalCount: number; nodes: TableNode[] };
}

describe.each(servers)('OGC API – Features on $name', ({ url, name }) => {
  const ogc = `${url}/ogc`;

  it('passes a conformance check: landing, conformance classes, collections, items with bbox and limit, next links, counts, 400 for an unknown parameter', async () => {
    const landing = await getJson(ogc);
    expect(landing.status).toBe(200);
    const rels = landing.body.links.map((l: { rel: string }) => l.rel);
    expect(rels).toEqual(expect.arrayContaining(['self', 'service-desc', 'conformance', 'data']));
    const api = await fetch(landing.body.links.find((l: { rel: string }) => l.rel === 'service-desc').href);
    expect(api.headers.get('content-type')).toContain('application/vnd.oai.openapi+json');
    const openapi = await api.json();
    expect(openapi.openapi).toMatch(/^3\.0\./);
    expect(openapi.paths[`/collections/${communes}/items`].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['bbox', 'limit', 'year', 'crs', 'bbox-crs']),
    );

    const conformance = await getJson(`${ogc}/conformance`);
    expect(conformance.body.conformsTo).toEqual(
      expect.arrayContaining([
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
        'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
      ]),
    );

    // The collections come from the code lists in the database: one per level of each list with boundaries.
    const collections = await getJson(`${ogc}/collections`);
    const ids = collections.body.collections.map((c: { id: string }) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['provinces-2025-03', 'districts-2025-03', communes, 'provinces-2025-07', 'communes-2025-07']));
    expect(ids).not.toContain('districts-2025-07'); // the two-level list of 01/07/2025 has no districts
    const provinces = await queryData(url, '{ units(filter: { level: PROVINCE, asOf: "2025-03-01" }) { totalCount } }');
    const collection = (await getJson(`${ogc}/collections/provinces-2025-03`)).body;
    expect(collection.crs).toEqual(expect.arrayContaining(['http://www.opengis.net/def/crs/OGC/1.3/CRS84', epsg4326]));
    expect(collection.links.some((l: { rel: string }) => l.rel === 'items')).toBe(true);
    const allProvinces = await getJson(`${ogc}/collections/provinces-2025-03/items?limit=100`);
    expect(allProvinces.body.numberMatched).toBe(provinces.units.totalCount);
    expect(allProvinces.body.numberReturned).toBe(provinces.units.totalCount);
    expect(allProvinces.body.links.some((l: { rel: string }) => l.rel === 'next')).toBe(false);

    // bbox around Lạng Sơn, limit 5: five features intersecting it, a next link, the counts agreeing when followed.
    const { unit } = await queryData(url, '{ unit(code: "20", asOf: "2025-03-01") { bbox } }');
    const bbox = unit.bbox.join(',');
    const first = await getJson(`${ogc}/collections/${communes}/items?bbox=${bbox}&limit=5`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('application/geo+json');
    expect(first.body.type).toBe('FeatureCollection');
    expect(first.body.numberReturned).toBe(5);
    expect(first.body.features).toHaveLength(5);
    const matched = first.body.numberMatched;
    expect(matched).toBeGreaterThan(194); // Lạng Sơn's communes and the neighbours' touching the box
    const [w, s, e, n] = unit.bbox as number[];
    for (const f of first.body.features) expect(f.geometry.type).toBe('MultiPolygon');
    let seen = first.body.features.length;
    let page = first.body;
    const codes = new Set<string>(page.features.map((f: { id: string }) => f.id));
    for (let hops = 0; hops < 3; hops++) {
      const next = page.links.find((l: { rel: string }) => l.rel === 'next');
      expect(next, 'next link').toBeDefined();
      page = (await getJson(next.href)).body;
      expect(page.numberMatched).toBe(matched);
      seen += page.numberReturned;
      for (const f of page.features) codes.add(f.id);
    }
    expect(codes.size).toBe(seen);
    expect(page.links.some((l: { rel: string }) => l.rel === 'prev')).toBe(true);
    const last = (await getJson(`${ogc}/collections/${communes}/items?bbox=${bbox}&limit=5&offset=${matched - 2}`)).body;
    expect(last.numberReturned).toBe(2);
    expect(last.links.some((l: { rel: string }) => l.rel === 'next')).toBe(false);
    // The same box in EPSG:4326 (latitude first) selects the same features.
    const swapped = (await getJson(`${ogc}/collections/${communes}/items?bbox=${[s, w, n, e].join(',')}&bbox-crs=${encodeURIComponent(epsg4326)}&limit=1`))
      .body;
    expect(swapped.numberMatched).toBe(matched);

    for (const bad of [
      'foo=1',
      'limit=0',
      'limit=10001',
      'bbox=1,2,3',
      `crs=${encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/3857')}`,
      'datetime=2020/2024',
    ]) {
      const refused = await getJson(`${ogc}/collections/${communes}/items?${bad}`);
      expect(refused.status, bad).toBe(400);
      expect(refused.body.errors[0].extensions.code, bad).toBe('BAD_USER_INPUT');
      expect(Object.keys(refused.body), bad).toEqual(['errors']);
    }
    expect((await getJson(`${ogc}/collections/nowhere-2025-03`)).status).toBe(404);
    expect((await getJson(`${ogc}/collections/${communes}/items/99999`)).status).toBe(404);
  });

  it('features carry code, names, parent codes, area, flags and the status of the year; one item, EPSG:4326 axis order, HTML, ETag', async () => {
    const year = 2024;
    const gql = await queryData(
      url,
      `{ unit(code: "06463", asOf: "2025-03-01") { name shortName areaKm2 parent { code parent { code } } flags { flag } status(year: ${year}) { criteriaMet criteriaTotal band tier synthetic } } }`,
    );
    const itemUrl = `${ogc}/collections/${communes}/items/06463?year=${year}`;
    const item = await getJson(itemUrl);
    expect(item.status).toBe(200);
    expect(item.body).toMatchObject({ type: 'Feature', id: '06463' });
    const u = gql.unit;
    expect(item.body.properties).toMatchObject({
      code: '06463',
      name: u.name,
      shortName: u.shortName,
      districtCode: u.parent.code,
      provinceCode: u.parent.parent.code,
      border: u.flags.some((f: { flag: string }) => f.flag === 'border'),
      dbkk: u.flags.some((f: { flag: string }) => f.flag === 'dbkk'),
      year,
      criteriaMet: u.status?.criteriaMet ?? null,
      criteriaTotal: u.status?.criteriaTotal ?? null,
      band: u.status?.band ?? 'no-data',
      tier: u.status?.tier?.toLowerCase() ?? null,
      demo: u.status?.synthetic ?? null,
    });
    expect(item.body.properties.areaKm2).toBeCloseTo(u.areaKm2, 2);

    // CRS84 is longitude first; EPSG:4326 asked by crs is latitude first, and Content-Crs says which.
    const lonLat = item.body.geometry.coordinates[0][0][0] as [number, number];
    expect(lonLat[0]).toBeGreaterThan(100);
    const flipped = await fetch(`${itemUrl}&crs=${encodeURIComponent(epsg4326)}`);
    expect(flipped.headers.get('content-crs')).toBe(`<${epsg4326}>`);
    expect((await flipped.json()).geometry.coordinates[0][0][0]).toEqual([lonLat[1], lonLat[0]]);

    const html = await fetch(itemUrl, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(await html.text()).toContain(u.name);
    const items = await fetch(`${ogc}/collections/${communes}/items?f=html&limit=3`);
    expect(await items.text()).toMatch(/<table>.*<\/table>/s);

    const etag = (await fetch(itemUrl)).headers.get('etag');
    expect(etag).toMatch(/^"ogc-\d+-\d+-json-[\w-]+"$/);
    expect((await fetch(itemUrl, { headers: { 'if-none-match': etag! } })).status).toBe(304);
  });

  it('GDAL reads it: ogrinfo lists the collections; the communes of Lạng Sơn in 2024 have their count and status fields; ogr2ogr writes a GeoPackage with the same values', async () => {
    const listing = await gdal('ogrinfo', ['-ro', '-so', `OAPIF:${ogc}`]);
    for (const id of ['provinces-2025-03', 'districts-2025-03', communes]) expect(listing).toContain(`${id} (title:`);

    const year = 2024;
    const { units } = await queryData(
      url,
      `{ units(filter: { level: COMMUNE, withinCode: "20", asOf: "2025-03-01" }, first: 1000) { totalCount nodes { code name status(year: ${year}) { criteriaMet band synthetic } } } }`,
    );
    expect(units.totalCount).toBeGreaterThan(100);
    const layerUrl = `OAPIF:${ogc}/collections/${communes}?within=20&year=${year}`;
    const summary = await gdal('ogrinfo', ['-ro', '-so', layerUrl, communes]);
    expect(summary).toContain(`Feature Count: ${units.totalCount}`);
    for (const field of ['code: String', 'provinceCode: String', 'criteriaMet: Integer', 'band: String', 'tier: String', 'demo: Integer(Boolean)']) {
      expect(summary).toContain(field);
    }

    const file = path.join(scratch, `lang-son-${name}.gpkg`);
    await gdal('ogr2ogr', ['-f', 'GPKG', file, layerUrl, communes]);
    const features = await readWithGdal(file);
    expect(features).toHaveLength(units.totalCount);
    const byCode = new Map(features.map((f) => [f.properties.code as string, f]));
    const assessed = (units.nodes as TableNode[]).filter((node) => node.status);
    expect(assessed.length).toBeGreaterThan(10);
    for (const node of [...assessed.slice(0, 5), ...(units.nodes as TableNode[]).slice(-3)]) {
      const f = byCode.get(node.code);
      expect(f, node.code).toBeDefined();
      expect(f!.properties).toMatchObject({
        name: node.name,
        provinceCode: '20',
        year,
        band: node.status?.band ?? 'no-data',
        criteriaMet: node.status?.criteriaMet ?? null,
      });
      expect(f!.geometry?.type).toBe('MultiPolygon');
    }
  });

  it("the planner table's GeoPackage download opens in GDAL with the same rows as the table's query", async () => {
    const year = 2024;
    const filters: PlannerFilters = { flags: ['border'], bands: ['10-14', '15-18', 'all-met', 'recognised'], missingCriterion: null, tier: null };
    const table = await tableRows(url, filters, year, '20');
    expect(table.totalCount).toBeGreaterThan(3);
    expect(table.totalCount).toBe(table.nodes.length);

    const response = await fetch(`${url}${plannerDownloadUrl(filters, year, '20', 'gpkg')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/geopackage+sqlite3');
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="ntm-communes-2025-03-2024-within-20-[^"]+\.gpkg"/);
    const file = path.join(scratch, `planner-${name}.gpkg`);
    fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    expect(await gdal('ogrinfo', ['-ro', '-so', file, 'communes_2025_03'])).toMatch(/Geometry: Multi Polygon[\s\S]*Feature Count: \d+/);
    const features = await readWithGdal(file);
    const fromFile = features.map((f) => ({
      code: f.properties.code,
      criteriaMet: f.properties.criteriaMet,
      band: f.properties.band,
      tier: f.properties.tier,
      demo: f.properties.demo,
      border: f.properties.border,
    }));
    const fromTable = table.nodes.map((node) => ({
      code: node.code,
      criteriaMet: node.status?.criteriaMet ?? null,
      band: node.status?.band ?? 'no-data',
      tier: node.status?.tier?.toLowerCase() ?? null,
      demo: node.status?.synthetic ?? null,
      border: true,
    }));
    const byCode = (a: { code: unknown }, b: { code: unknown }) => String(a.code).localeCompare(String(b.code));
    expect(fromFile.sort(byCode)).toEqual(fromTable.sort(byCode));

    // The same list as CSV with WKT and as GeoJSON.
    const csv = await (await fetch(`${url}${plannerDownloadUrl(filters, year, '20', 'csv')}`)).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0].replace('\uFEFF', '').split(',').at(-1)).toBe('wkt');
    expect(lines).toHaveLength(table.totalCount + 1);
    expect(lines[1]).toMatch(/"MULTIPOLYGON\(\(\(/);
    const geojson = await (await fetch(`${url}${plannerDownloadUrl(filters, year, '20', 'geojson')}`)).json();
    expect(geojson.numberMatched).toBe(table.totalCount);
  });

  it('GDAL reads a commune tile through the TileJSON and finds the feature ids; the style points at the TileJSONs', async () => {
    // The units of 2024 (the 01/03/2025 list): the TileJSON names its list and carries the date into its tile template.
    const tilejson = await getJson(`${url}/tiles/commune/tilejson.json?asOf=2024-12-31`);
    expect(tilejson.body).toMatchObject({ tilejson: '3.0.0', minzoom: 0, vector_layers: [{ id: 'units' }], name: expect.stringContaining('gso-2025-03') });
    expect(tilejson.body.tiles[0]).toBe(`${url}/tiles/commune/{z}/{x}/{y}.pbf?asOf=2024-12-31`);
    expect(Object.keys(tilejson.body.vector_layers[0].fields)).toEqual(['code', 'name', 'shortName', 'level']);
    const [w, s, e, n] = tilejson.body.bounds as number[];
    expect(w).toBeGreaterThan(100);
    expect(n).toBeGreaterThan(s);
    expect(e).toBeGreaterThan(w);

    const { unit } = await queryData(url, '{ unit(code: "06463", asOf: "2024-12-31") { bbox } }');
    const z = 11;
    const { x, y } = tileOf((unit.bbox[0] + unit.bbox[2]) / 2, (unit.bbox[1] + unit.bbox[3]) / 2, z);
    const tileUrl = (tilejson.body.tiles[0] as string).replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
    const dump = await gdal('ogrinfo', ['-ro', '-al', `MVT:${tileUrl}`]);
    expect(dump).toContain('Layer name: units');
    expect(dump).toMatch(/mvt_id \(Integer64\) = 6463\b/);
    expect(dump).toContain('code (String) = 06463');

    const style = await getJson(`${url}/tiles/style.json?asOf=2024-12-31`);
    expect(style.body.version).toBe(8);
    expect(Object.keys(style.body.sources)).toEqual(['province', 'district', 'commune']);
    expect(style.body.sources.commune).toEqual({ type: 'vector', url: `${url}/tiles/commune/tilejson.json?asOf=2024-12-31` });
    // Today (the two-level list): no district source, and a district TileJSON is refused as the district tiles are.
    const today = (await getJson(`${url}/tiles/style.json`)).body;
    expect(Object.keys(today.sources)).toEqual(['province', 'commune']);
    expect(today.sources.commune).toEqual({ type: 'vector', url: `${url}/tiles/commune/tilejson.json` });
    expect((await getJson(`${url}/tiles/commune/tilejson.json`)).body.name).toContain('gso-2025-07');
    expect((await getJson(`${url}/tiles/district/tilejson.json`)).status).toBe(400);
    expect((await getJson(`${url}/tiles/style.json?asOf=2024-02-30`)).status).toBe(400);
    // No text layers, so no glyphs or sprites from outside the app.
    expect(style.body.glyphs).toBeUndefined();
    expect(style.body.layers.every((l: { type: string }) => l.type !== 'symbol')).toBe(true);
    // One level's style (a QGIS connection takes one tile source) draws it at every zoom.
    const communeStyle = (await getJson(`${url}/tiles/commune/style.json`)).body;
    expect(Object.keys(communeStyle.sources)).toEqual(['commune']);
    expect(communeStyle.layers.filter((l: { source?: string }) => l.source).map((l: { minzoom: number }) => l.minzoom)).toEqual([0, 0]);
    expect((await getJson(`${url}/tiles/parish/tilejson.json`)).status).toBe(400);
  });
});
