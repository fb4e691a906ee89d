import { useTranslation } from 'react-i18next';
import type { Hierarchy } from './drill-down.ts';
import { nationalLevelsOf, type NationalLevel } from './url-state.ts';

/** At country level: colour the provinces, or every district (until 2024) or commune of the country. */
export function LevelSwitch({ value, hierarchy, onChange }: { value: NationalLevel; hierarchy: Hierarchy; onChange(level: NationalLevel): void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="level-switch" data-testid="level-switch">
      <legend>{t('levelSwitch.legend')}</legend>
      {nationalLevelsOf(hierarchy).map((level) => (
        <label key={level} className="check">
          <input type="radio" name="national-level" value={level} checked={value === level} onChange={() => onChange(level)} />
          {t(`level.${level}`)}
        </label>
      ))}
    </fieldset>
  );
}
