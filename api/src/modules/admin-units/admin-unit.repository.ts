import { EntityRepository } from '@mikro-orm/postgresql';
import type { AdminUnit, AdminLevel } from './admin-unit.entity.ts';
import { UnitLineage } from './unit-lineage.entity.ts';
import { currentCodeList } from './code-lists.ts';
import { intArray, sqlFile } from '../../db/sql-file.ts';
import { NotFoundError } from '../../errors/domain-errors.ts';

export interface UnitPosition {
  level: AdminLevel;
  code: string;
}

export interface UnitQuery {
  level?: AdminLevel;
  parentCode?: string;
  /** Below this unit at any depth (province → district → commune). */
  withinCode?: string;
  /** Already folded with searchKey(). */
  searchKey?: string;
  includeFormer?: boolean;
  /** Every one of these flags. */
  flags?: string[];
  /** Only these units (already filtered by status). */
  ids?: number[];
  /** Only units after this one in (level, code) order: keyset pagination. */
  after?: UnitPosition;
  limit: number;
}

const geometrySql = sqlFile(import.meta.url, 'unit-geometry.sql');
const centroidSql = sqlFile(import.meta.url, 'unit-centroid.sql');
const ancestorsSql = sqlFile(import.meta.url, 'unit-ancestors.sql');

/** Named queries over admin_unit; resolvers and services never build SQL themselves. */
export class AdminUnitRepository extends EntityRepository<AdminUnit> {
  /** The unit carrying this code in the given code list, or else the one still (or most recently) in force. */
  async findLatestByCode(code: string, codeList?: string): Promise<AdminUnit | null> {
    const [unit] = await this.find({ code, ...(codeList ? { codeList } : {}) }, { orderBy: { validTo: 'desc nulls first', id: 'desc' }, limit: 1 });
    return unit ?? null;
  }

  /** The unit in force under a code, or NOT_FOUND naming what was asked for. */
  async getLatestByCode(code: string, codeList?: string): Promise<AdminUnit> {
    const unit = await this.findLatestByCode(code, codeList);
    if (!unit) throw new NotFoundError('AdminUnit', codeList ? `${code} in ${codeList}` : code);
    return unit;
  }

  async findPage(query: UnitQuery): Promise<{ units: AdminUnit[]; totalCount: number }> {
    const where = this.whereFor(query);
    // Provinces before districts before communes, so a search for "lang son" lists the province first.
    const after = query.after;
    const units = await this.find(
      after ? { $and: [where, { $or: [{ level: { $gt: after.level } }, { level: after.level, code: { $gt: after.code } }] }] } : where,
      { orderBy: { level: 'asc', code: 'asc' }, limit: query.limit },
    );
    const totalCount = await this.count(where);
    return { units, totalCount };
  }

  private whereFor(query: Omit<UnitQuery, 'after' | 'limit'>) {
    return {
      ...(query.includeFormer ? {} : { codeList: currentCodeList }),
      ...(query.level ? { level: query.level } : {}),
      ...(query.parentCode ? { parent: { code: query.parentCode } } : {}),
      ...(query.withinCode ? { $or: [{ parent: { code: query.withinCode } }, { parent: { parent: { code: query.withinCode } } }] } : {}),
      ...(query.searchKey ? { nameSearch: { $like: `%${escapeLike(query.searchKey)}%` } } : {}),
      ...(query.flags?.length ? { $and: query.flags.map((flag) => ({ flagRecords: { flag } })) } : {}),
      ...(query.ids ? { id: { $in: query.ids } } : {}),
    };
  }

  /** Ids of every unit matching the filter, unpaged: the candidates for a filter on statuses. */
  async findIds(query: Omit<UnitQuery, 'after' | 'limit' | 'ids'>): Promise<number[]> {
    const units = await this.find(this.whereFor(query), { fields: ['id'] });
    return units.map((u) => u.id);
  }

  /** Units linked to this one by the lineage table, in either direction. */
  async findLinked(unitId: number, direction: 'predecessors' | 'successors'): Promise<AdminUnit[]> {
    const other = direction === 'predecessors' ? 'predecessor' : 'successor';
    const self = direction === 'predecessors' ? 'successor' : 'predecessor';
    const links = await this.em.find(UnitLineage, { [self]: unitId }, { populate: [other], orderBy: { id: 'asc' } });
    return links.map((link) => link[other]);
  }

  async findByIds(ids: readonly number[]): Promise<AdminUnit[]> {
    return this.find({ id: { $in: [...ids] } });
  }

  async findChildrenOf(parentIds: readonly number[]): Promise<AdminUnit[]> {
    return this.find({ parent: { $in: [...parentIds] } }, { orderBy: { code: 'asc' } });
  }

  /** For each id, its ancestors from the province down (excluding the unit itself). */
  async findAncestorIds(ids: readonly number[]): Promise<Map<number, number[]>> {
    // Through the EntityManager, so that inside a transaction it runs on the transaction's connection.
    const rows = await this.em.execute<{ id: number; ancestor_ids: number[] }[]>(ancestorsSql, [intArray(ids)]);
    return new Map(rows.map((r) => [r.id, r.ancestor_ids]));
  }

  /** GeoJSON geometries, optionally simplified (tolerance in degrees), keyed by id. */
  async geometries(ids: readonly number[], simplify: number): Promise<Map<number, object | null>> {
    const rows = await this.em.getConnection().execute<{ id: number; geometry: string | null }[]>(geometrySql, [simplify, simplify, intArray(ids)]);
    return new Map(rows.map((r) => [r.id, r.geometry ? JSON.parse(r.geometry) : null]));
  }

  async centroids(ids: readonly number[]): Promise<Map<number, object | null>> {
    const rows = await this.em.getConnection().execute<{ id: number; centroid: string | null }[]>(centroidSql, [intArray(ids)]);
    return new Map(rows.map((r) => [r.id, r.centroid ? JSON.parse(r.centroid) : null]));
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
