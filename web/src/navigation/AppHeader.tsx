import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { ViewControls } from './ViewControls.tsx';

/** The page header: the atlas's title and the controls of the view (search, year, set, language). */
export function AppHeader(controls: ComponentProps<typeof ViewControls>) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div>
        <h1>{t('app.title')}</h1>
        <p>{t('app.subtitle')}</p>
      </div>
      <ViewControls {...controls} />
    </header>
  );
}
