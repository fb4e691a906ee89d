import { useTranslation } from 'react-i18next';
import { nationalLevels, type NationalLevel } from './url-state.ts';

/** At country level: colour the provinces, or every district or commune of the country. */
export function LevelSwitch({ value, onChange }: { value: NationalLevel; onChange(level: NationalLevel): void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="level-switch" data-testid="level-switch">
      <legend>{t('levelSwitch.legend')}</legend>
      {nationalLevels.map((level) => (
        <label key={level} className="check">
          <input type="radio" name="national-level" value={level} checked={value === level} onChange={() => onChange(level)} />
          {t(`level.${level}`)}
        </label>
      ))}
    </fieldset>
  );
}
