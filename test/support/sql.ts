import pg from 'pg';

/** Read-only SQL against a target's database, for facts the API does not expose. */
export async function withSql<T>(databaseUrl: string, fn: (query: (sql: string, params?: unknown[]) => Promise<any[]>) => Promise<T>): Promise<T> {
  // The embedded server multiplexes one PGlite session; a single short-lived client is enough.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await fn(async (sql, params = []) => (await client.query(sql, params)).rows);
  } finally {
    await client.end();
  }
}
