import crypto from 'node:crypto';
import type express from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Access, anonymousActor, operatorActor, type Actor } from './access.ts';
import type { LoginRateLimiter } from './login-rate-limit.ts';
import { InvalidTokenError, verifySessionToken } from './session-token.ts';
import { AppSecret, Role, User } from './user.entity.ts';
import { createUser, normaliseUsername } from './user.service.ts';
import { usernamePattern } from './user.input.ts';
import { recordAudit } from '../audit/audit.service.ts';

export interface AuthSettings {
  sessionSecret: string;
  sessionTtlSeconds: number;
  /** Automation credential acting as the admin "operator"; unset = no such credential. */
  adminToken: string | undefined;
  publicRead: boolean;
  loginLimiter: LoginRateLimiter;
}

/** SESSION_SECRET when set; otherwise a key generated on the first start and kept in app_secret. */
export async function loadSessionSecret(em: EntityManager, configured: string | undefined): Promise<string> {
  if (configured) {
    if (configured.length < 32) throw new Error('SESSION_SECRET must be at least 32 characters');
    return configured;
  }
  return em.fork().transactional(async (tx) => {
    const stored = await tx.findOne(AppSecret, { name: 'session' });
    if (stored) return stored.value;
    const value = crypto.randomBytes(32).toString('base64url');
    tx.create(AppSecret, { name: 'session', value });
    return value;
  });
}

/** Creates the first admin from ADMIN_USERNAME / ADMIN_PASSWORD when no admin exists yet. */
export async function ensureFirstAdmin(em: EntityManager, username: string | undefined, password: string | undefined, log: (line: string) => void) {
  if (!username && !password) return;
  if (!username || !password) throw new Error('Set both ADMIN_USERNAME and ADMIN_PASSWORD (or neither)');
  if (!usernamePattern.test(normaliseUsername(username))) throw new Error('ADMIN_USERNAME must be 3–40 characters of a–z, 0–9, ".", "_" or "-"');
  if (password.length < 12) throw new Error('ADMIN_PASSWORD must be at least 12 characters');
  await em.fork().transactional(async (tx) => {
    if (await tx.count(User, { role: Role.ADMIN })) return;
    const user = await createUser(tx, { username, password, role: Role.ADMIN });
    recordAudit(tx, {
      actor: { ...operatorActor, username: 'environment' },
      action: 'createFirstAdmin',
      entity: 'user',
      entityId: user.id,
      after: { id: user.id, username: user.username, role: user.role },
    });
    log(`Created the first admin "${user.username}" from ADMIN_USERNAME.`);
  });
}

function sameSecret(presented: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(presented).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

/** The actor behind an Authorization header: the operator token, a session token, or nobody. */
export async function resolveActor(em: EntityManager, authorization: string | undefined, settings: AuthSettings): Promise<Actor> {
  if (!authorization) return anonymousActor();
  const presented = /^Bearer (\S{1,4096})$/.exec(authorization)?.[1];
  if (!presented) return anonymousActor('The Authorization header must be "Bearer <token>"');
  if (settings.adminToken && sameSecret(presented, settings.adminToken)) return operatorActor;
  let userId: number;
  try {
    userId = Number(verifySessionToken(presented, settings.sessionSecret).sub);
  } catch (error) {
    if (error instanceof InvalidTokenError) return anonymousActor(`${error.message}; log in again`);
    throw error;
  }
  const user = await em.findOne(User, { id: userId }, { populate: ['unit'] });
  if (!user) return anonymousActor('The account of this session no longer exists');
  return { kind: 'user', userId: user.id, username: user.username, role: user.role, unitId: user.unit?.id ?? null, unitCode: user.unit?.code ?? null };
}

/** The address a request came from, as access decisions, login limits and the audit log name it. */
export function clientAddressOf(req: express.Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

export async function accessFor(em: EntityManager, authorization: string | undefined, settings: AuthSettings, address?: string): Promise<Access> {
  return new Access({ ...(await resolveActor(em, authorization, settings)), address }, settings.publicRead);
}
