import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AdminUnit } from '../modules/admin-units/admin-unit.entity.ts';
import { UnitFlag } from '../modules/admin-units/unit-flag.entity.ts';
import { UnitAlias } from '../modules/admin-units/unit-alias.entity.ts';
import { createAdminUnitLoaders, type AdminUnitLoaders } from '../modules/admin-units/admin-unit.loaders.ts';
import { StatusService } from '../modules/status/status.service.ts';
import { createStatusLoaders, type StatusLoaders } from '../modules/status/status.loaders.ts';
import type { Access } from '../modules/auth/access.ts';
import type { AuthSettings } from '../modules/auth/authenticate.ts';
import { defaultReadLimits, type ReadLimits } from '../modules/assessment-imports/sheet-reader.ts';
import type { ResponseKeeping } from '../modules/status/kept-responses.ts';

export interface RequestContext {
  /** A fork of the EntityManager: one identity map per request. */
  em: EntityManager;
  services: { statuses: StatusService };
  /** Who is asking, and the one place that decides what they may do. */
  access: Access;
  auth: AuthSettings;
  /** The client's address, for login rate limits. */
  clientAddress: string;
  /** Byte and row limits of spreadsheet imports (IMPORT_MAX_BYTES, IMPORT_MAX_ROWS). */
  importLimits: ReadLimits;
  /** Whether figures count demo data when a request does not say (DEMO_DATA). */
  demoByDefault: boolean;
  /** Set by the kept-response route for a request it could keep; the GraphQL layer says whether it may. */
  responseKeeping?: ResponseKeeping;
  loaders: { units: AdminUnitLoaders; statuses: StatusLoaders; flags: DataLoader<number, UnitFlag[]>; aliases: DataLoader<number, UnitAlias[]> };
}

export function createRequestContext(
  em: EntityManager,
  access: Access,
  auth: AuthSettings,
  clientAddress: string,
  importLimits: ReadLimits = defaultReadLimits,
  demoByDefault = true,
): RequestContext {
  const statuses = new StatusService(em);
  return {
    em,
    access,
    auth,
    clientAddress,
    importLimits,
    demoByDefault,
    services: { statuses },
    loaders: {
      units: createAdminUnitLoaders(em.getRepository(AdminUnit)),
      statuses: createStatusLoaders(statuses),
      flags: new DataLoader(async (unitIds) => {
        const flags = await em.find(UnitFlag, { unit: { $in: [...unitIds] } }, { populate: ['sourceDocument'], orderBy: { flag: 'asc' } });
        return unitIds.map((id) => flags.filter((f) => f.unit.id === id));
      }),
      aliases: new DataLoader(async (unitIds) => {
        const aliases = await em.find(UnitAlias, { unit: { $in: [...unitIds] } }, { populate: ['sourceDocument'], orderBy: { name: 'asc' } });
        return unitIds.map((id) => aliases.filter((a) => a.unit.id === id));
      }),
    },
  };
}
