import { loadConfig } from './config.ts';
import { startApplication } from './application.ts';

const config = loadConfig();
const started = Date.now();
try {
  const app = await startApplication(config);
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
