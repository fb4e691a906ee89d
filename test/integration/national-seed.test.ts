import { afterAll, describe, expect, inject, it } from 'vitest';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../../api/src/db/mikro-orm.config.ts';
import { nationalNote, nationalYears, seedNational } from '../../seeds/national/national-records.ts';
import { withSql } from '../support/sql.ts';

// The embedded server holds its database's only writer; the generator runs against the real server's.
const postgis = inject('servers').find((s) => s.name === 'postgis')!;
const silent = { start() {}, advance() {}, finish() {} };

describe('npm run seed:national, for two provinces', () => {
  const cleanUp = () =>
    withSql(postgis.databaseUrl, async (q) => {
      await q(`delete from indicator_value where note = $1`, [nationalNote]);
      await q(`delete from assessment where note = $1`, [nationalNote]);
    });
  afterAll(cleanUp);

  it('fills every rural commune of Đà Nẵng, 2016–2025, and leaves Lạng Sơn (demo and documented data) alone; a rerun adds nothing', async () => {
    await cleanUp();
    const before = await withSql(postgis.databaseUrl, (q) => q(`select count(*)::int as n, sum(id)::bigint as ids from assessment`));
    const orm = await MikroORM.init(ormConfig({ clientUrl: postgis.databaseUrl, poolMax: 2 }));
    try {
      const first = await seedNational(orm.em.fork(), { progress: silent, provinces: ['48', '20'] });
      const again = await seedNational(orm.em.fork(), { progress: silent, provinces: ['48', '20'] });
      const daNangCommunes = 11;
      expect(first.communes).toBe(daNangCommunes);
      expect(first.skippedCommunes).toBeGreaterThan(100);
      expect(first.communeYears).toBe(daNangCommunes * nationalYears.length);

      await withSql(postgis.databaseUrl, async (q) => {
        const [counts] = await q(
          `select count(distinct a.id)::int as assessments,
                  count(distinct a.unit_id)::int as communes,
                  bool_and(a.synthetic) as synthetic,
                  min(a.year) as first, max(a.year) as last
           from assessment a where a.note = $1`,
          [nationalNote],
        );
        expect(counts).toEqual({ assessments: daNangCommunes * 10, communes: daNangCommunes, synthetic: true, first: 2016, last: 2025 });
        const [items] = await q(
          `select min(n)::int as min, max(n)::int as max from (
             select count(*) as n from assessment_item i join assessment a on a.id = i.assessment_id where a.note = $1 group by a.id) x`,
          [nationalNote],
        );
        expect(items).toEqual({ min: 19, max: 19 });
        const [values] = await q(
          `select count(*)::int as n, bool_and(synthetic) as synthetic, count(distinct (unit_id, year))::int as "communeYears"
           from indicator_value where note = $1`,
          [nationalNote],
        );
        expect(values.synthetic).toBe(true);
        expect(values.communeYears).toBe(daNangCommunes * 10);
        expect(values.n / values.communeYears).toBeGreaterThan(40);
        // Every Lạng Sơn assessment (documents and demo data) is still the one it was.
        const after = await q(`select count(*)::int as n, sum(id)::bigint as ids from assessment where note is distinct from $1`, [nationalNote]);
        expect(after[0]).toEqual(before[0]);
      });
      // The rerun found every commune-year present and inserted nothing.
      await withSql(postgis.databaseUrl, async (q) => {
        const [{ n }] = await q(`select count(*)::int as n from assessment where note = $1`, [nationalNote]);
        expect(n).toBe(daNangCommunes * 10);
      });
      expect(again.communes).toBe(daNangCommunes);
    } finally {
      await orm.close();
    }
  });
});
