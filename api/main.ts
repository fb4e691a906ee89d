/**
 * The process entry point (`npm start`): the one place that composes the API (api/src) with the
 * ingest layer (geo/, seeds/), which may import the API but is never imported by it.
 */
import { loadConfig } from './src/config.ts';
import { startApplication } from './src/application.ts';
import { ingestOnBoot } from '../geo/ingest-on-boot.ts';

const config = loadConfig();
const started = Date.now();
try {
  const app = await startApplication(config, (database) => ingestOnBoot(database.orm, config, console.log));
  console.log(`NTM Atlas ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${app.url}/ (GraphQL at ${app.url}/graphql)`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down…`);
    await app.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
