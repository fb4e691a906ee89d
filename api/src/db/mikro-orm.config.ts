import { defineConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { AdminUnit } from '../modules/admin-units/admin-unit.entity.ts';
import { UnitLineage } from '../modules/admin-units/unit-lineage.entity.ts';
import { GeoImport, GeoImportIssue } from '../modules/geo-imports/geo-import.entity.ts';
import { UnitAlias } from '../modules/admin-units/unit-alias.entity.ts';
import { UnitFlag } from '../modules/admin-units/unit-flag.entity.ts';
import { SourceDocument } from '../modules/sources/source-document.entity.ts';
import { SeedRun } from '../modules/sources/seed-run.entity.ts';
import { CriteriaSet } from '../modules/criteria/criteria-set.entity.ts';
import { Criterion } from '../modules/criteria/criterion.entity.ts';
import { Indicator } from '../modules/criteria/indicator.entity.ts';
import { Assessment, AssessmentItem } from '../modules/assessments/assessment.entity.ts';
import { Recognition } from '../modules/assessments/recognition.entity.ts';
import { Target } from '../modules/assessments/target.entity.ts';
import { IndicatorValue } from '../modules/assessments/indicator-value.entity.ts';
import { ReportedAggregate } from '../modules/data-quality/reported-aggregate.entity.ts';
import { DataQualityFinding } from '../modules/data-quality/data-quality-finding.entity.ts';
import { AppSecret, User } from '../modules/auth/user.entity.ts';
import { AuditEntry } from '../modules/audit/audit-entry.entity.ts';
import { AssessmentImportBatch } from '../modules/assessment-imports/import-batch.entity.ts';
import { DataVersion } from '../modules/status/data-version.entity.ts';
import { TileGeometry } from '../modules/tiles/tile-geometry.entity.ts';
import { PrerenderedTile } from '../modules/tiles/prerendered-tile.entity.ts';
import { CommuneGroupAssignment } from '../modules/criteria/commune-group.entity.ts';
import { migrationsList } from './migrations/index.ts';
import { projectRoot } from '../config.ts';
import path from 'node:path';

export const entities = [
  AdminUnit,
  UnitLineage,
  UnitFlag,
  UnitAlias,
  GeoImport,
  GeoImportIssue,
  SourceDocument,
  SeedRun,
  CriteriaSet,
  Criterion,
  Indicator,
  CommuneGroupAssignment,
  Assessment,
  AssessmentItem,
  Recognition,
  Target,
  IndicatorValue,
  ReportedAggregate,
  DataQualityFinding,
  User,
  AppSecret,
  AuditEntry,
  AssessmentImportBatch,
  DataVersion,
  TileGeometry,
  PrerenderedTile,
];

export interface OrmOptions {
  clientUrl: string;
  /** The embedded database is one session: more than one pooled connection would interleave transactions. */
  poolMax: number;
  debug?: boolean;
}

export function ormConfig({ clientUrl, poolMax, debug = false }: OrmOptions) {
  return defineConfig({
    clientUrl,
    entities,
    pool: { min: 0, max: poolMax },
    debug,
    allowGlobalContext: false,
    extensions: [Migrator],
    // PostGIS owns these; the schema diff must not try to drop them.
    schemaGenerator: {
      ignoreSchema: ['tiger', 'topology'],
      skipTables: ['spatial_ref_sys'],
      // The data_version triggers and their functions are written by hand in migrations, not declared on entities.
      ignoreTriggers: true,
      ignoreRoutines: true,
    },
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: path.join(projectRoot, 'api/src/db/migrations'),
      pathTs: path.join(projectRoot, 'api/src/db/migrations'),
      migrationsList,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      silent: true,
    },
  });
}
