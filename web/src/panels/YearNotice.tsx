import { useTranslation } from 'react-i18next';
import type { AtlasView } from '../view/view-state.ts';

/** Says what a change of year did to the selection: another unit after (or before) a reform, or none. */
export function YearNotice({ notice }: { notice: NonNullable<AtlasView['notice']> }) {
  const { t, i18n } = useTranslation();
  if (notice.kind === 'none') {
    return (
      <p role="status" className="notice" data-testid="year-notice">
        {t('notice.none', { from: notice.from })}
      </p>
    );
  }
  const date = new Date(`${notice.date}T00:00:00Z`).toLocaleDateString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'UTC' });
  return (
    <p role="status" className="notice" data-testid="year-notice">
      {t(`notice.${notice.kind}`, { from: notice.from, to: notice.to, date })}
      {notice.others.length > 0 && ` ${t(`notice.${notice.kind}Others`, { others: notice.others.join(', ') })}`}
    </p>
  );
}
