import type { EntityManager } from '@mikro-orm/postgresql';
import { intArray, sqlFile } from '../../db/sql-file.ts';
import type { AssessmentKind } from '../assessments/assessment.entity.ts';

const unitStatusesSql = sqlFile(import.meta.url, 'unit-statuses.sql');
const unitColoursSql = sqlFile(import.meta.url, 'unit-colours.sql');
const descendantsSql = sqlFile(import.meta.url, 'descendant-units.sql');
const subtreeSql = sqlFile(import.meta.url, 'subtree-ids.sql');
const dataCoverageSql = sqlFile(import.meta.url, 'data-coverage.sql');

export interface StatusRow {
  unit_id: number;
  assessment_id: number;
  set_code: string;
  criteria_total: number;
  synthetic: boolean;
  met: number[];
  not_met: number[];
  unknown: number[];
  source_key: string | null;
  stated_on: string | null;
  source_ref: string | null;
  recognised_tiers: string[];
  undecided_tiers: string[];
  planned_tiers: string[];
}

/** What a map colours a unit by: a StatusRow without the criteria one by one or the source. */
export interface ColourRow {
  unit_id: number;
  set_code: string;
  criteria_total: number;
  synthetic: boolean;
  criteria_met: number;
  recognised_tiers: string[];
  undecided_tiers: string[];
  planned_tiers: string[];
}

export interface DescendantRow {
  id: number;
  code: string;
  kind: string;
  district_code: string | null;
  province_code: string;
}

export interface StatusQuery {
  year: number;
  setCode?: string;
  kind: AssessmentKind;
  /** Count generated demo assessments; false: documented and user-entered only. */
  includeDemo: boolean;
}

/** Named queries over assessments; the SQL lives beside this file. */
export class StatusRepository {
  constructor(private readonly em: EntityManager) {}

  async statuses(unitIds: readonly number[], { year, setCode, kind, includeDemo }: StatusQuery): Promise<StatusRow[]> {
    if (unitIds.length === 0) return [];
    return this.em
      .getConnection()
      .execute<StatusRow[]>(unitStatusesSql, [intArray(unitIds), setCode ?? null, year, year, kind, includeDemo, year, kind, year, year]);
  }

  async colours(unitIds: readonly number[], { year, setCode, kind, includeDemo }: StatusQuery): Promise<ColourRow[]> {
    if (unitIds.length === 0) return [];
    return this.em
      .getConnection()
      .execute<ColourRow[]>(unitColoursSql, [intArray(unitIds), setCode ?? null, year, year, kind, includeDemo, year, kind, year, year]);
  }

  /**
   * Units of `level` below `ancestorId` (or in the whole country) in a code list; with
   * `formerInYear`, also the former units that still existed at the end of that year.
   */
  async descendantIds(ancestorId: number | null, level: string, codeList: string, formerInYear?: number): Promise<DescendantRow[]> {
    const year = formerInYear ?? null;
    return this.em.getConnection().execute(descendantsSql, [ancestorId, level, ancestorId, codeList, year, year]);
  }

  /** The provinces of a code list with statuses in a year, with their documented and demo units counted. */
  dataCoverage(year: number, codeList: string): Promise<{ code: string; name: string; documented_units: number; demo_units: number }[]> {
    return this.em.getConnection().execute(dataCoverageSql, [year, codeList]);
  }

  async subtreeIds(unitId: number): Promise<number[]> {
    const rows = await this.em.getConnection().execute<{ id: number }[]>(subtreeSql, [unitId]);
    return rows.map((r) => r.id);
  }
}
