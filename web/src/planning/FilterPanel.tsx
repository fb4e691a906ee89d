import { useTranslation } from 'react-i18next';
import type { LegendClass } from '../layers/layer.ts';
import { bandChoices, criterionChoices, emptyFilters, flagOptions, hasFilters, tierFrom, tierOptions, toggle, type PlannerFilters } from './planner-filters.ts';

interface FilterPanelProps {
  filters: PlannerFilters;
  /** Where the filters look: the selected province or district, or the whole country. */
  scopeName: string;
  /** The classes of the criteria set the map shows (the legend's); empty until it has loaded. */
  classes: LegendClass[];
  /** Criteria in that set: the choices of "missing criterion" (nothing assumes 19). */
  criteriaCount: number | null;
  onChange(filters: PlannerFilters): void;
}

/** Border, ĐBKK, bands, a missing criterion and a tier; every control is a native, keyboard-usable input. */
export function FilterPanel({ filters, scopeName, classes, criteriaCount, onChange }: FilterPanelProps) {
  const { t, i18n } = useTranslation();
  const labelOf = (c: LegendClass) => (c.label ? (i18n.language === 'en' ? c.label.en : c.label.vi) : t(`band.${c.band}`));
  return (
    <details className="filters" open={hasFilters(filters) || undefined} data-testid="filters">
      <summary>{t('filters.heading')}</summary>
      <p className="muted">{t('filters.scope', { scope: scopeName })}</p>
      <fieldset>
        <legend>{t('filters.flags')}</legend>
        {flagOptions.map((flag) => (
          <label key={flag} className="check">
            <input
              type="checkbox"
              name="flag"
              value={flag}
              checked={filters.flags.includes(flag)}
              onChange={() => onChange({ ...filters, flags: toggle(filters.flags, flag) })}
            />
            {t(`flag.${flag}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('filters.bands')}</legend>
        {bandChoices(classes).map((choice) => (
          <label key={choice.band} className="check">
            <input
              type="checkbox"
              name="band"
              value={choice.band}
              checked={filters.bands.includes(choice.band)}
              onChange={() => onChange({ ...filters, bands: toggle(filters.bands, choice.band) })}
            />
            <span className="swatch" style={{ background: choice.colour }} aria-hidden="true" />
            {labelOf(choice)}
          </label>
        ))}
      </fieldset>
      <div className="filter-row">
        <label>
          {t('filters.missing')}{' '}
          <select
            value={filters.missingCriterion ?? ''}
            onChange={(e) => onChange({ ...filters, missingCriterion: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">{t('filters.any')}</option>
            {criterionChoices(criteriaCount).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filters.tier')}{' '}
          <select value={filters.tier ?? ''} onChange={(e) => onChange({ ...filters, tier: tierFrom(e.target.value) })}>
            <option value="">{t('filters.any')}</option>
            {tierOptions.map((tier) => (
              <option key={tier} value={tier}>
                {t(`status.tier.${tier}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {hasFilters(filters) && (
        <button type="button" className="link-button" onClick={() => onChange(emptyFilters)}>
          {t('filters.clear')}
        </button>
      )}
    </details>
  );
}
