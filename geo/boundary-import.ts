import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { intArray, sqlFile } from '../api/src/db/sql-file.ts';
import { searchKey, shortName, toNfc } from '../api/src/text/vietnamese.ts';
import { GeoImport, GeoImportIssue, GeoImportIssueKind } from '../api/src/modules/geo-imports/geo-import.entity.ts';
import { DataQualityFinding } from '../api/src/modules/data-quality/data-quality-finding.entity.ts';
import {
  GeoImportError,
  datasetChecksum,
  gso2025Dataset,
  readBoundaryFile,
  readCrosswalk,
  readUnitList,
  type BoundaryFeature,
  type Crosswalk,
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
const insertLineageSql = sqlFile(import.meta.url, 'insert-lineage-2025.sql');
const disagreementsSql = sqlFile(import.meta.url, 'lineage-disagreements.sql');
const lineageToShareSql = sqlFile(import.meta.url, 'lineage-to-share.sql');
const areaSharesSql = sqlFile(import.meta.url, 'lineage-area-shares.sql');
const shareBatchSize = 200;

/**
 * How far (as a fraction of area) polygons and crosswalk may disagree before a finding is written:
 * the old (GADM-derived) and new (gis.vn, simplified) polygons are different surveys, whose edges
 * differ by a few per cent even where the crosswalk is right.
 */
export const lineageAreaTolerance = 0.1;
/** The data-quality finding kind of a crosswalk/polygon disagreement (kept when seeds are re-imported). */
export const crosswalkFindingKind = 'crosswalk-polygon-mismatch';
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

  const { units, layers, crosswalk } = readDataset(options.geoDataDir, dataset);

  return em.transactional(async (tx) => {
    await upsertUnits(tx, dataset, units, options.progress);
    const issues: BoundaryImportResult['issues'] = [];
    const stats: Record<string, number> = {
      provinces: units.filter((u) => u.level === 'province').length,
      districts: units.filter((u) => u.level === 'district').length,
      communes: units.filter((u) => u.level === 'commune').length,
    };
    const unanswered = new Set<string>();
    for (const layer of layers) {
      const counts = await storeLayer(tx, dataset.codeList, layer, options.progress, issues, unanswered);
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
      if (unanswered.has(unit.code)) continue;
      issues.push({
        kind: GeoImportIssueKind.NO_POLYGON,
        unitCode: unit.code,
        detail: `${unit.level} ${unit.name} has no polygon in the source; kept without geometry`,
      });
    }
    stats.withoutPolygon = missing.length;
    if (crosswalk && dataset.dependsOn) Object.assign(stats, await storeLineage(tx, dataset, crosswalk, options.progress));

    const record = tx.create(GeoImport, { dataset: dataset.key, checksum, sourceDir: options.geoDataDir, stats, importedAt: new Date() });
    for (const issue of issues) tx.create(GeoImportIssue, { geoImport: record, ...issue });
    await tx.flush();
    return { skipped: false, dataset: dataset.key, stats, issues };
  });
}

function readDataset(geoDataDir: string, dataset: GeoDataset): { units: UnitRecord[]; layers: LoadedLayer[]; crosswalk?: Crosswalk } {
  const problems: SourceProblem[] = [];
  let crosswalk: Crosswalk | undefined;
  let unitList: { units: UnitRecord[] };
  if (dataset.unitsFormat === 'crosswalk') {
    const read = readCrosswalk(geoDataDir, dataset.unitsFile);
    problems.push(...read.problems);
    crosswalk = read.crosswalk;
    unitList = { units: crosswalk.units };
  } else {
    const read = readUnitList(geoDataDir, dataset.unitsFile);
    problems.push(...read.problems);
    unitList = read;
  }
  const layers = dataset.layers.map((layer) => ({
    ...layer,
    featuresByFile: layer.files.map((file) => {
      const read = readBoundaryFile(geoDataDir, file, layer.level);
      problems.push(...read.problems);
      return { file, features: read.features };
    }),
  }));
  if (problems.length > 0) throw new GeoImportError(problems);
  return { units: unitList.units, layers, crosswalk };
}

/**
 * Lineage both ways from the crosswalk (effective the day the list comes into force), with the
 * area shares of split units, and a data-quality finding for each disagreement with the polygons
 * beyond {@link lineageAreaTolerance}. The crosswalk's links are stored as stated, never corrected.
 */
async function storeLineage(em: EntityManager, dataset: GeoDataset, crosswalk: Crosswalk, progress: ImportProgress): Promise<Record<string, number>> {
  const connection = em.getConnection();
  const ctx = em.getTransactionContext();
  const effective = dataset.validFrom!;
  const oldList = dataset.dependsOn!.codeList;
  progress.start('Lineage 2025 (crosswalk)', crosswalk.links.length);
  await connection.execute(
    'delete from unit_lineage where effective_date = ?::date and successor_id in (select id from admin_unit where code_list = ?)',
    [effective, dataset.codeList],
    'run',
    ctx,
  );
  const links = crosswalk.links.map((l) => ({ old_code: l.oldCode, new_code: l.newCode, part: l.part }));
  await connection.execute(insertLineageSql, [JSON.stringify(links), effective, crosswalk.source, oldList, dataset.codeList], 'run', ctx);
  // Counted, not read from the driver: the embedded database reports no affected rows for this statement.
  const [{ stored }] = await connection.execute<{ stored: number }[]>(
    'select count(*)::int as stored from unit_lineage where effective_date = ?::date and successor_id in (select id from admin_unit where code_list = ?)',
    [effective, dataset.codeList],
    'all',
    ctx,
  );
  progress.advance(links.length);
  progress.finish();

  // Area shares in batches whose answers are counted: the embedded PostGIS answers a statement that
  // fails inside GEOS with nothing (and may have done part of it), so a short batch is redone link
  // by link, and a link that still gets no answer keeps a null share (counted in the stats).
  const toShare = (await connection.execute<{ id: number }[]>(lineageToShareSql, [effective, dataset.codeList], 'all', ctx)).map((r) => r.id);
  progress.start('Lineage 2025: area shares of split units', toShare.length);
  let sharesUncomputed = 0;
  for (let i = 0; i < toShare.length; i += shareBatchSize) {
    const batch = toShare.slice(i, i + shareBatchSize);
    const answered = await connection.execute<{ id: number }[]>(areaSharesSql, [intArray(batch)], 'all', ctx);
    if (answered.length < batch.length) {
      for (const id of batch) {
        const [one] = await connection.execute<{ id: number }[]>(areaSharesSql, [intArray([id])], 'all', ctx);
        if (!one) {
          sharesUncomputed++;
          await connection.execute('update unit_lineage set area_share = null where id = ?', [id], 'run', ctx);
        }
      }
    }
    progress.advance(batch.length);
  }
  progress.finish();

  await em.nativeDelete(DataQualityFinding, { kind: crosswalkFindingKind });
  const rows = await connection.execute<
    { disagreement: 'old-split' | 'new-union'; unit_id: number; code: string; name: string; unit_km2: number; linked_km2: number; parts: string }[]
  >(disagreementsSql, [effective, dataset.codeList, lineageAreaTolerance, effective, dataset.codeList, lineageAreaTolerance], 'all', ctx);
  for (const row of rows) {
    const unitKm2 = Number(row.unit_km2);
    const linkedKm2 = Number(row.linked_km2);
    const percent = Math.round((linkedKm2 / unitKm2 - 1) * 1000) / 10;
    const km2 = (n: number) => n.toFixed(2);
    const signed = (n: number) => `${n > 0 ? '+' : ''}${n}`;
    em.create(DataQualityFinding, {
      unit: row.unit_id,
      kind: crosswalkFindingKind,
      severity: 'warning',
      origin: 'check',
      rawValue: row.parts,
      reading: 'Lineage kept as the crosswalk states it; area shares computed from the polygons',
      readingVi: 'Giữ quan hệ kế thừa như bảng chuyển đổi ghi; tỷ lệ diện tích tính từ ranh giới',
      reason:
        row.disagreement === 'old-split'
          ? `${row.name} (${row.code}, 01/03/2025 list) is split by the crosswalk, but the shares of its ${km2(unitKm2)} km² that lie in the new units add up to ${km2(linkedKm2)} km² (${signed(percent)} %), beyond the ${lineageAreaTolerance * 100} % tolerance`
          : `${row.name} (${row.code}, list of 01/07/2025) has a ${km2(unitKm2)} km² polygon, but the units the crosswalk says formed it cover ${km2(linkedKm2)} km² (${signed(percent)} %), beyond the ${lineageAreaTolerance * 100} % tolerance`,
      reasonVi:
        row.disagreement === 'old-split'
          ? `${row.name} (${row.code}, danh mục 01/03/2025) được bảng chuyển đổi chia cho nhiều đơn vị, nhưng các phần của ${km2(unitKm2)} km² nằm trong đơn vị mới cộng lại ${km2(linkedKm2)} km² (${signed(percent)} %), vượt sai số ${lineageAreaTolerance * 100} %`
          : `${row.name} (${row.code}, danh mục 01/07/2025) có ranh giới ${km2(unitKm2)} km², nhưng các đơn vị mà bảng chuyển đổi ghi là hợp thành lại phủ ${km2(linkedKm2)} km² (${signed(percent)} %), vượt sai số ${lineageAreaTolerance * 100} %`,
      sourceRef: `${dataset.unitsFile} ${row.disagreement === 'old-split' ? 'oldCommunes' : 'newCommunes/newProvinces'} ${row.code}`,
    } as unknown as DataQualityFinding);
  }
  await em.flush();
  return {
    lineageLinks: stored,
    lineageLinksUnresolved: links.length - stored,
    lineageShares: toShare.length - sharesUncomputed,
    lineageSharesUncomputed: sharesUncomputed,
    lineageFindings: rows.length,
  };
}

async function upsertUnits(em: EntityManager, dataset: GeoDataset, units: UnitRecord[], progress: ImportProgress) {
  const codeList = dataset.codeList;
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
          valid_from: dataset.validFrom,
          valid_to: dataset.validTo,
        };
      });
    if (rows.length === 0) continue;
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
  unanswered: Set<string>,
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
      const store = (features: BoundaryFeature[], repair: 'make-valid' | 'noded-rings' = 'make-valid') =>
        em
          .getConnection()
          .execute<{ code: string; repaired: boolean; rings_removed: number; empty: boolean; stored: boolean }[]>(
            setGeometriesSql,
            [JSON.stringify(features), repair, layer.minHoleKm2, layer.minHoleKm2, layer.source, codeList, layer.level],
            'all',
            em.getTransactionContext(),
          );
      let rows = await store(batch);
      const nodedRepairs = new Set<string>();
      // The embedded PostGIS answers a statement that fails inside GEOS with no rows and no error
      // (ST_MakeValid on 22 Quảng Ninh, 31 Hải Phòng and 06688 Phường Hạ Long of 2025-07): the batch is
      // stored again one feature at a time, such a feature repaired by noding its rings instead, and
      // one that still gets no answer is reported and kept without a polygon.
      if (rows.length < batch.length) {
        rows = [];
        for (const feature of batch) {
          const [row] = await store([feature]);
          const [noded] = row ? [] : await store([feature], 'noded-rings');
          if (row ?? noded) {
            rows.push((row ?? noded)!);
            if (noded) nodedRepairs.add(feature.code);
          } else {
            unanswered.add(feature.code);
            issues.push({
              kind: GeoImportIssueKind.NO_POLYGON,
              unitCode: feature.code,
              file,
              detail: 'the database could not make this polygon valid (ST_MakeValid nor noding its rings gave an answer); kept without geometry',
            });
          }
        }
      }
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
            const detail = nodedRepairs.has(row.code)
              ? 'invalid geometry repaired as the area its noded rings enclose (even–odd): ST_MakeValid gave no answer in this database'
              : 'invalid geometry repaired with ST_MakeValid';
            issues.push({ kind: GeoImportIssueKind.REPAIRED, unitCode: row.code, file, detail });
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
