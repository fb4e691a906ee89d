import type { EntityManager } from '@mikro-orm/postgresql';
import { AdminUnit } from '../admin-units/admin-unit.entity.ts';
import { InvalidInputError, TooManyRequestsError, UnauthenticatedError } from '../../errors/domain-errors.ts';
import { toNfc } from '../../text/vietnamese.ts';
import { recordAudit, recordDenied } from '../audit/audit.service.ts';
import { anonymousActor, type Access, type Actor } from './access.ts';
import type { LoginAttempt, LoginRateLimiter } from './login-rate-limit.ts';
import { decoyPasswordHash, hashPassword, verifyPassword } from './password.ts';
import { signSessionToken } from './session-token.ts';
import { editorLevel, Role, User } from './user.entity.ts';
import type { UserInput } from './user.input.ts';

export interface Session {
  token: string;
  expiresAt: Date;
  user: User;
}

/** Usernames compare case-insensitively and in NFC. */
export const normaliseUsername = (username: string) => toNfc(username.trim()).toLowerCase();

export const userSnapshot = (user: User) => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName ?? null,
  role: user.role,
  unitCode: user.unit?.code ?? null,
});

/** What logging in needs of the server's AuthSettings (declared here: authenticate.ts imports this file). */
interface LoginSettings {
  sessionSecret: string;
  sessionTtlSeconds: number;
  loginLimiter: LoginRateLimiter;
}

export class UserService {
  constructor(
    private readonly em: EntityManager,
    private readonly settings: LoginSettings,
  ) {}

  /** Admins create accounts; editors are tied to a unit of their role's level. Audited. */
  async create(input: UserInput, access: Access): Promise<User> {
    access.requireRole(Role.ADMIN);
    return this.em.transactional(async (tx) => {
      const user = await createUser(tx, input);
      recordAudit(tx, {
        actor: access.actor,
        action: 'createUser',
        entity: 'user',
        entityId: user.id,
        unitCode: user.unit?.code,
        before: null,
        after: userSnapshot(user),
      });
      return user;
    });
  }

  /**
   * A session token for the right password; the same answer for an unknown user and a wrong password.
   * Failed and refused logins are audited (denied entries from one source are rate limited there).
   */
  async login(username: string, password: string, address: string): Promise<Session> {
    const name = normaliseUsername(username);
    const attempt = { action: 'login', entity: 'session', entityId: name };
    const source: Actor = { ...anonymousActor(), address };
    let pending: LoginAttempt;
    try {
      pending = await this.settings.loginLimiter.begin(name, address);
    } catch (error) {
      if (error instanceof TooManyRequestsError) await recordDenied(this.em, source, attempt, error);
      throw error;
    }
    const user = await this.em.findOne(User, { username: name }, { populate: ['unit'] });
    const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
    if (!user || !ok) {
      await pending.failed();
      const error = new UnauthenticatedError('Wrong username or password');
      await recordDenied(this.em, source, attempt, error);
      throw error;
    }
    await pending.succeeded();
    const { token, expiresAt } = signSessionToken(user, this.settings.sessionSecret, this.settings.sessionTtlSeconds);
    return { token, expiresAt, user };
  }
}

/** Validates and inserts an account in the caller's transaction (also used for the first admin). */
export async function createUser(tx: EntityManager, input: UserInput): Promise<User> {
  const username = normaliseUsername(input.username);
  if (await tx.count(User, { username })) throw new InvalidInputError(`The username ${username} is taken`, { field: 'username' });
  const level = editorLevel[input.role];
  let unit: AdminUnit | null = null;
  if (level) {
    if (!input.unitCode) throw new InvalidInputError(`A ${input.role} needs the code of a ${level}`, { field: 'unitCode' });
    unit = await tx.getRepository(AdminUnit).findLatestByCode(input.unitCode);
    if (!unit) throw new InvalidInputError(`No unit has the code ${input.unitCode}`, { field: 'unitCode' });
    if (unit.level !== level)
      throw new InvalidInputError(`A ${input.role} edits a ${level}; ${unit.code} ${unit.name} is a ${unit.level}`, { field: 'unitCode' });
  } else if (input.unitCode) {
    throw new InvalidInputError(`A ${input.role} is not tied to a unit; leave unitCode out`, { field: 'unitCode' });
  }
  const user = tx.create(User, {
    username,
    displayName: input.displayName ? toNfc(input.displayName) : undefined,
    passwordHash: await hashPassword(input.password),
    role: input.role,
    unit: unit ?? undefined,
    createdAt: new Date(),
  });
  await tx.flush();
  return user;
}
