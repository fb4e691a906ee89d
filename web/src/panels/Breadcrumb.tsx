import { useTranslation } from 'react-i18next';
import { crumbLabels, type DrillPath } from '../navigation/drill-down.ts';

export function Breadcrumb({ path, onClimb }: { path: DrillPath; onClimb(index: number): void }) {
  const { t } = useTranslation();
  const labels = crumbLabels(path, (level) => t(`crumb.${level}`));
  const items = [{ code: '', shortName: t('nav.country') }, ...path.map((unit, i) => ({ ...unit, shortName: labels[i] }))];
  return (
    <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
      <ol>
        {items.map((item, i) => (
          <li key={item.code || 'country'}>
            {i === items.length - 1 ? (
              <span aria-current="page">{item.shortName}</span>
            ) : (
              <button type="button" onClick={() => onClimb(i - 1)}>
                {item.shortName}
              </button>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
