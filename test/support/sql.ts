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

/**
 * Row count and an order-independent digest of every table of the public schema (PostGIS's
 * spatial_ref_sys aside), from each row's text form: geometries compare as their EWKB.
 */
export function tableDigests(databaseUrl: string): Promise<Record<string, string>> {
  return withSql(databaseUrl, async (query) => {
    const tables = await query(`select tablename from pg_tables where schemaname = 'public' and tablename <> 'spatial_ref_sys' order by tablename`);
    const digests: Record<string, string> = {};
    for (const { tablename } of tables) {
      const [row] = await query(`select count(*)::int as rows, md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), '')) as digest from public."${tablename}" t`);
      digests[tablename] = `${row.rows} rows, ${row.digest}`;
    }
    return digests;
  });
}
