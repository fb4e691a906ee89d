import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidInputError } from '../../errors/domain-errors.ts';
import { toNfc } from '../../text/vietnamese.ts';
import type { Access } from '../auth/access.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { RecognitionInput } from './assessment.input.ts';
import { Recognition } from './recognition.entity.ts';
import { writableUnit } from './writable-unit.ts';
import { enteredByUser } from './provenance.ts';

/** Records a recognition step (tier, decision number, date) in one audited transaction. */
export class RecognitionService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: Access,
  ) {}

  async record(input: RecognitionInput): Promise<Recognition> {
    return this.em.transactional(async (tx) => {
      const unit = await writableUnit(tx, this.access, input.unitCode, input.year);
      if (input.decidedOn) checkDate(input.decidedOn, input.year);
      const existing = await tx.findOne(
        Recognition,
        { unit, tier: input.tier, status: input.status, year: input.year },
        { populate: ['sourceDocument'], orderBy: { id: 'asc' } },
      );
      const before = existing ? snapshot(existing) : null;
      const recognition = existing ?? tx.create(Recognition, { unit, tier: input.tier, status: input.status, year: input.year, synthetic: false });
      Object.assign(recognition, {
        decisionNumber: input.decisionNumber ? toNfc(input.decisionNumber.trim()) : undefined,
        decidedOn: input.decidedOn ?? undefined,
        note: input.note ? toNfc(input.note) : undefined,
        ...enteredByUser,
      });
      await tx.flush();
      recordAudit(tx, {
        actor: this.access.actor,
        action: 'recordRecognition',
        entity: 'recognition',
        entityId: recognition.id,
        unitCode: unit.code,
        year: input.year,
        before,
        after: snapshot(recognition),
      });
      return recognition;
    });
  }
}

/** The date must exist (no 31 February) and fall in the step's year. */
function checkDate(decidedOn: string, year: number) {
  const [y, m, d] = decidedOn.split('-').map(Number);
  if (y !== year) throw new InvalidInputError(`decidedOn ${decidedOn} is not in ${year}`, { field: 'decidedOn' });
  if (d !== undefined) {
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCMonth() !== m - 1) throw new InvalidInputError(`decidedOn ${decidedOn} is not a date`, { field: 'decidedOn' });
  }
}

function snapshot(r: Recognition): Record<string, unknown> {
  return {
    tier: r.tier,
    status: r.status,
    year: r.year,
    decisionNumber: r.decisionNumber ?? null,
    decidedOn: r.decidedOn ?? null,
    note: r.note ?? null,
    synthetic: r.synthetic,
    sourceDocument: r.sourceDocument?.key ?? null,
  };
}
