import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { gsoCodeDigits } from '../api/src/modules/admin-units/gso-code.ts';

export type UnitLevel = 'province' | 'district' | 'commune';

export interface UnitRecord {
  code: string;
  name: string;
  kind: string;
  level: UnitLevel;
  parentCode: string | null;
}

export interface BoundaryFeature {
  code: string;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
  /** The source's own statement of how well the polygon matches the code. */
  match: string | null;
}

export interface SourceProblem {
  file: string;
  /** `#index` and, when readable, the feature's code. */
  feature?: string;
  reason: string;
}

/** Every problem found in the source files, so one run tells the operator everything to fix. */
export class GeoImportError extends Error {
  constructor(readonly problems: SourceProblem[]) {
    super(
      `Boundary import rejected, nothing was written. ${problems.length} problem(s):\n` +
        problems.map((p) => `  ${p.file}${p.feature ? ` ${p.feature}` : ''}: ${p.reason}`).join('\n'),
    );
    this.name = 'GeoImportError';
  }
}

export interface BoundaryLayer {
  level: UnitLevel;
  /** Recorded on every unit as `geom_source`. */
  source: string;
  /** Holes smaller than this (km²) are dropped: gaps between dissolved communes, not enclaves. */
  minHoleKm2: number;
  files: string[];
}

/** The dataset as laid out in shared/geo (see its PROVENANCE.md). Paths are relative to the geo dir. */
export interface GeoDataset {
  key: string;
  codeList: string;
  unitsFile: string;
  /** `unit-list`: provinces/districts/communes arrays (units-2025-03.json); `crosswalk`: the new units of crosswalk-2025.json. */
  unitsFormat: 'unit-list' | 'crosswalk';
  /** First day the list is in force (null: earlier than our records) and first day it no longer is. */
  validFrom: string | null;
  validTo: string | null;
  layers: BoundaryLayer[];
  /** A dataset whose units this one links to (lineage): a change there re-imports this one too. */
  dependsOn?: GeoDataset;
}

/**
 * The 01/03/2025 GSO code list with GADM-derived polygons. Provinces and districts are the layers
 * dissolved from the communes, so the three levels nest exactly (PROVENANCE.md section 3).
 */
export function gso2025Dataset(geoDir: string): GeoDataset {
  const communeDir = 'boundaries/communes';
  const communeFiles = fs.existsSync(path.join(geoDir, communeDir))
    ? fs
        .readdirSync(path.join(geoDir, communeDir))
        .filter((f) => f.endsWith('.geojson.gz'))
        .sort()
        .map((f) => `${communeDir}/${f}`)
    : [];
  return {
    key: 'gso-2025-03',
    codeList: 'gso-2025-03',
    unitsFile: 'units-2025-03.json',
    unitsFormat: 'unit-list',
    validFrom: null,
    // The two-level reform closed every unit of this list (GLOSSARY.md, PROVENANCE.md section 5).
    validTo: '2025-07-01',
    layers: [
      // Dissolving left 14,433 holes in the provinces and 10,281 in the districts, all under 0.7 km²:
      // gaps between GADM communes, not territory of another unit.
      { level: 'province', source: 'gadm41-derived-2025-03', minHoleKm2: 1, files: ['boundaries/derived-2025-03/provinces.geojson.gz'] },
      { level: 'district', source: 'gadm41-derived-2025-03', minHoleKm2: 1, files: ['boundaries/derived-2025-03/districts.geojson.gz'] },
      { level: 'commune', source: 'gadm41-communes-2025-03', minHoleKm2: 0, files: communeFiles },
    ],
  };
}

/**
 * The two-level list in force from 01/07/2025: its units from the crosswalk (which also gives the
 * lineage to the 01/03/2025 list), its polygons from boundaries/post-2025 (PROVENANCE.md sections 5, 6).
 */
export function gso202507Dataset(geoDir: string): GeoDataset {
  const communeDir = 'boundaries/post-2025/communes-2025-07';
  return {
    key: 'gso-2025-07',
    codeList: 'gso-2025-07',
    unitsFile: 'crosswalk-2025.json',
    unitsFormat: 'crosswalk',
    validFrom: '2025-07-01',
    validTo: null,
    layers: [
      { level: 'province', source: 'gisvn-2025-07', minHoleKm2: 0, files: ['boundaries/post-2025/provinces-2025-07.geojson.gz'] },
      { level: 'commune', source: 'gisvn-2025-07', minHoleKm2: 0, files: listGz(geoDir, communeDir) },
    ],
    dependsOn: gso2025Dataset(geoDir),
  };
}

function listGz(geoDir: string, dir: string): string[] {
  return fs.existsSync(path.join(geoDir, dir))
    ? fs
        .readdirSync(path.join(geoDir, dir))
        .filter((f) => f.endsWith('.geojson.gz'))
        .sort()
        .map((f) => `${dir}/${f}`)
    : [];
}

export function datasetFiles(dataset: GeoDataset): string[] {
  return [dataset.unitsFile, ...dataset.layers.flatMap((l) => l.files)];
}

/** Bump when the import changes what it stores from the same files, so databases re-import. */
const importerVersion = 4;

/** sha256 over names and bytes of the files, so any change to the data triggers a re-import. */
export function datasetChecksum(geoDir: string, dataset: GeoDataset): string {
  const files = datasetFiles(dataset);
  const missing = files.filter((file) => !fs.existsSync(path.join(geoDir, file)));
  if (dataset.layers.some((layer) => layer.files.length === 0)) {
    missing.push(...dataset.layers.filter((l) => l.files.length === 0).map((l) => `${l.level} boundary files`));
  }
  if (missing.length > 0) {
    throw new GeoImportError(missing.map((file) => ({ file, reason: `missing from ${geoDir} (set GEO_DATA_DIR)` })));
  }
  const hash = crypto.createHash('sha256');
  hash.update(`importer ${importerVersion}`);
  for (const file of files) {
    hash.update(file);
    hash.update(fs.readFileSync(path.join(geoDir, file)));
  }
  if (dataset.dependsOn) hash.update(`depends on ${datasetChecksum(geoDir, dataset.dependsOn)}`);
  return hash.digest('hex');
}

function readJson(geoDir: string, file: string): unknown {
  const bytes = fs.readFileSync(path.join(geoDir, file));
  const text = file.endsWith('.gz') ? zlib.gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  return JSON.parse(text);
}

/** One link of the 2025 crosswalk: an old unit (01/03/2025 list) and a new unit it went into. */
export interface CrosswalkLink {
  level: 'province' | 'commune';
  oldCode: string;
  newCode: string;
  part: 'full' | 'partial';
}

export interface Crosswalk {
  source: string;
  units: UnitRecord[];
  links: CrosswalkLink[];
}

/** Type words the new names start with, longest first (PROVENANCE.md section 5). */
const newUnitKinds = ['Thành phố', 'Đặc khu', 'Tỉnh', 'Phường', 'Xã'];

/**
 * Walks the lists of coded entries of a units file (`provinces`, `newCommunes`…): a list that is not
 * one, or an entry whose code is not a GSO code of its level, becomes a problem; every other entry
 * is handed on with where it stands in the file (`communes[12] (06475)`).
 */
function eachCodedEntry<L extends UnitLevel>(
  data: Record<string, unknown>,
  file: string,
  groups: readonly [string, L][],
  problems: SourceProblem[],
  visit: (entry: Record<string, unknown>, code: string, level: L, where: string) => void,
): void {
  for (const [key, level] of groups) {
    const list = data[key];
    if (!Array.isArray(list)) {
      problems.push({ file, reason: `"${key}" is missing or not a list` });
      continue;
    }
    list.forEach((entry: Record<string, unknown>, index) => {
      const where = `${key}[${index}]${typeof entry?.code === 'string' ? ` (${entry.code})` : ''}`;
      const code = entry?.code;
      const digits = gsoCodeDigits[level];
      if (typeof code !== 'string' || !new RegExp(`^\\d{${digits}}$`).test(code)) {
        problems.push({ file, feature: where, reason: `code must be ${digits} digits` });
        return;
      }
      visit(entry, code, level, where);
    });
  }
}

/**
 * The new units and the old → new links of crosswalk-2025.json. Units come from `newProvinces` and
 * `newCommunes` (a commune's parent is its new province); links from the new side's `formedFrom`,
 * which is where the crosswalk states `part`.
 */
export function readCrosswalk(geoDir: string, file: string): { crosswalk: Crosswalk; problems: SourceProblem[] } {
  const problems: SourceProblem[] = [];
  let data: Record<string, unknown>;
  try {
    data = readJson(geoDir, file) as Record<string, unknown>;
  } catch (error) {
    return { crosswalk: { source: '', units: [], links: [] }, problems: [{ file, reason: `cannot read: ${(error as Error).message}` }] };
  }
  const source = String((data.metadata as { source?: unknown } | undefined)?.source ?? file);
  const units: UnitRecord[] = [];
  const links: CrosswalkLink[] = [];
  const groups: [string, 'province' | 'commune'][] = [
    ['newProvinces', 'province'],
    ['newCommunes', 'commune'],
  ];
  eachCodedEntry(data, file, groups, problems, (entry, code, level, where) => {
    const name = typeof entry.name === 'string' ? entry.name.normalize('NFC').trim() : '';
    const kind = newUnitKinds.find((k) => name.startsWith(`${k} `));
    if (!kind) {
      problems.push({ file, feature: where, reason: `name "${name}" does not start with a unit type (${newUnitKinds.join(', ')})` });
      return;
    }
    const parentCode = level === 'province' ? null : entry.provinceCode;
    if (parentCode !== null && typeof parentCode !== 'string') {
      problems.push({ file, feature: where, reason: 'provinceCode is missing' });
      return;
    }
    const formedFrom = entry.formedFrom;
    if (!Array.isArray(formedFrom) || formedFrom.length === 0) {
      problems.push({ file, feature: where, reason: 'formedFrom is missing or empty' });
      return;
    }
    for (const old of formedFrom as Record<string, unknown>[]) {
      const part = old?.part ?? 'full';
      if (typeof old?.code !== 'string' || (part !== 'full' && part !== 'partial')) {
        problems.push({ file, feature: where, reason: 'formedFrom entries need a code and part full or partial' });
        return;
      }
      links.push({ level, oldCode: old.code, newCode: code, part });
    }
    units.push({ code, name, kind, level, parentCode });
  });
  return { crosswalk: { source, units, links }, problems };
}

export function readUnitList(geoDir: string, file: string): { units: UnitRecord[]; problems: SourceProblem[] } {
  const problems: SourceProblem[] = [];
  let data: Record<string, unknown>;
  try {
    data = readJson(geoDir, file) as Record<string, unknown>;
  } catch (error) {
    return { units: [], problems: [{ file, reason: `cannot read: ${(error as Error).message}` }] };
  }
  const units: UnitRecord[] = [];
  const groups: [string, UnitLevel][] = [
    ['provinces', 'province'],
    ['districts', 'district'],
    ['communes', 'commune'],
  ];
  eachCodedEntry(data, file, groups, problems, (entry, code, level, where) => {
    if (typeof entry.name !== 'string' || !entry.name.trim()) {
      problems.push({ file, feature: where, reason: 'name is missing' });
      return;
    }
    if (typeof entry.type !== 'string') {
      problems.push({ file, feature: where, reason: 'type is missing' });
      return;
    }
    const parentCode = level === 'province' ? null : entry.parentCode;
    if (parentCode !== null && typeof parentCode !== 'string') {
      problems.push({ file, feature: where, reason: 'parentCode is missing' });
      return;
    }
    units.push({ code, name: entry.name, kind: entry.type, level, parentCode });
  });
  const byCode = new Map(units.map((u) => [u.code, u]));
  for (const unit of units) {
    const parent = unit.parentCode ? byCode.get(unit.parentCode) : undefined;
    if (unit.parentCode && (!parent || gsoCodeDigits[parent.level] >= gsoCodeDigits[unit.level])) {
      problems.push({ file, feature: unit.code, reason: `parent ${unit.parentCode} is not a unit of a higher level` });
    }
  }
  return { units, problems };
}

export function readBoundaryFile(geoDir: string, file: string, level: UnitLevel): { features: BoundaryFeature[]; problems: SourceProblem[] } {
  let data: { type?: unknown; features?: unknown };
  try {
    data = readJson(geoDir, file) as typeof data;
  } catch (error) {
    return { features: [], problems: [{ file, reason: `cannot read: ${(error as Error).message}` }] };
  }
  if (data?.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
    return { features: [], problems: [{ file, reason: 'not a GeoJSON FeatureCollection' }] };
  }
  const features: BoundaryFeature[] = [];
  const problems: SourceProblem[] = [];
  data.features.forEach((feature: unknown, index: number) => {
    const result = checkFeature(feature, level);
    if ('reason' in result) {
      const code = (feature as { properties?: { code?: unknown } })?.properties?.code;
      problems.push({ file, feature: `#${index}${typeof code === 'string' ? ` (${code})` : ''}`, reason: result.reason });
    } else {
      features.push(result);
    }
  });
  return { features, problems };
}

/** Structural checks PostGIS cannot make for us (it would just fail the whole batch). Pure. */
export function checkFeature(feature: unknown, level: UnitLevel): BoundaryFeature | { reason: string } {
  const f = feature as { type?: unknown; properties?: Record<string, unknown>; geometry?: Record<string, unknown> };
  if (f?.type !== 'Feature') return { reason: 'not a GeoJSON Feature' };
  const code = f.properties?.code;
  if (typeof code !== 'string' || !new RegExp(`^\\d{${gsoCodeDigits[level]}}$`).test(code)) {
    return { reason: `properties.code must be a ${gsoCodeDigits[level]}-digit GSO code` };
  }
  const geometry = f.geometry;
  if (!geometry) return { reason: 'geometry is missing' };
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    return { reason: `geometry type ${String(geometry.type)} is not Polygon or MultiPolygon` };
  }
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : (geometry.coordinates as unknown[]);
  if (!Array.isArray(polygons) || polygons.length === 0) return { reason: 'geometry has no coordinates' };
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0) return { reason: 'a polygon has no rings' };
    for (const ring of polygon as unknown[]) {
      const problem = checkRing(ring);
      if (problem) return { reason: problem };
    }
  }
  const match = f.properties?.match;
  return {
    code,
    geometry: geometry as BoundaryFeature['geometry'],
    match: typeof match === 'string' ? match : null,
  };
}

function checkRing(ring: unknown): string | null {
  if (!Array.isArray(ring) || ring.length < 4) return 'a ring has fewer than 4 positions';
  for (const position of ring) {
    if (!Array.isArray(position) || position.length < 2) return 'a position is not [longitude, latitude]';
    const [lon, lat] = position;
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return `position [${position}] is not numeric`;
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return `position [${position}] is outside EPSG:4326 bounds`;
  }
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) return 'a ring is not closed';
  return null;
}
