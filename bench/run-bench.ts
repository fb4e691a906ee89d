/**
 * npm run bench: national-scale figures on a real PostGIS and on the embedded database, measured
 * in one run, printed as a table and written into bench/README.md (between the result markers).
 *
 * For each database it loads the boundaries, the seeds and the synthetic national dataset (timed:
 * import throughput), starts the app server (once with the tile cache off, once with it on),
 * measures tiles against a full-resolution GeoJSON baseline, the national choropleth and a province
 * summary under load against PostGraphile 5 on the same database, the first coloured paint of the
 * national commune map in headless Chromium, and the server's memory.
 * Loopback only; every load run is bounded in time. Options (environment):
 *   BENCH_DATABASE_URL  admin URL of the real server (default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_TARGETS       "postgis,embedded" (default both)
 *   BENCH_PROVINCES     load only these provinces' national data (comma-separated GSO codes); all by default
 *   BENCH_LOAD_SECONDS  duration of each load run (default 10)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import autocannon from 'autocannon';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const targets = (process.env.BENCH_TARGETS ?? 'postgis,embedded').split(',') as ('postgis' | 'embedded')[];
const provinces = process.env.BENCH_PROVINCES;
const loadSeconds = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const benchYear = 2024;
const log = (line: string) => console.log(`[bench] ${line}`);

interface Figure {
  group: string;
  name: string;
  unit: string;
  values: Partial<Record<'postgis' | 'embedded', number | string>>;
  peer?: Partial<Record<'postgis' | 'embedded', number | string>>;
  target?: string;
}
const figures: Figure[] = [];
function record(target: 'postgis' | 'embedded', group: string, name: string, unit: string, value: number | string, extra: Partial<Figure> = {}) {
  let figure = figures.find((f) => f.group === group && f.name === name);
  if (!figure) {
    figure = { group, name, unit, values: {}, ...extra };
    figures.push(figure);
  }
  figure.values[target] = value;
  if (extra.peer) figure.peer = { ...figure.peer, ...extra.peer };
}

// ---------------------------------------------------------------- processes

interface Started {
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

function startProcess(args: string[], env: Record<string, string>, ready: RegExp, name: string): Promise<Started & { match: RegExpExecArray }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: root,
    env: { ...process.env, CI: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let resolved = false;
  return new Promise((resolve, reject) => {
    // Kept reading after "ready", so that a full pipe never blocks the child.
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = resolved ? null : ready.exec(output);
      if (match) {
        resolved = true;
        resolve({
          child,
          match,
          output: () => output,
          async stop() {
            if (child.exitCode !== null) return;
            const exited = new Promise((r) => child.once('exit', r));
            child.kill('SIGTERM');
            const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
            await exited;
            clearTimeout(timer);
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => {
      if (!resolved) reject(new Error(`${name} exited with ${code}:\n${output.slice(-3000)}`));
    });
  });
}

function runToEnd(args: string[], env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: root,
    env: { ...process.env, CI: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => {
    output += c.toString();
    process.stdout.write(c);
  });
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${args[0]} exited with ${code}:\n${output.slice(-3000)}`)))),
  );
}

async function startServer(env: Record<string, string>): Promise<Started & { url: string; dbUrl: string }> {
  const started = await startProcess(['api/main.ts'], { PORT: '0', ...env }, /ready in [\d.]+ s: (http:\/\/[\d.:]+)\//, 'server');
  const embeddedPort = /Embedded PostGIS listening on 127\.0\.0\.1:(\d+)/.exec(started.output())?.[1];
  return { ...started, url: started.match[1], dbUrl: embeddedPort ? `postgres://postgres@127.0.0.1:${embeddedPort}/postgres` : env.DATABASE_URL };
}

function memoryMb(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

// ---------------------------------------------------------------- measuring

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function timed(n: number, fn: () => Promise<number>): Promise<{ p50: number; p95: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    bytes = Math.max(bytes, await fn());
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), bytes };
}

function tileOf(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return { x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n) };
}

function tileBounds(z: number, x: number, y: number): number[] {
  const n = 2 ** z;
  const lon = (i: number) => (i / n) * 360 - 180;
  const lat = (j: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * j) / n))) * 180) / Math.PI;
  return [lon(x), lat(y + 1), lon(x + 1), lat(y)];
}

/** Country, province (Lạng Sơn) and commune (Lạng Sơn city) views: tiles around a point, all distinct. */
const tileViews = [
  { view: 'country view (z5)', z: 5, lon: 105.8, lat: 21.0, span: 1 },
  { view: 'province view (z8)', z: 8, lon: 106.6, lat: 21.8, span: 2 },
  { view: 'commune view (z12)', z: 12, lon: 106.76, lat: 21.85, span: 3 },
];

function viewTiles(v: (typeof tileViews)[number]) {
  const c = tileOf(v.lon, v.lat, v.z);
  const tiles = [];
  for (let dx = -v.span; dx <= v.span; dx++) for (let dy = -v.span; dy <= v.span; dy++) tiles.push({ z: v.z, x: c.x + dx, y: c.y + dy });
  return tiles;
}

async function fetchBytes(url: string): Promise<number> {
  const response = await fetch(url);
  const body = await response.arrayBuffer();
  if (response.status >= 400) throw new Error(`${url}: ${response.status} ${Buffer.from(body).toString()}`);
  return body.byteLength;
}

/**
 * uncached: a server with TILE_CACHE_BYTES=0, so every request reads the database (zoom ≤ 5: the
 * tiles stored at boundary import; deeper: encoded). on-request: the same with
 * TILE_PRERENDER_MAX_ZOOM=-1, so the country view is encoded on every request too. cached: warmed.
 */
async function measureTiles(target: 'postgis' | 'embedded', url: string, mode: 'cached' | 'uncached' | 'on-request', dbUrl: string) {
  for (const v of tileViews) {
    if (mode === 'on-request' && v.z > 5) continue;
    const tiles = viewTiles(v);
    const paths = tiles.map((t) => `${url}/tiles/commune/${t.z}/${t.x}/${t.y}.pbf`);
    const cached = mode === 'cached';
    if (cached) for (const p of paths) await fetchBytes(p);
    let i = 0;
    const result = await timed(cached ? 200 : Math.max(30, paths.length), () => fetchBytes(paths[i++ % paths.length]));
    const label = mode === 'on-request' ? 'encoded on every request (pre-rendering off)' : mode;
    record(target, 'tiles (commune level)', `${v.view} ${label} p50`, 'ms', result.p50);
    record(target, 'tiles (commune level)', `${v.view} ${label} p95`, 'ms', result.p95, {
      target: mode === 'on-request' ? undefined : cached ? '< 5' : '< 50',
    });
    if (mode === 'uncached') {
      let largest = 0;
      for (const p of paths) largest = Math.max(largest, await fetchBytes(p));
      record(target, 'tiles (commune level)', `${v.view} largest tile`, 'KB', largest / 1024, { target: '< 500' });
      // Baseline: the same area's communes as full-resolution GeoJSON straight from the database.
      const client = new pg.Client({ connectionString: dbUrl });
      await client.connect();
      try {
        // The view's centre tile (the first of the span can be open sea).
        const centre = tiles[Math.floor(tiles.length / 2)];
        const [w, s, e, n] = tileBounds(v.z, centre.x, centre.y);
        const baseline = await timed(5, async () => {
          const { rows } = await client.query(
            `select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
               'type', 'Feature', 'id', code, 'properties', json_build_object('code', code, 'name', name), 'geometry', ST_AsGeoJSON(geom)::json)), '[]'))::text as body
             from admin_unit where code_list = 'gso-2025-03' and level = 'commune' and geom && ST_MakeEnvelope($1, $2, $3, $4, 4326)`,
            [w, s, e, n],
          );
          return Buffer.byteLength(rows[0].body);
        });
        record(target, 'tiles (commune level)', `${v.view} naive GeoJSON p95 (centre tile's area)`, 'ms', baseline.p95);
        record(target, 'tiles (commune level)', `${v.view} naive GeoJSON size (centre tile's area)`, 'KB', baseline.bytes / 1024);
      } finally {
        await client.end();
      }
    }
  }
}

/** What the web client sends for the national commune map (web/src/layers/choropleth.loader.ts). */
const choroplethColumnsQuery = `query($year: Int!) { choroplethColumns(level: COMMUNE, year: $year) {
  codes criteriaMet criteriaTotal bands tiers synthetic averageCriteria communesAssessed } }`;
/** The same colours as one object per commune (the form of earlier runs). */
const choroplethQuery = `query($year: Int!) { choropleth(level: COMMUNE, year: $year) { code band criteriaMet } }`;
const summaryQuery = `query($year: Int!) { summary(unitCode: "20", year: $year) { assessedCount communeCount averageCriteria bandCounts { band count } } }`;
/** The nearest PostGraphile can do on the same tables: the year's commune assessments, with their unit ids. */
const peerChoroplethQuery = `query($year: Int!) { assessments(condition: { year: $year, kind: actual }) { nodes { unitId criteriaSetId synthetic } } }`;

async function load(url: string, query: string): Promise<{ p50: number; p95: number; rps: number; errors: number; rows: number }> {
  const body = JSON.stringify({ query, variables: { year: benchYear } });
  const probe = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const json = (await probe.json()) as { data?: Record<string, unknown>; errors?: unknown };
  if (json.errors || !json.data) throw new Error(`${url}: ${JSON.stringify(json.errors)}`);
  const first = Object.values(json.data)[0] as unknown[] | { nodes: unknown[] } | { codes: unknown[] } | Record<string, unknown>;
  const list = Array.isArray(first) ? first : ((first as { nodes?: unknown[] }).nodes ?? (first as { codes?: unknown[] }).codes);
  const rows = Array.isArray(list) ? list.length : 1;
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: 8,
    duration: loadSeconds,
  });
  return {
    p50: result.latency.p50,
    p95: result.latency.p97_5 ?? result.latency.p99,
    rps: result.requests.average,
    errors: result.errors + result.non2xx,
    rows,
  };
}

const loadGroup = 'GraphQL under load (8 connections)';

/** The national commune choropleth under load, as the map loads it, with the server's caches as configured. */
async function measureChoroplethLoad(target: 'postgis' | 'embedded', url: string, label: string, withTargets: boolean) {
  const columns = await load(`${url}/graphql`, choroplethColumnsQuery);
  record(target, loadGroup, `national choropleth rows`, 'rows', columns.rows);
  record(target, loadGroup, `national choropleth, columns (the map's query), ${label} p50`, 'ms', columns.p50);
  record(target, loadGroup, `national choropleth, columns (the map's query), ${label} p97.5`, 'ms', columns.p95, withTargets ? { target: '< 100 (p95)' } : {});
  record(
    target,
    loadGroup,
    `national choropleth, columns (the map's query), ${label} req/s`,
    'req/s',
    columns.rps,
    withTargets ? { target: '≥ PostGraphile' } : {},
  );
  return columns;
}

/** The first answer after a write: data version bumped, so the colours are recomputed and no response is cached. */
async function measureChoroplethAfterWrite(target: 'postgis' | 'embedded', url: string, dbUrl: string) {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const body = JSON.stringify({ query: choroplethColumnsQuery, variables: { year: benchYear } });
    const result = await timed(10, async () => {
      await client.query('update data_version set version = version + 1 where id = 1');
      const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      return (await response.arrayBuffer()).byteLength;
    });
    record(target, 'GraphQL, one request at a time', 'national choropleth (columns) first answer after a write p50', 'ms', result.p50);
    record(target, 'GraphQL, one request at a time', 'national choropleth (columns) first answer after a write p95', 'ms', result.p95);
    record(target, 'GraphQL, one request at a time', 'national choropleth (columns) response size', 'KB', result.bytes / 1024);
  } finally {
    await client.end();
  }
}

async function measureApi(target: 'postgis' | 'embedded', url: string, dbUrl: string) {
  const ours = await measureChoroplethLoad(target, url, 'response cache on', true);
  const objects = await load(`${url}/graphql`, choroplethQuery);
  record(target, loadGroup, 'national choropleth, objects {code band criteriaMet}, response cache on p50', 'ms', objects.p50);
  record(target, loadGroup, 'national choropleth, objects {code band criteriaMet}, response cache on p97.5', 'ms', objects.p95);
  record(target, loadGroup, 'national choropleth, objects {code band criteriaMet}, response cache on req/s', 'req/s', objects.rps);
  await measureChoroplethAfterWrite(target, url, dbUrl);
  const summary = await load(`${url}/graphql`, summaryQuery);
  record(target, 'GraphQL under load (8 connections)', 'province summary (Lạng Sơn) p50', 'ms', summary.p50);
  record(target, 'GraphQL under load (8 connections)', 'province summary (Lạng Sơn) p97.5', 'ms', summary.p95);
  record(target, 'GraphQL under load (8 connections)', 'province summary (Lạng Sơn) req/s', 'req/s', summary.rps);

  // PostGraphile 5 on the same database. The embedded database serves one extra connection only.
  const port = String(4300 + Math.floor(Math.random() * 500));
  let peer: Started | undefined;
  try {
    peer = await startProcess(['bench/postgraphile-peer.ts', dbUrl, port, target === 'embedded' ? '1' : '10'], {}, /postgraphile ready/, 'postgraphile');
    const theirs = await load(`http://127.0.0.1:${port}/graphql`, peerChoroplethQuery);
    record(target, 'PostGraphile 5 peer (same database, 8 connections)', 'year of commune assessments rows', 'rows', theirs.rows);
    record(target, 'PostGraphile 5 peer (same database, 8 connections)', 'year of commune assessments p50', 'ms', theirs.p50);
    record(target, 'PostGraphile 5 peer (same database, 8 connections)', 'year of commune assessments p97.5', 'ms', theirs.p95);
    record(target, 'PostGraphile 5 peer (same database, 8 connections)', 'year of commune assessments req/s', 'req/s', theirs.rps);
    record(target, 'PostGraphile 5 peer (same database, 8 connections)', 'NTM Atlas choropleth req/s ÷ PostGraphile req/s', '×', ours.rps / theirs.rps);
  } catch (error) {
    log(`PostGraphile on ${target}: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
    record(target, 'PostGraphile 5 peer (same database, 8 connections)', 'year of commune assessments req/s', 'req/s', 'failed to start');
  } finally {
    await peer?.stop();
  }
}

/**
 * The query cost guard (issue #12): 200 aliases of the national commune choropleth are refused at
 * validation, before any of it runs; the refusal is timed against a trivial query, and an ordinary
 * request against itself while such floods arrive beside it. Ratios, measured in this run.
 */
async function measureQueryCost(target: 'postgis' | 'embedded', url: string) {
  const group = 'query cost guard (issue #12)';
  const flood = `{ ${Array.from({ length: 200 }, (_, i) => `c${i}: choropleth(level: COMMUNE, year: 2020) { code band criteriaMet tier synthetic }`).join(' ')} }`;
  const ordinary = '{ choroplethColumns(level: PROVINCE, year: 2024) { codes bands } }';
  const post = async (query: string): Promise<{ status: number; text: string }> => {
    const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    return { status: response.status, text: await response.text() };
  };
  const refusal = await post(flood);
  record(target, group, '200 aliases of the national choropleth: answer', '', `${refusal.status} ${/"code":"(\w+)"/.exec(refusal.text)?.[1] ?? '?'}`);

  const trivial = await timed(30, async () => (await post('{ __typename }')).text.length);
  const refused = await timed(30, async () => (await post(flood)).text.length);
  record(target, group, 'trivial query { __typename } p50 (baseline)', 'ms', trivial.p50);
  record(target, group, '200 aliases refused p50', 'ms', refused.p50);
  record(target, group, '200 aliases refused ÷ trivial query', '×', refused.p50 / trivial.p50);

  const alone = await timed(30, async () => (await post(ordinary)).text.length);
  // The issue's case: a flood sent, and the ordinary request right behind it; only the latter is timed.
  const withOne: number[] = [];
  for (let i = 0; i < 30; i++) {
    const floodSent = post(flood);
    const started = performance.now();
    await post(ordinary);
    withOne.push(performance.now() - started);
    await floodSent;
  }
  const besideOne = {
    p50: percentile(
      withOne.sort((a, b) => a - b),
      50,
    ),
  };
  let flooding = true;
  const floods = Array.from({ length: 4 }, async () => {
    while (flooding) await post(flood);
  });
  const beside = await timed(30, async () => (await post(ordinary)).text.length);
  flooding = false;
  await Promise.all(floods);
  record(target, group, 'province choropleth alone p50 (baseline)', 'ms', alone.p50);
  record(target, group, 'province choropleth sent with one flood p50', 'ms', besideOne.p50);
  record(target, group, 'with one flood ÷ alone', '×', besideOne.p50 / alone.p50);
  record(target, group, 'province choropleth beside 4 clients flooding without pause p50', 'ms', beside.p50);
  record(target, group, 'beside 4 flooding clients ÷ alone', '×', beside.p50 / alone.p50);
}

async function measureFirstPaint(target: 'postgis' | 'embedded', url: string) {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${url}/?level=COMMUNE&year=${benchYear}`);
      try {
        await page.waitForFunction(
          () => {
            const map = document.querySelector('[data-testid="map"]');
            return map?.getAttribute('data-state') === 'idle' && Number(map.getAttribute('data-coloured-units')) > 0;
          },
          undefined,
          { timeout: 60_000, polling: 50 },
        );
        times.push(performance.now() - started);
      } catch {
        record(target, 'browser', 'first coloured paint, national commune map', 'ms', 'not signalled by this web build');
        return;
      } finally {
        await context.close();
      }
    }
    times.sort((a, b) => a - b);
    record(target, 'browser', 'first coloured paint, national commune map (median of 3)', 'ms', times[1], { target: '< 3000' });
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------- one database

async function benchTarget(target: 'postgis' | 'embedded') {
  let dbEnv: Record<string, string>;
  let cleanup: () => Promise<void>;
  if (target === 'postgis') {
    const name = `ntm_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    dbEnv = { DATABASE_URL: url.toString() };
    cleanup = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-bench-embedded-'));
    dbEnv = { DATA_DIR: dir };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  try {
    log(`${target}: loading boundaries, seeds and the national dataset …`);
    const seedOutput = await runToEnd(['seeds/national/seed-national-cli.ts', ...(provinces ? ['--province', provinces] : [])], dbEnv);
    const throughput = /(\d+) commune-years generated in ([\d.]+) s \((\d+) commune-years\/s\)/.exec(seedOutput);
    if (throughput) {
      record(target, 'import', 'national dataset commune-years', 'rows', Number(throughput[1]));
      record(target, 'import', 'import throughput', 'commune-years/s', Number(throughput[3]));
    }

    log(`${target}: tiles and choropleth without in-process caches …`);
    const uncached = await startServer({ ...dbEnv, TILE_CACHE_BYTES: '0', RESPONSE_CACHE_BYTES: '0' });
    try {
      await measureTiles(target, uncached.url, 'uncached', uncached.dbUrl);
      await measureChoroplethLoad(target, uncached.url, 'response cache off', false);
    } finally {
      await uncached.stop();
    }

    log(`${target}: country-view tiles encoded on request …`);
    const onRequest = await startServer({ ...dbEnv, TILE_CACHE_BYTES: '0', TILE_PRERENDER_MAX_ZOOM: '-1' });
    try {
      await measureTiles(target, onRequest.url, 'on-request', onRequest.dbUrl);
    } finally {
      await onRequest.stop();
    }

    log(`${target}: tiles with cache, GraphQL under load, first paint …`);
    const server = await startServer(dbEnv);
    try {
      await measureTiles(target, server.url, 'cached', server.dbUrl);
      await measureApi(target, server.url, server.dbUrl);
      await measureQueryCost(target, server.url);
      await measureFirstPaint(target, server.url);
      const memory = memoryMb(server.child.pid!);
      record(target, 'server process', 'resident memory after the runs', 'MB', memory.rss);
      record(target, 'server process', 'peak resident memory', 'MB', memory.peak);
    } finally {
      await server.stop();
    }
  } finally {
    await cleanup();
  }
}

// ---------------------------------------------------------------- report

function formatValue(v: number | string | undefined): string {
  if (v === undefined) return '–';
  if (typeof v === 'string') return v;
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}

function table(): string {
  const lines = ['| group | figure | unit | real PostGIS | embedded | embedded ÷ real | target |', '|---|---|---|---:|---:|---:|---|'];
  for (const f of figures) {
    const a = f.values.postgis;
    const b = f.values.embedded;
    const ratio = typeof a === 'number' && typeof b === 'number' && a > 0 ? `${(b / a).toFixed(2)}×` : '–';
    lines.push(`| ${f.group} | ${f.name} | ${f.unit} | ${formatValue(a)} | ${formatValue(b)} | ${ratio} | ${f.target ?? ''} |`);
  }
  return lines.join('\n');
}

const runStarted = new Date();
for (const target of targets) await benchTarget(target);
const cpus = os.cpus();
const header =
  `Measured ${runStarted.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus.length} × ${cpus[0]?.model.trim()}, ` +
  `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; national dataset ${provinces ? `provinces ${provinces}` : 'all provinces'}, ` +
  `load runs ${loadSeconds} s each.`;
const output = `${header}\n\n${table()}\n`;
console.log(`\n${output}`);
const readme = path.join(root, 'bench/README.md');
if (fs.existsSync(readme)) {
  const text = fs.readFileSync(readme, 'utf8');
  const start = '<!-- bench:results:start -->';
  const end = '<!-- bench:results:end -->';
  if (text.includes(start) && text.includes(end)) {
    fs.writeFileSync(readme, `${text.slice(0, text.indexOf(start) + start.length)}\n${output}${text.slice(text.indexOf(end))}`);
    log('results written to bench/README.md');
  }
}
