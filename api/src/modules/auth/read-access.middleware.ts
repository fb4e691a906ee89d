import type express from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import { accessFor, type AuthSettings } from './authenticate.ts';

/**
 * The read-access decision (Access.requireRead, as GraphQL's readAccessPlugin takes it) for routes
 * that serve data outside GraphQL: tiles and exports. Refusals go to the app's error boundary.
 */
export function requireReadAccess(em: EntityManager, settings: AuthSettings): express.RequestHandler {
  return async (req, _res, next) => {
    try {
      const access = await accessFor(em.fork(), req.headers.authorization, settings, req.ip);
      access.requireRead();
      next();
    } catch (error) {
      next(error);
    }
  };
}
