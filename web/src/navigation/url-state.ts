import type { Language } from '../i18n/i18n.ts';
import { gsoCodePattern, type Level } from '../graphql/codes.ts';
import { emptyFilters, parseFilters, writeFilters, type PlannerFilters } from '../planning/planner-filters.ts';

/** The view lives in the URL, so a copied link opens the same place. Pure. */
export interface ViewState {
  unit: string | null;
  lang: Language;
  year: number;
  /** Planners' filters; all empty when none is set. */
  filters: PlannerFilters;
  /** At country level: draw every district or commune of the country (vector tiles) instead of provinces. */
  level?: NationalLevel | null;
  /** Criteria set colouring the communes, when not the national standard one. */
  set?: string | null;
}

export const nationalLevels = ['PROVINCE', 'DISTRICT', 'COMMUNE'] as const satisfies readonly Level[];
export type NationalLevel = (typeof nationalLevels)[number];

/** Years with data (documented or synthetic); the latest is the default view. */
export const years = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
export const defaultYear = years.at(-1)!;

export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const unit = params.get('unit');
  const year = Number(params.get('year'));
  return {
    unit: unit && gsoCodePattern.test(unit) ? unit : null,
    lang: params.get('lang') === 'en' ? 'en' : 'vi',
    year: years.includes(year) ? year : defaultYear,
    filters: parseFilters(params),
    level: parseLevel(params.get('level')),
    set: /^[a-z0-9-]{1,60}$/.test(params.get('set') ?? '') ? params.get('set') : null,
  };
}

function parseLevel(text: string | null): NationalLevel | null {
  return text === 'DISTRICT' || text === 'COMMUNE' ? text : null;
}

export function serializeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.unit) params.set('unit', state.unit);
  if (!state.unit && state.level && state.level !== 'PROVINCE') params.set('level', state.level);
  if (state.year !== defaultYear) params.set('year', String(state.year));
  if (state.set) params.set('set', state.set);
  writeFilters(params, state.filters ?? emptyFilters);
  if (state.lang !== 'vi') params.set('lang', state.lang);
  const text = params.toString();
  return text ? `?${text}` : '';
}
