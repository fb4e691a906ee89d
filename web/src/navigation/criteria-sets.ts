/** Which criteria sets can colour the communes in a year and place. Pure. */
export interface CriteriaSetOption {
  code: string;
  nameVi: string;
  nameEn: string;
  level: string;
  tier: string;
  validFrom: number;
  validTo: number;
  provinceCode: string | null;
}

/**
 * Commune sets valid in the year: national ones everywhere, a province's own variant only inside
 * that province. The national standard set comes first (it is the default).
 */
export function setsFor(sets: CriteriaSetOption[], year: number, provinceCode: string | null): CriteriaSetOption[] {
  const rank: Record<string, number> = { standard: 0, advanced: 1, model: 2 };
  return sets
    .filter((s) => s.level === 'COMMUNE' && s.validFrom <= year && year <= s.validTo)
    .filter((s) => s.provinceCode === null || s.provinceCode === provinceCode)
    .sort((a, b) => (rank[a.tier] ?? 9) - (rank[b.tier] ?? 9) || Number(a.provinceCode !== null) - Number(b.provinceCode !== null));
}

/** The set asked for when it applies here and now; null (the national standard) otherwise. */
export function effectiveSet(requested: string | null, options: CriteriaSetOption[]): string | null {
  return requested && options.some((o) => o.code === requested && o.tier !== 'standard') ? requested : null;
}
