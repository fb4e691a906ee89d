import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/i18n.ts';
import type { ViewAction } from '../view/view-state.ts';
import type { CriteriaSetOption } from './criteria-sets.ts';
import { SearchBox } from './SearchBox.tsx';
import { years } from './url-state.ts';

interface ViewControlsProps {
  year: number;
  /** The set colouring the map; null for the national standard one. */
  set: string | null;
  setOptions: CriteriaSetOption[];
  onChange(action: ViewAction): void;
  onPickUnit(code: string, codeList: string): void;
}

/** The header's controls: search, year, criteria set (where there is a choice) and language. */
export function ViewControls({ year, set, setOptions, onChange, onPickUnit }: ViewControlsProps) {
  const { t, i18n } = useTranslation();
  const switchLanguage = () => {
    const next: Language = i18n.language === 'vi' ? 'en' : 'vi';
    void i18n.changeLanguage(next);
    onChange({ type: 'changed', changes: { lang: next } });
  };
  return (
    <div className="header-controls">
      <SearchBox onPick={onPickUnit} />
      <label className="year-select">
        {t('year.label')}{' '}
        <select value={year} onChange={(e) => onChange({ type: 'changed', changes: { year: Number(e.target.value) } })}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      {/* Always there (disabled when the year has one set), so the header does not shift between years. */}
      {setOptions.length > 0 && (
        <label className="year-select">
          {t('set.label')}{' '}
          <select value={set ?? ''} disabled={setOptions.length < 2} onChange={(e) => onChange({ type: 'changed', changes: { set: e.target.value || null } })}>
            {setOptions.map((option) => (
              <option key={option.code} value={option.tier === 'standard' ? '' : option.code}>
                {option.tier === 'standard' ? t('set.default') : i18n.language === 'vi' ? option.nameVi : option.nameEn}
              </option>
            ))}
          </select>
        </label>
      )}
      {/* The name is the visible word, in its own language; the title says what it does. */}
      <button type="button" className="lang-switch" onClick={switchLanguage} title={t('lang.switchLabel')} lang={i18n.language === 'vi' ? 'en' : 'vi'}>
        {t('lang.switch')}
      </button>
    </div>
  );
}
