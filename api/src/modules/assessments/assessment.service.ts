import type { EntityManager } from '@mikro-orm/postgresql';
import type { AdminUnit } from '../admin-units/admin-unit.entity.ts';
import { CriteriaSet } from '../criteria/criteria-set.entity.ts';
import { Indicator } from '../criteria/indicator.entity.ts';
import { InvalidInputError } from '../../errors/domain-errors.ts';
import { toNfc } from '../../text/vietnamese.ts';
import type { Access } from '../auth/access.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { Assessment, AssessmentItem, ItemStatus } from './assessment.entity.ts';
import type { AssessmentInput, IndicatorValueInput } from './assessment.input.ts';
import { IndicatorValue } from './indicator-value.entity.ts';
import { writableUnit } from './writable-unit.ts';
import { enteredByUser } from './provenance.ts';
import { assessmentRuleViolations } from './assessment-rules.ts';

type CheckedInput = AssessmentInput & { notMet: number[]; indicators: IndicatorValueInput[] };

/**
 * Records one assessment, with its indicator values, in one transaction; the actor's scope and every
 * rule are checked before anything is written, and the audit entry is written with it.
 */
export class AssessmentService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: Access,
  ) {}

  async record(given: AssessmentInput): Promise<Assessment> {
    const input: CheckedInput = { ...given, notMet: given.notMet ?? [], indicators: given.indicators ?? [] };
    return this.em.transactional(async (tx) => {
      const unit = await writableUnit(tx, this.access, input.unitCode, input.year);
      const set = await tx.findOne(CriteriaSet, { code: input.set }, { populate: ['criteria'] });
      if (!set) throw new InvalidInputError(`No criteria set ${input.set}`, { field: 'set' });
      this.check(input, unit, set);
      const indicators = await this.checkIndicators(tx, input, set);

      const existing = await tx.findOne(
        Assessment,
        { unit, criteriaSet: set, year: input.year, kind: input.kind },
        { populate: ['items', 'items.criterion', 'sourceDocument'] },
      );
      const valuesBefore = await this.indicatorValues(tx, unit, set, input);
      const before = existing ? snapshot(existing, valuesBefore) : null;

      const assessment = existing ?? tx.create(Assessment, { unit, criteriaSet: set, year: input.year, kind: input.kind, synthetic: false });
      Object.assign(assessment, { ...enteredByUser, note: input.note ? toNfc(input.note) : undefined });
      // Items are updated in place: deleting and re-inserting would trip the (assessment, criterion) key.
      const items = new Map(existing ? existing.items.getItems().map((i) => [i.criterion.id, i]) : []);
      for (const criterion of set.criteria) {
        const status = input.met.includes(criterion.number)
          ? ItemStatus.MET
          : input.notMet.includes(criterion.number)
            ? ItemStatus.NOT_MET
            : ItemStatus.UNKNOWN;
        const item = items.get(criterion.id);
        if (item) item.status = status;
        else assessment.items.add(tx.create(AssessmentItem, { assessment, criterion, status }));
      }
      const valuesAfter = this.writeIndicatorValues(tx, unit, set, input, indicators, valuesBefore);
      await tx.flush();
      recordAudit(tx, {
        actor: this.access.actor,
        action: 'recordAssessment',
        entity: 'assessment',
        entityId: assessment.id,
        unitCode: unit.code,
        year: input.year,
        before,
        after: snapshot(assessment, valuesAfter),
      });
      return assessment;
    });
  }

  private check(input: CheckedInput, unit: AdminUnit, set: CriteriaSet) {
    const { code, level, validFrom, validTo, criteriaCount } = set;
    const rules = { code, level, validFrom, validTo, criteriaCount, criterionNumbers: set.criteria.getItems().map((c) => c.number) };
    const [violation] = assessmentRuleViolations(rules, unit, input.year, input.met, input.notMet);
    if (violation) throw new InvalidInputError(violation.message, { field: violation.field });
  }

  /** Each code must be an indicator of the set, or the number of a criterion of it, and given once. */
  private async checkIndicators(tx: EntityManager, input: CheckedInput, set: CriteriaSet): Promise<IndicatorValueInput[]> {
    if (!input.indicators.length) return [];
    const known = new Set([
      ...(await tx.find(Indicator, { criterion: { criteriaSet: set } })).map((i) => i.code),
      ...set.criteria.getItems().map((c) => String(c.number)),
    ]);
    const codes = input.indicators.map((i) => i.code);
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length) throw new InvalidInputError(`Indicators ${unknown.join(', ')} are not in ${set.code}`, { field: 'indicators' });
    const repeated = codes.filter((c, i) => codes.indexOf(c) !== i);
    if (repeated.length) throw new InvalidInputError(`Indicators ${[...new Set(repeated)].join(', ')} are given more than once`, { field: 'indicators' });
    return input.indicators;
  }

  private indicatorValues(tx: EntityManager, unit: AdminUnit, set: CriteriaSet, input: CheckedInput): Promise<IndicatorValue[]> {
    return tx.find(IndicatorValue, { unit, criteriaSet: set, year: input.year, kind: input.kind }, { orderBy: { indicatorCode: 'asc', id: 'asc' } });
  }

  /** Replaces the values of the indicators given; the others stay as they were. */
  private writeIndicatorValues(
    tx: EntityManager,
    unit: AdminUnit,
    set: CriteriaSet,
    input: CheckedInput,
    given: IndicatorValueInput[],
    current: IndicatorValue[],
  ): IndicatorValue[] {
    const result = [...current];
    for (const value of given) {
      const fields = {
        value: toNfc(value.value.trim()),
        valueNumber: value.valueNumber ?? undefined,
        unitOfMeasure: value.unitOfMeasure ? toNfc(value.unitOfMeasure) : undefined,
        ...enteredByUser,
        note: undefined,
      };
      const existing = current.filter((v) => v.indicatorCode === value.code);
      if (existing.length) {
        Object.assign(existing[0], fields);
        for (const extra of existing.slice(1)) {
          tx.remove(extra);
          result.splice(result.indexOf(extra), 1);
        }
      } else {
        result.push(tx.create(IndicatorValue, { unit, criteriaSet: set, indicatorCode: value.code, year: input.year, kind: input.kind, ...fields }));
      }
    }
    return result.sort((a, b) => (a.indicatorCode ?? '').localeCompare(b.indicatorCode ?? '', 'en', { numeric: true }));
  }
}

/** The assessment as the audit trail keeps it: outcomes by criterion number, indicator values, source. */
function snapshot(assessment: Assessment, values: IndicatorValue[]): Record<string, unknown> {
  const numbers = (status: ItemStatus) =>
    assessment.items
      .getItems()
      .filter((i) => i.status === status)
      .map((i) => i.criterion.number)
      .sort((a, b) => a - b);
  return {
    set: assessment.criteriaSet.code,
    year: assessment.year,
    kind: assessment.kind,
    met: numbers(ItemStatus.MET),
    notMet: numbers(ItemStatus.NOT_MET),
    unknown: numbers(ItemStatus.UNKNOWN),
    note: assessment.note ?? null,
    synthetic: assessment.synthetic,
    sourceDocument: assessment.sourceDocument?.key ?? null,
    indicators: values.map((v) => ({
      code: v.indicatorCode ?? null,
      value: v.value,
      valueNumber: v.valueNumber ?? null,
      unitOfMeasure: v.unitOfMeasure ?? null,
    })),
  };
}
