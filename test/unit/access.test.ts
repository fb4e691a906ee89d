import { describe, expect, it } from 'vitest';
import { Access, anonymousActor, operatorActor, type Actor } from '../../api/src/modules/auth/access.ts';
import { Role } from '../../api/src/modules/auth/user.entity.ts';
import { ForbiddenError, UnauthenticatedError } from '../../api/src/errors/domain-errors.ts';

const user = (role: Role): Actor => ({ kind: 'user', userId: 2, username: 'someone', role, unitId: null, unitCode: null });

describe('access decisions that need no database', () => {
  it('let anyone read by default, and only logged-in users with PUBLIC_READ=false', () => {
    expect(() => new Access(anonymousActor(), true).requireRead()).not.toThrow();
    expect(() => new Access(anonymousActor(), false).requireRead()).toThrow(UnauthenticatedError);
    expect(() => new Access(user(Role.VIEWER), false).requireRead()).not.toThrow();
  });

  it('tell an anonymous caller why its credentials were refused', () => {
    expect(() => new Access(anonymousActor('Session token has expired; log in again'), true).requireWriter()).toThrow(/has expired/);
  });

  it('let editors and admins write, not viewers', () => {
    expect(() => new Access(user(Role.VIEWER), true).requireWriter()).toThrow(ForbiddenError);
    for (const role of [Role.COMMUNE_EDITOR, Role.DISTRICT_EDITOR, Role.PROVINCE_EDITOR, Role.ADMIN]) {
      expect(() => new Access(user(role), true).requireWriter()).not.toThrow();
    }
  });

  it('keep admin-only operations for admins and the operator token', () => {
    expect(() => new Access(user(Role.PROVINCE_EDITOR), true).requireRole(Role.ADMIN)).toThrow(ForbiddenError);
    expect(() => new Access(operatorActor, true).requireRole(Role.ADMIN)).not.toThrow();
  });
});
