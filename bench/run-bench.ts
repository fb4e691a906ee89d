/**
 * npm run bench: national-scale figures on a real PostGIS and on the embedded database, measured
 * in one run, printed as a table and written into bench/README.md (between the result markers).
 *
 * For each database it loads the boundaries, the seeds and the synthetic national dataset (timed:
 * import throughput), starts the app server (once with the tile cache off, once with it on),
 * measures tiles against a full-resolution GeoJSON baseline, the national choropleth and a province
 * summary under load against PostGraphile 5 on the same database (its nearest query, and the same
 * choropleth through a SQL function, bench/commune-choropleth.sql), the first coloured paint of the
 * national commune map in headless Chromium, and the server's memory. Issue #15: the kept national
 * choropleth against the same bytes as a static file, the first coloured paint of the national and
 * of one province's map under Slow 4G (Chromium's network emulation) against loopback, cold and on a
 * repeat visit, the bytes each view moves, and the warm start of `npm start`.
 * Loopback only; every load run is bounded in time. Options (environment):
 *   BENCH_DATABASE_URL  admin URL of the real server (default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_TARGETS       "postgis,embedded" (default both)
 *   BENCH_PROVINCES     load only these provinces' national data (comma-separated GSO codes); all by default
 *   BENCH_LOAD_SECONDS  duration of each load run (default 10)
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import autocannon from 'autocannon';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { chromiumArgs } from '../test/support/chromium-args.ts';

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

/** The same choropleth through PostGraphile: the SQL function of bench/commune-choropleth.sql as a plain list. */
const peerFunctionQuery = `query($year: Int!) { communeChoroplethList(year: $year) { code criteriaMet criteriaTotal band tier synthetic } }`;

/** How many of the SQL function's rows say what ours say, of how many of ours: "10047 / 10047". */
async function agreement(ourUrl: string, peerUrl: string): Promise<string> {
  const post = async (u: string, query: string) => {
    const response = await fetch(u, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: { year: benchYear } }),
    });
    return ((await response.json()) as { data: Record<string, unknown> }).data;
  };
  const ours = (await post(ourUrl, choroplethColumnsQuery)).choroplethColumns as {
    codes: string[];
    criteriaMet: (number | null)[];
    bands: string[];
    tiers: (string | null)[];
    synthetic: boolean[];
  };
  const theirs = (await post(peerUrl, peerFunctionQuery)).communeChoroplethList as {
    code: string;
    criteriaMet: number | null;
    band: string | null;
    tier: string | null;
    synthetic: boolean;
  }[];
  const byCode = new Map(theirs.map((r) => [r.code, r]));
  let same = 0;
  ours.codes.forEach((code, i) => {
    const r = byCode.get(code);
    if (
      r &&
      r.band === ours.bands[i] &&
      r.criteriaMet === ours.criteriaMet[i] &&
      (r.tier ?? null) === (ours.tiers[i]?.toLowerCase() ?? null) &&
      r.synthetic === ours.synthetic[i]
    )
      same++;
  });
  return `${same} / ${ours.codes.length}`;
}

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
    const ask = async () => {
      const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      return (await response.arrayBuffer()).byteLength;
    };
    // 20 answers, so that p95 is the 19th of them rather than the slowest; the write itself is not timed.
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 20; i++) {
      await client.query('update data_version set version = version + 1 where id = 1');
      const started = performance.now();
      bytes = await ask();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const result = { p50: percentile(times, 50), p95: percentile(times, 95), bytes };
    await ask();
    const kept = await timed(20, ask);
    const group = 'GraphQL, one request at a time';
    record(target, group, 'national choropleth (columns) kept answer p50 (baseline)', 'ms', kept.p50);
    record(target, group, 'national choropleth (columns) kept answer p95 (baseline)', 'ms', kept.p95);
    record(target, group, 'national choropleth (columns) first answer after a write p50', 'ms', result.p50);
    record(target, group, 'national choropleth (columns) first answer after a write p95', 'ms', result.p95, { target: '< 150 (real PostGIS)' });
    record(target, group, 'first answer after a write ÷ kept answer, p95', '×', result.p95 / kept.p95);
    record(target, group, 'national choropleth (columns) response size', 'KB', result.bytes / 1024);
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
  // The choropleth the way a PostGraphile user would expose it: a SQL function, created before the peer starts.
  const setup = new pg.Client({ connectionString: dbUrl });
  await setup.connect();
  try {
    await setup.query(fs.readFileSync(path.join(root, 'bench/commune-choropleth.sql'), 'utf8'));
  } finally {
    await setup.end();
  }
  const port = String(4300 + Math.floor(Math.random() * 500));
  const peerGroup = 'PostGraphile 5 peer (same database, 8 connections)';
  let peer: Started | undefined;
  try {
    peer = await startProcess(['bench/postgraphile-peer.ts', dbUrl, port, target === 'embedded' ? '1' : '10'], {}, /postgraphile ready/, 'postgraphile');
    const peerUrl = `http://127.0.0.1:${port}/graphql`;
    const theirs = await load(peerUrl, peerChoroplethQuery);
    record(target, peerGroup, 'year of commune assessments rows', 'rows', theirs.rows);
    record(target, peerGroup, 'year of commune assessments p50', 'ms', theirs.p50);
    record(target, peerGroup, 'year of commune assessments p97.5', 'ms', theirs.p95);
    record(target, peerGroup, 'year of commune assessments req/s', 'req/s', theirs.rps);
    record(target, peerGroup, 'NTM Atlas choropleth req/s ÷ PostGraphile req/s', '×', ours.rps / theirs.rps);

    try {
      const fn = await load(peerUrl, peerFunctionQuery);
      record(target, peerGroup, 'choropleth through a SQL function (commune_choropleth) rows', 'rows', fn.rows);
      record(target, peerGroup, 'SQL function rows agreeing with ours (code, band, criteria met, tier, demo)', '', await agreement(`${url}/graphql`, peerUrl));
      record(target, peerGroup, 'choropleth through a SQL function p50', 'ms', fn.p50);
      record(target, peerGroup, 'choropleth through a SQL function p97.5', 'ms', fn.p95);
      record(target, peerGroup, 'choropleth through a SQL function req/s', 'req/s', fn.rps);
      record(target, peerGroup, 'NTM Atlas choropleth req/s ÷ SQL function req/s', '×', ours.rps / fn.rps, { target: '≥ 3' });
    } catch (error) {
      log(`PostGraphile SQL function on ${target}: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
      record(target, peerGroup, 'choropleth through a SQL function req/s', 'req/s', 'failed');
    }
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

// The tests' Chromium, with compositing in software too (--disable-gpu), as every figure of this bench was measured.
const benchChromiumArgs = ['--headless', '--disable-gpu', ...chromiumArgs];

async function measureFirstPaint(target: 'postgis' | 'embedded', url: string) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: benchChromiumArgs });
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

// ---------------------------------------------------------------- slow network (issue #15)

/** Chrome DevTools' "Slow 4G" as the issue states it: 150 ms, 1.6 Mbps down, 750 kbps up. */
const slow4g = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const slowGroup = 'browser, Slow 4G (150 ms, 1.6 Mbps down, 750 kbps up) against loopback';
const bytesGroup = 'browser, bytes on the wire per view';
const paintViews = [
  { view: 'national commune map', path: `/?level=COMMUNE&year=${benchYear}`, coldTarget: '< 5000', bytesTarget: '≤ 900' },
  { view: 'Lạng Sơn', path: `/?unit=20&year=${benchYear}`, coldTarget: '< 3000', bytesTarget: undefined },
];
const wireKinds = ['script', 'tiles', 'graphql', 'fonts', 'other'] as const;
type WireKind = (typeof wireKinds)[number];

function wireKind(url: string): WireKind | undefined {
  if (!url.startsWith('http')) return undefined; // data: and blob: URLs never reach the network
  const p = new URL(url).pathname;
  if (p.startsWith('/tiles/')) return 'tiles';
  if (p.startsWith('/graphql')) return 'graphql';
  if (/\.m?js$/.test(p)) return 'script';
  if (/\.(woff2?|ttf|otf)$/.test(p) || p.startsWith('/fonts/')) return 'fonts';
  return 'other';
}

interface Wire {
  bytes: number;
  decoded: number;
  byKind: Record<WireKind, number>;
  requests: number;
  tiles: number;
}

/**
 * Every request of a page and of the workers it starts (MapLibre fetches tiles from a Web Worker,
 * whose requests the page target's Network domain does not report), read from CDP: Network on the
 * page's session, and on each worker through Target.setAutoAttach (workers wait for their session
 * before running). Bytes are encodedDataLength of Network.loadingFinished: headers and body as they
 * came over the wire; a response served from the HTTP cache counts 0, a revalidation its 304.
 */
class WireCounter {
  private readonly requests = new Map<string, { url: string; encoded: number; decoded: number }>();
  private readonly pending = new Set<string>();
  private messageId = 0;
  private lastEvent = 0;

  private constructor(
    private readonly cdp: CDPSession,
    private readonly conditions: typeof slow4g | undefined,
  ) {}

  static async attach(page: Page, conditions: typeof slow4g | undefined): Promise<WireCounter> {
    const cdp = await page.context().newCDPSession(page);
    const counter = new WireCounter(cdp, conditions);
    const on = (event: string, handler: (params: Record<string, unknown>) => void) => cdp.on(event as 'Network.requestWillBeSent', handler as never);
    on('Network.requestWillBeSent', (p) => counter.onEvent('Network.requestWillBeSent', p));
    on('Network.dataReceived', (p) => counter.onEvent('Network.dataReceived', p));
    on('Network.loadingFinished', (p) => counter.onEvent('Network.loadingFinished', p));
    on('Network.loadingFailed', (p) => counter.onEvent('Network.loadingFailed', p));
    on('Target.attachedToTarget', (p) => void counter.onWorker(p as { sessionId: string }));
    on('Target.receivedMessageFromTarget', (p) => {
      const message = JSON.parse(String(p.message)) as { method?: string; params?: Record<string, unknown> };
      if (message.method && message.params) counter.onEvent(message.method, message.params);
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    if (conditions) await cdp.send('Network.emulateNetworkConditions', conditions);
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
    return counter;
  }

  private async onWorker({ sessionId }: { sessionId: string }) {
    const send = (method: string, params: object = {}) =>
      this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: ++this.messageId, method, params }) }).catch(() => undefined);
    try {
      await send('Network.enable');
      await send('Network.setCacheDisabled', { cacheDisabled: false });
      if (this.conditions) await send('Network.emulateNetworkConditions', this.conditions);
    } finally {
      await send('Runtime.runIfWaitingForDebugger');
    }
  }

  private onEvent(method: string, params: Record<string, unknown>) {
    this.lastEvent = performance.now();
    const id = String(params.requestId);
    if (method === 'Network.requestWillBeSent') {
      const url = (params.request as { url: string }).url;
      if (!wireKind(url)) return;
      if (!this.requests.has(id)) this.requests.set(id, { url, encoded: 0, decoded: 0 });
      this.pending.add(id);
    } else if (method === 'Network.dataReceived') {
      const request = this.requests.get(id);
      if (request) request.decoded += Number(params.dataLength);
    } else if (method === 'Network.loadingFinished' || method === 'Network.loadingFailed') {
      const request = this.requests.get(id);
      // The worker's own script is reported by both the page (its bytes) and the worker (0): the larger counts.
      if (request && method === 'Network.loadingFinished') request.encoded = Math.max(request.encoded, Number(params.encodedDataLength));
      this.pending.delete(id);
    }
  }

  reset() {
    this.requests.clear();
    this.pending.clear();
  }

  /**
   * Waits until no request has been in flight for 300 ms, or no network event came for 1 s (a request
   * of a document or worker that went away never finishes); at most 30 s.
   */
  async quiet(): Promise<void> {
    const deadline = performance.now() + 30_000;
    let idleSince = performance.now();
    while (performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      if (performance.now() - this.lastEvent >= 1_000) return;
      if (this.pending.size > 0) idleSince = performance.now();
      else if (performance.now() - idleSince >= 300) return;
    }
  }

  totals(): Wire {
    const byKind = Object.fromEntries(wireKinds.map((k) => [k, 0])) as Record<WireKind, number>;
    let bytes = 0;
    let decoded = 0;
    let tiles = 0;
    let requests = 0;
    for (const r of this.requests.values()) {
      const kind = wireKind(r.url)!;
      byKind[kind] += r.encoded;
      bytes += r.encoded;
      decoded += r.decoded;
      // Only what went over the wire (a revalidation's 304 does; an answer from the memory or disk cache does not).
      if (r.encoded > 0) {
        requests++;
        if (kind === 'tiles') tiles++;
      }
    }
    return { bytes, decoded, byKind, requests, tiles };
  }
}

/** The readiness condition of the first coloured paint, true only in a document the bench has not marked as left. */
const mapReady = () => {
  if ((window as { benchLeft?: boolean }).benchLeft) return false;
  const map = document.querySelector('[data-testid="map"]');
  return map?.getAttribute('data-state') === 'idle' && Number(map.getAttribute('data-coloured-units')) > 0;
};

/** Navigation start → the map idle with coloured units; then the bytes of everything the view loaded (until the network is quiet). */
async function timedVisit(page: Page, counter: WireCounter, url: string): Promise<{ ms: number; wire: Wire }> {
  // On a repeat visit the page still shows the last map: mark it, so that only the new document can be ready.
  await page.evaluate(() => {
    (window as { benchLeft?: boolean }).benchLeft = true;
  });
  counter.reset();
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit', timeout: 90_000 });
  await page.waitForFunction(mapReady, undefined, { timeout: 90_000, polling: 50 });
  const ms = performance.now() - started;
  await counter.quiet();
  return { ms, wire: counter.totals() };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
}

/** Requests and body bytes as the server sees them: a pass-through proxy in front of the app, for one cold visit. */
async function countingProxy(upstream: string) {
  const target = new URL(upstream);
  const seen = { requests: 0, tiles: 0, bodyBytes: 0 };
  const server = http.createServer((req, res) => {
    seen.requests++;
    if (req.url?.startsWith('/tiles/')) seen.tiles++;
    const forward = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.on('data', (chunk: Buffer) => (seen.bodyBytes += chunk.length));
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`, seen, close: () => new Promise((r) => server.close(r)) };
}

/**
 * Issue #15: the first coloured paint of the national commune map and of one province (Lạng Sơn)
 * on loopback and under Slow 4G (CDP network emulation, HTTP cache on), cold (a fresh context) and
 * on a repeat visit (a new tab of the same context, the same URL: HTTP cache and revalidation apply),
 * median of 3; the bytes each view moved, by kind; one cold visit per view through a counting proxy
 * checks that the browser-side count sees every request (tiles come from a Web Worker).
 */
async function measureSlowNetwork(target: 'postgis' | 'embedded', url: string) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: benchChromiumArgs });
  try {
    for (const v of paintViews) {
      const results: Record<'loopback' | 'slow', { cold: { ms: number; wire: Wire }[]; repeat: { ms: number; wire: Wire }[] }> = {
        loopback: { cold: [], repeat: [] },
        slow: { cold: [], repeat: [] },
      };
      for (const network of ['loopback', 'slow'] as const) {
        for (let i = 0; i < 3; i++) {
          const outcome = await visitTwice(browser, `${url}${v.path}`, network === 'slow' ? slow4g : undefined);
          if (typeof outcome === 'string') {
            log(`${target}: ${v.view}, ${network}: ${outcome}`);
            record(target, slowGroup, `${v.view}, ${network === 'slow' ? 'Slow 4G' : 'loopback'}`, 'ms', outcome);
            break;
          }
          results[network].cold.push(outcome.cold);
          results[network].repeat.push(outcome.repeat);
        }
      }
      const ms = (network: 'loopback' | 'slow', visit: 'cold' | 'repeat') => median(results[network][visit].map((r) => r.ms));
      for (const visit of ['cold', 'repeat'] as const) {
        const label = visit === 'cold' ? 'cold' : 'repeat visit';
        if (results.loopback[visit].length === 0 || results.slow[visit].length === 0) continue;
        record(target, slowGroup, `first coloured paint, ${v.view}, loopback, ${label} (median of 3, baseline)`, 'ms', ms('loopback', visit));
        record(target, slowGroup, `first coloured paint, ${v.view}, Slow 4G, ${label} (median of 3)`, 'ms', ms('slow', visit), {
          target: visit === 'cold' ? v.coldTarget : '< 1500',
        });
        record(target, slowGroup, `${v.view}, ${label}: Slow 4G ÷ loopback`, '×', ms('slow', visit) / ms('loopback', visit));
      }
      // Bytes: the Slow 4G runs (the loopback ones move the same; the median of 3 visits).
      const runs = results.slow.cold.length ? results.slow : results.loopback;
      if (runs.cold.length === 0) continue;
      const kb = (visit: 'cold' | 'repeat', pick: (w: Wire) => number) => median(runs[visit].map((r) => pick(r.wire))) / 1024;
      const cold = kb('cold', (w) => w.bytes);
      record(target, bytesGroup, `${v.view}, cold: on the wire`, 'KB', cold, v.bytesTarget ? { target: v.bytesTarget } : {});
      for (const kind of wireKinds)
        record(
          target,
          bytesGroup,
          `${v.view}, cold: ${kind}`,
          'KB',
          kb('cold', (w) => w.byKind[kind]),
        );
      const decoded = kb('cold', (w) => w.decoded);
      record(target, bytesGroup, `${v.view}, cold: decoded (uncompressed) bodies (baseline)`, 'KB', decoded);
      record(target, bytesGroup, `${v.view}, cold: on the wire ÷ decoded`, '×', cold / decoded);
      record(target, bytesGroup, `${v.view}, cold: requests on the wire`, '', median(runs.cold.map((r) => r.wire.requests)));
      record(target, bytesGroup, `${v.view}, cold: tile requests`, '', median(runs.cold.map((r) => r.wire.tiles)));
      const repeat = kb('repeat', (w) => w.bytes);
      record(target, bytesGroup, `${v.view}, repeat visit: on the wire`, 'KB', repeat);
      for (const kind of wireKinds)
        record(
          target,
          bytesGroup,
          `${v.view}, repeat visit: ${kind}`,
          'KB',
          kb('repeat', (w) => w.byKind[kind]),
        );
      record(target, bytesGroup, `${v.view}, repeat visit ÷ cold`, '×', repeat / cold);

      // The server's view of one more cold visit (loopback): every request the browser counted reached it, and none else.
      const proxy = await countingProxy(url);
      try {
        const outcome = await visitTwice(browser, `${proxy.url}${v.path}`, undefined, true);
        if (typeof outcome !== 'string') {
          record(
            target,
            bytesGroup,
            `${v.view}, cold: requests counted in the browser ÷ answered by the server`,
            '×',
            outcome.cold.wire.requests / proxy.seen.requests,
          );
          record(
            target,
            bytesGroup,
            `${v.view}, cold: tile requests counted in the browser / answered by the server`,
            '',
            `${outcome.cold.wire.tiles} / ${proxy.seen.tiles}`,
          );
          const bodies = outcome.cold.wire.bytes / 1024;
          record(target, bytesGroup, `${v.view}, cold: browser's bytes (with headers) ÷ server's body bytes`, '×', bodies / (proxy.seen.bodyBytes / 1024));
        }
      } finally {
        await proxy.close();
      }
    }
  } finally {
    await browser.close();
  }
}

/** A cold visit in a fresh context, then the same URL again in a new tab of it; or why not. */
async function visitTwice(browser: Browser, url: string, conditions: typeof slow4g | undefined, coldOnly = false) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const cold = await timedVisit(page, await WireCounter.attach(page, conditions), url);
    if (coldOnly) return { cold, repeat: cold };
    // A repeat visit is the link opened again later: a new tab of the same browser, whose HTTP cache
    // holds what the first visit kept (the first tab is closed, so its map is not torn down in the figure).
    await page.close();
    const again = await context.newPage();
    const repeat = await timedVisit(again, await WireCounter.attach(again, conditions), url);
    return { cold, repeat };
  } catch (error) {
    return `failed: ${error instanceof Error ? error.message.split('\n')[0] : error}`;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- kept answer against a static file (issue #15)

/** What urql sends as Accept (the kept answers are keyed by it, among others). */
const browserAccept = 'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed';
const keptFile = 'bench-kept.json';

/** One request, its answer's bytes as they came (no decompression). */
function rawRequest(url: string, init: { method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const request = http.request(url, { method: init.method ?? 'GET', headers: init.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(init.body);
  });
}

/** The kept answer as the map asks for it: GET with the query in the URL, and the header Apollo's CSRF rule wants. */
const keptPath = `/graphql?${new URLSearchParams({ query: choroplethColumnsQuery, variables: JSON.stringify({ year: benchYear }) })}`;
const keptRequest = (encoding: string) => ({
  method: 'GET' as const,
  headers: { accept: browserAccept, 'apollo-require-preflight': 'true', 'accept-encoding': encoding },
});

/**
 * The national choropleth answer (the bench's map query) as identity bytes, written into the copy
 * of web/dist the app serves, with brotli and gzip siblings made here, so that the same bytes can be
 * loaded as a static file. Written before the server that serves them starts (express-static-gzip
 * looks for the siblings once, at start); the names stay, so the final server's own answer can
 * replace their content if it differs.
 */
async function writeKeptFile(url: string, distDir: string): Promise<Buffer> {
  const answer = await rawRequest(`${url}${keptPath}`, keptRequest('identity'));
  if (answer.status !== 200 || answer.headers['content-encoding']) throw new Error(`kept answer: ${answer.status} ${answer.headers['content-encoding'] ?? ''}`);
  fs.writeFileSync(path.join(distDir, keptFile), answer.body);
  fs.writeFileSync(`${path.join(distDir, keptFile)}.br`, zlib.brotliCompressSync(answer.body));
  fs.writeFileSync(`${path.join(distDir, keptFile)}.gz`, zlib.gzipSync(answer.body, { level: 9 }));
  return answer.body;
}

/**
 * The kept national choropleth against the same bytes served as a static file by the same server
 * (GET /bench-kept.json), each loaded by autocannon (8 connections), asking for identity and for
 * "br, gzip" as a browser does. Static file serving is the baseline: the least a server can do for
 * these bytes.
 */
async function measureKeptVsStatic(target: 'postgis' | 'embedded', url: string, distDir: string) {
  const group = 'kept answer against the same bytes as a static file (8 connections)';
  const file = fs.readFileSync(path.join(distDir, keptFile));
  const kept = await rawRequest(`${url}${keptPath}`, keptRequest('identity'));
  if (!kept.body.equals(file)) {
    log(`${target}: the kept answer differs from ${keptFile} (${kept.body.length} vs ${file.length} bytes): rewritten`);
    await writeKeptFile(url, distDir);
  }
  for (const encoding of ['identity', 'br, gzip']) {
    const keptInit = keptRequest(encoding);
    const staticInit = { method: 'GET' as const, headers: { accept: browserAccept, 'accept-encoding': encoding } };
    // The server makes a kept answer's compressed forms off the request, once: wait until it serves them (at most 10 s).
    const staticProbe = await rawRequest(`${url}/${keptFile}`, staticInit);
    let keptProbe = await rawRequest(`${url}${keptPath}`, keptInit);
    for (let waited = 0; waited < 10_000 && keptProbe.body.length !== staticProbe.body.length; waited += 250) {
      await new Promise((r) => setTimeout(r, 250));
      keptProbe = await rawRequest(`${url}${keptPath}`, keptInit);
    }
    const probes = { kept: keptProbe, static: staticProbe };
    const runs = {
      kept: await autocannon({ url: `${url}${keptPath}`, ...keptInit, connections: 8, duration: loadSeconds }),
      static: await autocannon({ url: `${url}/${keptFile}`, ...staticInit, connections: 8, duration: loadSeconds }),
    };
    for (const side of ['static', 'kept'] as const) {
      const label = side === 'kept' ? 'kept answer (GET /graphql, as the map asks)' : `static file (GET /${keptFile}, baseline)`;
      const probe = probes[side];
      const run = runs[side];
      if (probe.status !== 200 || run.non2xx + run.errors > 0)
        log(`${target}: ${label}, ${encoding}: status ${probe.status}, ${run.non2xx + run.errors} failed`);
      record(target, group, `${label}, accept-encoding: ${encoding}: content-encoding`, '', String(probe.headers['content-encoding'] ?? 'identity'));
      record(target, group, `${label}, accept-encoding: ${encoding}: body`, 'KB', probe.body.length / 1024);
      record(target, group, `${label}, accept-encoding: ${encoding}: p50`, 'ms', run.latency.p50);
      record(target, group, `${label}, accept-encoding: ${encoding}: req/s`, 'req/s', run.requests.average);
    }
    record(target, group, `accept-encoding: ${encoding}: kept ÷ static req/s`, '×', runs.kept.requests.average / runs.static.requests.average, {
      target: '≥ 0.75',
    });
  }
}

// ---------------------------------------------------------------- warm start (issue #15)

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Spawn → /health answers 200, for one start of a command in its own process group (npm, its
 * shell and the server), then the group stopped and every process of it gone (the embedded data
 * directory is free again). Also the app's own "ready in" line.
 */
async function timeStart(command: string, args: string[], env: Record<string, string>): Promise<{ ms: number; ready: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, CI: 'true', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const group = child.pid!;
  const alive = () => {
    try {
      process.kill(-group, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    let ms = Number.NaN;
    while (performance.now() - started < 180_000) {
      if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited with ${child.exitCode}:\n${output.slice(-2000)}`);
      const status = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.arrayBuffer().then(() => r.status),
        () => 0,
      );
      if (status === 200) {
        ms = performance.now() - started;
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    if (Number.isNaN(ms)) throw new Error(`${command} ${args.join(' ')}: /health not 200 within 180 s:\n${output.slice(-2000)}`);
    const readyBy = performance.now() + 5_000;
    while (!/ready in [\d.]+ s/.test(output) && performance.now() < readyBy) await new Promise((r) => setTimeout(r, 20));
    return { ms, ready: Number(/ready in ([\d.]+) s/.exec(output)?.[1] ?? Number.NaN) * 1000 };
  } finally {
    if (alive()) process.kill(-group, 'SIGTERM');
    const killBy = performance.now() + 30_000;
    while (alive()) {
      if (performance.now() > killBy) process.kill(-group, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/**
 * `npm start` as package.json defines it, on the bench's data, three times: the first may still
 * seed or build; the second and third are the warm start. Baseline: the server entry point started
 * directly (`node --import tsx api/main.ts`, as the bench starts it), in the same run.
 */
async function measureWarmStart(target: 'postgis' | 'embedded', dbEnv: Record<string, string>) {
  const group = 'warm start (spawn → /health answers 200)';
  const npm = [] as { ms: number; ready: number }[];
  for (let i = 0; i < 3; i++) npm.push(await timeStart('npm', ['start', '--silent'], dbEnv));
  await timeStart(process.execPath, ['--import', 'tsx', 'api/main.ts'], dbEnv);
  const direct = await timeStart(process.execPath, ['--import', 'tsx', 'api/main.ts'], dbEnv);
  const warm = Math.max(npm[1].ms, npm[2].ms);
  record(target, group, 'npm start, first start', 'ms', npm[0].ms);
  record(target, group, 'npm start, second start', 'ms', npm[1].ms);
  record(target, group, 'npm start, third start', 'ms', npm[2].ms);
  record(target, group, 'npm start, warm (the slower of the second and third)', 'ms', warm, { target: '≤ 5000' });
  record(target, group, 'npm start, the app\'s own "ready in" (the slower start)', 'ms', npm[1].ms >= npm[2].ms ? npm[1].ready : npm[2].ready);
  record(target, group, 'node --import tsx api/main.ts, warm (baseline)', 'ms', direct.ms);
  record(target, group, 'npm start ÷ node --import tsx api/main.ts', '×', warm / direct.ms);
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
  // Every server of this run serves a copy of web/dist, into which the kept answer is written as a static file.
  const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-bench-web-'));
  fs.cpSync(path.join(root, 'web/dist'), distDir, { recursive: true });
  const appEnv = { ...dbEnv, WEB_DIST_DIR: distDir };
  try {
    log(`${target}: loading boundaries, seeds and the national dataset …`);
    const seedOutput = await runToEnd(['seeds/national/seed-national-cli.ts', ...(provinces ? ['--province', provinces] : [])], dbEnv);
    const throughput = /(\d+) commune-years generated in ([\d.]+) s \((\d+) commune-years\/s\)/.exec(seedOutput);
    if (throughput) {
      record(target, 'import', 'national dataset commune-years', 'rows', Number(throughput[1]));
      record(target, 'import', 'import throughput', 'commune-years/s', Number(throughput[3]));
    }

    log(`${target}: tiles and choropleth without in-process caches …`);
    const uncached = await startServer({ ...appEnv, TILE_CACHE_BYTES: '0', RESPONSE_CACHE_BYTES: '0' });
    try {
      await measureTiles(target, uncached.url, 'uncached', uncached.dbUrl);
      await measureChoroplethLoad(target, uncached.url, 'response cache off', false);
      await writeKeptFile(uncached.url, distDir);
    } finally {
      await uncached.stop();
    }

    log(`${target}: country-view tiles encoded on request …`);
    const onRequest = await startServer({ ...appEnv, TILE_CACHE_BYTES: '0', TILE_PRERENDER_MAX_ZOOM: '-1' });
    try {
      await measureTiles(target, onRequest.url, 'on-request', onRequest.dbUrl);
    } finally {
      await onRequest.stop();
    }

    log(`${target}: tiles with cache, GraphQL under load, first paint …`);
    const server = await startServer(appEnv);
    try {
      await measureTiles(target, server.url, 'cached', server.dbUrl);
      await measureApi(target, server.url, server.dbUrl);
      await measureQueryCost(target, server.url);
      await measureFirstPaint(target, server.url);
      log(`${target}: kept answer against a static file, Slow 4G …`);
      await measureKeptVsStatic(target, server.url, distDir);
      await measureSlowNetwork(target, server.url);
      const memory = memoryMb(server.child.pid!);
      record(target, 'server process', 'resident memory after the runs', 'MB', memory.rss);
      record(target, 'server process', 'peak resident memory', 'MB', memory.peak);
    } finally {
      await server.stop();
    }

    // After the server has stopped: the embedded data directory takes one process at a time.
    log(`${target}: warm start of npm start …`);
    await measureWarmStart(target, dbEnv);
  } finally {
    await cleanup();
    fs.rmSync(distDir, { recursive: true, force: true });
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
