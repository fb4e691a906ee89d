import type { EntityManager } from '@mikro-orm/postgresql';
import { AdminUnit } from '../admin-units/admin-unit.entity.ts';
import { ForbiddenError, UnauthenticatedError } from '../../errors/domain-errors.ts';
import { Role } from './user.entity.ts';

/**
 * Who is making a request. `operator` is the automation credential (ADMIN_TOKEN), acting as an admin;
 * `anonymous` carries why its credentials, if it sent any, were not accepted.
 */
export interface Actor {
  kind: 'user' | 'operator' | 'anonymous';
  /** Null for the operator and anonymous. */
  userId: number | null;
  username: string;
  role: Role | null;
  /** The unit an editor may write in (and below); null for admins, viewers and anonymous. */
  unitId: number | null;
  unitCode: string | null;
  credentialProblem?: string;
  /** The client's address, when the actor came with a request: the source of rate limits and of denied audit entries. */
  address?: string;
}

export const anonymousActor = (credentialProblem?: string): Actor => ({
  kind: 'anonymous',
  userId: null,
  username: 'anonymous',
  role: null,
  unitId: null,
  unitCode: null,
  credentialProblem,
});

export const operatorActor: Actor = { kind: 'operator', userId: null, username: 'operator', role: Role.ADMIN, unitId: null, unitCode: null };

const writerRoles = new Set([Role.COMMUNE_EDITOR, Role.DISTRICT_EDITOR, Role.PROVINCE_EDITOR, Role.ADMIN]);

/** The one place that decides what an actor may do. */
export class Access {
  constructor(
    readonly actor: Actor,
    /** PUBLIC_READ: false means every query but `me` needs a login. */
    private readonly publicRead: boolean,
  ) {}

  requireAuthenticated(): void {
    if (this.actor.kind !== 'anonymous') return;
    throw new UnauthenticatedError(this.actor.credentialProblem ?? 'This needs a login: send "Authorization: Bearer <token from login>"');
  }

  /** Whether this requester may read data: anyone under PUBLIC_READ, else only a logged-in user. */
  mayRead(): boolean {
    return this.publicRead || this.actor.kind !== 'anonymous';
  }

  requireRead(): void {
    if (!this.mayRead()) this.requireAuthenticated();
  }

  requireRole(...roles: Role[]): void {
    this.requireAuthenticated();
    if (!this.actor.role || !roles.includes(this.actor.role)) {
      throw new ForbiddenError(`This needs the role ${roles.join(' or ')}; ${this.actor.username} is ${this.actor.role}`, { role: this.actor.role });
    }
  }

  /** Any editor or admin; where they may write is checked by requireScope. */
  requireWriter(): void {
    this.requireRole(...writerRoles);
  }

  /**
   * The unit written must be the editor's unit or below it; admins write anywhere. Call it inside the
   * write's transaction, with the unit as loaded there.
   */
  async requireScope(em: EntityManager, unit: ScopedUnit): Promise<void> {
    await this.requireScopeOfAll(em, [unit]);
  }

  /** requireScope for many units at once (an import): one ancestor query, the first unit outside refused. */
  async requireScopeOfAll(em: EntityManager, units: readonly ScopedUnit[]): Promise<void> {
    this.requireWriter();
    if (this.actor.role === Role.ADMIN) return;
    const own = this.actor.unitId;
    const ancestors = own === null ? new Map<number, number[]>() : await em.getRepository(AdminUnit).findAncestorIds([...new Set(units.map((u) => u.id))]);
    const outside = units.find((unit) => own === null || (unit.id !== own && !(ancestors.get(unit.id) ?? []).includes(own)));
    if (!outside) return;
    throw new ForbiddenError(
      `${this.actor.username} may write only within unit ${this.actor.unitCode ?? '(none)'}; ${outside.code} ${outside.name} is outside it`,
      {
        unitCode: outside.code,
        scope: this.actor.unitCode,
      },
    );
  }
}

/** What a scope check needs of a unit. */
export type ScopedUnit = Pick<AdminUnit, 'id' | 'code' | 'name'>;
