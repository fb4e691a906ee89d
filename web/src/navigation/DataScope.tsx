import { useTranslation } from 'react-i18next';
import type { Legend } from '../layers/layer.ts';
import type { ViewAction } from '../view/view-state.ts';

interface DataScopeProps {
  legend: Legend;
  /** Demo data counted beside the documented. */
  demo: boolean;
  /** The plans of the year shown instead of what was achieved. */
  plan: boolean;
  onChange(action: ViewAction): void;
}

/**
 * On the map, where it cannot be missed: the switch between documented data only and documented plus
 * demo data, how many of the coloured units (for districts and provinces, of their communes) are of
 * each, and the switch to the plans of the year.
 */
export function DataScope({ legend, demo, plan, onChange }: DataScopeProps) {
  const { t } = useTranslation();
  const { syntheticCount, documentedCount, communes } = legend;
  const mixed = demo && syntheticCount > 0;
  const counts = !demo
    ? t(plan ? 'demo.offPlans' : 'demo.off', { count: documentedCount })
    : syntheticCount + documentedCount === 0
      ? t('demo.noneInSet')
      : communes
        ? t('demo.onAreas', { demo: communes.demo, documented: communes.documented })
        : t('demo.on', { demo: syntheticCount, documented: documentedCount });
  return (
    <div className={`map-scope ${mixed ? 'map-scope-demo' : 'map-scope-documented'}`} data-testid="demo-notice" data-demo={demo ? 'on' : 'off'}>
      <label title={t('demo.toggleHelp')}>
        <input type="checkbox" checked={demo} onChange={(e) => onChange({ type: 'changed', changes: { demo: e.target.checked } })} data-testid="demo-toggle" />{' '}
        {t('demo.toggle')}
      </label>
      <span role="status" className="map-scope-counts">
        {mixed && <strong>{t('demo.onTitle')} </strong>}
        {counts}
      </span>
      <label title={t('plan.toggleHelp')}>
        <input type="checkbox" checked={plan} onChange={(e) => onChange({ type: 'changed', changes: { plan: e.target.checked } })} data-testid="plan-toggle" />{' '}
        {t('plan.toggle')}
      </label>
    </div>
  );
}
