import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createScratchDatabase, firstAdmin, operatorToken, spawnServer, type ServerTarget } from './servers.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    servers: ServerTarget[];
  }
}

/**
 * Starts the real application twice, on the embedded PGlite + PostGIS and on the real PostgreSQL
 * + PostGIS server, each on a fresh database that goes through first-boot migrations and import.
 */
export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-test-embedded-'));
  const scratch = await createScratchDatabase('ntm_test');
  const auth = { ADMIN_TOKEN: operatorToken, ADMIN_USERNAME: firstAdmin.username, ADMIN_PASSWORD: firstAdmin.password };
  const started = await Promise.allSettled([
    spawnServer('embedded', { DATA_DIR: dataDir, ...auth }),
    spawnServer('postgis', { DATABASE_URL: scratch.url, ...auth }),
  ]);
  const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const teardown = async () => {
    // Ctrl-C must shut the embedded database down cleanly and release its lock for the next start.
    const embedded = servers.find((s) => s.name === 'embedded');
    const codes = await Promise.all(servers.map((s) => s.stop(s === embedded ? 'SIGINT' : 'SIGTERM')));
    const lockLeft = fs.existsSync(path.join(dataDir, 'pglite.lock'));
    await scratch.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (codes.some((code) => code !== 0) || lockLeft) {
      throw new Error(`Servers did not shut down cleanly: exit codes ${codes.join(', ')}${lockLeft ? '; the embedded lock file was left behind' : ''}`);
    }
  };
  const failure = started.find((s) => s.status === 'rejected');
  if (failure) {
    await teardown();
    throw failure.reason;
  }
  project.provide(
    'servers',
    servers.map(({ name, url, databaseUrl, pid }) => ({ name, url, databaseUrl, pid })),
  );
  return teardown;
}
