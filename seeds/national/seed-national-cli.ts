/**
 * npm run seed:national [-- --province 20,24]: the synthetic nationwide dataset for benchmarks and
 * demos, into DATABASE_URL or the embedded database in DATA_DIR (which must not be in use by a
 * running server: PGlite is a single process).
 */
import { loadConfig } from '../../api/src/config.ts';
import { openDatabase } from '../../api/src/db/database.ts';
import { createProgress } from '../../api/src/import-progress.ts';
import { importBoundaries } from '../../geo/boundary-import.ts';
import { importSeeds } from '../loader/seed-import.ts';
import { seedNational } from './national-records.ts';

const config = loadConfig();
const provinceArg = process.argv.indexOf('--province');
const provinces = provinceArg > 0 ? process.argv[provinceArg + 1]?.split(',') : undefined;

let database: Awaited<ReturnType<typeof openDatabase>>;
try {
  database = await openDatabase(config, console.log);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(config.databaseUrl ? message : `${message}\nThe embedded database is locked while the server runs: stop npm start first.`);
  process.exit(1);
}
try {
  const progress = createProgress(config.interactive);
  // The communes and criteria sets must be there; both steps skip themselves when already done.
  await importBoundaries(database.orm, { geoDataDir: config.geoDataDir, progress });
  await importSeeds(database.orm, { seedsDir: config.seedsDir, progress });
  const started = Date.now();
  const result = await seedNational(database.orm.em.fork(), { progress, provinces });
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `National synthetic dataset: ${result.communes} communes, ${result.communeYears} commune-years generated in ${seconds.toFixed(1)} s ` +
      `(${Math.round(result.communeYears / seconds)} commune-years/s); ${result.skippedCommunes} communes with other data left as they were.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
