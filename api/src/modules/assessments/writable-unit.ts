import type { EntityManager } from '@mikro-orm/postgresql';
import { AdminUnit } from '../admin-units/admin-unit.entity.ts';
import type { Access } from '../auth/access.ts';
import { InvalidInputError } from '../../errors/domain-errors.ts';
import { asOfForYear } from '../admin-units/code-lists.ts';

/**
 * The unit a write targets, loaded in the write's transaction, once the actor may write there. The
 * code means the unit in force on 31 December of the write's year (codes were re-used in 2025), or
 * else, for a unit that was no longer in force then, the last unit that carried the code.
 */
export async function writableUnit(tx: EntityManager, access: Access, unitCode: string, year: number): Promise<AdminUnit> {
  access.requireWriter();
  const units = tx.getRepository(AdminUnit);
  const unit = (await units.findInForce(unitCode, asOfForYear(year))) ?? (await units.findLatestByCode(unitCode));
  if (!unit) throw new InvalidInputError(`No unit has the code ${unitCode}`, { field: 'unitCode' });
  await access.requireScope(tx, unit);
  return unit;
}
