import type { EntityManager } from '@mikro-orm/postgresql';
import { AdminUnit } from '../modules/admin-units/admin-unit.entity.ts';
import { createAdminUnitLoaders, type AdminUnitLoaders } from '../modules/admin-units/admin-unit.loaders.ts';

export interface RequestContext {
  /** A fork of the EntityManager: one identity map per request. */
  em: EntityManager;
  loaders: { units: AdminUnitLoaders };
}

export function createRequestContext(rootEm: EntityManager): RequestContext {
  const em = rootEm.fork();
  return { em, loaders: { units: createAdminUnitLoaders(em.getRepository(AdminUnit)) } };
}
