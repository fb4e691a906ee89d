import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { EntityClass } from '@mikro-orm/core';
import { sqlFile } from '../../api/src/db/sql-file.ts';
import { searchKey, shortName, toNfc } from '../../api/src/text/vietnamese.ts';
import { AdminLevel, AdminUnit } from '../../api/src/modules/admin-units/admin-unit.entity.ts';
import { LineageKind, UnitLineage } from '../../api/src/modules/admin-units/unit-lineage.entity.ts';
import { currentCodeList, formerCodeList } from '../../api/src/modules/admin-units/code-lists.ts';
import { UnitFlag } from '../../api/src/modules/admin-units/unit-flag.entity.ts';
import { SourceDocument } from '../../api/src/modules/sources/source-document.entity.ts';
import { CriteriaSet } from '../../api/src/modules/criteria/criteria-set.entity.ts';
import { Criterion } from '../../api/src/modules/criteria/criterion.entity.ts';
import { Indicator } from '../../api/src/modules/criteria/indicator.entity.ts';
import { CommuneGroupAssignment } from '../../api/src/modules/criteria/commune-group.entity.ts';
import { Assessment } from '../../api/src/modules/assessments/assessment.entity.ts';
import { Recognition, RecognitionStatus, Tier } from '../../api/src/modules/assessments/recognition.entity.ts';
import { Target } from '../../api/src/modules/assessments/target.entity.ts';
import { IndicatorValue } from '../../api/src/modules/assessments/indicator-value.entity.ts';
import { ReportedAggregate } from '../../api/src/modules/data-quality/reported-aggregate.entity.ts';
import { DataQualityFinding } from '../../api/src/modules/data-quality/data-quality-finding.entity.ts';
import { SeedRun } from '../../api/src/modules/sources/seed-run.entity.ts';
import type { ImportProgress } from '../../api/src/import-progress.ts';
import {
  criteriaNotIn,
  documentYear,
  readSeedFiles,
  type CriteriaSetFile,
  type SeedAssessment,
  type SeedDocumentFile,
  type SeedFiles,
  type SeedFinding,
  type SourceRef,
} from './seed-files.ts';
import { historicalUnits, recordUnit, type UnitKey } from './resolve-units.ts';
import { plannedState } from './planned-state.ts';
import { documentAliases } from './document-aliases.ts';
import { villageCode, villageCodeList } from '../../api/src/modules/admin-units/code-lists.ts';
import { UnitAlias } from '../../api/src/modules/admin-units/unit-alias.entity.ts';
import { fitsDemoData, generateSyntheticRecords, syntheticGeneratorVersion } from './synthetic-records.ts';
import { insertAssessments, type UnitIndex } from './insert-assessments.ts';

const borderCommunesSql = sqlFile(import.meta.url, 'border-communes.sql');

/** Bump when the loader stores the same files differently, so databases reload them. */
const seedLoaderVersion = 4;
/** Provinces on the land border with no coast: their unshared outline is all national border. */
const borderProvinces = ['20', '10'];

export interface SeedImportResult {
  skipped: boolean;
  stats: Record<string, number>;
}

/**
 * Loads seeds/ (transcribed documents and criteria sets) plus the reproducible synthetic statuses,
 * all or nothing. Reference data (documents, criteria) is upserted; seeded and synthetic facts are
 * replaced; records entered by users are left alone.
 */
export async function importSeeds(orm: MikroORM, options: { seedsDir: string; progress: ImportProgress; force?: boolean }): Promise<SeedImportResult> {
  const files = readSeedFiles(options.seedsDir, `loader ${seedLoaderVersion}, synthetic ${syntheticGeneratorVersion}`);
  const em = orm.em.fork();
  const [previous] = await em.find(SeedRun, {}, { orderBy: { id: 'desc' }, limit: 1 });
  if (previous?.checksum === files.checksum && !options.force) return { skipped: true, stats: previous.stats };

  return em.transactional(async (tx) => {
    options.progress.start('Source documents and criteria', files.documents.length + files.docs.length + files.criteriaSets.length);
    const documents = await upsertDocuments(tx, files);
    const sets = await upsertCriteriaSets(tx, files.criteriaSets, documents);
    options.progress.advance(files.documents.length + files.docs.length + files.criteriaSets.length);
    options.progress.finish();

    await ensureHistoricalUnits(tx, files.docs);
    await clearSeededFacts(tx);
    const units = await unitIndex(tx);
    const stats: Record<string, number> = { communeGroupAssignments: await loadCommuneGroups(tx, files, documents) };
    options.progress.start('Documented facts', files.docs.length);
    for (const doc of files.docs) {
      addCounts(stats, await loadDocumentFacts(tx, doc, { units, sets, documents }));
      options.progress.advance(1);
    }
    options.progress.finish();
    stats.borderCommunesAssumed = await flagBorderCommunes(tx, units);

    options.progress.start('Synthetic statuses', 1);
    addCounts(stats, await generateSyntheticRecords(tx, { files, units, sets }));
    options.progress.advance(1);
    options.progress.finish();

    tx.create(SeedRun, { checksum: files.checksum, sourceDir: options.seedsDir, stats, loadedAt: new Date() });
    await tx.flush();
    return { skipped: false, stats };
  });
}

function addCounts(total: Record<string, number>, counts: Record<string, number>) {
  for (const [key, value] of Object.entries(counts)) total[key] = (total[key] ?? 0) + value;
}

async function upsertDocuments(em: EntityManager, files: SeedFiles): Promise<Map<string, SourceDocument>> {
  const records = [...files.documents, ...files.docs.map((d) => d.documentRecord)];
  const existing = await em.find(SourceDocument, { key: { $in: records.map((r) => r.key) } });
  const byKey = new Map(existing.map((d) => [d.key, d]));
  for (const record of records) {
    const document = byKey.get(record.key) ?? em.create(SourceDocument, { key: record.key, title: '', kind: '' });
    document.number = record.number ?? undefined;
    document.issuer = record.issuer ?? undefined;
    document.issuedOn = record.date ?? undefined;
    document.title = toNfc(record.title);
    document.kind = record.kind;
    document.signer = typeof record.signer === 'string' ? record.signer : (record.signer?.name ?? undefined);
    byKey.set(record.key, document);
  }
  await em.flush();
  return byKey;
}

async function upsertCriteriaSets(em: EntityManager, setFiles: CriteriaSetFile[], documents: Map<string, SourceDocument>): Promise<Map<string, CriteriaSet>> {
  const existing = await em.find(CriteriaSet, {}, { populate: ['criteria', 'criteria.indicators'] });
  const byCode = new Map<string, CriteriaSet>(existing.map((s) => [s.code, s]));
  for (const file of setFiles) {
    const set = byCode.get(file.code) ?? em.create(CriteriaSet, { code: file.code } as CriteriaSet);
    Object.assign(set, {
      nameVi: toNfc(file.name.vi),
      nameEn: file.name.en,
      level: file.level === 'district' ? AdminLevel.DISTRICT : AdminLevel.COMMUNE,
      tier: file.tier,
      legalBasis: file.legalBasis ? documents.get(file.legalBasis) : undefined,
      validFrom: file.validFrom,
      validTo: file.validTo,
      provinceCode: file.province ?? undefined,
      bands: file.bands.map((band) => ({ ...band, label: { vi: toNfc(band.label.vi), en: band.label.en } })),
      bandsNote: file.bandsNote ?? undefined,
      transcriptionNote: file.transcriptionNote ?? undefined,
      indicatorCountStated: file.indicatorCountStated ?? undefined,
      communeGroups: file.communeGroups?.map((g) => ({ ...g, definition: { vi: toNfc(g.definition.vi), en: g.definition.en } })),
      relatedFrames: file.relatedFrames?.map((f) => ({ ...f, title: { vi: toNfc(f.title.vi), en: f.title.en } })),
      criteriaCount: file.criteria.length,
    });
    byCode.set(file.code, set);
    upsertCriteria(em, set, file, documents);
  }
  for (const file of setFiles) {
    if (file.basedOn) byCode.get(file.code)!.basedOn = byCode.get(file.basedOn);
  }
  await em.flush();
  return byCode;
}

/** The stored document of a source reference; a reference to an unlisted document is refused, not dropped. */
function sourceOf(source: SourceRef | null | undefined, documents: Map<string, SourceDocument>, where: string) {
  if (!source) return { sourceDocument: undefined, sourceRef: undefined };
  const document = documents.get(source.document);
  if (!document) throw new Error(`${where}: source document ${source.document} is not in documents.json`);
  return { sourceDocument: document, sourceRef: source.ref ? toNfc(source.ref) : undefined };
}

function upsertCriteria(em: EntityManager, set: CriteriaSet, file: CriteriaSetFile, documents: Map<string, SourceDocument>) {
  const existing = set.criteria.isInitialized() ? set.criteria.getItems() : [];
  for (const entry of file.criteria) {
    const criterion = existing.find((c) => c.number === entry.number) ?? em.create(Criterion, { criteriaSet: set, number: entry.number } as Criterion);
    Object.assign(criterion, {
      groupCode: entry.group?.code ?? undefined,
      groupVi: entry.group?.vi ? toNfc(entry.group.vi) : undefined,
      groupEn: entry.group?.en ?? undefined,
      nameVi: toNfc(entry.name.vi),
      nameEn: entry.name.en,
      ...sourceOf(entry.source, documents, `${file.code} criterion ${entry.number}`),
      note: entry.note ?? undefined,
    });
    const indicators = criterion.indicators.isInitialized() ? criterion.indicators.getItems() : [];
    for (const item of entry.indicators ?? []) {
      const indicator = indicators.find((i) => i.code === item.code) ?? em.create(Indicator, { criterion, code: item.code } as Indicator);
      Object.assign(indicator, {
        nameVi: item.name?.vi ? toNfc(item.name.vi) : undefined,
        nameEn: item.name?.en ?? undefined,
        unit: item.unit ?? undefined,
        threshold: describe(item.threshold),
        agency: describeAgency(item.agency),
        ...sourceOf(item.source, documents, `${file.code} indicator ${item.code}`),
        note: item.note ?? undefined,
      });
    }
  }
}

/** Thresholds vary by region in the decisions: an object becomes "region: value; …". */
function describe(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'object')
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${v}`)
      .join('; ');
  return String(value);
}

function describeAgency(value: unknown): string | undefined {
  if (!value) return undefined;
  if (Array.isArray(value))
    return (
      value
        .map((a) => (typeof a === 'string' ? a : a.name))
        .filter(Boolean)
        .join('; ') || undefined
    );
  return String(value);
}

async function ensureHistoricalUnits(em: EntityManager, docs: SeedDocumentFile[]) {
  for (const doc of docs) {
    for (const former of historicalUnits(doc.units)) {
      const successor = await em.findOneOrFail(AdminUnit, { code: former.successorCode, codeList: currentCodeList });
      const existing = await em.findOne(AdminUnit, { code: former.code, codeList: formerCodeList });
      const unit =
        existing ??
        em.create(AdminUnit, {
          code: former.code,
          codeList: formerCodeList,
          name: former.name,
          shortName: shortName(former.name, 'Xã'),
          nameSearch: searchKey(former.name),
          level: AdminLevel.COMMUNE,
          kind: 'Xã',
          parent: successor.parent,
          validTo: former.validTo,
        } as AdminUnit);
      if (!existing) {
        em.create(UnitLineage, {
          predecessor: unit,
          successor,
          effectiveDate: former.validTo,
          kind: LineageKind.MERGE,
          source: `seeds/docs ${doc.document}: ${former.note}`.slice(0, 2000),
        } as UnitLineage);
      }
    }
  }
  await em.flush();
}

/** The columns by which each table of facts tells seeded and synthetic rows from user-entered ones. */
type SeededFact = { sourceDocument?: object | null; synthetic: boolean };

/** Seeded and synthetic facts are replaced on every seed import; user-entered ones are kept. */
/** Replaces the commune groups with those seeds/commune-groups.json states, each with its source. */
async function loadCommuneGroups(em: EntityManager, files: SeedFiles, documents: Map<string, SourceDocument>): Promise<number> {
  await em.nativeDelete(CommuneGroupAssignment, {});
  for (const a of files.communeGroups) {
    const where = `commune-groups.json ${a.codeList}:${a.unitCode}`;
    if (![1, 2, 3].includes(a.group)) throw new Error(`${where}: group ${a.group} is not 1, 2 or 3`);
    const { sourceDocument, sourceRef } = sourceOf(a.source, documents, where);
    if (!sourceDocument) throw new Error(`${where}: a commune group needs its source`);
    em.create(CommuneGroupAssignment, {
      codeList: a.codeList,
      unitCode: a.unitCode,
      group: a.group,
      validFrom: a.validFrom,
      validTo: a.validTo ?? undefined,
      sourceDocument,
      sourceRef,
    });
  }
  await em.flush();
  return files.communeGroups.length;
}

async function clearSeededFacts(em: EntityManager) {
  const seeded = { $or: [{ sourceDocument: { $ne: null } }, { synthetic: true }] };
  const seededTables: EntityClass<SeededFact>[] = [Assessment, Recognition, Target, IndicatorValue, ReportedAggregate];
  for (const entity of seededTables) await em.nativeDelete(entity, seeded);
  // Crosswalk/polygon findings belong to the boundary import (geo/boundary-import.ts), not to the seeds.
  await em.nativeDelete(DataQualityFinding, { kind: { $ne: 'crosswalk-polygon-mismatch' } });
  await em.nativeDelete(UnitFlag, {});
  await em.nativeDelete(UnitAlias, {});
}

const unitKey = (key: UnitKey) => `${key.codeList}:${key.code}`;

async function unitIndex(em: EntityManager): Promise<UnitIndex> {
  const rows = await em
    .getConnection()
    .execute<{ id: number; code: string; code_list: string }[]>('select id, code, code_list from admin_unit', [], 'all', em.getTransactionContext());
  return new Map(rows.map((r) => [`${r.code_list}:${r.code}`, r.id]));
}

interface LoadContext {
  units: UnitIndex;
  sets: Map<string, CriteriaSet>;
  documents: Map<string, SourceDocument>;
}

function unitId(ctx: LoadContext, key: UnitKey, where: string): number {
  const id = ctx.units.get(unitKey(key));
  if (id === undefined) throw new Error(`${where}: no unit ${key.code} in code list ${key.codeList}`);
  return id;
}

function setOf(ctx: LoadContext, code: string | null | undefined, where: string): CriteriaSet | undefined {
  if (!code) return undefined;
  const set = ctx.sets.get(code);
  if (!set) throw new Error(`${where}: unknown criteria set ${code}`);
  return set;
}

function provenance(ctx: LoadContext, source: SourceRef, asWritten?: string | null, note?: string | null) {
  return {
    sourceDocument: ctx.documents.get(source.document),
    sourceRef: source.ref,
    asWritten: asWritten ? toNfc(String(asWritten)) : undefined,
    note: note ?? undefined,
  };
}

const recognitionStatuses: Record<string, RecognitionStatus> = {
  planned: RecognitionStatus.PLANNED,
  verified: RecognitionStatus.VERIFIED,
  'appraised-awaiting-decision': RecognitionStatus.APPRAISED,
  appraised: RecognitionStatus.APPRAISED,
  recognised: RecognitionStatus.RECOGNISED,
  withdrawn: RecognitionStatus.WITHDRAWN,
};

async function loadDocumentFacts(em: EntityManager, doc: SeedDocumentFile, ctx: LoadContext): Promise<Record<string, number>> {
  const where = `seeds/docs ${doc.document}`;
  const unitOf = (r: { unitCode: string; code2019?: string; unitAsWritten?: string }) => unitId(ctx, recordUnit(r, doc.units), where);
  const issuedIn = documentYear(doc);

  // What each unit met at a review of this document, by set and year: the start of its plans.
  const reviewed = new Map<string, number[]>();
  const reviewKey = (key: UnitKey, set: string, year: number) => `${unitKey(key)}|${set}|${year}`;
  for (const a of doc.assessments ?? []) {
    if (a.kind === 'actual') reviewed.set(reviewKey(recordUnit(a, doc.units), a.criteriaSet, a.year), a.criteriaMet ?? []);
  }
  const checks: { unitId: number; rawValue: string; reading: string; readingVi: string; reason: string; reasonVi: string; ref?: string }[] = [];

  const assessments = (doc.assessments ?? []).map((a) => {
    const set = setOf(ctx, a.criteriaSet, where)!;
    // Numbers outside the set (002 prints a criterion 29) stay in as_written and in a finding, not in items.
    const inSet = (list: number[] | null) => (list ?? []).filter((n) => n >= 1 && n <= set.criteriaCount);
    const id = unitOf(a);
    if (a.kind === 'target' && a.targetScope === 'additional') {
      // A plan answers the planned state: the criteria met at the review it starts from plus those it adds.
      const baseline = reviewed.get(reviewKey(recordUnit(a, doc.units), a.criteriaSet, a.year - 1));
      if (!baseline) throw new Error(`${where}: the plan of ${a.unitCode} for ${a.year} adds criteria, but the document has no review of ${a.year - 1}`);
      const planned = plannedState(a.criteriaMet ?? [], baseline, set.criteriaCount, a.cumulativeCount);
      if (planned.cumulativeMismatch) {
        const { printed, computed } = planned.cumulativeMismatch;
        checks.push({
          unitId: id,
          rawValue: `Lũy kế số tiêu chí đạt: ${printed}`,
          reading: `Planned total taken as ${computed}: the criteria met at the review plus those the plan adds.`,
          readingVi: `Tổng số tiêu chí theo kế hoạch lấy là ${computed}: các tiêu chí đã đạt khi rà soát cộng các tiêu chí phấn đấu.`,
          reason: `The cumulative count printed (${printed}) differs from the criteria met at the review plus those added (${computed}).`,
          reasonVi: `Số lũy kế in trong văn bản (${printed}) khác với số tiêu chí đã đạt khi rà soát cộng số tiêu chí phấn đấu (${computed}).`,
          ref: a.source.ref,
        });
      }
      return {
        ...assessmentRow(a, id, set.id, ctx),
        note: [
          a.note,
          `Planned state: the ${inSet(baseline).length} criteria met at the ${a.year - 1} review plus the ${inSet(a.criteriaMet).length} the plan adds.`,
        ]
          .filter(Boolean)
          .join(' '),
        met: planned.met,
        not_met: planned.notMet,
      };
    }
    const notMet = a.criteriaNotMet ? inSet(a.criteriaNotMet) : completeReview(a, set.criteriaCount);
    return {
      ...assessmentRow(a, id, set.id, ctx),
      note:
        [
          a.note,
          notMet.length && !a.criteriaNotMet ? 'Criteria not listed are read as not met: the review lists every criterion met and prints their number.' : null,
        ]
          .filter(Boolean)
          .join(' ') || null,
      met: inSet(a.criteriaMet),
      not_met: notMet,
    };
  });
  await insertAssessments(em, assessments);

  for (const r of doc.recognitions ?? []) {
    const status = recognitionStatuses[r.status];
    if (!status) throw new Error(`${where}: unknown recognition status ${r.status}`);
    const year = r.year ?? issuedIn;
    if (!year) throw new Error(`${where}: recognition of ${r.unitCode} has no year`);
    em.create(Recognition, {
      unit: em.getReference(AdminUnit, unitOf(r)),
      tier: r.tier,
      status,
      decisionNumber: r.decisionNumber ?? undefined,
      decidedOn: r.date ?? undefined,
      year,
      ...provenance(ctx, r.source, r.asWritten, r.year ? r.note : `${r.note ?? ''} Year not stated: taken as the document's year (${year}).`.trim()),
    } as Recognition);
  }
  for (const t of doc.targets ?? []) {
    em.create(Target, {
      unit: em.getReference(AdminUnit, unitOf(t)),
      criteriaSet: setOf(ctx, t.criteriaSet, where),
      year: t.year ?? undefined,
      tier: t.tier ?? undefined,
      criteria: t.criteria ?? [],
      criteriaCount: t.criteriaCount ?? undefined,
      text: toNfc(t.text),
      ...provenance(ctx, t.source, t.asWritten, t.note),
    } as Target);
  }
  for (const v of doc.indicatorValues ?? []) {
    const value = `${v.comparator && v.comparator !== '=' ? `${v.comparator} ` : ''}${v.value}`;
    const number = Number(String(v.value).replace(',', '.'));
    em.create(IndicatorValue, {
      unit: em.getReference(AdminUnit, unitOf(v)),
      criteriaSet: setOf(ctx, v.criteriaSet, where),
      indicatorCode: v.indicator ?? undefined,
      year: v.year,
      kind: v.kind,
      value,
      valueNumber: Number.isFinite(number) ? number : undefined,
      unitOfMeasure: v.unit ?? undefined,
      ...provenance(ctx, v.source, v.asWritten, v.note),
    } as IndicatorValue);
  }
  for (const g of doc.reportedAggregates ?? []) {
    em.create(ReportedAggregate, {
      unit: em.getReference(AdminUnit, unitOf(g)),
      year: g.year ?? undefined,
      kind: g.kind ?? 'actual',
      metric: g.metric,
      criteriaSet: setOf(ctx, g.criteriaSet, where),
      criterion: g.criterion ?? undefined,
      band: g.band ?? undefined,
      value: g.value ?? undefined,
      demoFitted: fitsDemoData(g),
      ...provenance(ctx, g.source, g.asWritten, g.note),
    } as ReportedAggregate);
  }
  // A finding names its commune in the raw value when it has no unitAsWritten; failing that, it
  // stays on the successor (a finding about a name may concern either former commune).
  const findingUnit = (f: SeedFinding) => {
    try {
      return unitOf({ unitCode: f.unitCode!, unitAsWritten: f.unitAsWritten ?? f.rawValue ?? undefined });
    } catch {
      return unitId(ctx, { codeList: currentCodeList, code: f.unitCode! }, where);
    }
  };
  for (const f of doc.findings ?? []) {
    em.create(DataQualityFinding, {
      sourceDocument: ctx.documents.get(f.source.document),
      unit: f.unitCode ? em.getReference(AdminUnit, findingUnit(f)) : undefined,
      kind: f.kind,
      severity: f.severity,
      rawValue: f.rawValue ?? undefined,
      reading: f.reading,
      readingVi: f.readingVi ? toNfc(f.readingVi) : undefined,
      reason: f.reason,
      reasonVi: f.reasonVi ? toNfc(f.reasonVi) : undefined,
      sourceRef: f.source.ref,
      origin: 'transcription',
    } as DataQualityFinding);
  }
  for (const c of checks) {
    em.create(DataQualityFinding, {
      sourceDocument: ctx.documents.get(doc.document),
      unit: em.getReference(AdminUnit, c.unitId),
      kind: 'count-mismatch',
      severity: 'warning',
      rawValue: c.rawValue,
      reading: c.reading,
      readingVi: c.readingVi,
      reason: c.reason,
      reasonVi: c.reasonVi,
      sourceRef: c.ref,
      origin: 'check',
    } as DataQualityFinding);
  }
  for (const alias of documentAliases(doc)) {
    em.create(UnitAlias, {
      unit: em.getReference(AdminUnit, unitId(ctx, alias.unit, where)),
      name: alias.name,
      nameSearch: searchKey(alias.name),
      sourceDocument: ctx.documents.get(doc.document)!,
      sourceRef: alias.ref,
    });
  }
  const villages = await loadVillages(em, doc, ctx);
  let flags = 0;
  for (const unit of doc.units) {
    if (!unit.flags?.dbkk) continue;
    em.create(UnitFlag, {
      unit: em.getReference(AdminUnit, unitOf({ unitCode: unit.code, code2019: unit.code2019 })),
      flag: 'dbkk',
      basis: 'stated',
      sourceDocument: ctx.documents.get(unit.flagsSource?.document ?? doc.document),
      sourceRef: unit.flagsSource?.ref,
    } as UnitFlag);
    flags++;
  }
  await em.flush();
  return {
    assessments: assessments.length,
    recognitions: doc.recognitions?.length ?? 0,
    targets: doc.targets?.length ?? 0,
    indicatorValues: doc.indicatorValues?.length ?? 0,
    reportedAggregates: doc.reportedAggregates?.length ?? 0,
    findings: doc.findings?.length ?? 0,
    findingsChecked: checks.length,
    villages,
    flagsStated: flags,
  };
}

function assessmentRow(a: SeedAssessment, unitId: number, setId: number, ctx: LoadContext) {
  return {
    unit_id: unitId,
    criteria_set_id: setId,
    year: a.year,
    kind: a.kind,
    synthetic: false,
    source_document_id: ctx.documents.get(a.source.document)!.id,
    source_ref: a.source.ref ?? null,
    as_written: a.asWritten ? toNfc(a.asWritten) : null,
  };
}

const villageTiers: Record<string, Tier> = { 'model-village': Tier.MODEL, 'ntm-village': Tier.STANDARD };

/**
 * The villages (thôn, bản) a document names become units below their commune, in their own code
 * list (no GSO code exists for them), with the plan the document gives for each.
 */
async function loadVillages(em: EntityManager, doc: SeedDocumentFile, ctx: LoadContext): Promise<number> {
  let count = 0;
  for (const v of doc.villages ?? []) {
    const where = `seeds/docs ${doc.document} village ${v.asWritten}`;
    const commune = await em.findOneOrFail(AdminUnit, { id: unitId(ctx, { codeList: currentCodeList, code: v.communeCode }, where) });
    const name = villageName(v.asWritten);
    const code = villageCode(v.communeCode, name);
    const village =
      (await em.findOne(AdminUnit, { code, codeList: villageCodeList })) ??
      em.create(AdminUnit, {
        code,
        codeList: villageCodeList,
        name,
        shortName: shortName(name, 'Thôn'),
        nameSearch: searchKey(name),
        level: AdminLevel.VILLAGE,
        kind: 'Thôn',
        parent: commune,
      } as AdminUnit);
    count++;
    if (v.kind === 'target' && v.title) {
      em.create(Target, {
        unit: village,
        year: v.year ?? undefined,
        tier: villageTiers[v.title],
        criteria: [],
        text: toNfc(
          `${v.asWritten}: ${v.title === 'model-village' ? 'thôn nông thôn mới kiểu mẫu' : 'thôn nông thôn mới'}${v.period ? ` (${v.period})` : v.year ? ` (${v.year})` : ''}`,
        ),
        synthetic: false,
        ...provenance(ctx, v.source, v.asWritten, [v.period ? `Period: ${v.period}.` : null, v.note].filter(Boolean).join(' ') || null),
      } as unknown as Target);
    }
  }
  await em.flush();
  return count;
}

/** "thôn Hoàng Vân" → "Thôn Hoàng Vân"; a bare name ("Sín Chải") is a thôn too. */
function villageName(asWritten: string): string {
  const name = toNfc(asWritten.trim());
  const typed = /^(thôn|bản|làng|xóm|tổ dân phố)\s/i.exec(name);
  return typed ? name.charAt(0).toUpperCase() + name.slice(1) : `Thôn ${name}`;
}

/**
 * A review that lists the criteria met and prints their count (002's annexes) says the others are
 * not met. Only when the list is whole and every number belongs to the set; otherwise the others
 * stay unknown.
 */
function completeReview(a: SeedAssessment, criteriaCount: number): number[] {
  const met = a.criteriaMet ?? [];
  const whole = a.kind === 'actual' && a.criteriaCount === met.length && met.every((n) => n >= 1 && n <= criteriaCount);
  return whole ? criteriaNotIn(met, criteriaCount) : [];
}

async function flagBorderCommunes(em: EntityManager, units: UnitIndex): Promise<number> {
  const rows = await em
    .getConnection()
    .execute<{ code: string }[]>(borderCommunesSql, [currentCodeList, `{${borderProvinces.join(',')}}`, currentCodeList], 'all', em.getTransactionContext());
  for (const row of rows) {
    em.create(UnitFlag, {
      unit: em.getReference(AdminUnit, units.get(`${currentCodeList}:${row.code}`)!),
      flag: 'border',
      basis: 'assumed',
      note: 'Derived from the boundaries: the commune runs along the national land border for more than 1 km. No source document lists the border communes.',
    } as UnitFlag);
  }
  await em.flush();
  return rows.length;
}
