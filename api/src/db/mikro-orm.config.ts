import { defineConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { AdminUnit } from '../modules/admin-units/admin-unit.entity.ts';
import { UnitLineage } from '../modules/admin-units/unit-lineage.entity.ts';
import { GeoImport, GeoImportIssue } from '../modules/geo-imports/geo-import.entity.ts';
import { migrationsList } from './migrations/index.ts';
import { projectRoot } from '../config.ts';
import path from 'node:path';

export const entities = [AdminUnit, UnitLineage, GeoImport, GeoImportIssue];

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
    schemaGenerator: { ignoreSchema: ['tiger', 'topology'], skipTables: ['spatial_ref_sys'] },
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
