import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { sqlFile } from '../api/src/db/sql-file.ts';
import { searchKey, shortName, toNfc } from '../api/src/text/vietnamese.ts';
import { GeoImport, GeoImportIssue, GeoImportIssueKind } from '../api/src/modules/geo-imports/geo-import.entity.ts';
import {
  GeoImportError,
  datasetChecksum,
  gso2025Dataset,
  readBoundaryFile,
  readUnitList,
  type BoundaryFeature,
  type BoundaryLayer,
  type GeoDataset,
  type SourceProblem,
  type UnitRecord,
} from './geo-source.ts';
import type { ImportProgress } from '../api/src/import-progress.ts';

const upsertUnitsSql = sqlFile(import.meta.url, 'upsert-units.sql');
const setGeometriesSql = sqlFile(import.meta.url, 'set-geometries.sql');
const unitsWithoutPolygonSql = sqlFile(import.meta.url, 'units-without-polygon.sql');
const extendProvincesSql = sqlFile(import.meta.url, 'extend-provinces.sql');
const refreshDerivedSql = sqlFile(import.meta.url, 'refresh-derived-geometry.sql');

/** The July 2025 reform abolished the district level (GLOSSARY.md). */
const districtsAbolishedOn = '2025-07-01';
const unitBatchSize = 1000;
const geometryBatchSize = 150;

export interface BoundaryImportOptions {
  geoDataDir: string;
  progress: ImportProgress;
  /** Re-import even when the files are unchanged since the last import. */
  force?: boolean;
  dataset?: GeoDataset;
}

export interface BoundaryImportResult {
  skipped: boolean;
  dataset: string;
  stats: Record<string, number>;
  issues: { kind: GeoImportIssueKind; unitCode: string; file?: string; detail: string }[];
}

interface LoadedLayer extends BoundaryLayer {
  featuresByFile: { file: string; features: BoundaryFeature[] }[];
}

/**
 * Loads the code list and boundaries into admin_unit, all or nothing: every source problem is
 * collected first and reported together; geometry that cannot be made a valid polygon rejects the
 * whole import with the unit's code. Skips the work when the files are unchanged.
 */
export async function importBoundaries(orm: MikroORM, options: BoundaryImportOptions): Promise<BoundaryImportResult> {
  const dataset = options.dataset ?? gso2025Dataset(options.geoDataDir);
  const checksum = datasetChecksum(options.geoDataDir, dataset);
  const em = orm.em.fork();
  const previous = await em.findOne(GeoImport, { dataset: dataset.key }, { orderBy: { id: 'desc' } });
  if (previous?.checksum === checksum && !options.force) {
    return { skipped: true, dataset: dataset.key, stats: previous.stats, issues: [] };
  }

  const { units, layers } = readDataset(options.geoDataDir, dataset);

  return em.transactional(async (tx) => {
    await upsertUnits(tx, dataset.codeList, units, options.progress);
    const issues: BoundaryImportResult['issues'] = [];
    const stats: Record<string, number> = {
      provinces: units.filter((u) => u.level === 'province').length,
      districts: units.filter((u) => u.level === 'district').length,
      communes: units.filter((u) => u.level === 'commune').length,
    };
    for (const layer of layers) {
      const counts = await storeLayer(tx, dataset.codeList, layer, options.progress, issues);
      stats[`${layer.level}Polygons`] = counts.stored;
      stats[`${layer.level}Repaired`] = counts.repaired;
      stats[`${layer.level}RingsRemoved`] = counts.ringsRemoved;
    }
    const extended = await tx
      .getConnection()
      .execute<{ code: string; district_codes: string[] }[]>(extendProvincesSql, [dataset.codeList], 'all', tx.getTransactionContext());
    for (const province of extended) {
      issues.push({
        kind: GeoImportIssueKind.PROVINCE_EXTENDED,
        unitCode: province.code,
        detail: `province outline extended with district(s) ${province.district_codes.join(', ')}, which lay outside it`,
      });
    }
    stats.provincesExtended = extended.length;
    await tx.getConnection().execute(refreshDerivedSql, [dataset.codeList], 'run', tx.getTransactionContext());

    const missing = await tx
      .getConnection()
      .execute<{ code: string; name: string; level: string }[]>(unitsWithoutPolygonSql, [dataset.codeList], 'all', tx.getTransactionContext());
    for (const unit of missing) {
      issues.push({
        kind: GeoImportIssueKind.NO_POLYGON,
        unitCode: unit.code,
        detail: `${unit.level} ${unit.name} has no polygon in the source; kept without geometry`,
      });
    }
    stats.withoutPolygon = missing.length;

    const record = tx.create(GeoImport, { dataset: dataset.key, checksum, sourceDir: options.geoDataDir, stats, importedAt: new Date() });
    for (const issue of issues) tx.create(GeoImportIssue, { geoImport: record, ...issue });
    await tx.flush();
    return { skipped: false, dataset: dataset.key, stats, issues };
  });
}

function readDataset(geoDataDir: string, dataset: GeoDataset): { units: UnitRecord[]; layers: LoadedLayer[] } {
  const problems: SourceProblem[] = [];
  const unitList = readUnitList(geoDataDir, dataset.unitsFile);
  problems.push(...unitList.problems);
  const layers = dataset.layers.map((layer) => ({
    ...layer,
    featuresByFile: layer.files.map((file) => {
      const read = readBoundaryFile(geoDataDir, file, layer.level);
      problems.push(...read.problems);
      return { file, features: read.features };
    }),
  }));
  if (problems.length > 0) throw new GeoImportError(problems);
  return { units: unitList.units, layers };
}

async function upsertUnits(em: EntityManager, codeList: string, units: UnitRecord[], progress: ImportProgress) {
  progress.start('Administrative units', units.length);
  // Provinces before districts before communes, so each parent exists when its children arrive.
  for (const level of ['province', 'district', 'commune'] as const) {
    const rows = units
      .filter((u) => u.level === level)
      .map((u) => {
        const name = toNfc(u.name);
        return {
          code: u.code,
          name,
          short_name: shortName(name, toNfc(u.kind)),
          name_search: searchKey(name),
          level,
          kind: toNfc(u.kind),
          code_list: codeList,
          parent_code: u.parentCode,
          valid_to: level === 'district' ? districtsAbolishedOn : null,
        };
      });
    for (let i = 0; i < rows.length; i += unitBatchSize) {
      const batch = rows.slice(i, i + unitBatchSize);
      await em.getConnection().execute(upsertUnitsSql, [JSON.stringify(batch)], 'run', em.getTransactionContext());
      progress.advance(batch.length);
    }
  }
  progress.finish();
}

async function storeLayer(
  em: EntityManager,
  codeList: string,
  layer: LoadedLayer,
  progress: ImportProgress,
  issues: BoundaryImportResult['issues'],
): Promise<{ stored: number; repaired: number; ringsRemoved: number }> {
  const total = layer.featuresByFile.reduce((n, f) => n + f.features.length, 0);
  progress.start(`Boundaries: ${layer.level}`, total);
  const rejected: SourceProblem[] = [];
  let stored = 0;
  let repaired = 0;
  let ringsRemoved = 0;
  for (const { file, features } of layer.featuresByFile) {
    for (let i = 0; i < features.length; i += geometryBatchSize) {
      const batch = features.slice(i, i + geometryBatchSize);
      const rows = await em
        .getConnection()
        .execute<{ code: string; repaired: boolean; rings_removed: number; empty: boolean; stored: boolean }[]>(
          setGeometriesSql,
          [JSON.stringify(batch), layer.minHoleKm2, layer.minHoleKm2, layer.source, codeList, layer.level],
          'all',
          em.getTransactionContext(),
        );
      for (const row of rows) {
        if (row.empty) {
          rejected.push({ file, feature: row.code, reason: 'geometry is empty after ST_MakeValid: not a usable polygon' });
        } else if (!row.stored) {
          issues.push({
            kind: GeoImportIssueKind.UNKNOWN_CODE,
            unitCode: row.code,
            file,
            detail: `no ${layer.level} with this code in the code list; polygon not stored`,
          });
        } else {
          stored++;
          ringsRemoved += row.rings_removed;
          if (row.repaired) {
            repaired++;
            issues.push({ kind: GeoImportIssueKind.REPAIRED, unitCode: row.code, file, detail: 'invalid geometry repaired with ST_MakeValid' });
          }
        }
      }
      progress.advance(batch.length);
    }
  }
  progress.finish();
  if (rejected.length > 0) throw new GeoImportError(rejected);
  return { stored, repaired, ringsRemoved };
}
