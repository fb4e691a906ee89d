import { describe, expect, inject, it } from 'vitest';
import { queryData } from '../support/graphql.ts';
import { fetchTile, tilesCovering, tileOf, type DecodedFeature } from '../support/vector-tile.ts';
import { withSql } from '../support/sql.ts';
import { postgisTileStatement } from '../../api/src/modules/tiles/tile-encoder.ts';
import { lodForZoom } from '../../api/src/modules/tiles/level-of-detail.ts';

const servers = inject('servers');
const maxTileBytes = 500 * 1024;
/** Mainland Việt Nam and its islands, [west, south, east, north]. */
const vietnam = [102.1, 8.4, 109.5, 23.4];
/** These tiles are those of the 01/03/2025 list (the reform-2025 test reads the two-level list's). */
const before = '?asOf=2025-03-01';

async function langSon(url: string) {
  const { unit } = await queryData(url, `{ unit(code: "20", asOf: "2025-03-01") { bbox children { code name shortName } } }`);
  return unit as { bbox: number[]; children: { code: string; name: string; shortName: string }[] };
}

function features(tile: { layers: Record<string, DecodedFeature[]> }): DecodedFeature[] {
  return tile.layers.units ?? [];
}

describe.each(servers)('vector tiles on $name', ({ url, name, databaseUrl }) => {
  it('a province-view tile over Lạng Sơn holds its districts, id = GSO code, with code, name, shortName, level', async () => {
    const province = await langSon(url);
    const seen = new Map<string, DecodedFeature>();
    for (const t of tilesCovering(province.bbox, 8)) {
      const tile = await fetchTile(url, `district/${t.z}/${t.x}/${t.y}.pbf${before}`);
      expect(tile.status).toBe(200);
      expect(tile.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
      expect(Object.keys(tile.layers)).toEqual(['units']);
      for (const f of features(tile)) seen.set(String(f.properties.code), f);
    }
    expect(province.children.length).toBe(11);
    for (const district of province.children) {
      const f = seen.get(district.code);
      expect(f, `district ${district.code} in the tiles`).toBeDefined();
      expect(f!.id).toBe(Number(district.code));
      expect(f!.properties).toEqual({ code: district.code, name: district.name, shortName: district.shortName, level: 'district' });
      expect(f!.rings).toBeGreaterThan(0);
    }
    for (const f of seen.values()) expect(f.properties.level).toBe('district');
  });

  it('keeps the leading zero of a code as stored and the integer as feature id (Phường Yên Hoà, 00172)', async () => {
    const { unit } = await queryData(url, `{ unit(code: "00172", asOf: "2025-03-01") { name shortName bbox } }`);
    const centre = tileOf((unit.bbox[0] + unit.bbox[2]) / 2, (unit.bbox[1] + unit.bbox[3]) / 2, 11);
    const tile = await fetchTile(url, `commune/11/${centre.x}/${centre.y}.pbf${before}`);
    const f = features(tile).find((x) => x.properties.code === '00172');
    expect(f).toMatchObject({ id: 172, properties: { code: '00172', name: unit.name, shortName: unit.shortName, level: 'commune' } });
  });

  it('commune tiles of the country view stay under 500 KB and carry codes without names', async () => {
    let communes = 0;
    for (const z of [3, 5]) {
      for (const t of tilesCovering(vietnam, z)) {
        const tile = await fetchTile(url, `commune/${t.z}/${t.x}/${t.y}.pbf${before}`);
        expect(tile.bytes, `commune/${t.z}/${t.x}/${t.y}`).toBeLessThan(maxTileBytes);
        for (const f of features(tile)) {
          expect(Object.keys(f.properties).sort()).toEqual(['code', 'level']);
          expect(f.id).toBe(Number(f.properties.code));
        }
        if (z === 5) communes += features(tile).length;
      }
    }
    expect(communes).toBeGreaterThan(5000);
  });

  it('answers a repeated request with the same ETag, and If-None-Match with 304', async () => {
    const first = await fetchTile(url, 'province/6/50/28.pbf');
    const etag = first.headers.get('etag');
    expect(first.status).toBe(200);
    expect(etag).toMatch(/^W\/"\d+-[\w-]+"$/);
    expect(first.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const again = await fetchTile(url, 'province/6/50/28.pbf');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.bytes).toBe(first.bytes);
    const revalidated = await fetchTile(url, 'province/6/50/28.pbf', { 'If-None-Match': etag! });
    expect(revalidated.status).toBe(304);
    expect(revalidated.bytes).toBe(0);
  });

  it('serves country-view tiles encoded at boundary import: those of the latest import, byte for byte', async () => {
    const { stored, twoLevel, latestImport, runs } = await withSql(databaseUrl, async (query) => ({
      stored: await query(
        "select code_list, level, z, x, y, body, geo_import_id from prerendered_tile where code_list = 'gso-2025-03' order by level, z, x, y",
      ),
      twoLevel: await query("select distinct level from prerendered_tile where code_list = 'gso-2025-07'"),
      latestImport: (await query('select max(id) as id from geo_import'))[0].id,
      // Seed loads have their own record (seed_run), so every geo_import row is a boundary import.
      runs: (
        await query(
          `select (select count(*)::int from seed_run) as seeds, (select count(*)::int from geo_import where dataset = 'ntm-seeds') as seeds_in_geo_import`,
        )
      )[0],
    }));
    expect(runs).toEqual({ seeds: 1, seeds_in_geo_import: 0 });
    expect(new Set(stored.map((t) => t.level))).toEqual(new Set(['province', 'district', 'commune']));
    // The two-level list of 01/07/2025 has its own pyramid, without districts.
    expect(new Set(twoLevel.map((t) => t.level))).toEqual(new Set(['province', 'commune']));
    expect(new Set(stored.map((t) => t.z))).toEqual(new Set([0, 1, 2, 3, 4, 5]));
    for (const t of stored) expect(t.geo_import_id).toBe(latestImport);
    // Every non-empty commune tile of the country at zoom 5 is among them.
    const communeTiles = stored.filter((t) => t.level === 'commune' && t.z === 5).map((t) => `${t.x}/${t.y}`);
    for (const t of tilesCovering(vietnam, 5)) {
      const served = await fetchTile(url, `commune/5/${t.x}/${t.y}.pbf${before}`);
      if (served.bytes > 0) expect(communeTiles).toContain(`${t.x}/${t.y}`);
    }
    for (const t of stored) {
      const response = await fetch(`${url}/tiles/${t.level}/${t.z}/${t.x}/${t.y}.pbf${before}`);
      expect(Buffer.from(await response.arrayBuffer()).equals(t.body), `${t.level}/${t.z}/${t.x}/${t.y}`).toBe(true);
      // The server versions tiles by the same import, so it reads the stored tile rather than encoding.
      expect(response.headers.get('etag')).toMatch(new RegExp(`^W/"${latestImport}-`));
    }
    if (name === 'postgis') {
      // What ST_AsMVT gives for the same address now.
      const z5 = stored.find((t) => t.level === 'commune' && t.z === 5 && t.body.length > 100_000)!;
      const { sql, params } = postgisTileStatement({ codeList: 'gso-2025-03', level: 'commune', z: 5, x: z5.x, y: z5.y, lod: lodForZoom(5) });
      let n = 0;
      const [fresh] = await withSql(databaseUrl, (query) =>
        query(
          sql.replace(/\?/g, () => `$${++n}`),
          params,
        ),
      );
      expect(Buffer.from(fresh.tile).equals(z5.body)).toBe(true);
    }
  });

  it('answers a tile with no unit (open sea) with an empty 200, which browsers keep (they keep no 204)', async () => {
    const sea = tileOf(115, 5, 8);
    const tile = await fetchTile(url, `commune/8/${sea.x}/${sea.y}.pbf`);
    expect([tile.status, tile.bytes, tile.headers.get('cache-control')]).toEqual([200, 0, 'public, max-age=3600']);
    expect(tile.headers.get('etag')).toMatch(/^W\//);
  });

  it.each([
    ['ward/5/25/14.pbf', /unknown level "ward": use one of province, district, commune/],
    ['COMMUNE/5/25/14.pbf', /unknown level "COMMUNE"/],
    ['commune/17/0/0.pbf', /z must be an integer from 0 to 16, got "17"/],
    ['commune/5/32/14.pbf', /x must be an integer from 0 to 31, got "32"/],
    ['commune/5/25/-1.pbf', /tile file must be \{y\}\.pbf, got "-1\.pbf"/],
    ['commune/5/25/14.png', /tile file must be \{y\}\.pbf/],
    ['commune/a/25/14.pbf', /z must be an integer/],
  ])('rejects %s with 400 and a clear message', async (tilePath, message) => {
    const response = await fetch(`${url}/tiles/${tilePath}`);
    expect(response.status).toBe(400);
    // REST errors share GraphQL's shape (format-error.ts): { errors: [{ message, extensions: { code } }] }.
    const { errors } = await response.json();
    expect(errors[0].message).toMatch(message);
    expect(errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('the two encoders', () => {
  it('ST_AsMVT (real PostGIS) and the Node encoder (embedded) give the same features for a tile', async () => {
    expect(servers.map((s) => s.name).sort()).toEqual(['embedded', 'postgis']);
    // Around Lạng Sơn city, at a province, a district and a commune zoom.
    const tilePaths = [
      ['province', 5],
      ['district', 8],
      ['commune', 11],
    ].map(([level, z]) => {
      const t = tileOf(106.76, 21.85, z as number);
      return `${level}/${z}/${t.x}/${t.y}.pbf${before}`;
    });
    const byServer = new Map<string, Map<number, Record<string, unknown>>>();
    for (const { name, url } of servers) {
      const merged = new Map<number, Record<string, unknown>>();
      for (const tilePath of tilePaths) {
        const tile = await fetchTile(url, tilePath);
        for (const f of features(tile)) merged.set(f.id!, f.properties);
      }
      byServer.set(name, merged);
    }
    const [a, b] = [...byServer.values()];
    expect(a.size).toBeGreaterThan(10);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [id, properties] of a) expect(b.get(id)).toEqual(properties);
  });
});
