import type { EntityManager } from '@mikro-orm/postgresql';
import { CriteriaSet } from '../criteria/criteria-set.entity.ts';
import { InvalidInputError } from '../../errors/domain-errors.ts';
import { toNfc } from '../../text/vietnamese.ts';
import type { Access } from '../auth/access.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { TargetInput } from './assessment.input.ts';
import { Target } from './target.entity.ts';
import { writableUnit } from './writable-unit.ts';

/**
 * Sets a unit's plan for a year in one audited transaction. It replaces the user-entered target of the
 * same year, set and tier; targets transcribed from documents stay as they are.
 */
export class TargetService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: Access,
  ) {}

  async set(input: TargetInput): Promise<Target> {
    return this.em.transactional(async (tx) => {
      const unit = await writableUnit(tx, this.access, input.unitCode, input.year);
      let set: CriteriaSet | null = null;
      if (input.set) {
        set = await tx.findOne(CriteriaSet, { code: input.set }, { populate: ['criteria'] });
        if (!set) throw new InvalidInputError(`No criteria set ${input.set}`, { field: 'set' });
        if (set.level !== unit.level) throw new InvalidInputError(`${set.code} assesses ${set.level} units; ${unit.code} is a ${unit.level}`, { field: 'set' });
        const numbers = new Set(set.criteria.getItems().map((c) => c.number));
        const outside = input.criteria.filter((n) => !numbers.has(n));
        if (outside.length) throw new InvalidInputError(`Criteria ${outside.join(', ')} are not in ${set.code}`, { field: 'criteria' });
        if (input.criteriaCount !== undefined && input.criteriaCount > set.criteriaCount) {
          throw new InvalidInputError(`${set.code} has ${set.criteriaCount} criteria, not ${input.criteriaCount}`, { field: 'criteriaCount' });
        }
      } else if (input.criteria.length) {
        throw new InvalidInputError('Criteria numbers need the set they belong to', { field: 'set' });
      }
      if (!input.tier && !input.criteria.length && input.criteriaCount === undefined) {
        throw new InvalidInputError('A target needs a tier, criteria or a number of criteria', { field: 'tier' });
      }
      const existing = await tx.findOne(
        Target,
        { unit, year: input.year, criteriaSet: set, tier: input.tier ?? null, sourceDocument: null },
        { populate: ['criteriaSet'], orderBy: { id: 'asc' } },
      );
      const before = existing ? snapshot(existing) : null;
      const target =
        existing ?? tx.create(Target, { unit, year: input.year, criteriaSet: set ?? undefined, tier: input.tier, criteria: [], text: '', synthetic: false });
      Object.assign(target, {
        criteria: [...input.criteria].sort((a, b) => a - b),
        criteriaCount: input.criteriaCount ?? undefined,
        text: toNfc(input.text.trim()),
        synthetic: false,
      });
      await tx.flush();
      recordAudit(tx, {
        actor: this.access.actor,
        action: 'setTarget',
        entity: 'target',
        entityId: target.id,
        unitCode: unit.code,
        year: input.year,
        before,
        after: snapshot(target),
      });
      return target;
    });
  }
}

function snapshot(t: Target): Record<string, unknown> {
  return {
    year: t.year ?? null,
    set: t.criteriaSet?.code ?? null,
    tier: t.tier ?? null,
    criteria: [...t.criteria].map(Number),
    criteriaCount: t.criteriaCount ?? null,
    text: t.text,
    synthetic: t.synthetic,
  };
}
