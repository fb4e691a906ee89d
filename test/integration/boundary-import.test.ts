import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import { createScratchDatabase, root } from '../support/servers.ts';
import { withSql } from '../support/sql.ts';
import { startEmbeddedPostgis } from '../../api/src/db/embedded-postgis.ts';

const run = promisify(execFile);
const sharedGeo = path.resolve(root, process.env.GEO_DATA_DIR ?? '../shared/geo');
const readGz = (file: string) => JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(sharedGeo, file))).toString());

/** A small geo folder in the shared layout: Lạng Sơn only, built from the real files, altered per case. */
function writeFixture(alter: (layers: { provinces: any; districts: any; communes: any }) => void = () => {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-geo-fixture-'));
  const units = JSON.parse(fs.readFileSync(path.join(sharedGeo, 'units-2025-03.json'), 'utf8'));
  const districtCodes = new Set(units.districts.filter((d: any) => d.parentCode === '20').map((d: any) => d.code));
  const subset = {
    provinces: units.provinces.filter((p: any) => p.code === '20'),
    districts: units.districts.filter((d: any) => districtCodes.has(d.code)),
    communes: units.communes.filter((c: any) => districtCodes.has(c.parentCode)),
  };
  fs.writeFileSync(path.join(dir, 'units-2025-03.json'), JSON.stringify(subset));
  const provinces = readGz('boundaries/derived-2025-03/provinces.geojson.gz');
  provinces.features = provinces.features.filter((f: any) => f.properties.code === '20');
  const districts = readGz('boundaries/derived-2025-03/districts.geojson.gz');
  districts.features = districts.features.filter((f: any) => districtCodes.has(f.properties.code));
  const communes = readGz('boundaries/communes/20.geojson.gz');
  alter({ provinces, districts, communes });
  fs.mkdirSync(path.join(dir, 'boundaries/derived-2025-03'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'boundaries/communes'), { recursive: true });
  const writeGz = (file: string, data: unknown) => fs.writeFileSync(path.join(dir, file), zlib.gzipSync(JSON.stringify(data)));
  writeGz('boundaries/derived-2025-03/provinces.geojson.gz', provinces);
  writeGz('boundaries/derived-2025-03/districts.geojson.gz', districts);
  writeGz('boundaries/communes/20.geojson.gz', communes);
  return dir;
}

const bowTie = {
  type: 'Polygon',
  coordinates: [
    [
      [106.6, 21.8],
      [106.7, 21.9],
      [106.7, 21.8],
      [106.6, 21.9],
      [106.6, 21.8],
    ],
  ],
};
// Exactly collinear in binary floating point, so ST_MakeValid can only make a line of it.
const collinear = {
  type: 'Polygon',
  coordinates: [
    [
      [106.5, 21.5],
      [106.75, 21.75],
      [107, 22],
      [106.5, 21.5],
    ],
  ],
};

interface Target {
  name: string;
  env: Record<string, string>;
  /** SQL access to the same database once the CLI has exited. */
  sql<T>(fn: (q: (sql: string, params?: unknown[]) => Promise<any[]>) => Promise<T>): Promise<T>;
  cleanup(): Promise<void>;
}

async function embeddedTarget(): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-import-embedded-'));
  return {
    name: 'embedded',
    env: { DATA_DIR: dataDir },
    async sql(fn) {
      const db = await startEmbeddedPostgis(dataDir);
      try {
        return await withSql(db.url, fn);
      } finally {
        await db.stop();
      }
    },
    async cleanup() {
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function postgisTarget(): Promise<Target> {
  const scratch = await createScratchDatabase('ntm_import');
  return {
    name: 'postgis',
    env: { DATABASE_URL: scratch.url },
    sql: (fn) => withSql(scratch.url, fn),
    cleanup: () => scratch.drop(),
  };
}

async function importCli(target: Target, geoDir: string) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'geo/import-cli.ts'], {
      cwd: root,
      env: { ...process.env, ...target.env, GEO_DATA_DIR: geoDir, CI: 'true' },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error: any) {
    return { code: error.code as number, output: `${error.stdout}${error.stderr}` };
  }
}

const snapshot = (target: Target) =>
  target.sql(async (q) => {
    const [counts] = await q(
      `select (select count(*)::int from admin_unit) as units,
              (select count(*)::int from geo_import) as imports,
              (select md5(string_agg(code || ST_AsText(geom), ',' order by code)) from admin_unit where geom is not null) as geometry_hash`,
    );
    return counts;
  });

describe.each([
  ['embedded', embeddedTarget],
  ['postgis', postgisTarget],
] as const)('boundary import on %s', (_name, makeTarget) => {
  let target: Target;
  const dirs: string[] = [];
  const fixture = (alter?: Parameters<typeof writeFixture>[0]) => {
    const dir = writeFixture(alter);
    dirs.push(dir);
    return dir;
  };
  beforeAll(async () => {
    target = await makeTarget();
  });
  afterAll(async () => {
    await target?.cleanup();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rejects malformed files, naming every file and feature, and writes nothing', async () => {
    const dir = fixture(({ districts, communes }) => {
      districts.features[0].properties.code = '18';
      communes.features[3].geometry = { type: 'Point', coordinates: [106.6, 21.8] };
      const geometry = communes.features[5].geometry;
      const outerRing = geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0][0];
      outerRing.push([106.0, 21.0]);
    });
    fs.writeFileSync(path.join(dir, 'boundaries/communes/99.geojson.gz'), zlib.gzipSync('{"type": "FeatureCollection", "features": ['));
    const result = await importCli(target, dir);
    expect(result.code).toBe(1);
    expect(result.output).toContain('nothing was written');
    expect(result.output).toMatch(/boundaries\/derived-2025-03\/districts\.geojson\.gz #0 \(18\): properties\.code must be a 3-digit GSO code/);
    expect(result.output).toMatch(/boundaries\/communes\/20\.geojson\.gz #3 \(\d{5}\): geometry type Point is not Polygon or MultiPolygon/);
    expect(result.output).toMatch(/boundaries\/communes\/20\.geojson\.gz #5 \(\d{5}\): a ring is not closed/);
    expect(result.output).toMatch(/boundaries\/communes\/99\.geojson\.gz: cannot read/);
    expect(await snapshot(target)).toEqual({ units: 0, imports: 0, geometry_hash: null });
  });

  it('imports a valid folder, then skips it when unchanged', async () => {
    const dir = fixture();
    const first = await importCli(target, dir);
    expect(first.code, first.output).toBe(0);
    expect(await snapshot(target)).toMatchObject({ units: 1 + 11 + 194, imports: 1 });
    // The fixture has no crosswalk: the two-level list of 01/07/2025 is skipped, and the output says so.
    expect(first.output).toMatch(/gso-2025-07: crosswalk-2025\.json is not in .*; skipped\./);
    const again = await importCli(target, dir);
    expect(again.output).toContain('gso-2025-03: unchanged; nothing to do');
    expect(await snapshot(target)).toMatchObject({ imports: 1 });
  });

  it('rejects a polygon that cannot be repaired with its unit code and rolls everything back', async () => {
    const before = await snapshot(target);
    let brokenCode = '';
    const dir = fixture(({ communes }) => {
      communes.features[1].geometry = bowTie;
      communes.features[2].geometry = collinear;
      brokenCode = communes.features[2].properties.code;
    });
    const result = await importCli(target, dir);
    expect(result.code).toBe(1);
    expect(result.output).toContain(`boundaries/communes/20.geojson.gz ${brokenCode}: geometry is empty after ST_MakeValid`);
    expect(await snapshot(target)).toEqual(before);
  });

  it('repairs a self-intersecting polygon and reports the repair', async () => {
    let repairedCode = '';
    const dir = fixture(({ communes }) => {
      communes.features[1].geometry = bowTie;
      repairedCode = communes.features[1].properties.code;
    });
    const result = await importCli(target, dir);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain(`repaired ${repairedCode}`);
    const row = await target.sql(async (q) => {
      const [unit] = await q(`select geom_repaired, ST_IsValid(geom) as valid, GeometryType(geom) as type from admin_unit where code = $1`, [repairedCode]);
      return unit;
    });
    expect(row).toEqual({ geom_repaired: true, valid: true, type: 'MULTIPOLYGON' });
  });
});
