import type { EntityManager } from '@mikro-orm/postgresql';
import { AdminUnit } from '../admin-units/admin-unit.entity.ts';
import { CriteriaSet } from '../criteria/criteria-set.entity.ts';
import { InvalidInputError } from '../../errors/domain-errors.ts';
import { toNfc } from '../../text/vietnamese.ts';
import { Assessment, AssessmentItem, ItemStatus } from './assessment.entity.ts';
import type { AssessmentInput } from './assessment.input.ts';
import { assessmentRuleViolations } from './assessment-rules.ts';

/** Records one assessment in one transaction; every rule is checked before anything is written. */
export class AssessmentService {
  constructor(private readonly em: EntityManager) {}

  async record(given: AssessmentInput): Promise<Assessment> {
    const input = { ...given, notMet: given.notMet ?? [] };
    return this.em.transactional(async (tx) => {
      const unit = await tx.getRepository(AdminUnit).findLatestByCode(input.unitCode);
      if (!unit) throw new InvalidInputError(`No unit has the code ${input.unitCode}`, { field: 'unitCode' });
      const set = await tx.findOne(CriteriaSet, { code: input.set }, { populate: ['criteria'] });
      if (!set) throw new InvalidInputError(`No criteria set ${input.set}`, { field: 'set' });
      this.check(input, unit, set);

      const existing = await tx.findOne(Assessment, { unit, criteriaSet: set, year: input.year, kind: input.kind }, { populate: ['items'] });
      const assessment = existing ?? tx.create(Assessment, { unit, criteriaSet: set, year: input.year, kind: input.kind, synthetic: false });
      Object.assign(assessment, { synthetic: false, sourceDocument: undefined, sourceRef: undefined, asWritten: undefined, note: input.note ? toNfc(input.note) : undefined });
      assessment.items.removeAll();
      for (const criterion of set.criteria) {
        const status = input.met.includes(criterion.number)
          ? ItemStatus.MET
          : input.notMet.includes(criterion.number)
            ? ItemStatus.NOT_MET
            : ItemStatus.UNKNOWN;
        assessment.items.add(tx.create(AssessmentItem, { assessment, criterion, status }));
      }
      await tx.flush();
      return assessment;
    });
  }

  private check(input: AssessmentInput & { notMet: number[] }, unit: AdminUnit, set: CriteriaSet) {
    const { code, level, validFrom, validTo, criteriaCount } = set;
    const rules = { code, level, validFrom, validTo, criteriaCount, criterionNumbers: set.criteria.getItems().map((c) => c.number) };
    const [violation] = assessmentRuleViolations(rules, unit, input.year, input.met, input.notMet);
    if (violation) throw new InvalidInputError(violation.message, { field: violation.field });
  }
}
