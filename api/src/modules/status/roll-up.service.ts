import type { EntityManager } from '@mikro-orm/postgresql';
import { AdminLevel, type AdminUnit } from '../admin-units/admin-unit.entity.ts';
import { LineagePart, type UnitLink } from '../admin-units/unit-link.type.ts';
import { Assessment, AssessmentKind } from '../assessments/assessment.entity.ts';
import { intArray, sqlFile } from '../../db/sql-file.ts';
import type { StatusService } from './status.service.ts';
import { SummaryService } from './summary.service.ts';
import type { RollUp, RollUpEntry } from './roll-up.type.ts';

const lastAssessedSql = sqlFile(import.meta.url, 'last-assessed-years.sql');

const levelWords: Record<string, [string, string]> = {
  province: ['province', 'provinces'],
  district: ['district', 'districts'],
  commune: ['commune', 'communes'],
};

/**
 * A new unit's predecessors with their own last records, labelled as derived: the roll-up never
 * becomes a status of the new unit (it is not stored, not classified, not counted).
 */
export class RollUpService {
  constructor(
    private readonly em: EntityManager,
    private readonly statuses: StatusService,
  ) {}

  async rollUp(unit: AdminUnit, links: UnitLink[], upToYear: number): Promise<RollUp | null> {
    if (links.length === 0) return null;
    const ids = links.map((l) => l.unit.id);
    const years = new Map(
      (await this.em.getConnection().execute<{ unit_id: number; year: number }[]>(lastAssessedSql, [intArray(ids), upToYear])).map((r) => [r.unit_id, r.year]),
    );
    const entries: RollUpEntry[] = [];
    for (const link of links) {
      const weight = link.part === LineagePart.FULL ? 1 : (link.areaShare ?? 0);
      const year = years.get(link.unit.id);
      const status =
        year === undefined
          ? undefined
          : (await this.statuses.statuses([link.unit.id], { year, kind: AssessmentKind.ACTUAL, includeDemo: true })).get(link.unit.id);
      const assessment = status
        ? ((await this.em.findOne(Assessment, { id: status.assessmentId }, { populate: ['criteriaSet', 'sourceDocument'] })) ?? undefined)
        : undefined;
      const entry: RollUpEntry = { link, weight, year, status, assessment };
      if (unit.level === AdminLevel.PROVINCE && link.unit.level === AdminLevel.PROVINCE) {
        entry.summary = await this.lastSummary(link.unit, upToYear);
      }
      entries.push(entry);
    }
    return { derived: true, upToYear, predecessors: entries, summaryText: summaryText(unit, entries) };
  }

  /**
   * The province's figures at the end of its last year in force (the last 31 December before its
   * validTo), capped at upToYear; by the time rule, its code on that date is this province.
   */
  private async lastSummary(province: AdminUnit, upToYear: number) {
    const lastYear = province.validTo ? Number(province.validTo.slice(0, 4)) - 1 : upToYear;
    return new SummaryService(this.em, this.statuses).summary(province.code, {
      year: Math.min(lastYear, upToYear),
      kind: AssessmentKind.ACTUAL,
      includeDemo: true,
    });
  }
}

/** "Formed from 4 communes: 2 recognised NTM, 1 at 15/19, 1 without data" (area-weighted when a part is partial). Pure. */
export function summaryText(unit: Pick<AdminUnit, 'level'>, entries: RollUpEntry[]): string {
  const level = entries[0]?.link.unit.level ?? unit.level;
  const [one, many] = levelWords[level] ?? ['unit', 'units'];
  if (level === AdminLevel.PROVINCE) {
    const parts = entries.map((e) => {
      const s = e.summary;
      if (!s) return `${e.link.unit.name}: no figures`;
      const recognised = s.recognisedCounts.reduce((sum, t) => sum + t.count, 0);
      return `${e.link.unit.name}: ${recognised} of ${s.communeCount} communes recognised NTM, ${s.assessedCount} assessed (${s.year})`;
    });
    return `Formed from ${entries.length} ${entries.length === 1 ? one : many}: ${parts.join('; ')}`;
  }
  const groups = new Map<string, number>();
  let recognisedWeight = 0;
  let totalWeight = 0;
  for (const e of entries) {
    const key = !e.status ? 'without data' : e.status.tier ? 'recognised NTM' : `at ${e.status.criteriaMet}/${e.status.criteriaTotal}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
    totalWeight += e.weight;
    if (e.status?.tier) recognisedWeight += e.weight;
  }
  const order = (k: string) => (k === 'recognised NTM' ? 0 : k === 'without data' ? 2 : 1);
  const parts = [...groups.entries()].sort((a, b) => order(a[0]) - order(b[0]) || a[0].localeCompare(b[0])).map(([k, n]) => `${n} ${k}`);
  const partial = entries.some((e) => e.link.part === LineagePart.PARTIAL);
  const weighted = partial ? ` (weighted by area share: ${recognisedWeight.toFixed(2)} of ${totalWeight.toFixed(2)} recognised)` : '';
  return `Formed from ${entries.length} ${entries.length === 1 ? one : many}: ${parts.join(', ')}${weighted}`;
}
