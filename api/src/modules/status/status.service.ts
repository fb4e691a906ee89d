import type { EntityManager } from '@mikro-orm/postgresql';
import { CriteriaSet } from '../criteria/criteria-set.entity.ts';
import { AdminLevel, AdminUnit } from '../admin-units/admin-unit.entity.ts';
import { InvalidInputError, NotFoundError } from '../../errors/domain-errors.ts';
import { classifyBand, higherTier, noDataBand, notAssessedBand, type TierName } from './band.ts';
import type { Tier } from '../assessments/recognition.entity.ts';
import { AssessmentKind } from '../assessments/assessment.entity.ts';
import { StatusRepository, type ColourRow, type DescendantRow, type StatusQuery, type StatusRow } from './status.repository.ts';
import { toChoroplethColumns, type ChoroplethColumns, type ChoroplethEntry, type UnitStatus } from './unit-status.type.ts';
import { choroplethCache } from './choropleth-cache.ts';
import type { ProvinceCoverage } from './data-coverage.type.ts';
import { asOfForYear, codeListInForce } from '../admin-units/code-lists.ts';

/** A unit's status as far as a map colours it. */
type UnitColour = Pick<UnitStatus, 'unitId' | 'criteriaSet' | 'criteriaMet' | 'criteriaTotal' | 'band' | 'tier' | 'synthetic'>;

/**
 * Achieved: a tier counts when a decision is on record. Planned: the tier the plans aim at; a plan
 * is coloured by its planned total, never as recognised.
 */
function tiersOf(row: Pick<StatusRow, 'recognised_tiers' | 'undecided_tiers' | 'planned_tiers'>, kind: AssessmentKind) {
  const highest = (tiers: string[]) => tiers.reduce<TierName | null>((best, t) => higherTier(best, t as TierName), null);
  const actual = kind === AssessmentKind.ACTUAL;
  const recognised = actual ? highest(row.recognised_tiers) : null;
  return { recognised, undecided: actual ? highest(row.undecided_tiers) : null, tier: actual ? recognised : highest(row.planned_tiers) };
}

/** Columns of each cached choropleth answer; released with the answer when the cache drops it. */
const columnsByEntries = new WeakMap<readonly ChoroplethEntry[], ChoroplethColumns>();

/** Statuses, map colours and summaries, all derived from assessments through classifyBand. */
export class StatusService {
  private readonly statusRepository: StatusRepository;
  private readonly sets = new Map<string, Promise<CriteriaSet>>();

  constructor(private readonly em: EntityManager) {
    this.statusRepository = new StatusRepository(em);
  }

  async criteriaSet(code: string): Promise<CriteriaSet> {
    if (!this.sets.has(code)) {
      this.sets.set(
        code,
        this.em.findOne(CriteriaSet, { code }, { populate: ['criteria'] }).then((set) => {
          if (!set) throw new NotFoundError('CriteriaSet', code);
          return set;
        }),
      );
    }
    return this.sets.get(code)!;
  }

  /**
   * The set a status of the year is assessed against when none is named: the national standard set
   * of the level valid that year, the newest first (2025 → commune-2021, 2026 → commune-2026). The
   * same rule as unit-statuses.sql.
   */
  async standardSetFor(year: number, level: AdminLevel = AdminLevel.COMMUNE): Promise<CriteriaSet> {
    const [found] = await this.em.find(
      CriteriaSet,
      { level, tier: 'standard', provinceCode: null, validFrom: { $lte: year }, validTo: { $gte: year } },
      { orderBy: { validFrom: 'desc' }, limit: 1 },
    );
    if (!found) throw new NotFoundError('CriteriaSet', `${level} standard set for ${year}`);
    return this.criteriaSet(found.code);
  }

  async validateQuery(query: Pick<StatusQuery, 'year' | 'setCode'>): Promise<void> {
    if (!query.setCode) return;
    const set = await this.criteriaSet(query.setCode);
    if (query.year < set.validFrom || query.year > set.validTo) {
      throw new InvalidInputError(`Criteria set ${set.code} is valid ${set.validFrom}–${set.validTo}, not in ${query.year}`, { field: 'year' });
    }
  }

  async statuses(unitIds: readonly number[], query: StatusQuery): Promise<Map<number, UnitStatus>> {
    const rows = await this.statusRepository.statuses(unitIds, query);
    const statuses = await Promise.all(rows.map((row) => this.toStatus(row, query)));
    return new Map(statuses.map((s) => [s.unitId, s]));
  }

  private async toStatus(row: StatusRow, query: StatusQuery): Promise<UnitStatus> {
    const set = await this.criteriaSet(row.set_code);
    const { recognised, undecided, tier } = tiersOf(row, query.kind);
    return {
      unitId: row.unit_id,
      assessmentId: row.assessment_id,
      year: query.year,
      criteriaSet: row.set_code,
      criteriaMet: row.met.length,
      criteriaTotal: row.criteria_total,
      band: classifyBand(row.met.length, set.bands, recognised),
      tier: (tier ?? undefined) as Tier | undefined,
      tierWithoutDecision: (undecided && higherTier(undecided, recognised) !== recognised ? undecided : undefined) as Tier | undefined,
      synthetic: row.synthetic,
      sourceDocument: row.source_key ?? undefined,
      sourceRef: row.source_ref ?? undefined,
      statedOn: row.stated_on ?? undefined,
      missing: row.not_met,
      unknown: row.unknown,
      met: row.met,
    };
  }

  /** What maps colour units by, classified as their statuses are (the same tiers, the same bands), without reading items. */
  private async colours(unitIds: readonly number[], query: StatusQuery): Promise<Map<number, UnitColour>> {
    const rows = await this.statusRepository.colours(unitIds, query);
    const colours = await Promise.all(
      rows.map(async (row: ColourRow): Promise<UnitColour> => {
        const set = await this.criteriaSet(row.set_code);
        const { recognised, tier } = tiersOf(row, query.kind);
        return {
          unitId: row.unit_id,
          criteriaSet: row.set_code,
          criteriaMet: row.criteria_met,
          criteriaTotal: row.criteria_total,
          band: classifyBand(row.criteria_met, set.bands, recognised),
          tier: (tier ?? undefined) as Tier | undefined,
          synthetic: row.synthetic,
        };
      }),
    );
    return new Map(colours.map((c) => [c.unitId, c]));
  }

  /** Map colours for the units of a level below a unit (or nationwide), cached until data changes. */
  choropleth(parentCode: string | undefined, level: AdminLevel, query: StatusQuery): Promise<ChoroplethEntry[]> {
    const key = JSON.stringify([parentCode ?? null, level, query.year, query.setCode ?? null, query.kind, query.includeDemo]);
    return choroplethCache.get(this.em, key, () => this.computeChoropleth(parentCode, level, query));
  }

  /** The same colours as parallel columns, converted once per cached answer. */
  async choroplethColumns(parentCode: string | undefined, level: AdminLevel, query: StatusQuery): Promise<ChoroplethColumns> {
    const entries = await this.choropleth(parentCode, level, query);
    let columns = columnsByEntries.get(entries);
    if (!columns) {
      columns = toChoroplethColumns(entries);
      columnsByEntries.set(entries, columns);
    }
    return columns;
  }

  private async computeChoropleth(parentCode: string | undefined, level: AdminLevel, query: StatusQuery): Promise<ChoroplethEntry[]> {
    // The units in force on 31 December of the year: from 2025 the two-level list, without districts.
    const asOf = asOfForYear(query.year);
    const codeList = codeListInForce(asOf);
    if (level === AdminLevel.DISTRICT && codeList !== codeListInForce('2025-03-01')) {
      throw new InvalidInputError(`No district is in force on ${asOf}: the reform of 01/07/2025 abolished them; use PROVINCE or COMMUNE`, {
        field: 'level',
      });
    }
    const parent = parentCode ? await this.unitByCode(parentCode, asOf) : null;
    const units = await this.statusRepository.descendantIds(parent?.id ?? null, level, codeList);
    if (level === AdminLevel.DISTRICT || level === AdminLevel.PROVINCE) {
      return this.aggregatedChoropleth(parent?.id ?? null, level, units, query, codeList);
    }
    const statuses = await this.colours(
      units.map((u) => u.id),
      query,
    );
    return units.map(({ id, code, kind }) => {
      const status = statuses.get(id);
      // Wards and towns are not assessed under the rural criteria: apart from communes without data.
      if (!status) return { code, band: kind === 'Xã' ? noDataBand : notAssessedBand, synthetic: false };
      const { criteriaMet, criteriaTotal, band, tier, synthetic } = status;
      return { code, criteriaMet, criteriaTotal, band, tier, synthetic };
    });
  }

  /**
   * Districts and provinces are coloured by the average criteria met by their communes, classified
   * with the communes' set, so one legend reads at every level.
   */
  private async aggregatedChoropleth(
    parentId: number | null,
    level: AdminLevel,
    units: DescendantRow[],
    query: StatusQuery,
    codeList: string,
  ): Promise<ChoroplethEntry[]> {
    const communes = await this.statusRepository.descendantIds(parentId, AdminLevel.COMMUNE, codeList);
    const statuses = await this.colours(
      communes.map((c) => c.id),
      query,
    );
    const groups = new Map<string, UnitColour[]>();
    for (const commune of communes) {
      const status = statuses.get(commune.id);
      const key = level === AdminLevel.DISTRICT ? commune.district_code : commune.province_code;
      if (!status || !key) continue;
      const group = groups.get(key);
      if (group) group.push(status);
      else groups.set(key, [status]);
    }
    return Promise.all(
      units.map(async ({ code }) => {
        const members = groups.get(code);
        if (!members?.length) return { code, band: noDataBand, synthetic: false };
        const set = await this.criteriaSet(members[0].criteriaSet);
        const average = members.reduce((sum, s) => sum + s.criteriaMet, 0) / members.length;
        // The average hides the laggards: count the communes in the set's two lowest classes, and those
        // meeting every criterion (recognised or not), so a map can colour by either share.
        const lagging = new Set(set.bands.slice(0, 2).map((b) => b.code));
        return {
          code,
          band: classifyBand(Math.floor(average), set.bands, null),
          synthetic: members.some((s) => s.synthetic),
          averageCriteria: Math.round(average * 100) / 100,
          communesAssessed: members.length,
          communesDemo: members.filter((s) => s.synthetic).length,
          communesLagging: members.filter((s) => lagging.has(s.band)).length,
          communesMeetingAll: members.filter((s) => s.criteriaMet === s.criteriaTotal).length,
        };
      }),
    );
  }

  /** Which provinces of the year have documented statuses and which demo ones. */
  async dataCoverage(year: number): Promise<ProvinceCoverage[]> {
    const rows = await this.statusRepository.dataCoverage(year, codeListInForce(asOfForYear(year)));
    return rows.map((r) => ({ code: r.code, name: r.name, documentedUnits: r.documented_units, demoUnits: r.demo_units }));
  }

  /** The unit of a code on a date (the time rule: no date means today, or else the last unit with the code). */
  unitByCode(code: string, asOf?: string): Promise<AdminUnit> {
    return this.em.getRepository(AdminUnit).getByCode(code, { asOf });
  }

  /** Units of a level below a unit as of the end of a year: the list in force then, plus the former units still there. */
  descendants(ancestorId: number, level: string, year: number) {
    return this.statusRepository.descendantIds(ancestorId, level, codeListInForce(asOfForYear(year)), year);
  }

  /** Every unit that carried the code (any list: findings hang off the unit of their document's date) and everything below them. */
  async unitAndDescendantIds(code: string): Promise<number[]> {
    const units = await this.em.getRepository(AdminUnit).find({ code }, { fields: ['id'] });
    if (units.length === 0) throw new NotFoundError('AdminUnit', code);
    const ids = await Promise.all(units.map((u) => this.statusRepository.subtreeIds(u.id)));
    return [...new Set(ids.flat())];
  }
}
