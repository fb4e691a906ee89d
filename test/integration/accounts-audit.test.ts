import { beforeAll, describe, expect, inject, it } from 'vitest';
import { graphql, queryData } from '../support/graphql.ts';
import { firstAdmin, operatorToken } from '../support/servers.ts';

const servers = inject('servers');

const loginMutation = `mutation($username: String!, $password: String!) { login(username: $username, password: $password) { token expiresAt user { username role unit { code } } } }`;
const createUserMutation = `mutation($input: UserInput!) { createUser(input: $input) { id username displayName role unit { code name } } }`;
const recordAssessmentMutation = `mutation($input: AssessmentInput!) { recordAssessment(input: $input) { year criteriaSet { code } status { criteriaMet } } }`;
const auditQuery = `query($filter: AuditFilter, $first: Int, $after: String) {
  auditTrail(filter: $filter, first: $first, after: $after) {
    totalCount
    nodes { id at actorUsername actorRole action entity entityId unitCode year outcome reason before after }
    pageInfo { hasNextPage endCursor }
  }
}`;

// Xã Vân An is in Huyện Chi Lăng (187), Xã Trùng Khánh in Huyện Văn Lãng (182), both in Lạng Sơn.
// commune-2021 in 2025: no document or synthetic status exists there, so these tests own those rows.
const vanAn = '06469';
const trungKhanh = '06127';
const assessment = { unitCode: vanAn, set: 'commune-2021', year: 2025, met: [1, 2, 3, 4], notMet: [5] };

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;

async function login(url: string, username: string, password: string): Promise<string> {
  const result = await graphql(url, loginMutation, { username, password });
  if (result.errors?.length) throw new Error(`login ${username}: ${JSON.stringify(result.errors)}`);
  return result.data.login.token;
}

describe.each(servers)('accounts, roles and the audit trail on $name', ({ url }) => {
  const users = {
    district: { username: 'chilang.editor', password: 'chi lang district pw', role: 'DISTRICT_EDITOR', unitCode: '187' },
    commune: { username: 'vanan.editor', password: 'van an commune pw 1', role: 'COMMUNE_EDITOR', unitCode: vanAn },
    viewer: { username: 'viewer', password: 'viewer password 12', role: 'VIEWER' },
  };
  const tokens: Record<string, string> = {};
  const commune2025 = async (code: string) =>
    (
      await queryData(
        url,
        `query($code: String!) { unit(code: $code) { assessments { year criteriaSet { code } } indicatorValues { year indicatorCode } recognitions { year } targets { year } } }`,
        { code },
      )
    ).unit;
  const audit = async (filter: Record<string, unknown>, token = tokens.admin) => graphql(url, auditQuery, { filter, first: 50 }, bearer(token));

  beforeAll(async () => {
    tokens.admin = await login(url, firstAdmin.username, firstAdmin.password);
    for (const [key, input] of Object.entries(users)) {
      const result = await graphql(url, createUserMutation, { input }, bearer(tokens.admin));
      expect(result.errors).toBeUndefined();
      tokens[key] = await login(url, input.username, input.password);
    }
  });

  describe('login', () => {
    it('gives a session token that identifies the user in `me`', async () => {
      const result = await graphql(url, loginMutation, { username: 'ChiLang.Editor', password: users.district.password });
      expect(result.errors).toBeUndefined();
      expect(result.data.login.user).toEqual({ username: 'chilang.editor', role: 'DISTRICT_EDITOR', unit: { code: '187' } });
      expect(new Date(result.data.login.expiresAt).getTime()).toBeGreaterThan(Date.now());
      const me = await graphql(url, `{ me { username role unit { name } } }`, {}, bearer(result.data.login.token));
      expect(me.data.me).toEqual({ username: 'chilang.editor', role: 'DISTRICT_EDITOR', unit: { name: 'Huyện Chi Lăng' } });
      expect((await graphql(url, `{ me { username } }`)).data.me).toBeNull();
    });

    it('refuses a wrong password and an unknown user alike', async () => {
      const wrong = await graphql(url, loginMutation, { username: users.viewer.username, password: 'not the password' });
      const unknown = await graphql(url, loginMutation, { username: 'nobody-here', password: 'not the password' });
      expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
      expect(wrong.errors?.[0].message).toBe('Wrong username or password');
      expect(unknown.errors?.[0]).toMatchObject({ message: 'Wrong username or password', extensions: { code: 'UNAUTHENTICATED' } });
    });

    it('stops a username after five failures, even with the right password', async () => {
      const input = { username: 'rate.limited', password: 'rate limited password', role: 'VIEWER' };
      expect((await graphql(url, createUserMutation, { input }, bearer(tokens.admin))).errors).toBeUndefined();
      for (let i = 0; i < 5; i++) {
        expect(codeOf(await graphql(url, loginMutation, { username: input.username, password: `guess ${i}` }))).toBe('UNAUTHENTICATED');
      }
      const blocked = await graphql(url, loginMutation, { username: input.username, password: input.password });
      expect(codeOf(blocked)).toBe('TOO_MANY_REQUESTS');
      expect(blocked.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
      // Another user from the same address is not affected.
      expect(await login(url, users.viewer.username, users.viewer.password)).toMatch(/^ey/);
    });

    it('rejects a tampered or foreign token as UNAUTHENTICATED on writes, and `me` is null with it', async () => {
      const [header, payload, signature] = tokens.viewer.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: '1' })).toString('base64url')}.${signature}`;
      const result = await graphql(url, recordAssessmentMutation, { input: assessment }, bearer(forged));
      expect(codeOf(result)).toBe('UNAUTHENTICATED');
      expect(result.errors?.[0].message).toMatch(/bad signature/);
      expect((await graphql(url, `{ me { username } }`, {}, bearer(forged))).data.me).toBeNull();
    });
  });

  describe('users', () => {
    it('are created by admins only', async () => {
      const input = { username: 'not-by-editor', password: 'some long password', role: 'ADMIN' };
      expect(codeOf(await graphql(url, createUserMutation, { input }, bearer(tokens.district)))).toBe('FORBIDDEN');
      expect(codeOf(await graphql(url, createUserMutation, { input }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await graphql(url, `{ users { username } }`, {}, bearer(tokens.viewer)))).toBe('FORBIDDEN');
      const list = await graphql(url, `{ users { username role } }`, {}, bearer(tokens.admin));
      expect(list.data.users.map((u: any) => u.username)).toEqual(expect.arrayContaining(['chilang.editor', 'test-admin', 'vanan.editor', 'viewer']));
      expect(list.data.users.map((u: any) => u.username)).not.toContain('not-by-editor');
    });

    it.each([
      ['an editor without a unit', { role: 'DISTRICT_EDITOR' }, /needs the code of a district/],
      ['a district editor given a commune', { role: 'DISTRICT_EDITOR', unitCode: vanAn }, /is a commune/],
      ['a viewer given a unit', { role: 'VIEWER', unitCode: '187' }, /not tied to a unit/],
      ['a taken username', { username: 'VIEWER' }, /taken/],
      ['a short password', { password: 'short' }, /password/],
      ['an SQL-like username', { username: "x'; drop table app_user; --" }, /username must be/],
    ])('refuses %s with BAD_USER_INPUT', async (_label, change, message) => {
      const input = { username: 'new.user', password: 'a long enough password', role: 'VIEWER', ...change };
      const result = await graphql(url, createUserMutation, { input }, bearer(tokens.admin));
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toMatch(message);
      const list = await graphql(url, `{ users { username } }`, {}, bearer(tokens.admin));
      expect(list.data.users.map((u: any) => u.username)).not.toContain('new.user');
    });

    it('keeps SQL-like names as plain text and refuses SQL-like logins cleanly', async () => {
      const displayName = "Robert'); DROP TABLE app_user;--";
      const input = { username: 'bobby.tables', password: 'a long enough password', role: 'VIEWER', displayName };
      const created = await graphql(url, createUserMutation, { input }, bearer(tokens.admin));
      expect(created.data.createUser.displayName).toBe(displayName);
      const injected = await graphql(url, loginMutation, { username: "test-admin' OR '1'='1", password: "' OR '1'='1" });
      expect(injected.errors?.[0]).toMatchObject({ message: 'Wrong username or password', extensions: { code: 'UNAUTHENTICATED' } });
      expect((await graphql(url, `{ users { username } }`, {}, bearer(tokens.admin))).data.users.length).toBeGreaterThanOrEqual(6);
    });
  });

  describe('writes within a scope', () => {
    it('let a district editor of Chi Lăng record a commune of Chi Lăng, with indicators, audited with before and after', async () => {
      const input = { ...assessment, indicators: [{ code: '10', value: '≥ 45', valueNumber: 45, unitOfMeasure: 'triệu đồng/người' }] };
      const first = await graphql(url, recordAssessmentMutation, { input }, bearer(tokens.district));
      expect(first.errors).toBeUndefined();
      expect(first.data.recordAssessment).toEqual({ year: 2025, criteriaSet: { code: 'commune-2021' }, status: { criteriaMet: 4 } });
      const unit = await commune2025(vanAn);
      expect(unit.assessments).toContainEqual({ year: 2025, criteriaSet: { code: 'commune-2021' } });
      expect(unit.indicatorValues).toContainEqual({ year: 2025, indicatorCode: '10' });

      const second = await graphql(url, recordAssessmentMutation, { input: { ...assessment, met: [1, 2, 3, 4, 5], notMet: [] } }, bearer(tokens.district));
      expect(second.data.recordAssessment.status).toEqual({ criteriaMet: 5 });

      const trail = await audit({ unitCode: vanAn, action: 'recordAssessment', outcome: 'DONE' });
      const [latest, earlier] = trail.data.auditTrail.nodes;
      expect(earlier).toMatchObject({ actorUsername: 'chilang.editor', actorRole: 'district-editor', entity: 'assessment', year: 2025, before: null });
      expect(earlier.after).toMatchObject({
        set: 'commune-2021',
        met: [1, 2, 3, 4],
        notMet: [5],
        indicators: [{ code: '10', value: '≥ 45', valueNumber: 45 }],
      });
      expect(latest.before).toEqual(earlier.after);
      expect(latest.after).toMatchObject({ met: [1, 2, 3, 4, 5], notMet: [], indicators: [{ code: '10', value: '≥ 45' }] });
      expect(latest.entityId).toBe(earlier.entityId);
      expect(Date.parse(latest.at)).toBeGreaterThanOrEqual(Date.parse(earlier.at));
    });

    it('refuse a district editor of Chi Lăng in Văn Lãng: FORBIDDEN, logged, nothing written', async () => {
      const result = await graphql(url, recordAssessmentMutation, { input: { ...assessment, unitCode: trungKhanh } }, bearer(tokens.district));
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(result.errors?.[0].message).toMatch(/06127 Xã Trùng Khánh is outside/);
      expect((await commune2025(trungKhanh)).assessments.filter((a: any) => a.year === 2025)).toEqual([]);
      const denied = await audit({ unitCode: trungKhanh, outcome: 'DENIED' });
      expect(denied.data.auditTrail.nodes).toContainEqual(
        expect.objectContaining({ actorUsername: 'chilang.editor', action: 'recordAssessment', unitCode: trungKhanh, year: 2025, before: null, after: null }),
      );
      expect(denied.data.auditTrail.nodes[0].reason).toMatch(/^FORBIDDEN: /);
      expect((await audit({ unitCode: trungKhanh, outcome: 'DONE' })).data.auditTrail.totalCount).toBe(0);
    });

    it('refuse a commune editor above their commune (the district itself)', async () => {
      const input = { unitCode: '187', tier: 'STANDARD', year: 2025 };
      const result = await graphql(url, `mutation($input: RecognitionInput!) { recordRecognition(input: $input) { year } }`, { input }, bearer(tokens.commune));
      expect(codeOf(result)).toBe('FORBIDDEN');
    });

    it('refuse viewers (FORBIDDEN) and anonymous writers (UNAUTHENTICATED), and log both', async () => {
      const input = { ...assessment, met: [1] };
      expect(codeOf(await graphql(url, recordAssessmentMutation, { input }, bearer(tokens.viewer)))).toBe('FORBIDDEN');
      expect(codeOf(await graphql(url, recordAssessmentMutation, { input }))).toBe('UNAUTHENTICATED');
      const trail = (await audit({ unitCode: vanAn, outcome: 'DENIED' })).data.auditTrail.nodes;
      expect(trail.map((n: any) => n.actorUsername)).toEqual(expect.arrayContaining(['viewer', 'anonymous']));
      const latest = (await audit({ unitCode: vanAn, outcome: 'DONE', action: 'recordAssessment' })).data.auditTrail.nodes[0];
      expect(latest.after.met).toEqual([1, 2, 3, 4, 5]);
    });

    it('record a recognition and a target, each audited with before and after', async () => {
      const recognition = { unitCode: vanAn, tier: 'STANDARD', year: 2025, decisionNumber: '123/QĐ-UBND', decidedOn: '2025-12-30' };
      const recorded = await graphql(
        url,
        `mutation($input: RecognitionInput!) { recordRecognition(input: $input) { tier status year decisionNumber decidedOn synthetic } }`,
        { input: recognition },
        bearer(tokens.district),
      );
      expect(recorded.data.recordRecognition).toEqual({
        tier: 'STANDARD',
        status: 'RECOGNISED',
        year: 2025,
        decisionNumber: '123/QĐ-UBND',
        decidedOn: '2025-12-30',
        synthetic: false,
      });
      const corrected = await graphql(
        url,
        `mutation($input: RecognitionInput!) { recordRecognition(input: $input) { decisionNumber } }`,
        { input: { ...recognition, decisionNumber: '124/QĐ-UBND' } },
        bearer(tokens.district),
      );
      expect(corrected.data.recordRecognition.decisionNumber).toBe('124/QĐ-UBND');
      const [change] = (await audit({ unitCode: vanAn, action: 'recordRecognition' })).data.auditTrail.nodes;
      expect(change.before).toMatchObject({ decisionNumber: '123/QĐ-UBND' });
      expect(change.after).toMatchObject({ decisionNumber: '124/QĐ-UBND', decidedOn: '2025-12-30' });

      const target = { unitCode: vanAn, set: 'commune-2021', year: 2025, criteria: [6, 7], criteriaCount: 19, text: 'Đạt chuẩn NTM năm 2025' };
      const set = await graphql(
        url,
        `mutation($input: TargetInput!) { setTarget(input: $input) { year criteria criteriaCount text criteriaSet { code } } }`,
        { input: target },
        bearer(tokens.commune),
      );
      expect(set.errors).toBeUndefined();
      expect(set.data.setTarget).toEqual({
        year: 2025,
        criteria: [6, 7],
        criteriaCount: 19,
        text: 'Đạt chuẩn NTM năm 2025',
        criteriaSet: { code: 'commune-2021' },
      });
      const [targetChange] = (await audit({ unitCode: vanAn, action: 'setTarget' })).data.auditTrail.nodes;
      expect(targetChange).toMatchObject({ actorUsername: 'vanan.editor', before: null, after: { criteria: [6, 7], criteriaCount: 19 } });
      const unit = await commune2025(vanAn);
      expect(unit.recognitions).toContainEqual({ year: 2025 });
      expect(unit.targets).toContainEqual({ year: 2025 });
    });

    it('let the operator token write as the audited admin "operator"', async () => {
      const input = { unitCode: trungKhanh, tier: 'STANDARD', status: 'PLANNED', year: 2025 };
      const result = await graphql(
        url,
        `mutation($input: RecognitionInput!) { recordRecognition(input: $input) { status } }`,
        { input },
        bearer(operatorToken),
      );
      expect(result.data.recordRecognition.status).toBe('PLANNED');
      const [entry] = (await audit({ unitCode: trungKhanh, outcome: 'DONE' })).data.auditTrail.nodes;
      expect(entry).toMatchObject({ actorUsername: 'operator', actorRole: 'admin', action: 'recordRecognition' });
    });
  });

  describe('bad input', () => {
    it.each([
      ['a criterion given as text', { met: ['one'] }],
      ['a year given as text', { year: '2025' }],
      ['a missing field', { set: undefined }],
      ['an unknown field', { sql: '1; drop table assessment' }],
    ])('refuses %s before any resolver runs', async (_label, change) => {
      const result = await graphql(url, recordAssessmentMutation, { input: { ...assessment, ...change } }, bearer(tokens.district));
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
    });

    it.each([
      ['a note over 2,000 characters', { note: 'x'.repeat(2001) }, /note/],
      ['too many indicators', { indicators: Array.from({ length: 101 }, (_, i) => ({ code: '10', value: String(i) })) }, /indicators/],
      ['an indicator value over 200 characters', { indicators: [{ code: '10', value: 'x'.repeat(201) }] }, /indicators\.0\.value/],
      ['an indicator not in the set', { indicators: [{ code: '99.9', value: '1' }] }, /not in commune-2021/],
    ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_label, change, message) => {
      const before = await commune2025(vanAn);
      const result = await graphql(url, recordAssessmentMutation, { input: { ...assessment, met: [1], ...change } }, bearer(tokens.district));
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toMatch(message);
      expect(await commune2025(vanAn)).toEqual(before);
    });

    it('refuses a recognition dated outside its year', async () => {
      const result = await graphql(
        url,
        `mutation($input: RecognitionInput!) { recordRecognition(input: $input) { year } }`,
        { input: { unitCode: vanAn, tier: 'ADVANCED', year: 2025, decidedOn: '2024-02-30' } },
        bearer(tokens.district),
      );
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    });

    it('refuses an oversized login and an oversized request body with clear codes', async () => {
      expect(codeOf(await graphql(url, loginMutation, { username: 'u'.repeat(500), password: 'p' }))).toBe('BAD_USER_INPUT');
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ me { id } }', variables: { padding: 'x'.repeat(1_100_000) } }),
      });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    });
  });

  describe('the audit trail', () => {
    it('is for admins only', async () => {
      expect(codeOf(await audit({}, tokens.district))).toBe('FORBIDDEN');
      expect(codeOf(await audit({}, tokens.viewer))).toBe('FORBIDDEN');
      expect(codeOf(await graphql(url, auditQuery, {}))).toBe('UNAUTHENTICATED');
    });

    it('pages newest first', async () => {
      const first = (await graphql(url, auditQuery, { first: 2 }, bearer(tokens.admin))).data.auditTrail;
      expect(first.nodes).toHaveLength(2);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const next = (await graphql(url, auditQuery, { first: 2, after: first.pageInfo.endCursor }, bearer(tokens.admin))).data.auditTrail;
      expect(Number(next.nodes[0].id)).toBeLessThan(Number(first.nodes[1].id));
      expect(next.totalCount).toBe(first.totalCount);
      expect(codeOf(await graphql(url, auditQuery, { after: 'bogus' }, bearer(tokens.admin)))).toBe('BAD_USER_INPUT');
    });

    it('shows who created each account, the first admin included', async () => {
      const created = (await audit({ entity: 'user' })).data.auditTrail.nodes;
      expect(created).toContainEqual(
        expect.objectContaining({ action: 'createFirstAdmin', actorUsername: 'environment', after: expect.objectContaining({ username: 'test-admin' }) }),
      );
      const editor = created.find((n: any) => n.after?.username === 'chilang.editor');
      expect(editor).toMatchObject({
        actorUsername: 'test-admin',
        action: 'createUser',
        unitCode: '187',
        before: null,
        after: { role: 'district-editor', unitCode: '187' },
      });
      expect(JSON.stringify(created)).not.toMatch(/scrypt|password/i);
    });
  });
});
