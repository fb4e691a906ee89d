import type { Language } from '../i18n/i18n.ts';
import { gsoCodePattern, type Level } from '../graphql/codes.ts';
import type { Hierarchy } from './drill-down.ts';
import { areaMeasures, type AreaMeasure } from '../layers/area-measure.ts';
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
  /** Count generated demo data beside the documented (default); false: documented only (`demo=0`). */
  demo: boolean;
  /** Show the plans (targets) of the year instead of what was achieved (`plan=1`). */
  plan: boolean;
  /** The A4 landscape print layout of the view (`print=1`), for a report that can be linked. */
  print?: boolean;
  /** What colours districts and provinces (`by=lagging|complete`; the average when absent). */
  measure?: AreaMeasure;
  /** The planners' list stays within this unit after a unit is opened from it (`within=20`). */
  within?: string | null;
}

export const nationalLevels = ['PROVINCE', 'DISTRICT', 'COMMUNE'] as const satisfies readonly Level[];
export type NationalLevel = (typeof nationalLevels)[number];

/** The levels a whole country can be drawn at in a year: no district in the two-level years. Pure. */
export function nationalLevelsOf(hierarchy: Hierarchy): NationalLevel[] {
  return nationalLevels.filter((level) => hierarchy === 'three-level' || level !== 'DISTRICT');
}

/** The first year of the programme's records the atlas shows. */
export const firstYear = 2016;

/** Years the selector offers: from the first year of records to the current year (the reform's years included). Pure. */
export function yearRange(today: Date): number[] {
  const last = Math.max(firstYear, today.getUTCFullYear());
  return Array.from({ length: last - firstYear + 1 }, (_, i) => firstYear + i);
}

export const years = yearRange(new Date());
/**
 * The year a link without one opens: the last year of the nationwide records (every province
 * assessed, three levels); later years are chosen in the selector or linked (`?year=2026`).
 */
export const defaultYear = 2024;

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
    demo: params.get('demo') !== '0',
    plan: params.get('plan') === '1',
    print: params.get('print') === '1',
    measure: areaMeasures.find((m) => m !== 'average' && m === params.get('by')) ?? 'average',
    within: /^\d{2,3}$/.test(params.get('within') ?? '') ? params.get('within') : null,
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
  if (state.demo === false) params.set('demo', '0');
  if (state.plan) params.set('plan', '1');
  if (state.print) params.set('print', '1');
  if (state.measure && state.measure !== 'average') params.set('by', state.measure);
  if (state.within) params.set('within', state.within);
  writeFilters(params, state.filters ?? emptyFilters);
  if (state.lang !== 'vi') params.set('lang', state.lang);
  const text = params.toString();
  return text ? `?${text}` : '';
}
