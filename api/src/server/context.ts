import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AdminUnit } from '../modules/admin-units/admin-unit.entity.ts';
import { UnitFlag } from '../modules/admin-units/unit-flag.entity.ts';
import { createAdminUnitLoaders, type AdminUnitLoaders } from '../modules/admin-units/admin-unit.loaders.ts';
import { StatusService } from '../modules/assessments/status.service.ts';
import { createStatusLoaders, type StatusLoaders } from '../modules/assessments/status.loaders.ts';
import type { WriteAccess } from './operator-token.ts';
import { defaultReadLimits, type ReadLimits } from '../modules/assessment-imports/sheet-reader.ts';

export interface RequestContext {
  /** A fork of the EntityManager: one identity map per request. */
  em: EntityManager;
  services: { statuses: StatusService };
  access: WriteAccess;
  /** Byte and row limits of spreadsheet imports (IMPORT_MAX_BYTES, IMPORT_MAX_ROWS). */
  importLimits: ReadLimits;
  loaders: { units: AdminUnitLoaders; statuses: StatusLoaders; flags: DataLoader<number, UnitFlag[]> };
}

export function createRequestContext(rootEm: EntityManager, access: WriteAccess, importLimits: ReadLimits = defaultReadLimits): RequestContext {
  const em = rootEm.fork();
  const statuses = new StatusService(em);
  return {
    em,
    access,
    importLimits,
    services: { statuses },
    loaders: {
      units: createAdminUnitLoaders(em.getRepository(AdminUnit)),
      statuses: createStatusLoaders(statuses),
      flags: new DataLoader(async (unitIds) => {
        const flags = await em.find(UnitFlag, { unit: { $in: [...unitIds] } }, { populate: ['sourceDocument'], orderBy: { flag: 'asc' } });
        return unitIds.map((id) => flags.filter((f) => f.unit.id === id));
      }),
    },
  };
}
