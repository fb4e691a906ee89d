import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { pageTranslators } from '../support/translators.ts';

let tVi: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  ({ tVi, tEn } = await pageTranslators());
});

describe('then and now, in words', () => {
  it('says how many units a new unit was formed from, in the number English needs', () => {
    const formed = (t: TFunction, count: number) => t('lineage.formedFrom', { name: 'Tỉnh Lạng Sơn', date: '01/07/2025', count });
    expect(formed(tEn, 1)).toBe('Tỉnh Lạng Sơn was formed on 01/07/2025 from 1 unit (dashed magenta outline on the map):');
    expect(formed(tEn, 4)).toBe('Tỉnh Lạng Sơn was formed on 01/07/2025 from 4 units (dashed magenta outlines on the map):');
    expect(formed(tVi, 1)).toBe('Tỉnh Lạng Sơn được thành lập ngày 01/07/2025 từ 1 đơn vị (viền hồng đứt nét trên bản đồ):');
    expect(formed(tVi, 4)).toBe('Tỉnh Lạng Sơn được thành lập ngày 01/07/2025 từ 4 đơn vị (viền hồng đứt nét trên bản đồ):');
  });
});
