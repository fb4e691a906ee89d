import type { AdminUnitRepository } from './admin-unit.repository.ts';
import type { AdminUnit } from './admin-unit.entity.ts';
import type { UnitFilter, UnitsArgs } from './admin-unit.args.ts';
import { decodeCursor, toConnection, type AdminUnitConnection } from './admin-unit.connection.ts';
import { InvalidInputError, NotFoundError } from '../../errors/domain-errors.ts';
import { searchKey } from '../../text/vietnamese.ts';

export class AdminUnitService {
  constructor(private readonly units: AdminUnitRepository) {}

  async getByCode(code: string, codeList?: string): Promise<AdminUnit> {
    const unit = await this.units.findLatestByCode(code, codeList);
    if (!unit) throw new NotFoundError('AdminUnit', codeList ? `${code} in ${codeList}` : code);
    return unit;
  }

  async list({ filter: given, first, after }: UnitsArgs): Promise<AdminUnitConnection> {
    const filter: Partial<UnitFilter> = given ?? {};
    if (filter.parentCode) await this.getByCode(filter.parentCode);
    const key = filter.search === undefined ? undefined : searchKey(filter.search);
    if (key === '') {
      throw new InvalidInputError('search must contain at least one letter or digit', { field: 'filter.search' });
    }
    // Fetch one more than asked to learn whether another page follows.
    const { units, totalCount } = await this.units.findPage({
      level: filter.level,
      parentCode: filter.parentCode,
      searchKey: key,
      includeFormer: filter.includeFormer,
      after: after ? decodeCursor(after) : undefined,
      limit: first + 1,
    });
    return toConnection(units.slice(0, first), totalCount, units.length > first);
  }
}
