import type { EntityManager } from '@mikro-orm/postgresql';
import { AdminUnit } from '../admin-units/admin-unit.entity.ts';
import type { Access } from '../auth/access.ts';
import { InvalidInputError } from '../../errors/domain-errors.ts';

/** The unit a write targets, loaded in the write's transaction, once the actor may write there. */
export async function writableUnit(tx: EntityManager, access: Access, unitCode: string): Promise<AdminUnit> {
  access.requireWriter();
  const unit = await tx.getRepository(AdminUnit).findLatestByCode(unitCode);
  if (!unit) throw new InvalidInputError(`No unit has the code ${unitCode}`, { field: 'unitCode' });
  await access.requireScope(tx, unit);
  return unit;
}
