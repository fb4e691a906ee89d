import { useCallback, useEffect, useMemo, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { AtlasMap } from './map/AtlasMap.tsx';
import { boundsOf } from './map/bounds.ts';
import { Breadcrumb } from './panels/Breadcrumb.tsx';
import { UnitPanel } from './panels/UnitPanel.tsx';
import { loadAdminUnitLayer, type LayerResult, type UnitFeatureProperties, type UnitSummary } from './layers/admin-units.loader.ts';
import { climbTo, drawnLevel, drillInto, mapParent, type DrillPath, type UnitRef } from './navigation/drill-down.ts';
import { parseViewState, serializeViewState } from './navigation/url-state.ts';
import type { Language } from './i18n/i18n.ts';

const unitPathQuery = `
  query UnitPath($code: String!) {
    unit(code: $code) { code shortName level ancestors { code shortName level } }
  }
`;

const unitDetailsQuery = `
  query UnitDetails($code: String!) {
    unit(code: $code) { code name shortName level kind areaKm2 geomMatch bbox }
  }
`;

const emptyLayer: LayerResult = { data: { type: 'FeatureCollection', features: [] }, units: [], alerts: [] };

export function App() {
  const client = useClient();
  const { t, i18n } = useTranslation();
  const [path, setPath] = useState<DrillPath | null>(null);
  const [layer, setLayer] = useState<LayerResult>(emptyLayer);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [hovered, setHovered] = useState<UnitFeatureProperties | null>(null);

  // The URL is the source of truth on load and on back/forward.
  useEffect(() => {
    const restore = async () => {
      const { unit } = parseViewState(window.location.search);
      if (!unit) return setPath([]);
      const result = await client.query(unitPathQuery, { code: unit }).toPromise();
      if (result.error) {
        setError(result.error.message);
        return setPath([]);
      }
      const { ancestors, ...self } = result.data.unit;
      setPath([...ancestors, self]);
    };
    void restore();
    window.addEventListener('popstate', restore);
    return () => window.removeEventListener('popstate', restore);
  }, [client]);

  const navigate = useCallback(
    (next: DrillPath) => {
      setPath(next);
      const search = serializeViewState({ unit: next.at(-1)?.code ?? null, lang: i18n.language as Language });
      window.history.pushState(null, '', search || window.location.pathname);
    },
    [i18n.language],
  );

  const parentCode = path ? (mapParent(path)?.code ?? null) : undefined;
  const level = path ? drawnLevel(path) : 'PROVINCE';
  useEffect(() => {
    if (parentCode === undefined) return;
    let current = true;
    setLoading(true);
    loadAdminUnitLayer(client, parentCode, level)
      .then(
        (result) => current && (setLayer(result), setError(null)),
        (e: Error) => current && setError(e.message),
      )
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [client, parentCode, level]);

  const selectedCode = path?.at(-1)?.code ?? null;
  const [details] = useQuery({ query: unitDetailsQuery, variables: { code: selectedCode }, pause: !selectedCode });
  const selected: UnitSummary | null = selectedCode && details.data ? { ...details.data.unit, hasGeometry: details.data.unit.bbox !== null } : null;

  const bounds = useMemo(() => boundsOf(layer.units), [layer]);
  const select = (unit: UnitRef) => path && navigate(drillInto(path, unit));

  const switchLanguage = () => {
    const next: Language = i18n.language === 'vi' ? 'en' : 'vi';
    void i18n.changeLanguage(next);
    document.documentElement.lang = next;
    window.history.replaceState(null, '', serializeViewState({ unit: selectedCode, lang: next }) || window.location.pathname);
  };

  return (
    <div className="app">
      <header className="app-header">
        <div>
          <h1>{t('app.title')}</h1>
          <p>{t('app.subtitle')}</p>
        </div>
        <button type="button" className="lang-switch" onClick={switchLanguage} aria-label={t('lang.switchLabel')}>
          {t('lang.switch')}
        </button>
      </header>
      <Breadcrumb path={path ?? []} onClimb={(index) => path && navigate(climbTo(path, index))} />
      {error && <p role="alert" className="alert">{t('error.load', { message: error })}</p>}
      {layer.alerts.map((alert) => (
        <p key={alert} className="alert alert-info">{alert}</p>
      ))}
      <main className="content">
        <div className="map-wrap">
          <AtlasMap
            data={layer.data}
            bounds={bounds}
            selectedCode={selectedCode}
            label={t('map.label', { level: t(`level.${level}`) })}
            onUnitClick={select}
            onUnitHover={setHovered}
          />
          <div className="map-status" aria-hidden="true">{hovered ? hovered.name : t('map.hint')}</div>
        </div>
        <UnitPanel selected={selected} listLevel={level} units={layer.units} loading={loading} onSelect={select} />
      </main>
      <footer className="app-footer">{t('footer.boundaries')}</footer>
    </div>
  );
}
