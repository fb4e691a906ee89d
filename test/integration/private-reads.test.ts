import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MikroORM } from '@mikro-orm/postgresql';
import { graphql } from '../support/graphql.ts';
import { createScratchDatabase, operatorToken, root, spawnServer, type SpawnedServer } from '../support/servers.ts';
import { ormConfig } from '../../api/src/db/mikro-orm.config.ts';
import { createHttpApp, type HttpApp } from '../../api/src/server/app.ts';
import { LoginRateLimiter } from '../../api/src/modules/auth/login-rate-limit.ts';
import { defaultReadLimits } from '../../api/src/modules/assessment-imports/sheet-reader.ts';

/** PUBLIC_READ=false: a server of its own, on a throwaway database of the real PostgreSQL. */
describe('a server with PUBLIC_READ=false', () => {
  let server: SpawnedServer;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;

  beforeAll(async () => {
    scratch = await createScratchDatabase('ntm_private');
    server = await spawnServer('postgis', { DATABASE_URL: scratch.url, PUBLIC_READ: 'false', ADMIN_TOKEN: operatorToken });
  }, 300_000);

  afterAll(async () => {
    expect(await server?.stop()).toBe(0);
    await scratch?.drop();
  });

  it('refuses anonymous queries with UNAUTHENTICATED and 401, answers `me`, and serves a logged-in caller', async () => {
    const anonymous = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ units(first: 1) { totalCount } }' }),
    });
    expect(anonymous.status).toBe(401);
    const body = await anonymous.json();
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.data ?? null).toBeNull();

    // A query that hides its fields in a fragment is refused too.
    const fragment = await graphql(server.url, 'query { ...F } fragment F on Query { criteriaSets { code } }');
    expect(fragment.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    expect(await graphql(server.url, '{ me { username } }')).toEqual({ data: { me: null } });

    const allowed = await graphql(
      server.url,
      '{ units(filter: { level: PROVINCE, asOf: "2025-03-01" }) { totalCount } }',
      {},
      { authorization: `Bearer ${operatorToken}` },
    );
    expect(allowed).toEqual({ data: { units: { totalCount: 63 } } });

    // Map colours are kept as whole responses; a kept response is still refused to an anonymous caller.
    const colours = '{ choroplethColumns(level: PROVINCE, year: 2024) { codes bands } }';
    const loggedIn = await graphql(server.url, colours, {}, { authorization: `Bearer ${operatorToken}` });
    expect(loggedIn.data.choroplethColumns.codes).toHaveLength(63);
    expect(await graphql(server.url, colours, {}, { authorization: `Bearer ${operatorToken}` })).toEqual(loggedIn);
    const anonymousColours = await graphql(server.url, colours);
    expect(anonymousColours.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymousColours.data ?? null).toBeNull();
  });
  it('refuses anonymous exports and tiles with UNAUTHENTICATED and 401, and serves them to a logged-in caller', async () => {
    for (const route of [
      '/export/assessments.csv?unit=182&year=2024',
      '/export/assessments.xlsx?unit=182&year=2024',
      '/tiles/commune/5/25/14.pbf',
      '/tiles/commune/tilejson.json',
      '/tiles/style.json',
      '/ogc',
      '/ogc/collections/communes-2025-03/items?limit=2',
      '/ogc/collections/communes-2025-03/items?f=gpkg&within=20&year=2024',
    ]) {
      const anonymous = await fetch(`${server.url}${route}`);
      expect(anonymous.status, route).toBe(401);
      expect(await anonymous.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
      const allowed = await fetch(`${server.url}${route}`, { headers: { authorization: `Bearer ${operatorToken}` } });
      expect(allowed.status, route).toBe(200);
      // One reader's answer is no shared cache's to keep for the next.
      expect(allowed.headers.get('cache-control') ?? '', route).not.toMatch(/public/);
    }
  });

  describe("every route of the app's own router", () => {
    let orm: MikroORM;
    let http: HttpApp;
    let baseUrl: string;

    beforeAll(async () => {
      // The same app as the server's, in this process, so its router stack can be read; on the database the server above prepared.
      orm = await MikroORM.init(ormConfig({ clientUrl: scratch.url, poolMax: 2 }));
      http = await createHttpApp(
        orm,
        path.join(root, 'web/dist'),
        { sessionSecret: 'x'.repeat(32), sessionTtlSeconds: 3600, adminToken: operatorToken, publicRead: false, loginLimiter: new LoginRateLimiter() },
        { importLimits: defaultReadLimits, tileCacheBytes: 0, responseCacheBytes: 0, tilePrerenderMaxZoom: 5 },
      );
      await new Promise<void>((resolve) => http.server.listen(0, '127.0.0.1', resolve));
      baseUrl = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      await http?.stop();
      await orm?.close();
    });

    it('answers no data to an anonymous caller', async () => {
      const endpoints = routesOf(http.app.router.stack as RouterLayer[]);
      // The walk finds the data routes themselves, not a list kept beside them.
      expect(endpoints.map((e) => e.path)).toEqual(
        expect.arrayContaining([
          '/graphql',
          '/tiles/:level/:z/:x/:file',
          '/tiles/:level/tilejson.json',
          '/tiles/style.json',
          '/tiles/:level/style.json',
          '/export/assessments.csv',
          '/export/assessments.xlsx',
          '/ogc/',
          '/ogc/conformance',
          '/ogc/api',
          '/ogc/collections',
          '/ogc/collections/:collectionId',
          '/ogc/collections/:collectionId/queryables',
          '/ogc/collections/:collectionId/items',
          '/ogc/collections/:collectionId/items/:featureId',
        ]),
      );
      const open: string[] = [];
      for (const { method, path: routePath } of endpoints) {
        if (publicRoutes.some((p) => p.test(routePath))) continue;
        // One sample of everything a data route reads: an export's unit and year, a GraphQL query (GET or POST).
        const url = `${baseUrl}${concretePath(routePath)}?${new URLSearchParams({ unit: '182', year: '2024', query: dataQuery })}`;
        const body = method === 'post' ? JSON.stringify({ query: dataQuery }) : undefined;
        const response = await fetch(url, {
          method: method.toUpperCase(),
          headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
          body,
        });
        const text = await response.text();
        const refused = response.status === 401 && JSON.parse(text).errors?.[0]?.extensions?.code === 'UNAUTHENTICATED';
        if (!refused) open.push(`${method.toUpperCase()} ${routePath}: ${response.status} ${text.slice(0, 120)}`);
      }
      expect(open).toEqual([]);
    });
  });
});

const dataQuery = '{ units(first: 1) { totalCount nodes { code name } } criteriaSets { code } }';

/** Routes that serve no data: the health probe and the web client's files and shell. */
const publicRoutes = [/^\/health$/, /^\/assets/, /^\/$/, /^\/\(client route\)$/];

interface RouterLayer {
  rawPath?: string | RegExp;
  route?: { path: string | RegExp; methods: Record<string, boolean> };
  handle: { stack?: RouterLayer[] };
  name: string;
}

/**
 * Every endpoint of an Express 5 router stack: its routes, the routes of routers mounted in it
 * (under their mount path), and middleware mounted on a path of its own (Apollo at /graphql).
 */
function routesOf(stack: RouterLayer[], prefix = ''): { method: string; path: string }[] {
  const endpoints = stack.flatMap((layer): { method: string; path: string }[] => {
    const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
    if (layer.route) {
      const routePath = typeof layer.route.path === 'string' ? prefix + layer.route.path : '/(client route)';
      return Object.keys(layer.route.methods).map((method) => ({ method, path: routePath }));
    }
    if (layer.handle.stack) return routesOf(layer.handle.stack, prefix + mount);
    return mount ? ['get', 'post'].map((method) => ({ method, path: prefix + mount })) : [];
  });
  return endpoints.filter((e, i) => endpoints.findIndex((o) => o.method === e.method && o.path === e.path) === i);
}

/** A path with its parameters filled in as a client would: a tile address for the tile route, a collection and a feature for /ogc. */
function concretePath(routePath: string): string {
  const samples: Record<string, string> = { level: 'commune', z: '5', x: '25', file: '14.pbf', collectionId: 'communes-2025-03', featureId: '06463' };
  return routePath.replace(/:(\w+)/g, (_, name: string) => samples[name] ?? '1');
}
