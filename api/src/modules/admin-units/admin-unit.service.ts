import type { AdminUnitRepository } from './admin-unit.repository.ts';
import type { AdminUnit } from './admin-unit.entity.ts';
import type { UnitFilter, UnitsArgs } from './admin-unit.args.ts';
import { decodeCursor, toConnection, type AdminUnitConnection } from './admin-unit.connection.ts';
import { InvalidInputError } from '../../errors/domain-errors.ts';
import { searchKey } from '../../text/vietnamese.ts';
import { AssessmentKind } from '../assessments/assessment.entity.ts';
import { matchesStatusFilter } from '../status/status-filter.ts';
import type { StatusService } from '../status/status.service.ts';

export class AdminUnitService {
  constructor(
    private readonly units: AdminUnitRepository,
    private readonly statuses?: StatusService,
  ) {}

  getByCode(code: string, codeList?: string): Promise<AdminUnit> {
    return this.units.getLatestByCode(code, codeList);
  }

  async list({ filter: given, first, after }: UnitsArgs): Promise<AdminUnitConnection> {
    const filter: Partial<UnitFilter> = given ?? {};
    if (filter.parentCode) await this.getByCode(filter.parentCode);
    if (filter.withinCode) await this.getByCode(filter.withinCode);
    const key = filter.search === undefined ? undefined : searchKey(filter.search);
    if (key === '') {
      throw new InvalidInputError('search must contain at least one letter or digit', { field: 'filter.search' });
    }
    const base = {
      level: filter.level,
      parentCode: filter.parentCode,
      withinCode: filter.withinCode,
      searchKey: key,
      includeFormer: filter.includeFormer,
      flags: filter.flags,
    };
    const ids = hasStatusFilter(filter) ? await this.idsMatchingStatus(base, filter) : undefined;
    // Fetch one more than asked to learn whether another page follows.
    const { units, totalCount } = await this.units.findPage({
      ...base,
      ids,
      after: after ? decodeCursor(after) : undefined,
      limit: first + 1,
    });
    return toConnection(units.slice(0, first), totalCount, units.length > first);
  }

  private async idsMatchingStatus(base: Parameters<AdminUnitRepository['findIds']>[0], filter: Partial<UnitFilter>): Promise<number[]> {
    if (!filter.year) throw new InvalidInputError('year is required to filter by band, criterion, tier or synthetic', { field: 'filter.year' });
    if (!this.statuses) throw new Error('AdminUnitService needs the StatusService to filter by status');
    const query = { year: filter.year, setCode: filter.set, kind: AssessmentKind.ACTUAL };
    await this.statuses.validateQuery(query);
    const candidates = await this.units.findIds(base);
    const statuses = await this.statuses.statuses(candidates, query);
    return candidates.filter((id) => matchesStatusFilter(statuses.get(id) ?? null, filter));
  }
}

function hasStatusFilter(filter: Partial<UnitFilter>): boolean {
  return Boolean(filter.bandIn?.length || filter.missingCriterion || filter.tier || filter.synthetic !== undefined);
}
