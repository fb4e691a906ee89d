import crypto from 'node:crypto';

/** The claims of a session token (a JWT signed with HS256). */
export interface SessionClaims {
  /** User id. */
  sub: string;
  username: string;
  /** Issued at and expiry, seconds since the epoch. */
  iat: number;
  exp: number;
}

export class InvalidTokenError extends Error {
  constructor(readonly reason: 'malformed' | 'signature' | 'expired') {
    super(`Session token ${reason === 'expired' ? 'has expired' : reason === 'signature' ? 'has a bad signature' : 'is malformed'}`);
  }
}

const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

function sign(data: string, secret: string): Buffer {
  return crypto.createHmac('sha256', secret).update(data).digest();
}

export function signSessionToken(
  subject: { id: number; username: string },
  secret: string,
  ttlSeconds: number,
  now: Date = new Date(),
): { token: string; expiresAt: Date } {
  const iat = Math.floor(now.getTime() / 1000);
  const claims: SessionClaims = { sub: String(subject.id), username: subject.username, iat, exp: iat + ttlSeconds };
  const body = `${header}.${base64url(JSON.stringify(claims))}`;
  return { token: `${body}.${sign(body, secret).toString('base64url')}`, expiresAt: new Date(claims.exp * 1000) };
}

/** The claims of a token this server signed and that has not expired; InvalidTokenError otherwise. */
export function verifySessionToken(token: string, secret: string, now: Date = new Date()): SessionClaims {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== header) throw new InvalidTokenError('malformed');
  const expected = sign(`${parts[0]}.${parts[1]}`, secret);
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) throw new InvalidTokenError('signature');
  let claims: SessionClaims;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    throw new InvalidTokenError('malformed');
  }
  if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number' || typeof claims.username !== 'string') {
    throw new InvalidTokenError('malformed');
  }
  if (claims.exp * 1000 <= now.getTime()) throw new InvalidTokenError('expired');
  return claims;
}
