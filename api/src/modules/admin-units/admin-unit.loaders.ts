import DataLoader from 'dataloader';
import type { AdminUnit } from './admin-unit.entity.ts';
import type { AdminUnitRepository, LinkRow } from './admin-unit.repository.ts';

/** One set per request, so a list of units costs one query per relation, not one per unit. */
export function createAdminUnitLoaders(repository: AdminUnitRepository) {
  const byId = new DataLoader<number, AdminUnit | null>(async (ids) => {
    const units = await repository.findByIds(ids);
    const map = new Map(units.map((u) => [u.id, u]));
    return ids.map((id) => map.get(id) ?? null);
  });

  const children = new DataLoader<number, AdminUnit[]>(async (parentIds) => {
    const units = await repository.findChildrenOf(parentIds);
    const grouped = groupBy(units, (u) => u.parent!.id);
    for (const unit of units) byId.prime(unit.id, unit);
    return parentIds.map((id) => grouped.get(id) ?? []);
  });

  const ancestorIds = new DataLoader<number, number[]>(async (ids) => {
    const map = await repository.findAncestorIds(ids);
    return ids.map((id) => map.get(id) ?? []);
  });

  // Keyed "id:tolerance": one batch per tolerance, since the SQL takes a single tolerance.
  const geometry = new DataLoader<string, object | null>(async (keys) => {
    const byTolerance = groupBy(keys, (key) => Number(key.split(':')[1]));
    const results = new Map<string, object | null>();
    for (const [tolerance, group] of byTolerance) {
      const ids = group.map((key) => Number(key.split(':')[0]));
      const geometries = await repository.geometries(ids, tolerance);
      for (const id of ids) results.set(`${id}:${tolerance}`, geometries.get(id) ?? null);
    }
    return keys.map((key) => results.get(key) ?? null);
  });

  const centroid = new DataLoader<number, object | null>(async (ids) => {
    const map = await repository.centroids(ids);
    return ids.map((id) => map.get(id) ?? null);
  });

  const linksIn = (direction: 'predecessors' | 'successors') =>
    new DataLoader<number, LinkRow[]>(async (ids) => {
      const rows = await repository.findLinks(ids, direction);
      const grouped = groupBy(rows, (r) => r.unit_id);
      return ids.map((id) => grouped.get(id) ?? []);
    });

  return { byId, children, ancestorIds, geometry, centroid, predecessors: linksIn('predecessors'), successors: linksIn('successors') };
}

export type AdminUnitLoaders = ReturnType<typeof createAdminUnitLoaders>;

/** Map.groupBy arrives with Node 21; this project runs on Node 20. */
function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
