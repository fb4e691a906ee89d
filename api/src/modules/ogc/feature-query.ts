import { InvalidInputError } from '../../errors/domain-errors.ts';
import { gsoCodePattern } from '../admin-units/gso-code.ts';
import { Tier } from '../assessments/recognition.entity.ts';

/** OGC API – Features Part 2: the CRSs features and bboxes may be asked in. CRS84 (lon, lat) is the default. */
export const crs84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
export const epsg4326 = 'http://www.opengis.net/def/crs/EPSG/0/4326';
export const supportedCrs = [crs84, epsg4326] as const;
export type SupportedCrs = (typeof supportedCrs)[number];

/** Page sizes: a default for light clients, and the most one request answers (downloads included). */
export const defaultLimit = 100;
export const maxLimit = 10_000;
/** Simplification tolerance in degrees, as GraphQL's `geometry(simplify:)`. */
export const maxSimplify = 1;

export const featureFormats = ['json', 'html', 'geojson', 'gpkg', 'csv'] as const;
export type FeatureFormat = (typeof featureFormats)[number];

const tiers: readonly string[] = Object.values(Tier);

/** A parsed, validated `/items` request. */
export interface FeatureQuery {
  limit: number;
  offset: number;
  /** [west, south, east, north] in CRS84 (converted from bbox-crs). */
  bbox?: [number, number, number, number];
  /** The status year: `year`, or the year of the `datetime` instant; undefined = the latest assessed. */
  year?: number;
  crs: SupportedCrs;
  simplify: number;
  code?: string[];
  provinceCode?: string;
  districtCode?: string;
  /** Below this unit at any depth, as the planners' table's scope. */
  within?: string;
  border?: boolean;
  dbkk?: boolean;
  band?: string[];
  tier?: string;
  demo?: boolean;
  /** Units that do not meet this criterion in the year. */
  missing?: number;
}

/** Every query parameter `/items` knows; any other is refused with a 400 (OGC API – Features /req/core/query-param-unknown). */
export const itemParameters = [
  'f',
  'limit',
  'offset',
  'bbox',
  'bbox-crs',
  'crs',
  'datetime',
  'year',
  'simplify',
  'code',
  'provinceCode',
  'districtCode',
  'within',
  'border',
  'dbkk',
  'band',
  'tier',
  'demo',
  'missing',
] as const;

type Query = Record<string, unknown>;

/** Refuses parameters outside `known`, and parameters given twice. */
export function refuseUnknownParameters(query: Query, known: readonly string[]): void {
  for (const [name, value] of Object.entries(query)) {
    if (!known.includes(name)) {
      throw new InvalidInputError(`unknown query parameter "${name}"; this resource accepts ${known.join(', ') || 'none'}`, { parameter: name });
    }
    if (typeof value !== 'string') throw new InvalidInputError(`query parameter "${name}" must be given once, as text`, { parameter: name });
  }
}

function text(query: Query, name: string): string | undefined {
  const value = query[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function integer(query: Query, name: string, min: number, max: number): number | undefined {
  const raw = text(query, name);
  if (raw === undefined) return undefined;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new InvalidInputError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`, { parameter: name });
  }
  return Number(raw);
}

function boolean(query: Query, name: string): boolean | undefined {
  const raw = text(query, name);
  if (raw === undefined) return undefined;
  if (raw !== 'true' && raw !== 'false') throw new InvalidInputError(`${name} must be true or false, got "${raw}"`, { parameter: name });
  return raw === 'true';
}

function gsoCode(query: Query, name: string, digits?: number): string | undefined {
  const raw = text(query, name);
  if (raw === undefined) return undefined;
  if (!gsoCodePattern.test(raw) || (digits && raw.length !== digits)) {
    throw new InvalidInputError(`${name} must be a GSO code${digits ? ` of ${digits} digits` : ''}, got "${raw}"`, { parameter: name });
  }
  return raw;
}

function crsParameter(query: Query, name: string): SupportedCrs {
  const raw = text(query, name) ?? crs84;
  const found = supportedCrs.find((crs) => crs === raw);
  if (!found) throw new InvalidInputError(`${name} must be one of ${supportedCrs.join(', ')}`, { parameter: name });
  return found;
}

/** `datetime` as an instant (2024, 2024-06-30, 2024-06-30T00:00:00Z): the status of that year. Intervals are refused. */
function yearOfDatetime(raw: string): number {
  const match = /^(\d{4})(-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?)?$/.exec(raw);
  if (!match) {
    throw new InvalidInputError('datetime must be one instant (2024, 2024-12-31 or 2024-12-31T00:00:00Z): statuses are yearly, intervals are not served', {
      parameter: 'datetime',
    });
  }
  return Number(match[1]);
}

function bboxParameter(query: Query, crs: SupportedCrs): [number, number, number, number] | undefined {
  const raw = text(query, 'bbox');
  if (raw === undefined) return undefined;
  const numbers = raw.split(',').map((part) => (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(part.trim()) ? Number(part) : Number.NaN));
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n))) {
    throw new InvalidInputError('bbox must be four numbers: minimum and maximum of each axis (6 numbers, with heights, are not served)', { parameter: 'bbox' });
  }
  // EPSG:4326 orders its axes latitude first: south, west, north, east.
  const [w, s, e, n] = crs === epsg4326 ? [numbers[1], numbers[0], numbers[3], numbers[2]] : numbers;
  if (s > n || s < -90 || n > 90 || w < -180 || w > 180 || e < -180 || e > 180) {
    throw new InvalidInputError('bbox must lie within the valid coordinates, its minimum latitude not above its maximum', { parameter: 'bbox' });
  }
  return [w, s, e, n];
}

/** Band codes are data of each criteria set (CriteriaSet.bands), so only their shape is checked here. */
const bandCodePattern = /^[a-z0-9][a-z0-9-]{0,31}$/;

function bandList(query: Query, name: string): string[] | undefined {
  const raw = text(query, name);
  if (raw === undefined) return undefined;
  const values = [...new Set(raw.split(','))];
  const wrong = values.find((v) => !bandCodePattern.test(v));
  if (wrong !== undefined)
    throw new InvalidInputError(`${name} takes band codes of the year's criteria set (comma separated), got "${wrong}"`, { parameter: name });
  return values;
}

function listOf(query: Query, name: string, allowed: readonly string[]): string[] | undefined {
  const raw = text(query, name);
  if (raw === undefined) return undefined;
  const values = [...new Set(raw.split(','))];
  const wrong = values.find((v) => !allowed.includes(v));
  if (wrong !== undefined) throw new InvalidInputError(`${name} takes ${allowed.join(', ')} (comma separated), got "${wrong}"`, { parameter: name });
  return values;
}

/** Parses an `/items` query; every problem is a BAD_USER_INPUT naming the parameter. Pure. */
export function parseFeatureQuery(query: Query, defaults: { limit: number }): FeatureQuery {
  refuseUnknownParameters(query, itemParameters);
  const year = integer(query, 'year', 2010, 2035);
  const datetime = text(query, 'datetime');
  if (year !== undefined && datetime !== undefined) throw new InvalidInputError('give year or datetime, not both', { parameter: 'datetime' });
  const datetimeYear = datetime === undefined ? undefined : yearOfDatetime(datetime);
  if (datetimeYear !== undefined && (datetimeYear < 2010 || datetimeYear > 2035)) {
    throw new InvalidInputError('datetime must fall in the years 2010 to 2035', { parameter: 'datetime' });
  }
  const codes = text(query, 'code')?.split(',');
  if (codes && (codes.length > 100 || codes.some((c) => !gsoCodePattern.test(c)))) {
    throw new InvalidInputError('code must be up to 100 GSO codes, comma separated', { parameter: 'code' });
  }
  const simplify = text(query, 'simplify');
  if (simplify !== undefined && !(/^\d+(\.\d+)?$/.test(simplify) && Number(simplify) <= maxSimplify)) {
    throw new InvalidInputError(`simplify must be a tolerance in degrees from 0 to ${maxSimplify}`, { parameter: 'simplify' });
  }
  const tier = listOf(query, 'tier', tiers);
  if (tier && tier.length > 1) throw new InvalidInputError('tier takes one tier', { parameter: 'tier' });
  return {
    limit: integer(query, 'limit', 1, maxLimit) ?? defaults.limit,
    offset: integer(query, 'offset', 0, 1_000_000) ?? 0,
    bbox: bboxParameter(query, crsParameter(query, 'bbox-crs')),
    year: year ?? datetimeYear,
    crs: crsParameter(query, 'crs'),
    simplify: simplify === undefined ? 0 : Number(simplify),
    code: codes,
    provinceCode: gsoCode(query, 'provinceCode', 2),
    districtCode: gsoCode(query, 'districtCode', 3),
    within: gsoCode(query, 'within'),
    border: boolean(query, 'border'),
    dbkk: boolean(query, 'dbkk'),
    band: bandList(query, 'band'),
    tier: tier?.[0],
    demo: boolean(query, 'demo'),
    missing: integer(query, 'missing', 1, 40),
  };
}

/** The query string of the same request at another offset (next / prev links), other parameters kept. */
export function withOffset(query: Query, offset: number): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (typeof value === 'string' && name !== 'offset') params.set(name, value);
  if (offset > 0) params.set('offset', String(offset));
  return params.toString();
}
