/**
 * A plan row that lists only the criteria to be added (002's annexes: "Cụ thể tiêu chí phấn đấu đạt
 * trong năm 2017") describes the planned state together with the criteria already met at the review
 * it starts from. Pure.
 */
export interface PlannedState {
  /** Criteria met if the plan is carried out: those met at the review plus those added. */
  met: number[];
  notMet: number[];
  /** The planned total does not match the cumulative count the document prints. */
  cumulativeMismatch: { printed: number; computed: number } | null;
}

export function plannedState(
  added: readonly number[],
  baseline: readonly number[],
  criteriaCount: number,
  printedCumulative: number | null | undefined,
): PlannedState {
  const inSet = (n: number) => Number.isInteger(n) && n >= 1 && n <= criteriaCount;
  const met = [...new Set([...baseline, ...added].filter(inSet))].sort((a, b) => a - b);
  const notMet = Array.from({ length: criteriaCount }, (_, i) => i + 1).filter((n) => !met.includes(n));
  const cumulativeMismatch =
    printedCumulative !== null && printedCumulative !== undefined && printedCumulative !== met.length
      ? { printed: printedCumulative, computed: met.length }
      : null;
  return { met, notMet, cumulativeMismatch };
}
