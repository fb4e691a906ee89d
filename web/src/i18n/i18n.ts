import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from './vi.json';
import en from './en.json';

export type Language = 'vi' | 'en';

/** Vietnamese by default; keys are flat ("unit.code") so translators see one list per language. */
export function initI18n(language: Language) {
  void i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'vi',
    keySeparator: false,
    interpolation: { escapeValue: false },
    resources: { vi: { translation: vi }, en: { translation: en } },
  });
  return i18next;
}
