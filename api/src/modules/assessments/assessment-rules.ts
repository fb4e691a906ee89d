/**
 * The rules every recorded assessment obeys, as a pure check shared by recordAssessment and the
 * spreadsheet import: the set assesses the unit's level, the year lies in the set's validity, and
 * every criterion named is in the set and is not both met and not met.
 */
export interface SetRules {
  code: string;
  level: string;
  validFrom: number;
  validTo: number;
  criteriaCount: number;
  criterionNumbers: readonly number[];
}

export type RuleReason = 'level-mismatch' | 'year-outside-validity' | 'criterion-outside-set' | 'met-and-not-met';

export interface RuleViolation {
  reason: RuleReason;
  /** The input field at fault (recordAssessment's names). */
  field: 'set' | 'year' | 'met' | 'notMet';
  message: string;
  criteria?: number[];
}

export function assessmentRuleViolations(
  set: SetRules,
  unit: { code: string; level: string },
  year: number,
  met: readonly number[],
  notMet: readonly number[],
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (unit.level !== set.level) {
    violations.push({ reason: 'level-mismatch', field: 'set', message: `${set.code} assesses ${set.level} units; ${unit.code} is a ${unit.level}` });
  }
  if (year < set.validFrom || year > set.validTo) {
    violations.push({ reason: 'year-outside-validity', field: 'year', message: `${set.code} is valid ${set.validFrom}–${set.validTo}, not in ${year}` });
  }
  const numbers = new Set(set.criterionNumbers);
  const outside = [...met, ...notMet].filter((n) => !numbers.has(n));
  if (outside.length) {
    violations.push({
      reason: 'criterion-outside-set',
      field: 'met',
      message: `Criteria ${outside.join(', ')} are not in ${set.code} (1–${set.criteriaCount})`,
      criteria: outside,
    });
  }
  const both = met.filter((n) => notMet.includes(n));
  if (both.length) {
    violations.push({ reason: 'met-and-not-met', field: 'notMet', message: `Criteria ${both.join(', ')} are both met and not met`, criteria: both });
  }
  return violations;
}
