import { describe, expect, inject, it } from 'vitest';
import { graphql, queryData } from '../support/graphql.ts';
import { operatorToken } from '../support/servers.ts';
import { withSql } from '../support/sql.ts';

const servers = inject('servers');

// 2025 ends under the two-level list: the communes of the new Lào Cai (15, formed from 10 and 15).
const choroplethQuery = `{ choropleth(level: COMMUNE, parentCode: "15", year: 2025) { code band criteriaMet } }`;
const columnsQuery = `{ choroplethColumns(level: COMMUNE, parentCode: "15", year: 2025) { codes bands criteriaMet } }`;
const recordMutation = `mutation($input: AssessmentInput!) { recordAssessment(input: $input) { year } }`;

/** The map colours are cached per process; every write, by this server or another process, must show at once. */
describe.each(servers)('choropleth after writes on $name', ({ url, databaseUrl }) => {
  it('shows a recorded assessment at once, and a change made directly in the database by another process', async () => {
    const before = (await queryData(url, choroplethQuery)).choropleth as { code: string; band: string; criteriaMet: number | null }[];
    // A commune without data that year and never recognised, so its band follows its criteria alone.
    let target: (typeof before)[number] | undefined;
    for (const entry of before.filter((e) => e.band === 'no-data')) {
      const { unit } = await queryData(url, `query($code: String!) { unit(code: $code) { recognitions { year } } }`, { code: entry.code });
      if (unit.recognitions.length === 0) {
        target = entry;
        break;
      }
    }
    if (!target) throw new Error('no unrecognised commune without 2025 data in the new Lào Cai');
    // Asked twice, the same answer (the second from the cache).
    expect((await queryData(url, choroplethQuery)).choropleth).toEqual(before);
    const columnsBefore = (await queryData(url, columnsQuery)).choroplethColumns;
    expect(columnsBefore.codes).toEqual(before.map((e) => e.code));

    const all = Array.from({ length: 19 }, (_, i) => i + 1);
    const recorded = await graphql(
      url,
      recordMutation,
      { input: { unitCode: target.code, year: 2025, set: 'commune-2021', met: all.slice(0, 12), notMet: all.slice(12) } },
      { authorization: `Bearer ${operatorToken}` },
    );
    expect(recorded.errors).toBeUndefined();
    const afterWrite = (await queryData(url, choroplethQuery)).choropleth.find((e: { code: string }) => e.code === target.code);
    expect(afterWrite).toEqual({ code: target.code, band: '10-14', criteriaMet: 12 });

    // Another process (an import CLI, a second server) writes straight to the database.
    await withSql(databaseUrl, (sql) =>
      sql(
        `update assessment_item set status = 'met' where assessment_id = (select a.id from assessment a join admin_unit u on u.id = a.unit_id where u.code = $1 and u.code_list = 'gso-2025-07' and a.year = 2025)`,
        [target.code],
      ),
    );
    const afterOther = (await queryData(url, choroplethQuery)).choropleth.find((e: { code: string }) => e.code === target.code);
    expect(afterOther).toEqual({ code: target.code, band: 'all-met', criteriaMet: 19 });
    const columnsAfter = (await queryData(url, columnsQuery)).choroplethColumns;
    const index = columnsAfter.codes.indexOf(target.code);
    expect([columnsBefore.bands[index], columnsAfter.bands[index], columnsAfter.criteriaMet[index]]).toEqual(['no-data', 'all-met', 19]);
  });
});
