import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from './vi.json';
import en from './en.json';

export type Language = 'vi' | 'en';

/**
 * Vietnamese by default; keys are flat ("unit.code") so translators see one list per language. The
 * page's language and title follow the chosen language.
 */
export function initI18n(language: Language) {
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    document.title = i18next.t('app.documentTitle');
  });
  void i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'vi',
    keySeparator: false,
    interpolation: { escapeValue: false },
    resources: { vi: { translation: vi }, en: { translation: en } },
  });
  return i18next;
}
