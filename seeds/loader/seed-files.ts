import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { CommuneGroupDefinition, RelatedFrame } from '../../api/src/modules/criteria/criteria-set.entity.ts';

/** A reference to where a fact is in a document. */
export interface SourceRef {
  document: string;
  ref?: string;
}

export interface DocumentRecord {
  key: string;
  number?: string | null;
  issuer?: string | null;
  date?: string | null;
  title: string;
  kind: string;
  signer?: string | { name?: string } | null;
}

export interface CriteriaSetFile {
  code: string;
  name: { vi: string; en: string };
  level: 'commune' | 'district';
  tier: string;
  legalBasis: string | null;
  validFrom: number;
  validTo: number;
  basedOn: string | null;
  province: string | null;
  bands: { code: string; min: number; max: number; meetsStandard?: boolean; label: { vi: string; en: string } }[];
  bandsNote?: string | null;
  transcriptionNote?: string | null;
  indicatorCountStated?: number | null;
  communeGroups?: CommuneGroupDefinition[];
  relatedFrames?: RelatedFrame[];
  criteria: {
    number: number;
    group?: { code?: string | null; vi?: string; en?: string } | null;
    name: { vi: string; en: string };
    source?: SourceRef | null;
    note?: string | null;
    indicators?: {
      code: string;
      name?: { vi?: string | null; en?: string | null } | null;
      unit?: string | null;
      threshold?: unknown;
      agency?: unknown;
      source?: SourceRef | null;
      note?: string | null;
    }[];
  }[];
}

/** seeds/commune-groups.json: the commune group of Decision 51/2025 per commune, where a source states it. */
export interface CommuneGroupsFile {
  note: string;
  assignments: { codeList: string; unitCode: string; group: number; validFrom: string; validTo?: string | null; source: SourceRef }[];
}

export interface SeedUnit {
  asWritten: string;
  district?: string | null;
  level: string;
  code: string;
  resolution: string;
  code2019?: string;
  mergedRound?: '2019-2020' | '2024-2025';
  flags?: Record<string, boolean>;
  flagsSource?: SourceRef;
  note?: string;
}

interface Sourced {
  source: SourceRef;
  asWritten?: string | null;
  note?: string | null;
  unitCode: string;
  unitAsWritten?: string;
  code2019?: string;
}

export interface SeedAssessment extends Sourced {
  year: number;
  kind: 'actual' | 'target';
  criteriaSet: string;
  criteriaMet: number[] | null;
  criteriaNotMet: number[] | null;
  /** The count as printed. */
  criteriaCount?: number | null;
  /** 'additional': criteriaMet lists only the criteria the plan adds to those met at the review. */
  targetScope?: 'additional';
  /** The cumulative count of criteria the document prints for the plan ("Lũy kế số tiêu chí đạt"). */
  cumulativeCount?: number | null;
}

export interface SeedRecognition extends Sourced {
  tier: 'standard' | 'advanced' | 'model';
  status: string;
  decisionNumber?: string | null;
  date?: string | null;
  year?: number | null;
  criteriaSet?: string | null;
}

export interface SeedTarget extends Sourced {
  year?: number | null;
  tier?: 'standard' | 'advanced' | 'model' | null;
  criteriaSet?: string | null;
  criteriaCount?: number | null;
  criteria?: number[];
  text: string;
}

export interface SeedIndicatorValue extends Sourced {
  year: number;
  kind: 'actual' | 'target';
  criteriaSet?: string | null;
  indicator: string | null;
  value: string | number;
  unit?: string | null;
  comparator?: string | null;
}

export interface SeedAggregate extends Sourced {
  year?: number | null;
  kind: 'actual' | 'target';
  metric: string;
  criteriaSet?: string | null;
  criterion?: number | null;
  band?: string | null;
  value?: number | null;
}

export interface SeedFinding {
  kind: string;
  severity: string;
  unitCode?: string | null;
  unitAsWritten?: string;
  rawValue?: string | null;
  reading: string;
  readingVi?: string | null;
  reason: string;
  reasonVi?: string | null;
  source: SourceRef;
}

/** A village (thôn, bản) a document names, below its commune. */
export interface SeedVillage {
  asWritten: string;
  communeCode: string;
  /** model-village (thôn NTM kiểu mẫu) or ntm-village (thôn NTM), when the document gives one. */
  title?: 'model-village' | 'ntm-village' | null;
  /** target: the document plans the title; otherwise it only names the village. */
  kind?: 'target' | null;
  year?: number | null;
  period?: string | null;
  source: SourceRef;
  note?: string | null;
}

export interface SeedDocumentFile {
  document: string;
  documentRecord: DocumentRecord & { datePartial?: string };
  units: SeedUnit[];
  assessments?: SeedAssessment[];
  recognitions?: SeedRecognition[];
  targets?: SeedTarget[];
  indicatorValues?: SeedIndicatorValue[];
  reportedAggregates?: SeedAggregate[];
  villages?: SeedVillage[];
  findings?: SeedFinding[];
}

export interface SeedFiles {
  documents: DocumentRecord[];
  criteriaSets: CriteriaSetFile[];
  docs: SeedDocumentFile[];
  /** Absent in a seeds folder without the file: no group known. */
  communeGroups: CommuneGroupsFile['assignments'];
  checksum: string;
}

/** The year a document was issued, from its date or its partial date (a blank day: "2024-01"). */
export function documentYear(doc: SeedDocumentFile): number | undefined {
  return Number((doc.documentRecord.date ?? doc.documentRecord.datePartial ?? '').slice(0, 4)) || undefined;
}

/** The numbers 1…criteriaCount that are not in `met`, ascending. */
export function criteriaNotIn(met: readonly number[], criteriaCount: number): number[] {
  return Array.from({ length: criteriaCount }, (_, i) => i + 1).filter((n) => !met.includes(n));
}

function jsonFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Reads seeds/ (documents.json, criteria/*.json, docs/*.json, commune-groups.json) with a checksum over every byte read. */
export function readSeedFiles(seedsDir: string, generatorVersion: string): SeedFiles {
  const hash = crypto.createHash('sha256').update(generatorVersion);
  const read = <T>(file: string): T => {
    const text = fs.readFileSync(file, 'utf8');
    hash.update(path.relative(seedsDir, file)).update(text);
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new Error(`${path.relative(seedsDir, file)}: ${(error as Error).message}`);
    }
  };
  const documents = read<DocumentRecord[]>(path.join(seedsDir, 'documents.json'));
  const criteriaSets = jsonFiles(path.join(seedsDir, 'criteria')).map((f) => read<CriteriaSetFile>(f));
  const docs = jsonFiles(path.join(seedsDir, 'docs')).map((f) => read<SeedDocumentFile>(f));
  const groupsFile = path.join(seedsDir, 'commune-groups.json');
  const communeGroups = fs.existsSync(groupsFile) ? read<CommuneGroupsFile>(groupsFile).assignments : [];
  return { documents, criteriaSets, docs, communeGroups, checksum: hash.digest('hex') };
}
