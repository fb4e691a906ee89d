import { describe, expect, it } from 'vitest';
import { InvalidTokenError, signSessionToken, verifySessionToken } from '../../api/src/modules/auth/session-token.ts';

const secret = 'a test secret of at least thirty-two characters';
const issued = new Date('2026-01-01T00:00:00Z');
const user = { id: 7, username: 'chilang.editor' };

const reason = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof InvalidTokenError ? error.reason : error;
  }
  return 'accepted';
};

describe('session tokens (JWT, HS256)', () => {
  it('carry the user and expire after their lifetime', () => {
    const { token, expiresAt } = signSessionToken(user, secret, 3600, issued);
    expect(expiresAt.toISOString()).toBe('2026-01-01T01:00:00.000Z');
    const claims = verifySessionToken(token, secret, new Date('2026-01-01T00:59:59Z'));
    expect(claims).toMatchObject({ sub: '7', username: 'chilang.editor', iat: 1767225600, exp: 1767229200 });
    expect(reason(() => verifySessionToken(token, secret, new Date('2026-01-01T01:00:00Z')))).toBe('expired');
  });

  it('are standard JWTs with an HS256 header', () => {
    const { token } = signSessionToken(user, secret, 60, issued);
    const [header, payload] = token
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload.sub).toBe('7');
  });

  it('are refused when their claims were changed', () => {
    const { token } = signSessionToken(user, secret, 3600, issued);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: '1' })).toString('base64url');
    expect(reason(() => verifySessionToken(`${header}.${forged}.${signature}`, secret, issued))).toBe('signature');
  });

  it('are refused when signed with another secret', () => {
    const { token } = signSessionToken(user, 'another secret of at least thirty-two characters', 3600, issued);
    expect(reason(() => verifySessionToken(token, secret, issued))).toBe('signature');
  });

  it('refuse the "none" algorithm and malformed tokens', () => {
    const { token } = signSessionToken(user, secret, 3600, issued);
    const [, payload] = token.split('.');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(reason(() => verifySessionToken(`${none}.${payload}.`, secret, issued))).toBe('malformed');
    expect(reason(() => verifySessionToken('not-a-token', secret, issued))).toBe('malformed');
    expect(reason(() => verifySessionToken(`${token}.extra`, secret, issued))).toBe('malformed');
  });
});
