import { hierarchyOf } from '../navigation/drill-down.ts';
import { bandCodes, tiers, type Tier } from '../graphql/codes.ts';
import type { LegendClass } from '../layers/layer.ts';
import { bandColours } from '../map/map-style.ts';

/**
 * The planners' filters (border, ĐBKK, bands, a missing criterion, a tier) as pure functions:
 * read from and written to the URL, and turned into the API's UnitFilter.
 */
export interface PlannerFilters {
  flags: string[];
  bands: string[];
  missingCriterion: number | null;
  tier: Tier | null;
}

export const flagOptions = ['border', 'dbkk'] as const;
/** Band codes of the 19-criterion sets, "recognised" (every tier) and "no data": the choices until a set's bands load. */
export const bandOptions = bandCodes;
export const tierOptions = tiers;
/** The largest criterion number the API filters on (UnitFilter.missingCriterion); a number the set lacks finds nothing. */
export const maxCriterionNumber = 40;

/** The criterion numbers of the map's criteria set (1…its count); 19 until the set has loaded. Pure. */
export function criterionChoices(criteriaCount: number | null): number[] {
  return Array.from({ length: criteriaCount ?? 19 }, (_, i) => i + 1);
}

export const emptyFilters: PlannerFilters = { flags: [], bands: [], missingCriterion: null, tier: null };

export function hasFilters(filters: PlannerFilters): boolean {
  return filters.flags.length > 0 || filters.bands.length > 0 || filters.missingCriterion !== null || filters.tier !== null;
}

function listParam(params: URLSearchParams, name: string, allowed: readonly string[] | ((value: string) => boolean)): string[] {
  const accepts = typeof allowed === 'function' ? allowed : (v: string) => allowed.includes(v);
  const values = (params.get(name) ?? '').split(',').filter(accepts);
  return [...new Set(values)];
}

/**
 * A band code as the criteria sets write them (lt5, 5-9, all-met, 6-7 …: letters or a dash, not a
 * bare number). Bands are data of each set, so the URL is not checked against one set's list.
 */
export function isBandCode(value: string): boolean {
  return /^[a-z0-9-]{2,20}$/.test(value) && /[a-z-]/.test(value);
}

export function parseFilters(params: URLSearchParams): PlannerFilters {
  const missing = Number(params.get('missing'));
  const tier = params.get('tier');
  return {
    flags: listParam(params, 'flags', flagOptions),
    bands: listParam(params, 'bands', isBandCode),
    missingCriterion: Number.isInteger(missing) && missing >= 1 && missing <= maxCriterionNumber ? missing : null,
    tier: tierFrom(tier),
  };
}

/** A tier code from a URL or a select; null for anything else. */
export function tierFrom(text: string | null): Tier | null {
  return tiers.find((tier) => tier === text) ?? null;
}

export function writeFilters(params: URLSearchParams, filters: PlannerFilters) {
  if (filters.flags.length) params.set('flags', filters.flags.join(','));
  if (filters.bands.length) params.set('bands', filters.bands.join(','));
  if (filters.missingCriterion !== null) params.set('missing', String(filters.missingCriterion));
  if (filters.tier) params.set('tier', filters.tier);
}

/** The API's UnitFilter for communes matching the filters in a year, below a unit or nationwide. */
export function unitFilterFor(filters: PlannerFilters, year: number, withinCode: string | null) {
  return {
    level: 'COMMUNE' as const,
    year,
    ...(withinCode ? { withinCode } : {}),
    ...(filters.flags.length ? { flags: filters.flags } : {}),
    ...(filters.bands.length ? { bandIn: filters.bands } : {}),
    ...(filters.missingCriterion !== null ? { missingCriterion: filters.missingCriterion } : {}),
    ...(filters.tier ? { tier: filters.tier } : {}),
  };
}

/** Adds a value to a list or removes it (checkbox toggling). */
export function toggle(list: string[], value: string): string[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/**
 * The band choices: the set's own classes as the API serves them, "recognised" (every tier) and
 * "no data"; before the set has loaded, the codes the API filters on. Pure.
 */
export function bandChoices(classes: LegendClass[]): LegendClass[] {
  const own = classes.filter((c) => c.label);
  if (own.length === 0) return bandOptions.map((band) => ({ band, count: 0, colour: bandColours[band] }));
  return [...own, ...['recognised', 'no-data'].map((band) => ({ band, count: 0, colour: bandColours[band] }))];
}

/**
 * The OGC API collection the planners' table lists: the communes of the code list the map draws for
 * the year (the 01/03/2025 list until 2024, the two-level list of 01/07/2025 from 2025). Pure.
 */
export function plannerCollection(year: number): string {
  return hierarchyOf(year) === 'two-level' ? 'communes-2025-07' : 'communes-2025-03';
}
export type DownloadFormat = 'gpkg' | 'geojson' | 'csv';

/**
 * The API's download of the planners' list (`/ogc/collections/…/items`): the same communes as the
 * table's query (unitFilterFor), every match up to the API's cap, as GeoPackage, GeoJSON or CSV with WKT.
 */
export function plannerDownloadUrl(filters: PlannerFilters, year: number, withinCode: string | null, format: DownloadFormat): string {
  const params = new URLSearchParams({ f: format, year: String(year) });
  if (withinCode) params.set('within', withinCode);
  for (const flag of filters.flags) params.set(flag, 'true');
  if (filters.bands.length) params.set('band', filters.bands.join(','));
  if (filters.missingCriterion !== null) params.set('missing', String(filters.missingCriterion));
  if (filters.tier) params.set('tier', filters.tier.toLowerCase());
  return `/ogc/collections/${plannerCollection(year)}/items?${params}`;
}
