import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultReadLimits, type ReadLimits } from './modules/assessment-imports/sheet-reader.ts';

/** The repository root, so relative defaults work whatever the working directory is. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface AppConfig {
  /** External PostGIS; when unset an embedded PGlite + PostGIS is started. */
  databaseUrl: string | undefined;
  /** Where the embedded database keeps its files. */
  dataDir: string;
  /** Loopback port on which the embedded database is exposed (0 = any free port). */
  embeddedDbPort: number;
  /** Opt-in: the embedded database without fsync (faster imports, committed data lost on a power cut). */
  embeddedUnsafeNoFsync: boolean;
  /** Scheduled snapshots (BACKUP_EVERY_HOURS, unset = none), how many are kept, and where. */
  backupSchedule: { everyHours: number | undefined; keep: number; dir: string };
  /** Folder with units-2025-03.json and boundaries/ (see shared/geo/PROVENANCE.md). */
  geoDataDir: string;
  host: string;
  port: number;
  /** Built web client served at `/`; absent in API-only deployments. */
  webDistDir: string;
  /** Automation credential that acts as the admin "operator" (audited as such); unset = none. */
  adminToken: string | undefined;
  /** First admin, created at start when no admin exists. */
  firstAdmin: { username: string | undefined; password: string | undefined };
  /** HS256 key of session tokens; unset = generated once and kept in the database. */
  sessionSecret: string | undefined;
  sessionTtlSeconds: number;
  /** False: every query needs a login. */
  publicRead: boolean;
  /**
   * Whether figures count generated demo (synthetic) data when a request does not say (DEMO_DATA,
   * default true, so a first look has a map). Requests choose with `includeDemo` / `demo=`.
   */
  demoByDefault: boolean;
  /** Transcribed source documents and criteria sets. */
  seedsDir: string;
  /** Limits of spreadsheet imports: file bytes (IMPORT_MAX_BYTES), data rows (IMPORT_MAX_ROWS). */
  importLimits: ReadLimits;
  /** Progress bars on a terminal, plain lines otherwise. */
  interactive: boolean;
  /** Bytes of encoded vector tiles kept in memory; 0 turns the cache off (the benchmark's uncached runs). */
  tileCacheBytes: number;
  /** Bytes of finished map-colour responses kept until the data changes; 0 turns it off. */
  responseCacheBytes: number;
  /** Tiles up to this zoom are encoded once per boundary import and stored; -1: always on request. */
  tilePrerenderMaxZoom: number;
}

function portFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${name} must be a port number (0-65535), got "${raw}"`);
  }
  return value;
}

/** A tile zoom (0–16, the deepest the tile route serves), or -1 for none. */
function zoomFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < -1 || value > 16) throw new Error(`${name} must be a zoom from 0 to 16, or -1 for none, got "${raw}"`);
  return value;
}

function booleanFromEnv(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

function hoursFromEnv(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const hours = Number(raw);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 30) throw new Error(`${name} must be a number of hours (0–720), got "${raw}"`);
  return hours;
}

function positiveIntFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
}

function bytesFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a number of bytes (0 or more), got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const fromRoot = (p: string) => path.resolve(projectRoot, p);
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: fromRoot(env.DATA_DIR ?? 'data'),
    embeddedDbPort: portFromEnv(env, 'EMBEDDED_DB_PORT', 0),
    embeddedUnsafeNoFsync: booleanFromEnv('EMBEDDED_UNSAFE_NO_FSYNC', env.EMBEDDED_UNSAFE_NO_FSYNC, false),
    backupSchedule: {
      everyHours: env.BACKUP_EVERY_HOURS ? hoursFromEnv('BACKUP_EVERY_HOURS', env.BACKUP_EVERY_HOURS, 24) : undefined,
      keep: positiveIntFromEnv(env, 'BACKUP_KEEP', 7),
      dir: fromRoot(env.BACKUP_DIR ?? path.join(env.DATA_DIR ?? 'data', 'backups')),
    },
    geoDataDir: fromRoot(env.GEO_DATA_DIR ?? '../shared/geo'),
    host: env.HOST ?? '127.0.0.1',
    port: portFromEnv(env, 'PORT', 4000),
    webDistDir: fromRoot(env.WEB_DIST_DIR ?? 'web/dist'),
    adminToken: env.ADMIN_TOKEN || undefined,
    firstAdmin: { username: env.ADMIN_USERNAME || undefined, password: env.ADMIN_PASSWORD || undefined },
    sessionSecret: env.SESSION_SECRET || undefined,
    sessionTtlSeconds: Math.round(hoursFromEnv('SESSION_TTL_HOURS', env.SESSION_TTL_HOURS, 12) * 3600),
    publicRead: booleanFromEnv('PUBLIC_READ', env.PUBLIC_READ, true),
    demoByDefault: booleanFromEnv('DEMO_DATA', env.DEMO_DATA, true),
    seedsDir: fromRoot(env.SEEDS_DIR ?? 'seeds'),
    importLimits: {
      ...defaultReadLimits,
      maxBytes: positiveIntFromEnv(env, 'IMPORT_MAX_BYTES', defaultReadLimits.maxBytes),
      maxRows: positiveIntFromEnv(env, 'IMPORT_MAX_ROWS', defaultReadLimits.maxRows),
    },
    interactive: Boolean(process.stdout.isTTY) && env.CI !== 'true',
    tileCacheBytes: bytesFromEnv(env, 'TILE_CACHE_BYTES', 64 * 1024 * 1024),
    responseCacheBytes: bytesFromEnv(env, 'RESPONSE_CACHE_BYTES', 32 * 1024 * 1024),
    tilePrerenderMaxZoom: zoomFromEnv(env, 'TILE_PRERENDER_MAX_ZOOM', 5),
  };
}
