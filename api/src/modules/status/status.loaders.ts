import DataLoader from 'dataloader';
import type { StatusService } from './status.service.ts';
import type { StatusQuery } from './status.repository.ts';
import type { UnitStatus } from './unit-status.type.ts';

/** One DataLoader per (year, set, kind, demo): a page of units costs one status query. */
export function createStatusLoaders(service: StatusService) {
  const loaders = new Map<string, DataLoader<number, UnitStatus | null>>();
  return {
    load(unitId: number, query: StatusQuery): Promise<UnitStatus | null> {
      const key = `${query.year}:${query.setCode ?? ''}:${query.kind}:${query.includeDemo}`;
      let loader = loaders.get(key);
      if (!loader) {
        loader = new DataLoader(async (ids) => {
          const statuses = await service.statuses(ids, query);
          return ids.map((id) => statuses.get(id) ?? null);
        });
        loaders.set(key, loader);
      }
      return loader.load(unitId);
    },
  };
}
export type StatusLoaders = ReturnType<typeof createStatusLoaders>;
