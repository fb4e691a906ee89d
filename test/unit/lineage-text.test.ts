import { beforeAll, describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import vi from '../../web/src/i18n/vi.json';
import en from '../../web/src/i18n/en.json';

// The page's i18next settings (web/src/i18n/i18n.ts): Vietnamese as the fallback, flat keys.
let tVi: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  const translator = i18next.createInstance();
  await translator.init({
    lng: 'vi',
    fallbackLng: 'vi',
    keySeparator: false,
    interpolation: { escapeValue: false },
    resources: { vi: { translation: vi }, en: { translation: en } },
  });
  tVi = translator.getFixedT('vi');
  tEn = translator.getFixedT('en');
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
