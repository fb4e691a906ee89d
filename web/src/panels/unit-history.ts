import { tiers, type Tier } from '../graphql/codes.ts';

/** A unit's history across years and its plans against what was achieved, as pure functions. */
export interface AssessmentFact {
  year: number;
  synthetic: boolean;
  criteriaSet: { code: string; tier: string; provinceCode: string | null };
  status: { criteriaMet: number; criteriaTotal: number; band: string; tier: string | null };
}

export interface HistoryPoint {
  year: number;
  criteriaMet: number;
  criteriaTotal: number;
  band: string;
  tier: string | null;
  synthetic: boolean;
}

/**
 * One point per year against the national standard set (the programme's headline figure);
 * advanced/model and provincial sets are separate assessments and would double-count a year.
 */
export function historySeries(assessments: AssessmentFact[]): HistoryPoint[] {
  const byYear = new Map<number, HistoryPoint>();
  for (const a of assessments) {
    if (a.criteriaSet.tier !== 'standard' || a.criteriaSet.provinceCode) continue;
    const point = { year: a.year, ...a.status, synthetic: a.synthetic };
    // A documented assessment wins over a synthetic one for the same year.
    const existing = byYear.get(a.year);
    if (!existing || (existing.synthetic && !a.synthetic)) byYear.set(a.year, point);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export interface TargetFact {
  year: number | null;
  tier: string | null;
  criteriaCount: number | null;
  criteria: number[];
  text: string;
}

export interface PlanOutcome {
  target: TargetFact;
  achieved: HistoryPoint | null;
  /** true met, false missed, null when the year has no data yet or the plan states no figure. */
  reached: boolean | null;
}

const tierRank = (tier: string | null) => tiers.indexOf(tier as Tier) + 1;

/** Each plan beside what the history shows for its year. */
export function plansVersusAchievement(targets: TargetFact[], history: HistoryPoint[]): PlanOutcome[] {
  return targets
    .map((target) => {
      const achieved = history.find((p) => p.year === target.year) ?? null;
      let reached: boolean | null = null;
      // A plan is judged against documented results only: demo data confirms or refutes nothing.
      if (achieved?.synthetic) return { target, achieved, reached };
      if (achieved && target.tier) reached = tierRank(achieved.tier) >= tierRank(target.tier);
      else if (achieved && target.criteriaCount !== null) reached = achieved.criteriaMet >= target.criteriaCount;
      return { target, achieved, reached };
    })
    .sort((a, b) => (a.target.year ?? 0) - (b.target.year ?? 0));
}
