import { describe, expect, inject, it } from 'vitest';
import { withSql } from '../support/sql.ts';

const servers = inject('servers');

describe.each(servers)('stored boundaries on $name', ({ databaseUrl }) => {
  it('every geometry is a valid MultiPolygon in EPSG:4326, on both code lists', async () => {
    const rows = await withSql(databaseUrl, (q) =>
      q(`select code_list, level::text, count(*)::int as total,
                count(*) filter (where not ST_IsValid(geom))::int as invalid,
                count(*) filter (where GeometryType(geom) <> 'MULTIPOLYGON' or ST_SRID(geom) <> 4326)::int as wrong_type
         from admin_unit a where geom is not null group by a.code_list, a.level order by a.code_list, a.level`),
    );
    expect(rows).toEqual([
      { code_list: 'gso-2025-03', level: 'province', total: 63, invalid: 0, wrong_type: 0 },
      { code_list: 'gso-2025-03', level: 'district', total: 696, invalid: 0, wrong_type: 0 },
      { code_list: 'gso-2025-03', level: 'commune', total: 10035, invalid: 0, wrong_type: 0 },
      // Every province of 01/07/2025, and every commune but Xã Ia Mơ (the source's polygon has another code).
      { code_list: 'gso-2025-07', level: 'province', total: 34, invalid: 0, wrong_type: 0 },
      { code_list: 'gso-2025-07', level: 'commune', total: 3320, invalid: 0, wrong_type: 0 },
    ]);
  });

  it('each district lies within its province (less than 0.1 % of its area outside)', async () => {
    const outside = await withSql(databaseUrl, (q) =>
      q(`select d.code, ST_Area(ST_Difference(d.geom, p.geom)) / nullif(ST_Area(d.geom), 0) as share_outside
         from admin_unit d join admin_unit p on p.id = d.parent_id
         where d.level = 'district' and d.geom is not null and p.geom is not null
           and ST_Area(ST_Difference(d.geom, p.geom)) > 0.001 * ST_Area(d.geom)`),
    );
    expect(outside).toEqual([]);
    const [{ pairs }] = await withSql(databaseUrl, (q) =>
      q(`select count(*)::int as pairs from admin_unit d join admin_unit p on p.id = d.parent_id
         where d.level = 'district' and d.geom is not null and p.geom is not null`),
    );
    expect(pairs).toBe(696);
  });

  it('has a spatial index on the boundaries', async () => {
    const rows = await withSql(databaseUrl, (q) => q(`select indexdef from pg_indexes where tablename = 'admin_unit' and indexdef ilike '%using gist%'`));
    expect(rows.map((r) => r.indexdef).join()).toMatch(/\(geom\)/);
  });

  it('records each import with the units that have no polygon', async () => {
    const rows = await withSql(databaseUrl, (q) =>
      q(`select g.dataset, i.unit_code from geo_import_issue i join geo_import g on g.id = i.geo_import_id
         where i.kind = 'no-polygon' order by g.dataset, i.unit_code`),
    );
    const byDataset = (dataset: string) => rows.filter((r) => r.dataset === dataset).map((r) => r.unit_code);
    expect(byDataset('gso-2025-03')).toHaveLength(12);
    expect(byDataset('gso-2025-03')).toEqual(expect.arrayContaining(['03003', '16411', '25186']));
    expect(byDataset('gso-2025-07')).toEqual(['23737']);
  });

  it('stores names in NFC with a folded search key', async () => {
    const [row] = await withSql(databaseUrl, (q) => q(`select name, name_search from admin_unit where code = '189'`));
    expect(row.name).toBe('Huyện Đình Lập'.normalize('NFC'));
    expect(row.name === row.name.normalize('NFC')).toBe(true);
    expect(row.name_search).toBe('huyen dinh lap');
  });
});
