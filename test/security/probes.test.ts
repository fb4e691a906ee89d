import { afterAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { graphql } from '../support/graphql.ts';
import { operatorToken } from '../support/servers.ts';
import { clientAt, longXlsx, memoryOf, resetPeakMemory, understatedXlsxBomb } from '../support/probes.ts';

/**
 * The probes of an outside security review (issue #12) and more of the same kinds, against the real
 * servers on both databases. Each probe that spends a per-address limit speaks from a loopback
 * address of its own, so the other tests sharing the servers keep theirs.
 */
const servers = inject('servers');
const operator = { authorization: `Bearer ${operatorToken}` };
const clients: ReturnType<typeof clientAt>[] = [];
let nextAddress = 10 + Math.floor(Math.random() * 200);
/** A fresh client address per probe (and per server: both servers are probed in one run). */
function freshClient() {
  const client = clientAt(`127.0.${nextAddress++}.${1 + Math.floor(Math.random() * 250)}`);
  clients.push(client);
  return client;
}
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

type ErrorBody = { errors?: { message: string; extensions?: Record<string, any> }[] };
/** What no error response may carry: SQL, a stack frame, a file path. */
const leaks = /\b(select|insert|update|delete)\b[\s\S]*\bfrom\b|\bat .+\(.+:\d+:\d+\)|\/[\w.-]+\/[\w.-]+\.(ts|js|mjs)\b|node_modules|<html|<pre>/i;
function expectSafeError(text: string, code?: string) {
  expect(text).not.toMatch(leaks);
  const body = JSON.parse(text) as ErrorBody;
  expect(body.errors?.[0]?.extensions?.code).toEqual(code ?? expect.any(String));
}

const uniqueName = (prefix: string) => `${prefix}.${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function createAccount(url: string, role = 'VIEWER') {
  const input = { username: uniqueName('probe'), password: 'probe account password', role };
  const created = await graphql(url, 'mutation($input: UserInput!) { createUser(input: $input) { id } }', { input }, operator);
  expect(created.errors).toBeUndefined();
  return input;
}

const loginMutation = 'mutation($username: String!, $password: String!) { login(username: $username, password: $password) { token } }';

async function auditEntries(url: string, filter: Record<string, unknown>) {
  const result = await graphql(
    url,
    'query($filter: AuditFilter) { auditTrail(filter: $filter, first: 100) { totalCount nodes { actorUsername action entityId outcome reason } } }',
    { filter },
    operator,
  );
  expect(result.errors).toBeUndefined();
  return result.data.auditTrail as {
    totalCount: number;
    nodes: { actorUsername: string; action: string; entityId: string | null; outcome: string; reason: string | null }[];
  };
}

describe.each(servers)('security probes on the $name database', ({ url, name, pid, databaseUrl }) => {
  describe('query cost (#2)', () => {
    const nationalCommunes = '{ code band criteriaMet tier synthetic }';

    it('refuses 200 aliases of the national choropleth with QUERY_TOO_COMPLEX at once, while an ordinary request is answered', async () => {
      const aliases = Array.from({ length: 200 }, (_, i) => `c${i}: choropleth(level: COMMUNE, year: 2020) ${nationalCommunes}`).join('\n');
      const client = freshClient();
      // Refused at validation, before any of it runs. How fast, and what it does to a request beside
      // it, is measured by `npm run bench` (query cost guard), never timed here.
      const [flood, ordinary] = await Promise.all([
        client.graphql(url, `{ ${aliases} }`),
        graphql(url, '{ choroplethColumns(level: PROVINCE, year: 2024) { codes bands } }'),
      ]);
      expect(flood.status).toBe(400);
      expect(flood.body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
      expect(flood.body.data ?? null).toBeNull();
      expect(ordinary.errors).toBeUndefined();
      expect(ordinary.data.choroplethColumns.codes).toHaveLength(63);
    });

    it('counts fragments and aliases, and limits choropleth and summary fields per request', async () => {
      // Three national layers hidden in a fragment, and a fourth field in an inline fragment: each counted.
      const spread =
        'fragment F on Query { a: choropleth(level: COMMUNE, year: 2020) { code } b: choropleth(level: COMMUNE, year: 2021) { code } c: choroplethColumns(level: COMMUNE, year: 2022) { codes } }';
      const viaFragments = await graphql(url, `{ ...F ... on Query { d: summary(unitCode: "187", year: 2017) { communeCount } } } ${spread}`);
      expect(viaFragments.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
      expect(viaFragments.errors?.[0].extensions?.complexity).toBeGreaterThan(30_000);
      const summaries = Array.from({ length: 1000 }, (_, i) => `s${i}: summary(unitCode: "20", year: 2017) { communeCount }`).join(' ');
      expect((await graphql(url, `{ ${summaries} }`)).errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
      const five = Array.from({ length: 5 }, (_, i) => `s${i}: summary(unitCode: "187", year: ${2016 + i}) { communeCount }`).join(' ');
      const limited = await graphql(url, `{ ${five} }`);
      expect(limited.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', expensiveFields: 5 } });
      // Rows are priced: a page of 1,000 units with their children is refused, 20 of them are not.
      expect((await graphql(url, '{ units(first: 1000) { nodes { children { code } } } }')).errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
      expect((await graphql(url, '{ units(first: 20) { nodes { children { code } } } }')).errors).toBeUndefined();
    });

    it('keeps the map’s own queries well inside the limits', async () => {
      const map = await graphql(
        url,
        `query($year: Int!) { choroplethColumns(level: COMMUNE, year: $year) { codes criteriaMet criteriaTotal bands tiers synthetic averageCriteria communesAssessed } }`,
        { year: 2020 },
      );
      expect(map.errors).toBeUndefined();
      expect(map.data.choroplethColumns.codes.length).toBeGreaterThan(10_000);
      const panel = await graphql(
        url,
        '{ summary(unitCode: "20", year: 2024) { communeCount assessedCount bandCounts { band count } perCriterion { criterion met nameVi } reported { computed difference } } }',
      );
      expect(panel.errors).toBeUndefined();
    });
  });

  describe('logins (#3, #4, #10)', () => {
    it('checks no more than 5 of 20 concurrent wrong passwords for one account', async () => {
      const account = await createAccount(url);
      const client = freshClient();
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => client.graphql(url, loginMutation, { username: account.username, password: `wrong guess ${i}` })),
      );
      const codes = answers.map((a) => a.body.errors?.[0].extensions?.code);
      expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(5);
      expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS').length).toBeGreaterThanOrEqual(15);
      expect(codes.every((c) => c === 'UNAUTHENTICATED' || c === 'TOO_MANY_REQUESTS')).toBe(true);
    });

    it('does not lock the real user out: guesses from one address leave the account open from another', async () => {
      const account = await createAccount(url);
      const attacker = freshClient();
      for (let i = 0; i < 6; i++) await attacker.graphql(url, loginMutation, { username: account.username, password: `wrong guess ${i}` });
      const blocked = await attacker.graphql(url, loginMutation, account);
      expect(blocked.body.errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
      const owner = await freshClient().graphql(url, loginMutation, account);
      expect(owner.body.errors).toBeUndefined();
      expect(owner.body.data.login.token).toMatch(/^ey/);
    });

    it('slows, but does not shut, an address after 50 failed logins on many accounts', async () => {
      const account = await createAccount(url);
      const office = freshClient();
      for (let batch = 0; batch < 5; batch++) {
        await Promise.all(
          Array.from({ length: 10 }, (_, i) => office.graphql(url, loginMutation, { username: uniqueName(`nobody${batch}${i}`), password: 'wrong' })),
        );
      }
      let answer = await office.graphql(url, loginMutation, account);
      const wait = answer.body.errors?.[0].extensions?.retryAfterSeconds;
      if (wait !== undefined) {
        // A delay of seconds, never the 15-minute window.
        expect(wait).toBeLessThanOrEqual(60);
        await new Promise((resolve) => setTimeout(resolve, wait * 1000 + 200));
        answer = await office.graphql(url, loginMutation, account);
      }
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data.login.token).toMatch(/^ey/);
    });

    it('audits failed and refused logins', async () => {
      const account = await createAccount(url);
      const client = freshClient();
      for (let i = 0; i < 5; i++) await client.graphql(url, loginMutation, { username: account.username, password: `wrong ${i}` });
      expect((await client.graphql(url, loginMutation, account)).body.errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
      const trail = await auditEntries(url, { action: 'login', outcome: 'DENIED' });
      const mine = trail.nodes.filter((n) => n.entityId === account.username);
      expect(mine.filter((n) => n.reason?.startsWith('UNAUTHENTICATED: Wrong username or password'))).toHaveLength(5);
      expect(mine.filter((n) => n.reason?.startsWith('TOO_MANY_REQUESTS:'))).toHaveLength(1);
      expect(mine.every((n) => n.actorUsername === 'anonymous' && n.reason!.includes(`from ${client.address}`))).toBe(true);
    });
  });

  describe('writes and the audit trail (#6)', () => {
    const setTarget = 'mutation($input: TargetInput!) { setTarget(input: $input) { year } }';

    it('keeps 200 refused anonymous writes from flooding the trail', async () => {
      const client = freshClient();
      const filter = { actor: 'anonymous', action: 'setTarget', outcome: 'DENIED' };
      const before = (await auditEntries(url, filter)).totalCount;
      const input = { unitCode: '06127', year: 2030, criteriaCount: 19, text: 'x'.repeat(1900) };
      for (let batch = 0; batch < 20; batch++) {
        const answers = await Promise.all(Array.from({ length: 10 }, () => client.graphql(url, setTarget, { input })));
        for (const answer of answers) expect(answer.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      }
      const trail = await auditEntries(url, filter);
      // Test files run one after another: every new entry is this probe's.
      expect(trail.totalCount - before).toBeGreaterThan(0);
      expect(trail.totalCount - before).toBeLessThanOrEqual(30);
      expect(trail.nodes[0].reason).toContain(`from ${client.address}`);
    });

    it('limits writes per address, aliases counted', async () => {
      const client = freshClient();
      const aliases = Array.from({ length: 301 }, (_, i) => `t${i}: setTarget(input: $input) { year }`).join(' ');
      const answer = await client.graphql(url, `mutation($input: TargetInput!) { ${aliases} }`, { input: { unitCode: '06127', year: 2030, text: 'plan' } });
      expect(answer.status).toBe(429);
      expect(answer.body.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) });
    });
  });

  describe('invalid input is a 4xx with a code (#7)', () => {
    it('refuses a fragment cycle', async () => {
      const client = freshClient();
      const answer = await client.graphql(
        url,
        'query { units(first: 1) { nodes { ...A } } } fragment A on AdminUnit { name ...B } fragment B on AdminUnit { code ...A }',
      );
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('refuses a NUL character in any string argument, URL or variable', async () => {
      const client = freshClient();
      const probes = [
        client.graphql(url, loginMutation, { username: 'admin\u0000', password: 'x' }),
        client.graphql(url, 'mutation { setTarget(input: { unitCode: "06127", year: 2030, text: "a\\u0000b" }) { year } }', {}, operator),
        client.graphql(url, '{ auditTrail(filter: { actor: "a\\u0000" }) { totalCount } }', {}, operator),
      ];
      for (const answer of await Promise.all(probes)) {
        expect(answer.status).toBe(400);
        // In variables it is refused before GraphQL (BAD_USER_INPUT), written into the document by validation.
        expect(answer.body.errors?.[0].extensions?.code).toMatch(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED)$/);
        expect(answer.body.errors?.[0].message).toMatch(/NUL/);
      }
      const exported = await client.request(`${url}/export/assessments.csv?unit=182&year=2024&set=a%00b`);
      expect(exported.status).toBe(400);
      expectSafeError(await exported.text(), 'BAD_USER_INPUT');
    });

    it('refuses an upload whose file name holds a NUL or 50,000 characters', async () => {
      const client = freshClient();
      const csv = Buffer.from('Mã ĐVHC,Năm,Bộ tiêu chí,TC1\r\n06127,2017,commune-2016,Đạt\r\n');
      for (const fileName of ['a\u0000b.csv', `${'x'.repeat(50_000)}.csv`]) {
        const answer = await client.upload(url, fileName, csv, operatorToken);
        expect(answer.status).toBe(400);
        expectSafeError(answer.text, 'BAD_REQUEST');
      }
    });
  });

  describe('REST errors (#5, issue #11)', () => {
    it('answers tile and export errors in the GraphQL error shape', async () => {
      const tile = await fetch(`${url}/tiles/ward/5/25/14.pbf`);
      expect(tile.status).toBe(400);
      expect(await tile.json()).toEqual({
        errors: [{ message: expect.stringMatching(/unknown level "ward"/), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }],
      });
      const nowhere = await fetch(`${url}/tiles/commune/5`);
      expect(nowhere.status).toBe(404);
      expectSafeError(await nowhere.text(), 'NOT_FOUND');
      const exported = await fetch(`${url}/export/assessments.csv?unit=x&year=2024`);
      expect(exported.status).toBe(400);
      expectSafeError(await exported.text(), 'BAD_USER_INPUT');
      const badJson = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
      expect(badJson.status).toBe(400);
      expectSafeError(await badJson.text(), 'BAD_REQUEST');
    });

    it.runIf(name === 'postgis')('answers uncached tiles with a code, never SQL or a stack, while database connections drop', async () => {
      const admin = new pg.Client({ connectionString: databaseUrl });
      await admin.connect();
      let dropping = true;
      // Ends the server's connections in the middle of their queries, as a failing network or database would.
      const dropper = (async () => {
        let dropped = 0;
        while (dropping) {
          const { rows } = await admin.query(
            `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state = 'active'`,
          );
          dropped += rows[0].n;
        }
        return dropped;
      })();
      // Zoom-14 tiles around Lạng Sơn city, at a random offset: none is stored or cached, each needs the database.
      const x = 13_040 + Math.floor(Math.random() * 20);
      const answers = await Promise.all(
        Array.from({ length: 40 }, async (_, i) => {
          const response = await fetch(`${url}/tiles/commune/14/${x + (i % 8)}/${7_165 + Math.floor(i / 8)}.pbf`);
          if (response.status >= 400) return { status: response.status, text: await response.text() };
          await response.arrayBuffer();
          return { status: response.status, text: '' };
        }),
      );
      dropping = false;
      expect(await dropper).toBeGreaterThan(0);
      await admin.end();
      const failed = answers.filter((a) => a.status >= 400);
      expect(failed.length).toBeGreaterThan(0);
      for (const answer of failed) {
        expect(answer.status).toBe(500);
        expectSafeError(answer.text, 'INTERNAL_SERVER_ERROR');
      }
      // The pool recovers: a connection ended while idle fails its next query once, then is replaced.
      let status = 500;
      for (let attempt = 0; attempt < 5 && status >= 300; attempt++) {
        status = (await fetch(`${url}/tiles/commune/14/${x}/7165.pbf`)).status;
        if (status >= 300) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(status).toBeLessThan(300);
    });
  });

  describe('HTTP caching per RFC 9110 (#8)', () => {
    it('answers If-None-Match with 304 for the tag weak or strong, *, and a list holding the tag', async () => {
      const tilePath = `${url}/tiles/province/5/25/14.pbf`;
      const first = await fetch(tilePath);
      expect(first.status).toBe(200);
      await first.arrayBuffer();
      // Weak: a tile goes out as brotli, gzip or as is, other bytes of one representation. If-None-Match compares weakly.
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^W\/"/);
      const opaque = etag.slice(2);
      for (const condition of [etag, opaque, '*', `"nothing", ${etag}`, `W/"nothing", ${opaque}`]) {
        const response = await fetch(tilePath, { headers: { 'if-none-match': condition } });
        expect(response.status, condition).toBe(304);
      }
      const changed = await fetch(tilePath, { headers: { 'if-none-match': '"nothing", W/"other"' } });
      expect(changed.status).toBe(200);
    });
  });

  describe('spreadsheets are refused with bounded memory (#9, #10)', () => {
    /** The server's peak resident memory while `run` runs, above what it held just before. */
    async function peakGrowth(run: () => Promise<void>): Promise<number> {
      resetPeakMemory(pid);
      const idle = memoryOf(pid).rss;
      await run();
      return memoryOf(pid).peak - idle;
    }
    const mb = 1024 * 1024;

    it('refuses an XLSX whose directory understates 1.2 GB before inflating it, and audits the refusal', async () => {
      const bomb = understatedXlsxBomb();
      expect(bomb.length).toBeLessThan(2 * mb);
      const client = freshClient();
      let answer: Awaited<ReturnType<typeof client.upload>> | undefined;
      const growth = await peakGrowth(async () => {
        answer = await client.upload(url, 'bomb.xlsx', bomb, operatorToken);
      });
      expect(JSON.parse(answer!.text).errors[0].extensions.code).toMatch(/^(INVALID_FILE|FILE_TOO_LARGE)$/);
      expect(growth).toBeLessThan(300 * mb);
      const trail = await auditEntries(url, { actor: 'operator', action: 'importAssessments', outcome: 'DENIED' });
      expect(trail.nodes.some((n) => /^(INVALID_FILE|FILE_TOO_LARGE): /.test(n.reason ?? '') && n.reason!.includes(`from ${client.address}`))).toBe(true);
    });

    it('refuses a 100,000-row XLSX before parsing it whole', async () => {
      const long = await longXlsx(100_000);
      let answer: Awaited<ReturnType<ReturnType<typeof clientAt>['upload']>> | undefined;
      const growth = await peakGrowth(async () => {
        answer = await freshClient().upload(url, 'long.xlsx', long, operatorToken);
      });
      expect(JSON.parse(answer!.text).errors[0].extensions.code).toBe('TOO_MANY_ROWS');
      expect(growth).toBeLessThan(300 * mb);
    });
  });
});
