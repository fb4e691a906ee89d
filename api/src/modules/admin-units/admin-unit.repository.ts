import { EntityRepository } from '@mikro-orm/postgresql';
import type { AdminUnit, AdminLevel } from './admin-unit.entity.ts';
import { codeListInForce, formerCodeList, today, villageCodeList } from './code-lists.ts';
import { intArray, sqlFile } from '../../db/sql-file.ts';
import { NotFoundError } from '../../errors/domain-errors.ts';

export interface UnitPosition {
  level: AdminLevel;
  code: string;
}

export interface UnitQuery {
  /** The units in force on this date (ISO): the code list codeListInForce() picks. */
  asOf: string;
  level?: AdminLevel;
  /** Direct children of this unit (id, resolved for the date). */
  parentId?: number;
  /** Below this unit at any depth (province → district → commune). */
  withinId?: number;
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
const searchSql = sqlFile(import.meta.url, 'search-with-former-names.sql');
const linksSql = sqlFile(import.meta.url, 'unit-links.sql');

export interface LinkRow {
  unit_id: number;
  other_id: number;
  effective_date: string;
  kind: string;
  partial: boolean;
  area_share: number | null;
  source: string;
}

/** Named queries over admin_unit; resolvers and services never build SQL themselves. */
export class AdminUnitRepository extends EntityRepository<AdminUnit> {
  /** The unit carrying this code in the given code list, or else the one still (or most recently) in force. */
  async findLatestByCode(code: string, codeList?: string): Promise<AdminUnit | null> {
    const [unit] = await this.find({ code, ...(codeList ? { codeList } : {}) }, { orderBy: { validTo: 'desc nulls first', id: 'desc' }, limit: 1 });
    return unit ?? null;
  }

  /**
   * The unit carrying this code on a date: in force then (validFrom ≤ date < validTo), the code list
   * in force that day first (a former commune of the 2019 list may share the date, never the code).
   */
  async findInForce(code: string, asOf: string): Promise<AdminUnit | null> {
    const units = await this.find(
      {
        code,
        $and: [{ $or: [{ validFrom: null }, { validFrom: { $lte: asOf } }] }, { $or: [{ validTo: null }, { validTo: { $gt: asOf } }] }],
      },
      { orderBy: { id: 'desc' } },
    );
    const list = codeListInForce(asOf);
    return units.find((u) => u.codeList === list) ?? units[0] ?? null;
  }

  /**
   * The time rule for one code: in a named code list; else in force on `asOf` (NOT_FOUND when none
   * was); without a date, in force today, or else the last unit that carried the code.
   */
  async getByCode(code: string, { codeList, asOf }: { codeList?: string; asOf?: string } = {}): Promise<AdminUnit> {
    if (codeList) return this.getLatestByCode(code, codeList);
    if (asOf) {
      const unit = await this.findInForce(code, asOf);
      if (!unit) throw new NotFoundError('AdminUnit', `${code} in force on ${asOf}`);
      return unit;
    }
    return (await this.findInForce(code, today())) ?? this.getLatestByCode(code);
  }

  /** Units found by their own or a former name (see search-with-former-names.sql): id → former units matched. */
  async searchWithFormerNames(searchKey: string, codeList: string | null): Promise<Map<number, number[]>> {
    const rows = await this.em
      .getConnection()
      .execute<{ id: number; former_ids: number[] }[]>(searchSql, [`%${escapeLike(searchKey)}%`, `%${escapeLike(searchKey)}%`, codeList, codeList]);
    return new Map(rows.map((r) => [r.id, r.former_ids]));
  }

  /** Lineage links of many units in one direction, grouped by unit. */
  async findLinks(unitIds: readonly number[], direction: 'predecessors' | 'successors'): Promise<LinkRow[]> {
    return this.em.getConnection().execute<LinkRow[]>(linksSql, [direction, direction, direction, intArray(unitIds)]);
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

  /**
   * The units in force on the date: the code list in force then, and the communes of the 2019 list
   * merged away since but still there on that date (2016: Hiệp Hạ, merged into Minh Hiệp in 2020).
   * Villages are on no GSO list: the documents' villages have a list of their own.
   */
  private inForce(query: Omit<UnitQuery, 'after' | 'limit'>) {
    if (query.level === ('village' as AdminLevel)) return { codeList: villageCodeList };
    return { $or: [{ codeList: codeListInForce(query.asOf) }, { codeList: formerCodeList, validTo: { $gt: query.asOf } }] };
  }

  private whereFor(query: Omit<UnitQuery, 'after' | 'limit'>) {
    return {
      ...(query.level ? { level: query.level } : {}),
      ...(query.parentId ? { parent: query.parentId } : {}),
      $and: [
        query.includeFormer ? {} : this.inForce(query),
        query.withinId ? { $or: [{ parent: query.withinId }, { parent: { parent: query.withinId } }] } : {},
        ...(query.flags ?? []).map((flag) => ({ flagRecords: { flag } })),
      ],
      ...(query.ids ? { id: { $in: query.ids } } : {}),
    };
  }

  /** Ids of every unit matching the filter, unpaged: the candidates for a filter on statuses. */
  async findIds(query: Omit<UnitQuery, 'after' | 'limit'>): Promise<number[]> {
    const units = await this.find(this.whereFor(query), { fields: ['id'] });
    return units.map((u) => u.id);
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
