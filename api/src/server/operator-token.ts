import crypto from 'node:crypto';
import { ForbiddenError, UnauthenticatedError } from '../errors/domain-errors.ts';

/**
 * Until user accounts and roles exist, every write needs the operator token from ADMIN_TOKEN,
 * sent as "Authorization: Bearer <token>". Without ADMIN_TOKEN the API is read-only.
 */
export interface WriteAccess {
  requireWriter(): void;
}

export function writeAccessFor(authorization: string | undefined, adminToken: string | undefined): WriteAccess {
  const presented = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  return {
    requireWriter() {
      if (!adminToken) throw new ForbiddenError('This server is read-only: set ADMIN_TOKEN to allow writes');
      if (!presented) throw new UnauthenticatedError('Writes need "Authorization: Bearer <ADMIN_TOKEN>"');
      const a = crypto.createHash('sha256').update(presented).digest();
      const b = crypto.createHash('sha256').update(adminToken).digest();
      if (!crypto.timingSafeEqual(a, b)) throw new ForbiddenError('The token does not allow writes');
    },
  };
}
