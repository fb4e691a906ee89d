import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export const root = path.resolve(import.meta.dirname, '../..');
export const artifactsDir = path.join(root, 'test/artifacts');
/** The servers under test accept writes with this token (ADMIN_TOKEN). */
export const operatorToken = 'test-operator-token';
/** The first admin each server under test creates at start (ADMIN_USERNAME / ADMIN_PASSWORD). */
export const firstAdmin = { username: 'test-admin', password: 'first admin password 1' };

export interface ServerTarget {
  /** "embedded" or "postgis": the database behind the server. */
  name: 'embedded' | 'postgis';
  url: string;
  /** Direct SQL access for assertions the API does not expose (read-only use). */
  databaseUrl: string;
  /** The server's process, for memory measurements. */
  pid: number;
}

export interface SpawnedServer extends ServerTarget {
  process: ChildProcess;
  /** Stops the server as Ctrl-C (SIGINT) or a service manager (SIGTERM) would; resolves with its exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Runs the server's entry point as a real process and waits for its "ready" line: the sources
 * through tsx, or (`entry`) another form of it, such as the bundle `npm start` runs.
 */
export async function spawnServer(
  name: ServerTarget['name'],
  env: Record<string, string>,
  { entry = ['--import', 'tsx', 'api/main.ts'], logName = name }: { entry?: string[]; logName?: string } = {},
): Promise<SpawnedServer> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const log = fs.createWriteStream(path.join(artifactsDir, `server-${logName}.log`));
  const child = spawn(process.execPath, entry, {
    cwd: root,
    env: { ...process.env, PORT: '0', CI: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<{ url: string; databaseUrl?: string }>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      log.write(chunk);
      const url = /ready in [\d.]+ s: (http:\/\/[\d.:]+)\//.exec(output)?.[1];
      const embeddedPort = /Embedded PostGIS listening on 127\.0\.0\.1:(\d+)/.exec(output)?.[1];
      if (url) resolve({ url, databaseUrl: embeddedPort ? `postgres://postgres@127.0.0.1:${embeddedPort}/postgres` : undefined });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} server exited with ${code} before it was ready:\n${output.slice(-3000)}`)));
  });
  const { url, databaseUrl } = await ready;
  return {
    name,
    url,
    databaseUrl: databaseUrl ?? env.DATABASE_URL,
    pid: child.pid!,
    process: child,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill(signal);
      // A server that does not stop in 30 s is killed and reported as not stopping (code null).
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const code = await exited;
      clearTimeout(timer);
      log.end();
      return code;
    },
  };
}

export const adminDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A throwaway database on the real PostgreSQL server; PostGIS must be installed there. */
export async function createScratchDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminDatabaseUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
