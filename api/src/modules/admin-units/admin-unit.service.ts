import type { AdminUnitRepository } from './admin-unit.repository.ts';
import type { AdminUnit } from './admin-unit.entity.ts';
import type { UnitFilter, UnitsArgs } from './admin-unit.args.ts';
import { decodeCursor, toConnection, type AdminUnitConnection } from './admin-unit.connection.ts';
import { InvalidInputError } from '../../errors/domain-errors.ts';
import { searchKey } from '../../text/vietnamese.ts';
import { AssessmentKind } from '../assessments/assessment.entity.ts';
import { matchesStatusFilter } from '../status/status-filter.ts';
import type { StatusService } from '../status/status.service.ts';
import { asOfForYear, codeListInForce, today } from './code-lists.ts';

/** The time rule for a list: asOf, else 31 December of the filter's year, else today. */
export function filterDate(filter: Pick<Partial<UnitFilter>, 'asOf' | 'year'>): string {
  return filter.asOf ?? (filter.year ? asOfForYear(filter.year) : today());
}

export class AdminUnitService {
  constructor(
    private readonly units: AdminUnitRepository,
    private readonly statuses?: StatusService,
    private readonly demoByDefault = true,
  ) {}

  getByCode(code: string, options: { codeList?: string; asOf?: string } = {}): Promise<AdminUnit> {
    return this.units.getByCode(code, options);
  }

  async list({ filter: given, first, after }: UnitsArgs): Promise<AdminUnitConnection> {
    const filter: Partial<UnitFilter> = given ?? {};
    const asOf = filterDate(filter);
    const parentId = filter.parentCode ? (await this.getByCode(filter.parentCode, { asOf })).id : undefined;
    const withinId = filter.withinCode ? (await this.getByCode(filter.withinCode, { asOf })).id : undefined;
    const key = filter.search === undefined ? undefined : searchKey(filter.search);
    if (key === '') {
      throw new InvalidInputError('search must contain at least one letter or digit', { field: 'filter.search' });
    }
    // A search also reaches units through the former names of their predecessors.
    const found = key ? await this.units.searchWithFormerNames(key, filter.includeFormer ? null : codeListInForce(asOf)) : undefined;
    const base = {
      asOf,
      level: filter.level,
      parentId,
      withinId,
      includeFormer: filter.includeFormer,
      flags: filter.flags,
      ids: found ? [...found.keys()] : undefined,
    };
    const ids = hasStatusFilter(filter) ? await this.idsMatchingStatus(base, filter) : base.ids;
    // Fetch one more than asked to learn whether another page follows.
    const { units, totalCount } = await this.units.findPage({
      ...base,
      ids,
      after: after ? decodeCursor(after) : undefined,
      limit: first + 1,
    });
    const page = units.slice(0, first);
    const formerIds = [...new Set(page.flatMap((u) => found?.get(u.id) ?? []))];
    const former = new Map((formerIds.length ? await this.units.findByIds(formerIds) : []).map((u) => [u.id, u]));
    const matched = new Map(page.map((u) => [u.id, (found?.get(u.id) ?? []).map((id) => former.get(id)!).filter(Boolean)]));
    return toConnection(page, totalCount, units.length > first, matched);
  }

  private async idsMatchingStatus(base: Parameters<AdminUnitRepository['findIds']>[0], filter: Partial<UnitFilter>): Promise<number[]> {
    if (!filter.year) throw new InvalidInputError('year is required to filter by band, criterion, tier or synthetic', { field: 'filter.year' });
    if (!this.statuses) throw new Error('AdminUnitService needs the StatusService to filter by status');
    // Filtering on synthetic=true asks for demo statuses, so they count whatever the default.
    const query = {
      year: filter.year,
      setCode: filter.set,
      kind: AssessmentKind.ACTUAL,
      includeDemo: filter.includeDemo ?? filter.synthetic ?? this.demoByDefault,
    };
    await this.statuses.validateQuery(query);
    const candidates = await this.units.findIds(base);
    const statuses = await this.statuses.statuses(candidates, query);
    return candidates.filter((id) => matchesStatusFilter(statuses.get(id) ?? null, filter));
  }
}

function hasStatusFilter(filter: Partial<UnitFilter>): boolean {
  return Boolean(filter.bandIn?.length || filter.missingCriterion || filter.tier || filter.synthetic !== undefined);
}
