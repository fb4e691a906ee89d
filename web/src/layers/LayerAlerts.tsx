import { useTranslation } from 'react-i18next';
import type { LayerAlert } from './layer.ts';
import type { TFunction } from 'i18next';
import { loadFailureText, type ErrorReason } from '../graphql/error-reason.ts';

/** An alert in the user's language. Pure. */
export function alertMessage(alert: LayerAlert, t: TFunction): string {
  switch (alert.kind) {
    case 'no-polygon':
      return t('alert.no-polygon', { detail: alert.units.join(', ') });
    case 'truncated':
      return t('alert.truncated', { detail: `${alert.shown}/${alert.total}` });
  }
}

/** Problems the layers met, shown above the map instead of failing it; a failure to load first. */
export function LayerAlerts({ alerts, failure }: { alerts: LayerAlert[]; failure?: ErrorReason | null }) {
  const { t } = useTranslation();
  return (
    <>
      {failure && (
        <p role="alert" className="alert">
          {loadFailureText(failure, t)}
        </p>
      )}
      {alerts.map((alert, i) => (
        <p key={`${alert.kind}-${i}`} className="alert alert-info">
          {alertMessage(alert, t)}
        </p>
      ))}
    </>
  );
}
