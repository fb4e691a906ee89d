import type express from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import { accessFor, type AuthSettings } from './authenticate.ts';

/** Who may keep a copy of a data response: shared caches only while anyone may read (see cacheControl). */
export type CacheScope = 'public' | 'private';

/** The Cache-Control of a data response the route lets clients keep; private unless the read-access decision said public. */
export function cacheControl(res: express.Response, maxAgeSeconds: number): string {
  const scope: CacheScope = res.locals.cacheScope === 'public' ? 'public' : 'private';
  return `${scope}, max-age=${maxAgeSeconds}`;
}

/**
 * The read-access decision (Access.requireRead, as GraphQL's readAccessPlugin takes it) for routes
 * that serve data outside GraphQL: tiles and exports. Refusals go to the app's error boundary.
 */
export function requireReadAccess(em: EntityManager, settings: AuthSettings): express.RequestHandler {
  return async (req, res, next) => {
    try {
      const access = await accessFor(em.fork(), req.headers.authorization, settings, req.ip);
      access.requireRead();
      // With PUBLIC_READ=false a shared cache (a proxy in a provincial office) must not keep one reader's answer for another.
      res.locals.cacheScope = settings.publicRead ? 'public' : 'private';
      next();
    } catch (error) {
      next(error);
    }
  };
}
