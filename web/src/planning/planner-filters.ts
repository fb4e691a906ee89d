import { bandCodes, tiers, type Tier } from '../graphql/codes.ts';

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
/** Band codes the API filters on; "recognised" covers every tier. */
export const bandOptions = bandCodes;
export const tierOptions = tiers;
/** Criterion numbers of the commune sets (19); an unknown number finds nothing rather than failing. */
export const criterionNumbers = Array.from({ length: 19 }, (_, i) => i + 1);

export const emptyFilters: PlannerFilters = { flags: [], bands: [], missingCriterion: null, tier: null };

export function hasFilters(filters: PlannerFilters): boolean {
  return filters.flags.length > 0 || filters.bands.length > 0 || filters.missingCriterion !== null || filters.tier !== null;
}

function listParam(params: URLSearchParams, name: string, allowed: readonly string[]): string[] {
  const values = (params.get(name) ?? '').split(',').filter((v) => allowed.includes(v));
  return [...new Set(values)];
}

export function parseFilters(params: URLSearchParams): PlannerFilters {
  const missing = Number(params.get('missing'));
  const tier = params.get('tier');
  return {
    flags: listParam(params, 'flags', flagOptions),
    bands: listParam(params, 'bands', bandOptions),
    missingCriterion: criterionNumbers.includes(missing) ? missing : null,
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

/** The OGC API collection the planners' table lists: the communes of the code list the map draws. */
export const plannerCollection = 'communes-2025-03';
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
  return `/ogc/collections/${plannerCollection}/items?${params}`;
}
