import type { EntityManager } from '@mikro-orm/postgresql';
import { intArray, sqlFile } from '../../db/sql-file.ts';
import type { FeatureQuery } from './feature-query.ts';

const collectionsSql = sqlFile(import.meta.url, 'collections.sql');
const candidatesSql = sqlFile(import.meta.url, 'feature-candidates.sql');
const rowsSql = sqlFile(import.meta.url, 'feature-rows.sql');
const latestYearSql = sqlFile(import.meta.url, 'latest-assessed-year.sql');

export interface CollectionRow {
  code_list: string;
  level: string;
  unit_count: number;
  valid_from: string | null;
  valid_to: string | null;
  west: number;
  south: number;
  east: number;
  north: number;
}

/** The filters the database applies before the status year is read: a collection's units in the box. */
export type CandidateFilter = { codeList: string; level: string } & Pick<
  FeatureQuery,
  'bbox' | 'code' | 'provinceCode' | 'districtCode' | 'within' | 'border' | 'dbkk'
>;

export type GeometryOutput = 'geojson' | 'wkb' | 'wkt';

export interface FeatureRow {
  id: number;
  code: string;
  name: string;
  short_name: string;
  kind: string;
  level: string;
  code_list: string;
  valid_from: string | null;
  valid_to: string | null;
  area_km2: number | null;
  province_code: string | null;
  province_name: string | null;
  district_code: string | null;
  district_name: string | null;
  border: boolean;
  dbkk: boolean;
  geojson: string | null;
  wkb: string | null;
  wkt: string | null;
  xmin: number | null;
  ymin: number | null;
  xmax: number | null;
  ymax: number | null;
}

const textArray = (values: readonly string[]) => {
  for (const value of values) if (!/^\d+$/.test(value)) throw new TypeError(`codes are digits only, got ${value}`);
  return `{${values.join(',')}}`;
};

/** Named queries of the OGC API – Features collections; the SQL lives beside this file. */
export class FeatureRepository {
  constructor(private readonly em: EntityManager) {}

  collections(): Promise<CollectionRow[]> {
    return this.em.getConnection().execute<CollectionRow[]>(collectionsSql);
  }

  async candidateIds(filter: CandidateFilter): Promise<number[]> {
    const rows = await this.em
      .getConnection()
      .execute<{ id: number }[]>(candidatesSql, [
        filter.codeList,
        filter.level,
        filter.bbox ? `{${filter.bbox.join(',')}}` : null,
        filter.code ? textArray(filter.code) : null,
        filter.provinceCode ?? null,
        filter.districtCode ?? null,
        filter.within ?? null,
        filter.border ?? null,
        filter.dbkk ?? null,
      ]);
    return rows.map((r) => r.id);
  }

  rows(ids: readonly number[], geometry: { simplify: number; flip: boolean; output: GeometryOutput }): Promise<FeatureRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.em.getConnection().execute<FeatureRow[]>(rowsSql, [intArray(ids), geometry.simplify, geometry.flip, geometry.output]);
  }

  async latestAssessedYear(level: string): Promise<number | null> {
    const [row] = await this.em.getConnection().execute<{ year: number | null }[]>(latestYearSql, [level]);
    return row?.year ?? null;
  }
}
