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
      const [row] = await query(
        `select count(*)::int as rows, md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), '')) as digest from public."${tablename}" t`,
      );
      digests[tablename] = `${row.rows} rows, ${row.digest}`;
    }
    return digests;
  });
}

/**
 * Copies one district of the atlas (its province, itself, its communes with their boundaries,
 * tile geometry, flags, assessments, indicator values, recognitions and targets) and the reference
 * tables they need from `fromUrl` into the migrated, empty database at `toUrl`. Rows travel as
 * their record text, so every type (geometry, arrays, enums, jsonb) arrives exactly as it was.
 */
export async function copyDistrict(fromUrl: string, toUrl: string, districtCode: string): Promise<void> {
  const units = `(select id from admin_unit where code = '${districtCode}' and level = 'district'
    union select parent_id from admin_unit where code = '${districtCode}' and level = 'district'
    union select id from admin_unit where parent_id = (select id from admin_unit where code = '${districtCode}' and level = 'district'))`;
  const plan: [table: string, where: string][] = [
    ['source_document', 'true'],
    ['criteria_set', 'true'],
    ['criterion', 'true'],
    ['indicator', 'true'],
    ['admin_unit', `id in ${units}`],
    ['unit_flag', `unit_id in ${units}`],
    ['geo_import', 'true'],
    ['tile_geometry', `unit_id in ${units}`],
    ['assessment', `unit_id in ${units}`],
    ['assessment_item', `assessment_id in (select id from assessment where unit_id in ${units})`],
    ['indicator_value', `unit_id in ${units}`],
    ['recognition', `unit_id in ${units}`],
    ['target', `unit_id in ${units}`],
  ];
  await withSql(fromUrl, (from) =>
    withSql(toUrl, async (to) => {
      for (const [table, where] of plan) {
        // Parents before children; tile_geometry is keyed by (unit_id, lod) and has no sequence.
        const order = { admin_unit: 'level, id', tile_geometry: 'unit_id, lod' }[table] ?? 'id';
        const rows = await from(`select t::text as row from ${table} t where ${where} order by ${order}`);
        for (const { row } of rows) await to(`insert into ${table} select (($1)::${table}).*`, [row]);
        if (table !== 'tile_geometry') await to(`select setval(pg_get_serial_sequence('${table}', 'id'), coalesce((select max(id) from ${table}), 1))`);
      }
    }),
  );
}
