import type { EntityManager } from '@mikro-orm/postgresql';
import { AdminUnit } from '../../api/src/modules/admin-units/admin-unit.entity.ts';
import { DataQualityFinding } from '../../api/src/modules/data-quality/data-quality-finding.entity.ts';
import type { CriteriaSet } from '../../api/src/modules/criteria/criteria-set.entity.ts';
import { generateSyntheticStatuses, type DocumentedAssessment, type DocumentedRecognition, type ReportedConstraint } from '../synthetic/generate-statuses.ts';
import { criteriaNotIn, documentYear, type SeedAggregate, type SeedFiles } from './seed-files.ts';
import { currentCodeList } from '../../api/src/modules/admin-units/code-lists.ts';
import { insertAssessments, type AssessmentRow, type UnitIndex } from './insert-assessments.ts';
import { sqlFile } from '../../api/src/db/sql-file.ts';
import { successorCodeList, successorDemoStatus, type PredecessorFacts } from '../synthetic/successor-statuses.ts';

const successorFactsSql = sqlFile(import.meta.url, 'successor-facts.sql');

/** Bump when the generator's output changes, so databases regenerate. */
export const syntheticGeneratorVersion = '3';
/** Fixed, so every install shows the same demo data. */
const seed = 20161980;
const provinces = ['20', '24', '10'];
const years = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
const communeSets = ['commune-2016', 'commune-2021'];

const constraintMetrics: Record<string, ReportedConstraint['metric']> = {
  communes_in_band: 'communes_in_band',
  communes_meeting_standard: 'communes_meeting_standard',
  criteria_total: 'total_criteria',
  avg_criteria: 'avg_criteria',
};

/**
 * Whether the demo generator is fitted to this reported figure: the figure then says so, since demo
 * values that agree with it confirm nothing.
 */
export function fitsDemoData(g: SeedAggregate): boolean {
  return Boolean(constraintMetrics[g.metric] && g.year && g.value != null && communeSets.includes(g.criteriaSet ?? '') && !('group' in g));
}

interface CommuneRow {
  id: number;
  code: string;
  district_code: string;
  province_code: string;
  /** Formed by a merger in this year: no synthetic status before it. */
  formed_in: number | null;
}

/**
 * Demo statuses for the rural communes (xã) of Lạng Sơn, Bắc Giang and Lào Cai, 2016–2024, where
 * no document gives one. Documented facts are inputs the generator must respect, never outputs.
 */
export async function generateSyntheticRecords(
  em: EntityManager,
  ctx: { files: SeedFiles; units: UnitIndex; sets: Map<string, CriteriaSet> },
): Promise<Record<string, number>> {
  const communes = await em.getConnection().execute<CommuneRow[]>(
    `select c.id, c.code, d.code as district_code, p.code as province_code,
            (select min(extract(year from l.effective_date))::int from unit_lineage l where l.successor_id = c.id) as formed_in
     from admin_unit c join admin_unit d on d.id = c.parent_id join admin_unit p on p.id = d.parent_id
     where c.code_list = ? and c.level = 'commune' and c.kind = 'Xã' and p.code = any(?::text[])`,
    [currentCodeList, `{${provinces.join(',')}}`],
    'all',
    em.getTransactionContext(),
  );
  const docs = ctx.files.docs;
  const current = (code: string) => ctx.units.has(`${currentCodeList}:${code}`);
  const documented: DocumentedAssessment[] = docs.flatMap((d) =>
    (d.assessments ?? [])
      .filter((a) => communeSets.includes(a.criteriaSet) && !a.code2019 && current(a.unitCode) && a.targetScope !== 'additional')
      .map((a) => ({ unitCode: a.unitCode, year: a.year, kind: a.kind, setCode: a.criteriaSet, met: a.criteriaMet ?? [] })),
  );
  const recognitions: DocumentedRecognition[] = docs.flatMap((d) =>
    (d.recognitions ?? [])
      .filter((r) => r.status === 'recognised' && current(r.unitCode))
      // The loader has already refused a recognition with no year and no document date.
      .map((r) => ({ unitCode: r.unitCode, year: (r.year ?? documentYear(d))!, tier: r.tier }))
      // A commune a plan takes to the advanced or model tier already meets the standard criteria then.
      .concat(
        (d.targets ?? [])
          .filter((t) => (t.tier === 'advanced' || t.tier === 'model') && current(t.unitCode) && t.unitCode.length === 5 && documentYear(d))
          .map((t) => ({ unitCode: t.unitCode, year: documentYear(d)!, tier: 'standard' as const, heldBy: true })),
      ),
  );
  const constraints: ReportedConstraint[] = docs.flatMap((d) =>
    (d.reportedAggregates ?? []).filter(fitsDemoData).map((g) => ({
      unitCode: g.unitCode,
      year: g.year!,
      kind: g.kind,
      setCode: g.criteriaSet!,
      metric: constraintMetrics[g.metric],
      band: (g.band ?? undefined) as ReportedConstraint['band'],
      value: g.value!,
    })),
  );
  const result = generateSyntheticStatuses({
    seed,
    years,
    sets: communeSets.map((code) => {
      const set = ctx.sets.get(code)!;
      return { code, criteriaCount: set.criteriaCount, validFrom: set.validFrom, validTo: set.validTo };
    }),
    communes: communes.map((c) => ({ code: c.code, districtCode: c.district_code, provinceCode: c.province_code })),
    documented,
    recognitions,
    constraints,
  });

  const byCode = new Map(communes.map((c) => [c.code, c]));
  // A commune formed by a 2020 merger has no status of its own before then: its predecessors' stand.
  const exists = (code: string, year: number) => (byCode.get(code)!.formed_in ?? 0) <= year;
  const rows: AssessmentRow[] = result.assessments
    .filter((a) => exists(a.unitCode, a.year))
    .map((a) => {
      const set = ctx.sets.get(a.setCode)!;
      return {
        unit_id: byCode.get(a.unitCode)!.id,
        criteria_set_id: set.id,
        year: a.year,
        kind: 'actual',
        synthetic: true,
        source_document_id: null,
        source_ref: null,
        as_written: null,
        note: null,
        met: a.met,
        // Synthetic assessments are complete: a criterion not met is "not met", never "unknown".
        not_met: criteriaNotIn(a.met, set.criteriaCount),
      };
    });
  await insertAssessments(em, rows);
  // Demo data never recognises: a recognition is a decision, and no demo value invents one. A demo
  // commune the generator holds as recognised stays at every criterion met, not recognised.
  for (const miss of result.unmet) {
    const c = miss.constraint;
    em.create(DataQualityFinding, {
      unit: em.getReference(AdminUnit, ctx.units.get(`${currentCodeList}:${c.unitCode}`)!),
      kind: 'reported-vs-computed',
      severity: 'warning',
      rawValue: `${c.metric}${c.band ? ` ${c.band}` : ''} = ${c.value} (${c.kind} ${c.year})`,
      reading: `Synthetic statuses reach ${miss.achieved} instead`,
      readingVi: `Dữ liệu minh họa chỉ đạt ${miss.achieved}`,
      reason: miss.reason,
      reasonVi: `Không thể tạo dữ liệu minh họa khớp với số báo cáo này (${miss.reason})`,
      origin: 'check',
    } as DataQualityFinding);
  }
  await em.flush();
  return {
    syntheticAssessments: rows.length,
    syntheticConstraintsUnmet: result.unmet.length,
    ...(await generateSuccessorRecords(em, ctx.sets)),
  };
}

/** The new provinces of the seed provinces after 2025-07-01: Lạng Sơn, Bắc Ninh (with Bắc Giang), Lào Cai (with Yên Bái). */
const successorProvinces = ['20', '24', '15'];
/** Years of the new communes' demo statuses and the sets they are assessed against (2025: still the 2021–2025 set). */
const successorYears: { year: number; set: string }[] = [
  { year: 2025, set: 'commune-2021' },
  { year: 2026, set: 'commune-2026' },
];

interface SuccessorFactRow {
  unit_id: number;
  code: string;
  predecessor_code_list: string;
  predecessor_code: string;
  last_year: number | null;
  set_code: string | null;
  criteria_count: number | null;
  met: number[] | null;
  synthetic: boolean | null;
  recognised_tier: string | null;
  recognised_year: number | null;
  decision_number: string | null;
  recognition_synthetic: boolean | null;
}

/**
 * Demo statuses for 2025 and 2026 on the communes of the code list in force from 2025-07-01, from
 * their predecessors' last facts (seeds/synthetic/successor-statuses.ts). A no-op until that code
 * list is loaded: without its units there is nothing to assess.
 */
async function generateSuccessorRecords(em: EntityManager, sets: Map<string, CriteriaSet>): Promise<Record<string, number>> {
  const rows = await em
    .getConnection()
    .execute<SuccessorFactRow[]>(successorFactsSql, [successorCodeList, `{${successorProvinces.join(',')}}`], 'all', em.getTransactionContext());
  if (rows.length === 0) return { successorDemoAssessments: 0 };
  const byUnit = new Map<number, { code: string; predecessors: PredecessorFacts[] }>();
  for (const r of rows) {
    const entry = byUnit.get(r.unit_id) ?? { code: r.code, predecessors: [] };
    entry.predecessors.push({
      codeList: r.predecessor_code_list,
      code: r.predecessor_code,
      // The lineage holds no area shares yet: the predecessors weigh equally (said in each record's note).
      share: null,
      last:
        r.last_year !== null && r.set_code && r.criteria_count
          ? { year: r.last_year, setCode: r.set_code, criteriaCount: r.criteria_count, met: r.met ?? [], synthetic: Boolean(r.synthetic) }
          : null,
      recognition:
        r.recognised_tier && r.recognised_year !== null
          ? { tier: r.recognised_tier, year: r.recognised_year, decision: r.decision_number, synthetic: Boolean(r.recognition_synthetic) }
          : null,
    });
    byUnit.set(r.unit_id, entry);
  }
  const assessments: AssessmentRow[] = [];
  for (const { year, set: setCode } of successorYears) {
    const set = sets.get(setCode);
    if (!set) throw new Error(`criteria set ${setCode} is not loaded`);
    for (const [unitId, { code, predecessors }] of byUnit) {
      const status = successorDemoStatus({
        seed,
        unit: { codeList: successorCodeList, code },
        year,
        set: { code: set.code, criteriaCount: set.criteriaCount, validFrom: set.validFrom, validTo: set.validTo },
        predecessors,
      });
      if (!status) continue;
      assessments.push({
        unit_id: unitId,
        criteria_set_id: set.id,
        year,
        kind: 'actual',
        synthetic: true,
        source_document_id: null,
        source_ref: null,
        as_written: null,
        note: status.basis,
        met: status.met,
        not_met: status.notMet,
      });
    }
  }
  await insertAssessments(em, assessments);
  return { successorDemoAssessments: assessments.length };
}
