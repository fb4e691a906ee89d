import { describe, expect, it } from 'vitest';
import { toChoroplethColumns, type ChoroplethEntry } from '../../api/src/modules/status/unit-status.type.ts';
import { Tier } from '../../api/src/modules/assessments/recognition.entity.ts';
import { entriesFromColumns } from '../../web/src/layers/choropleth.loader.ts';
import { tierFrom } from '../../web/src/planning/planner-filters.ts';

describe('choropleth columns', () => {
  const entries: ChoroplethEntry[] = [
    { code: '06493', criteriaMet: 8, criteriaTotal: 19, band: '5-9', synthetic: false },
    { code: '06127', criteriaMet: 19, criteriaTotal: 19, band: 'recognised', tier: Tier.ADVANCED, synthetic: true },
    { code: '06130', band: 'no-data', synthetic: false },
    { code: '187', band: '10-14', synthetic: true, averageCriteria: 12.35, communesAssessed: 20 },
  ];

  it('puts entry i of every column on the unit codes[i], absent values as null', () => {
    const columns = toChoroplethColumns(entries);
    expect(columns.codes).toEqual(['06493', '06127', '06130', '187']);
    expect(columns.criteriaMet).toEqual([8, 19, null, null]);
    expect(columns.tiers).toEqual([null, Tier.ADVANCED, null, null]);
    expect(columns.averageCriteria).toEqual([null, null, null, 12.35]);
    for (const column of Object.values(columns)) expect(column).toHaveLength(entries.length);
  });

  it('is read back by the map into the same entries, with the band the legend shows', () => {
    const columns = toChoroplethColumns(entries);
    // GraphQL sends the enum's names.
    const read = entriesFromColumns({ ...columns, tiers: columns.tiers.map((t) => tierFrom(t?.toUpperCase() ?? null)) });
    expect(read.map((e) => e.code)).toEqual(columns.codes);
    expect(read[0]).toEqual({
      code: '06493',
      criteriaMet: 8,
      criteriaTotal: 19,
      band: '5-9',
      displayBand: '5-9',
      tier: null,
      synthetic: false,
      averageCriteria: null,
      communesAssessed: null,
    });
    expect(read[1]).toMatchObject({ band: 'recognised', displayBand: 'advanced', tier: 'ADVANCED', synthetic: true });
    expect(read[3]).toMatchObject({ averageCriteria: 12.35, communesAssessed: 20, synthetic: true });
  });
});
