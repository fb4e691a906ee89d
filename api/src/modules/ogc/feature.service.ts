import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../../errors/domain-errors.ts';
import { AssessmentKind } from '../assessments/assessment.entity.ts';
import { matchesStatusFilter } from '../status/status-filter.ts';
import { StatusService } from '../status/status.service.ts';
import type { UnitStatus } from '../status/unit-status.type.ts';
import { epsg4326, type FeatureQuery } from './feature-query.ts';
import { FeatureRepository, type CollectionRow, type FeatureRow, type GeometryOutput } from './feature.repository.ts';

/** A feature collection: the units of one level in one code list. */
export interface Collection {
  id: string;
  codeList: string;
  level: string;
  unitCount: number;
  validFrom: string | null;
  validTo: string | null;
  bbox: [number, number, number, number];
}

const plural: Record<string, string> = { province: 'provinces', district: 'districts', commune: 'communes' };

/** `communes-2025-03` for the communes of code list gso-2025-03. */
export function collectionId(level: string, codeList: string): string {
  return `${plural[level] ?? level}-${codeList.replace(/^gso-/, '')}`;
}

function toCollection(row: CollectionRow): Collection {
  return {
    id: collectionId(row.level, row.code_list),
    codeList: row.code_list,
    level: row.level,
    unitCount: row.unit_count,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    bbox: [row.west, row.south, row.east, row.north],
  };
}

/** The status a feature carries: that of the year asked, or null when the unit has no assessment that year. */
export interface FeatureStatus {
  year: number;
  criteriaSet: string | null;
  criteriaMet: number | null;
  criteriaTotal: number | null;
  band: string;
  tier: string | null;
  /** The status comes from demo (synthetic) data, null when not assessed. */
  demo: boolean | null;
  missing: number[];
}

export interface Feature {
  row: FeatureRow;
  status: FeatureStatus;
}

export interface FeaturePage {
  collection: Collection;
  year: number | null;
  numberMatched: number;
  features: Feature[];
}

function toFeatureStatus(year: number, status: UnitStatus | undefined): FeatureStatus {
  if (!status) return { year, criteriaSet: null, criteriaMet: null, criteriaTotal: null, band: 'no-data', tier: null, demo: null, missing: [] };
  return {
    year,
    criteriaSet: status.criteriaSet,
    criteriaMet: status.criteriaMet,
    criteriaTotal: status.criteriaTotal,
    band: status.band,
    tier: status.tier ?? null,
    demo: status.synthetic,
    missing: status.missing,
  };
}

/** Collections and their features, with the status of a year; the routes only shape what this returns. */
export class FeatureService {
  private readonly repository: FeatureRepository;
  private readonly statuses: StatusService;

  constructor(
    em: EntityManager,
    private readonly demoByDefault = true,
  ) {
    this.repository = new FeatureRepository(em);
    this.statuses = new StatusService(em);
  }

  async collections(): Promise<Collection[]> {
    return (await this.repository.collections()).map(toCollection);
  }

  async collection(id: string): Promise<Collection> {
    const found = (await this.collections()).find((c) => c.id === id);
    if (!found) throw new NotFoundError('Collection', id);
    return found;
  }

  /** One page of features; numberMatched counts every feature passing the filters. */
  async page(collection: Collection, query: FeatureQuery, output: GeometryOutput): Promise<FeaturePage> {
    const candidates = await this.repository.candidateIds({
      codeList: collection.codeList,
      level: collection.level,
      bbox: query.bbox,
      code: query.code,
      provinceCode: query.provinceCode,
      districtCode: query.districtCode,
      within: query.within,
      border: query.border,
      dbkk: query.dbkk,
    });
    const year = query.year ?? (await this.repository.latestAssessedYear(collection.level));
    // demo=false: documented statuses only; demo=true: demo ones too (and the filter keeps only them).
    const statusQuery = year === null ? null : { year, kind: AssessmentKind.ACTUAL, includeDemo: query.demo ?? this.demoByDefault };
    const filter = { bandIn: query.band, missingCriterion: query.missing, tier: query.tier, synthetic: query.demo };
    const filtering = Boolean(filter.bandIn?.length || filter.missingCriterion || filter.tier || filter.synthetic !== undefined);
    let matched = candidates;
    let statuses = new Map<number, UnitStatus>();
    if (filtering && statusQuery) {
      // The planners' filter: the same statuses and the same test as GraphQL's units(filter:).
      statuses = await this.statuses.statuses(candidates, statusQuery);
      matched = candidates.filter((id) => matchesStatusFilter(statuses.get(id) ?? null, filter));
    } else if (filtering) {
      matched = candidates.filter(() => matchesStatusFilter(null, filter));
    }
    const pageIds = matched.slice(query.offset, query.offset + query.limit);
    if (!filtering && statusQuery && pageIds.length) statuses = await this.statuses.statuses(pageIds, statusQuery);
    const rows = await this.repository.rows(pageIds, { simplify: query.simplify, flip: query.crs === epsg4326, output });
    return {
      collection,
      year,
      numberMatched: matched.length,
      features: rows.map((row) => ({ row, status: year === null ? toFeatureStatus(0, undefined) : toFeatureStatus(year, statuses.get(row.id)) })),
    };
  }

  /** One feature by its id (the GSO code) in a collection. */
  async feature(collection: Collection, code: string, query: FeatureQuery): Promise<Feature & { year: number | null }> {
    const page = await this.page(collection, { ...query, code: [code], offset: 0, limit: 1 }, 'geojson');
    const [feature] = page.features;
    if (!feature) throw new NotFoundError('Feature', `${code} in ${collection.id}`);
    return { ...feature, year: page.year };
  }
}
