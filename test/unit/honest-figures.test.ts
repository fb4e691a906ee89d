import { describe, expect, it } from 'vitest';
import { plannedState } from '../../seeds/loader/planned-state.ts';
import { documentAliases, spelledName } from '../../seeds/loader/document-aliases.ts';
import type { SeedDocumentFile } from '../../seeds/loader/seed-files.ts';
import { compareReported } from '../../api/src/modules/status/summary.service.ts';
import { summarise } from '../../api/src/modules/status/summarise.ts';
import { AssessmentKind } from '../../api/src/modules/assessments/assessment.entity.ts';
import type { ReportedAggregate } from '../../api/src/modules/data-quality/reported-aggregate.entity.ts';

describe('plannedState', () => {
  it('a plan that adds criterion 5 to the 18 met at the review reads 19 of 19', () => {
    const baseline = [1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19];
    expect(plannedState([5], baseline, 19, null)).toEqual({ met: Array.from({ length: 19 }, (_, i) => i + 1), notMet: [], cumulativeMismatch: null });
  });

  it('keeps numbers outside the set out, and reports a printed cumulative count that disagrees', () => {
    // 002 Phụ lục 04 row 1: "1,7,12,29" met, 3 added, "Lũy kế" printed 5; criterion 29 does not exist.
    const planned = plannedState([3], [1, 7, 12, 29], 19, 5);
    expect(planned.met).toEqual([1, 3, 7, 12]);
    expect(planned.notMet).toHaveLength(15);
    expect(planned.cumulativeMismatch).toEqual({ printed: 5, computed: 4 });
    expect(plannedState([3], [1, 7, 12, 19], 19, 5).cumulativeMismatch).toBeNull();
  });
});

describe('document aliases', () => {
  const doc = {
    document: '002',
    units: [
      { asWritten: 'Xã Ngọc Thiệp', code: '07360', level: 'commune', resolution: 'exact', gsoName2025_03: 'Xã Ngọc Thiện' },
      { asWritten: 'Xã Ngọc Vân', code: '07351', level: 'commune', resolution: 'exact', gsoName2025_03: 'Xã Ngọc Vân' },
      {
        asWritten: 'Xã Thành Hòa',
        code: '06163',
        level: 'commune',
        resolution: 'ambiguous',
        gsoName2025_03: 'Xã Thành Hòa',
        mentions: [{ ref: 'Phụ lục 04, row 12', asWritten: 'Xã Thành Hòa - Văn Quan' }],
      },
      { asWritten: 'Xã Hiệp Hạ', code: '06595', code2019: '06580', level: 'commune', resolution: 'merged-into', gsoName2025_03: 'Xã Minh Hiệp' },
    ],
  } as unknown as SeedDocumentFile;

  it('are the spellings that differ from the code list once folded, on the unit they name', () => {
    const aliases = documentAliases(doc);
    expect(aliases.map((a) => [a.unit.code, a.name])).toEqual([
      ['07360', 'Ngọc Thiệp'],
      ['06163', 'Thành Hòa - Văn Quan'],
    ]);
  });

  it('drop the type word and a remark in brackets', () => {
    expect(spelledName('Xã Hoàng Văn Thủ - Bình Gia (năm 2016 chuyển sang)')).toBe('Hoàng Văn Thủ - Bình Gia');
    expect(spelledName('Xã Kiên Mộc - Định Lập(DBKK)')).toBe('Kiên Mộc - Định Lập');
  });
});

describe('compareReported', () => {
  const bands = [
    { code: 'lt5', min: 0, max: 4, label: { vi: '', en: '' } },
    { code: '5-9', min: 5, max: 9, label: { vi: '', en: '' } },
    { code: 'all-met', min: 19, max: 19, meetsStandard: true, label: { vi: '', en: '' } },
  ];
  const status = (met: number, synthetic: boolean) => ({
    band: met < 5 ? 'lt5' : '5-9',
    criteriaMet: met,
    met: Array.from({ length: met }, (_, i) => i + 1),
    synthetic,
  });
  const actual2016 = { setCode: 'commune-2016', kind: AssessmentKind.ACTUAL };
  const aggregate = (metric: string, band: string | null, demoFitted = false) =>
    ({ metric, band, criterion: null, value: 43, kind: 'actual', criteriaSet: { code: 'commune-2016' }, demoFitted }) as unknown as ReportedAggregate;

  it('computes from the documented units only and states the coverage', () => {
    const documented = summarise(
      [status(4, false), status(3, false), status(7, false), status(4, true)].filter((s) => !s.synthetic),
      bands,
      19,
    );
    expect(compareReported(aggregate('communes_in_band', 'lt5', true), actual2016, documented, 207)).toMatchObject({
      computed: 2,
      difference: 41,
      coveredCount: 3,
      ofCount: 207,
      demoFitted: true,
    });
  });

  it('compares nothing when no unit is documented, or a plan with achievements', () => {
    const none = summarise([], bands, 19);
    expect(compareReported(aggregate('avg_criteria', null), actual2016, none, 207).computed).toBeUndefined();
    const plan = { ...aggregate('avg_criteria', null), kind: 'target' } as unknown as ReportedAggregate;
    const figures = summarise([status(4, false)], bands, 19);
    expect(compareReported(plan, actual2016, figures, 207).computed).toBeUndefined();
    expect(compareReported(plan, { setCode: 'commune-2016', kind: AssessmentKind.TARGET }, figures, 207).computed).toBe(4);
  });
});
