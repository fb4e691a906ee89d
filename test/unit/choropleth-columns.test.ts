import { describe, expect, it } from 'vitest';
import { toChoroplethColumns, type ChoroplethEntry } from '../../api/src/modules/status/unit-status.type.ts';
import { Tier } from '../../api/src/modules/assessments/recognition.entity.ts';
import { entriesFromColumns } from '../../web/src/layers/choropleth.loader.ts';
import { tierFrom } from '../../web/src/planning/planner-filters.ts';
import { bandColours } from '../../web/src/map/map-style.ts';

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
    const bands = [
      { code: 'lt5', labelVi: 'Dưới 5', labelEn: 'Under 5', meetsStandard: false },
      { code: '5-9', labelVi: '5–9', labelEn: '5–9', meetsStandard: false },
      { code: '10-14', labelVi: '10–14', labelEn: '10–14', meetsStandard: false },
      { code: '15-18', labelVi: '15–18', labelEn: '15–18', meetsStandard: false },
      { code: 'all-met', labelVi: '19', labelEn: '19', meetsStandard: true },
    ];
    const read = entriesFromColumns({ ...columns, tiers: columns.tiers.map((t) => tierFrom(t?.toUpperCase() ?? null)) }, bands);
    expect(read.map((e) => e.code)).toEqual(columns.codes);
    expect(read[0]).toEqual({
      code: '06493',
      criteriaMet: 8,
      criteriaTotal: 19,
      band: '5-9',
      displayBand: '5-9',
      colour: bandColours['5-9'],
      tier: null,
      synthetic: false,
      averageCriteria: null,
      communesAssessed: null,
      communesDemo: null,
      communesLagging: null,
      communesMeetingAll: null,
    });
    expect(read[1]).toMatchObject({ band: 'recognised', displayBand: 'advanced', colour: bandColours.advanced, tier: 'ADVANCED', synthetic: true });
    expect(read[2].colour).toBe(bandColours['no-data']);
    expect(read[3]).toMatchObject({ averageCriteria: 12.35, communesAssessed: 20, synthetic: true });
  });
});
