import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../support/graphql.ts';
import { createScratchDatabase, operatorToken, spawnServer, type SpawnedServer } from '../support/servers.ts';

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

    const allowed = await graphql(server.url, '{ units(filter: { level: PROVINCE }) { totalCount } }', {}, { authorization: `Bearer ${operatorToken}` });
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
});
