import type { EntityManager } from '@mikro-orm/postgresql';
import { intArray, sqlFile } from '../../db/sql-file.ts';
import type { InForceCodeList } from '../admin-units/code-lists.ts';
import { CriteriaSet } from '../criteria/criteria-set.entity.ts';
import type { ItemStatus } from '../assessments/assessment.entity.ts';
import type { KnownSet, KnownUnit } from './row-validation.ts';

const unitsWithParentsSql = sqlFile(import.meta.url, 'units-with-parents.sql');
const storedAssessmentsSql = sqlFile(import.meta.url, 'stored-assessments.sql');
const storedIndicatorValuesSql = sqlFile(import.meta.url, 'stored-indicator-values.sql');

export interface SetWithIds extends KnownSet {
  /** Criterion number → criterion id. */
  criterionIds: Map<number, number>;
  tier: string;
  provinceCode: string | null;
}

export interface StoredAssessment {
  id: number;
  /** Generated demo data. */
  synthetic: boolean;
  statuses: Map<number, ItemStatus>;
}

export interface StoredIndicator {
  id: number;
  value: string;
}

export const assessmentKey = (unitId: number, setId: number, year: number) => `${unitId}|${setId}|${year}`;
export const indicatorKey = (unitId: number, setId: number, year: number, code: string) => `${unitId}|${setId}|${year}|${code}`;

interface UnitRow {
  id: number;
  code: string;
  name: string;
  short_name: string;
  level: string;
  district_name: string | null;
  province_name: string | null;
}

const toKnownUnit = (r: UnitRow): KnownUnit => ({
  id: r.id,
  code: r.code,
  name: r.name,
  shortName: r.short_name,
  level: r.level,
  districtName: r.district_name,
  provinceName: r.province_name,
});

/** Reads what an import or export needs: units, sets, and the stored assessments and indicator values. */
export class ImportRepository {
  constructor(private readonly em: EntityManager) {}

  /** Every province, district and commune of one code list, for resolving the units an import names. */
  knownUnits(codeList: InForceCodeList): Promise<KnownUnit[]> {
    return this.unitsWithParents(null, ['province', 'district', 'commune'], codeList);
  }

  /** The units of one level at or below a unit, in the code list of that unit. */
  unitsForExport(unitId: number, level: string, codeList: string): Promise<KnownUnit[]> {
    return this.unitsWithParents(unitId, [level], codeList);
  }

  // Levels travel as one array literal: knex spreads a JS array into a list of placeholders.
  private async unitsWithParents(rootId: number | null, levels: string[], codeList: string): Promise<KnownUnit[]> {
    const rows = await this.em.execute<UnitRow[]>(unitsWithParentsSql, [rootId, rootId, `{${levels.join(',')}}`, codeList]);
    return rows.map(toKnownUnit);
  }

  async knownSets(): Promise<Map<string, SetWithIds>> {
    const sets = await this.em.find(CriteriaSet, {}, { populate: ['criteria', 'criteria.indicators'], orderBy: { code: 'asc' } });
    return new Map(
      sets.map((set) => {
        const criteria = set.criteria.getItems().sort((a, b) => a.number - b.number);
        const known: SetWithIds = {
          id: set.id,
          code: set.code,
          level: set.level,
          tier: set.tier,
          provinceCode: set.provinceCode ?? null,
          validFrom: set.validFrom,
          validTo: set.validTo,
          criteriaCount: set.criteriaCount,
          criterionNumbers: criteria.map((c) => c.number),
          criterionIds: new Map(criteria.map((c) => [c.number, c.id])),
          indicatorCodes: criteria.flatMap((c) => c.indicators.getItems().map((i) => i.code)),
        };
        return [set.code, known];
      }),
    );
  }

  async storedAssessments(unitIds: readonly number[], years: readonly number[]): Promise<Map<string, StoredAssessment>> {
    const stored = new Map<string, StoredAssessment>();
    if (!unitIds.length) return stored;
    const rows = await this.em.execute<
      { assessment_id: number; unit_id: number; criteria_set_id: number; year: number; synthetic: boolean; number: number; status: ItemStatus }[]
    >(storedAssessmentsSql, [intArray(unique(unitIds)), intArray(unique(years))]);
    for (const row of rows) {
      const key = assessmentKey(row.unit_id, row.criteria_set_id, row.year);
      const assessment = stored.get(key) ?? { id: row.assessment_id, synthetic: row.synthetic, statuses: new Map() };
      assessment.statuses.set(row.number, row.status);
      stored.set(key, assessment);
    }
    return stored;
  }

  /** Indicator values by key; a key may hold several (two documents giving one value), the first is shown. */
  async storedIndicators(unitIds: readonly number[], years: readonly number[]): Promise<Map<string, StoredIndicator[]>> {
    const stored = new Map<string, StoredIndicator[]>();
    if (!unitIds.length) return stored;
    const rows = await this.em.execute<{ id: number; unit_id: number; criteria_set_id: number; indicator_code: string; year: number; value: string }[]>(
      storedIndicatorValuesSql,
      [intArray(unique(unitIds)), intArray(unique(years))],
    );
    for (const row of rows) {
      const key = indicatorKey(row.unit_id, row.criteria_set_id, row.year, row.indicator_code);
      stored.set(key, [...(stored.get(key) ?? []), { id: row.id, value: row.value }]);
    }
    return stored;
  }
}

function unique(values: readonly number[]): number[] {
  return [...new Set(values)];
}
