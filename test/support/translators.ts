import i18next, { type TFunction } from 'i18next';
import vi from '../../web/src/i18n/vi.json';
import en from '../../web/src/i18n/en.json';

/** The page's translations with its i18next settings (web/src/i18n/i18n.ts): Vietnamese as the fallback, flat keys. */
export async function pageTranslators(): Promise<{ tVi: TFunction; tEn: TFunction }> {
  const translator = i18next.createInstance();
  await translator.init({
    lng: 'vi',
    fallbackLng: 'vi',
    keySeparator: false,
    interpolation: { escapeValue: false },
    resources: { vi: { translation: vi }, en: { translation: en } },
  });
  return { tVi: translator.getFixedT('vi'), tEn: translator.getFixedT('en') };
}
