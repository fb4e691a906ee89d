import { describe, expect, inject, it } from 'vitest';
import { queryData } from '../support/graphql.ts';

const servers = inject('servers');

/** The 20 communes of 002 Phụ lục 04 ("Kế hoạch xóa xã dưới 5 tiêu chí năm 2017"), as the 2016 review leaves them. */
const annex04 = [
  'Quang Trung',
  'Ái Quốc',
  'Hữu Lân',
  'Hiệp Hạ',
  'Minh Phát',
  'Mẫu Sơn',
  'Quan Sơn',
  'Vân An',
  'Liên Sơn',
  'Kháng Chiến',
  'Quốc Việt',
  'Thành Hòa',
  'Trấn Ninh',
  'Phú Mỹ',
  'Văn Mộng',
  'Hữu Lễ',
  'Bảo Lâm',
  'Công Sơn',
  'Thụy Hùng',
  'Kiên Mộc',
];

const below5Query = `
  query($year: Int!, $includeDemo: Boolean) {
    units(first: 100, filter: { withinCode: "20", level: COMMUNE, year: $year, bandIn: ["lt5"], includeDemo: $includeDemo }) {
      totalCount
      nodes { code codeList shortName status(year: $year, includeDemo: $includeDemo) { criteriaMet synthetic sourceDocument sourceRef statedOn } }
    }
  }
`;

const summaryQuery = `
  query($code: String!, $year: Int!, $kind: AssessmentKind!, $includeDemo: Boolean) {
    summary(unitCode: $code, year: $year, kind: $kind, includeDemo: $includeDemo) {
      includesDemo assessedCount documentedCount syntheticCount communeCount averageCriteria recognisedWithoutDecision
      recognisedCounts { tier count }
      reported { computed coveredCount ofCount demoFitted reported { metric band value kind } }
    }
  }
`;

describe.each(servers)('honest figures on $name', ({ url }) => {
  it('documented only, Lạng Sơn 2016 (the review of February 2017) lists the 20 communes of Phụ lục 04 below 5 criteria, each with its document and annex', async () => {
    const { units } = await queryData(url, below5Query, { year: 2016, includeDemo: false });
    expect(units.totalCount).toBe(20);
    expect(units.nodes.map((u: any) => u.shortName).sort()).toEqual([...annex04].sort());
    for (const unit of units.nodes) {
      expect(unit.status).toMatchObject({ synthetic: false, sourceDocument: '002', statedOn: '2017-02-24' });
      expect(unit.status.sourceRef).toContain('Phụ lục 04');
      expect(unit.status.criteriaMet).toBeLessThan(5);
    }
    // Merged away in 2020, still a commune of 2016: the unit of that date, on the 2019 list.
    expect(units.nodes.find((u: any) => u.shortName === 'Hiệp Hạ').codeList).toBe('gso-2019');
  });

  it('with demo data on, the same question counts demo communes too, and says which are which', async () => {
    const { units } = await queryData(url, below5Query, { year: 2016, includeDemo: true });
    expect(units.totalCount).toBeGreaterThan(20);
    expect(units.nodes.filter((u: any) => !u.status.synthetic)).toHaveLength(20);
  });

  it('a reported figure is compared with the documented communes only, with its coverage; a figure the demo data was fitted to says so', async () => {
    for (const includeDemo of [true, false]) {
      const { summary } = await queryData(url, summaryQuery, { code: '20', year: 2016, kind: 'ACTUAL', includeDemo });
      expect(summary.includesDemo).toBe(includeDemo);
      expect(summary.documentedCount).toBe(37);
      expect(summary.syntheticCount > 0).toBe(includeDemo);
      const below5 = summary.reported.find((r: any) => r.reported.metric === 'communes_in_band' && r.reported.band === 'lt5');
      // 002 reports 43 communes below 5; 20 documented communes are below 5, computed from the 37 documented of the province.
      expect(below5).toMatchObject({ computed: 20, coveredCount: 37, ofCount: summary.communeCount, demoFitted: true });
      expect(below5.reported.value).toBe(43);
      for (const row of summary.reported) {
        if (row.computed !== null && row.reported.metric !== 'communes_total') expect(row.coveredCount).toBe(37);
      }
    }
  });

  it('no recognition without a decision is counted as decided, and demo data creates none', async () => {
    // Si Ma Cai 2024: four communes the draft plan calls recognised, with no decision number or date.
    const { summary } = await queryData(url, summaryQuery, { code: '084', year: 2024, kind: 'ACTUAL', includeDemo: true });
    expect(summary.recognisedCounts).toEqual([]);
    const { unit } = await queryData(
      url,
      `{ unit(code: "02824", asOf: "2024-12-31") { status(year: 2024, includeDemo: true) { tier tierWithoutDecision band synthetic } recognitions { decisionNumber decidedOn synthetic } } }`,
    );
    expect(unit.status?.tier ?? null).toBeNull();
    expect(unit.recognitions.every((r: any) => !r.synthetic)).toBe(true);
    const { summary: nation } = await queryData(url, summaryQuery, { code: '20', year: 2024, kind: 'ACTUAL', includeDemo: true });
    expect(nation.recognisedCounts).toEqual([]);
  });

  it('a plan reads in its own terms: Xã Hoàng Văn Thụ (Bình Gia) is planned at 19 of 19 for 2017, aiming at the standard', async () => {
    const { unit } = await queryData(
      url,
      `{ unit(code: "06100", asOf: "2017-12-31") { shortName status(year: 2017, kind: TARGET) { criteriaMet criteriaTotal band tier sourceDocument statedOn } } }`,
    );
    expect(unit.shortName).toBe('Hoàng Văn Thụ');
    expect(unit.status).toMatchObject({ criteriaMet: 19, criteriaTotal: 19, band: 'all-met', tier: 'STANDARD', sourceDocument: '002', statedOn: '2017-02-24' });
    // The province's target summary averages planned totals (met at the review plus added), not the criteria added.
    const { summary } = await queryData(url, summaryQuery, { code: '20', year: 2017, kind: 'TARGET', includeDemo: false });
    expect(summary.assessedCount).toBe(37);
    expect(summary.averageCriteria).toBeGreaterThan(9);
  });

  it('names as the documents write them find their unit, with the spelling used', async () => {
    const search = async (text: string) =>
      (
        await queryData(
          url,
          `query($s: String!) { units(filter: { search: $s, asOf: "2024-12-31" }) { nodes { code name aliases { name sourceDocument { key } } } } }`,
          {
            s: text,
          },
        )
      ).units.nodes;
    const thien = await search('ngoc thiep');
    expect(thien).toEqual([expect.objectContaining({ code: '07360', name: 'Xã Ngọc Thiện' })]);
    expect(thien[0].aliases).toContainEqual({ name: 'Ngọc Thiệp', sourceDocument: { key: '001' } });
    // Without a date: today's Xã Ngọc Thiện, found through the Tân Yên commune it was formed from.
    const today = await queryData(
      url,
      `{ units(filter: { search: "ngoc thiep" }) { edges { node { name codeList } matchedFormerUnits { code parent { name } } } } }`,
    );
    expect(today.units.edges).toEqual([
      { node: { name: 'Xã Ngọc Thiện', codeList: 'gso-2025-07' }, matchedFormerUnits: [{ code: '07360', parent: { name: 'Huyện Tân Yên' } }] },
    ]);
    expect((await search('nan sin')).map((u: any) => u.code)).toContain('02836');
    expect((await search('Thành Hòa – Văn Quan')).map((u: any) => u.code)).toContain('06163');
  });

  it('villages named by the Song Vân and Si Ma Cai plans are units below their commune, with their plans', async () => {
    const villages = async (commune: string) =>
      (
        await queryData(
          url,
          `query($c: String!) { units(filter: { parentCode: $c, level: VILLAGE, asOf: "2024-12-31" }) { nodes { code name level targets { year tier sourceDocument { key } } } } }`,
          { c: commune },
        )
      ).units.nodes;
    const songVan = await villages('07345');
    expect(songVan.map((v: any) => v.name)).toEqual(expect.arrayContaining(['Thôn Hoàng Vân', 'Thôn Tân Lập']));
    expect(songVan.find((v: any) => v.name === 'Thôn Hoàng Vân').targets).toEqual([{ year: 2024, tier: 'MODEL', sourceDocument: { key: '003' } }]);
    const canCau = await villages('02821');
    expect(canCau.find((v: any) => v.code === '02821-can-chu-su')?.targets[0]).toMatchObject({ tier: 'MODEL', sourceDocument: { key: '004' } });
    const { unit } = await queryData(url, `{ unit(code: "07345-hoang-van") { name level parent { code } } }`);
    expect(unit).toEqual({ name: 'Thôn Hoàng Vân', level: 'VILLAGE', parent: { code: '07345' } });
  });

  it('a recognition documented on a former commune shows in its successor’s history', async () => {
    // Document 001: "xã Nhã Nam" recognised; merged into Thị trấn Nhã Nam (07306) in 2020.
    const { unit } = await queryData(
      url,
      `{ unit(code: "07306", codeList: "gso-2025-03") { name recognitions { status documentedOn { code codeList name } } own: recognitions(includePredecessors: false) { status } } }`,
    );
    expect(unit.name).toBe('Thị trấn Nhã Nam');
    expect(unit.own).toEqual([]);
    expect(unit.recognitions).toContainEqual({ status: 'RECOGNISED', documentedOn: { code: '07306', codeList: 'gso-2019', name: 'Xã Nhã Nam' } });
  });

  it('findings come in Vietnamese as well as English', async () => {
    const { dataQualityFindings } = await queryData(url, `{ dataQualityFindings(unitCode: "20") { reading readingVi reason reasonVi origin } }`);
    const transcribed = dataQualityFindings.filter((f: any) => f.origin === 'transcription');
    expect(transcribed.length).toBeGreaterThan(0);
    for (const f of transcribed) {
      expect(f.readingVi, f.reading).toBeTruthy();
      expect(f.reasonVi, f.reason).toBeTruthy();
    }
  });
});
