import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { root } from '../support/servers.ts';

const servers = inject('servers');

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as they came over the wire (still compressed). */
  wire: Buffer;
  /** The same bytes decoded by their Content-Encoding. */
  body: Buffer;
}

/** A request whose Accept-Encoding is the test's (fetch always asks for compression and decodes it away). */
function request(
  url: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const wire = Buffer.concat(chunks);
        const coding = res.headers['content-encoding'];
        try {
          const decoded = coding === 'br' ? zlib.brotliDecompressSync(wire) : coding === 'gzip' ? zlib.gunzipSync(wire) : wire;
          resolve({ status: res.statusCode!, headers: res.headers, wire, body: decoded });
        } catch (error) {
          reject(new Error(`${url}: the body is not what Content-Encoding ${coding} says (${(error as Error).message})`));
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const colours = '{ choroplethColumns(level: COMMUNE, year: 2024) { codes bands criteriaMet } }';
const asGet = (url: string) => `${url}/graphql?query=${encodeURIComponent(colours)}`;
const preflight = { 'apollo-require-preflight': 'true' };

describe.each(servers)('what goes over the wire on $name', ({ url }) => {
  it('keeps a map-colour answer as finished bytes: the same answer in brotli, gzip or as is, one validator, 304 on a repeat', async () => {
    const post = (encoding: string) =>
      request(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-encoding': encoding },
        body: JSON.stringify({ query: colours }),
      });
    const first = await post('br, gzip');
    expect(first.status).toBe(200);
    const answer = JSON.parse(first.body.toString());
    expect(answer.data.choroplethColumns.codes.length).toBeGreaterThan(3000);
    // The first answer, computed, is compressed on the way out and already carries the validator of what is kept.
    expect(first.headers['content-encoding']).toBe('br');
    expect(first.headers['cache-control']).toMatch(/no-cache/);
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);

    // The kept forms are made off the request (brotli at its best); until then a copy is compressed on the way.
    const bestBrotli = zlib.brotliCompressSync(first.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
    await expect.poll(async () => (await post('br')).wire.equals(bestBrotli), { timeout: 20_000 }).toBe(true);
    const kept = { br: await post('br'), gzip: await post('gzip'), identity: await post('identity') };
    for (const [coding, response] of Object.entries(kept)) {
      expect(response.headers.etag, coding).toBe(etag);
      expect(response.headers['content-encoding'], coding).toBe(coding === 'identity' ? undefined : coding);
      expect(response.headers.vary, coding).toMatch(/Accept-Encoding/);
      expect(response.body.equals(first.body), coding).toBe(true);
    }
    // The kept forms are the whole answer, several times smaller than it.
    expect(kept.br.wire.byteLength * 4).toBeLessThan(kept.identity.wire.byteLength);
    expect(kept.gzip.wire.byteLength * 3).toBeLessThan(kept.identity.wire.byteLength);
    expect(Number(kept.identity.headers['content-length'])).toBe(kept.identity.body.byteLength);

    // A browser's GET of the same query: the same bytes, and a 304 when it holds them.
    const get = await request(asGet(url), { headers: { ...preflight, 'accept-encoding': 'br' } });
    expect([get.status, get.headers.etag, get.body.equals(first.body)]).toEqual([200, etag, true]);
    const revalidated = await request(asGet(url), { headers: { ...preflight, 'if-none-match': etag } });
    expect([revalidated.status, revalidated.wire.byteLength]).toEqual([304, 0]);
  });

  it('still asks a kept answer for what Apollo asks: a simple cross-site GET is refused', async () => {
    await request(asGet(url), { headers: preflight });
    const simple = await request(asGet(url));
    expect(simple.status).toBe(400);
    expect(simple.body.toString()).toMatch(/CSRF|preflight/i);
  });

  it('keeps no answer of a query that asks for anything but map colours, nor one with errors', async () => {
    const units = '{ units(filter: { level: PROVINCE, asOf: "2025-03-01" }) { totalCount } }';
    const answer = await request(`${url}/graphql?query=${encodeURIComponent(units)}`, { headers: preflight });
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    const failing = '{ choroplethColumns(level: COMMUNE, parentCode: "no-such-unit", year: 2024) { codes } }';
    const refused = await request(`${url}/graphql?query=${encodeURIComponent(failing)}`, { headers: preflight });
    expect(JSON.parse(refused.body.toString()).errors).toBeDefined();
    expect(refused.headers['cache-control']).toBe('no-store');
    // Asked again, it is computed again (and refused again), not served as kept bytes.
    const again = await request(`${url}/graphql?query=${encodeURIComponent(failing)}`, { headers: preflight });
    expect([again.headers['cache-control'], JSON.parse(again.body.toString()).errors[0].extensions.code]).toEqual(['no-store', 'BAD_USER_INPUT']);
  });

  it('sends tiles in brotli or gzip as the client takes them, each the same tile', async () => {
    const tile = `${url}/tiles/commune/5/25/14.pbf?asOf=2025-03-01`;
    const identity = await request(tile, { headers: { 'accept-encoding': 'identity' } });
    expect(identity.status).toBe(200);
    expect(identity.headers['content-encoding']).toBeUndefined();
    for (const coding of ['br', 'gzip']) {
      const encoded = await request(tile, { headers: { 'accept-encoding': coding } });
      expect(encoded.headers['content-encoding']).toBe(coding);
      expect(encoded.headers.etag).toBe(identity.headers.etag);
      expect(encoded.body.equals(identity.body)).toBe(true);
      expect(encoded.wire.byteLength * 2).toBeLessThan(identity.wire.byteLength);
    }
    // A coding the client refuses (q=0) is never sent.
    const refusesBrotli = await request(tile, { headers: { 'accept-encoding': 'br;q=0, gzip' } });
    expect(refusesBrotli.headers['content-encoding']).toBe('gzip');
    const refusesBoth = await request(tile, { headers: { 'accept-encoding': 'br;q=0, gzip;q=0' } });
    expect([refusesBoth.headers['content-encoding'], refusesBoth.body.equals(identity.body)]).toEqual([undefined, true]);
  });

  it('serves the web client precompressed, hashed assets kept for good, the shell revalidated and preloading the map', async () => {
    const shell = await request(`${url}/?level=COMMUNE&year=2024`, { headers: { 'accept-encoding': 'br' } });
    expect(shell.headers['cache-control']).toBe('no-cache');
    const html = shell.body.toString();
    const script = /\/assets\/index-[\w-]+\.js/.exec(html)?.[0] ?? 'no first script';
    const mapChunk = /rel="modulepreload" crossorigin href="(\/assets\/AtlasMap-[\w-]+\.js)"/.exec(html)?.[1] ?? 'no map chunk preloaded';
    expect(html).toMatch(/rel="preload" as="fetch" crossorigin href="\/assets\/maplibre-gl-worker-[\w-]+\.mjs"/);
    expect(html).toMatch(/rel="preload" as="font" type="font\/woff2" crossorigin href="\/assets\/noto-sans-vietnamese-400-normal-[\w-]+\.woff2"/);

    for (const asset of [script, mapChunk]) {
      const onDisk = fs.readFileSync(path.join(root, 'web/dist', asset));
      const br = await request(`${url}${asset}`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(br.headers['content-encoding'], asset).toBe('br');
      expect(br.headers['cache-control'], asset).toBe('public, max-age=31536000, immutable');
      expect(br.headers['content-type'], asset).toMatch(/javascript/);
      expect(br.body.equals(onDisk), asset).toBe(true);
      // Written at build, so nothing is compressed per request.
      expect(br.wire.equals(fs.readFileSync(path.join(root, 'web/dist', `${asset}.br`))), asset).toBe(true);
      const gzip = await request(`${url}${asset}`, { headers: { 'accept-encoding': 'gzip' } });
      expect([gzip.headers['content-encoding'], gzip.body.equals(onDisk)], asset).toEqual(['gzip', true]);
    }
    // The first script holds the page, not the map engine: MapLibre is in the map's own chunk.
    const firstScript = fs.readFileSync(path.join(root, 'web/dist', script));
    expect(firstScript.includes('maplibre')).toBe(false);
    expect(fs.statSync(path.join(root, 'web/dist', `${script}.br`)).size).toBeLessThan(150 * 1024);

    const missing = await request(`${url}/assets/index-missing.js`);
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body.toString()).errors[0].extensions.code).toBeDefined();
  });

  it('compresses the other answers on the fly: OGC documents and exports', async () => {
    for (const route of ['/ogc/collections/communes-2025-03/items?limit=50', '/export/assessments.csv?unit=182&year=2024']) {
      const plain = await request(`${url}${route}`, { headers: { 'accept-encoding': 'identity' } });
      const gzip = await request(`${url}${route}`, { headers: { 'accept-encoding': 'gzip' } });
      expect([plain.status, gzip.status], route).toEqual([200, 200]);
      expect(gzip.headers['content-encoding'], route).toBe('gzip');
      expect(gzip.wire.byteLength * 2, route).toBeLessThan(plain.wire.byteLength);
      // The OGC answer is stamped with its time; the rest is the same.
      const withoutStamp = (body: Buffer) => body.toString().replace(/"timeStamp":"[^"]*"/, '');
      expect(withoutStamp(gzip.body), route).toBe(withoutStamp(plain.body));
    }
  });
});
