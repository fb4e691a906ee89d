import { useCallback, useEffect, useMemo, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { AtlasMap } from './map/AtlasMap.tsx';
import { boundsOf } from './map/bounds.ts';
import { Breadcrumb } from './panels/Breadcrumb.tsx';
import { UnitPanel } from './panels/UnitPanel.tsx';
import { loadAdminUnitLayer, type LayerResult, type LayerScope, type UnitFeatureProperties, type UnitSummary } from './layers/admin-units.loader.ts';
import { loadFilterMatches, type MatchResult } from './layers/filter-matches.loader.ts';
import { FilterPanel } from './planning/FilterPanel.tsx';
import { MatchTable } from './planning/MatchTable.tsx';
import { hasFilters, type PlannerFilters } from './planning/planner-filters.ts';
import { SearchBox } from './navigation/SearchBox.tsx';
import { climbTo, drawnLevel, drillInto, mapParent, type DrillPath, type UnitRef } from './navigation/drill-down.ts';
import { parseViewState, serializeViewState, years, type NationalLevel, type ViewState } from './navigation/url-state.ts';
import { LevelSwitch } from './navigation/LevelSwitch.tsx';
import { effectiveSet, setsFor, type CriteriaSetOption } from './navigation/criteria-sets.ts';
import { loadChoropleth, type ChoroplethResult } from './layers/choropleth.loader.ts';
import { Legend } from './panels/Legend.tsx';
import { StatusSection } from './panels/StatusSection.tsx';
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

const criteriaSetsQuery = `
  query CriteriaSets { criteriaSets { code nameVi nameEn level tier validFrom validTo provinceCode } }
`;

const emptyLayer: LayerResult = { data: { type: 'FeatureCollection', features: [] }, units: [], alerts: [] };
const emptyChoropleth: ChoroplethResult = { entries: new Map(), legend: [], syntheticCount: 0 };
const noMatches: MatchResult = { rows: [], totalCount: 0, highlight: new Set(), alerts: [] };

/** Drilling adds a history entry (Back climbs out); a new language or year replaces the current one. */
function writeUrl(state: ViewState, mode: 'push' | 'replace') {
  const url = serializeViewState(state) || window.location.pathname;
  if (mode === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}

export function App() {
  const client = useClient();
  const { t, i18n } = useTranslation();
  const [path, setPath] = useState<DrillPath | null>(null);
  const [layer, setLayer] = useState<LayerResult>(emptyLayer);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [hovered, setHovered] = useState<UnitFeatureProperties | null>(null);
  const [year, setYear] = useState(() => parseViewState(window.location.search).year);
  const [choropleth, setChoropleth] = useState<ChoroplethResult>(emptyChoropleth);
  const [filters, setFilters] = useState<PlannerFilters>(() => parseViewState(window.location.search).filters);
  const [matches, setMatches] = useState<MatchResult>(noMatches);
  const [matchesLoading, setMatchesLoading] = useState(false);
  const filtering = hasFilters(filters);
  const [requestedSet, setRequestedSet] = useState<string | null>(() => parseViewState(window.location.search).set ?? null);
  const [nationalLevel, setNationalLevel] = useState<NationalLevel | null>(() => parseViewState(window.location.search).level ?? null);

  // The URL is the source of truth on load and on back/forward.
  useEffect(() => {
    const restore = async () => {
      const linked = parseViewState(window.location.search);
      const unit = linked.unit;
      setYear(linked.year);
      setFilters(linked.filters);
      setNationalLevel(linked.level ?? null);
      setRequestedSet(linked.set ?? null);
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

  /** The view as it stands, with some parts changed: what the URL records. */
  const viewWith = useCallback(
    (changes: Partial<ViewState>): ViewState => ({
      unit: path?.at(-1)?.code ?? null,
      lang: i18n.language as Language,
      year,
      filters,
      level: nationalLevel,
      set: requestedSet,
      ...changes,
    }),
    [path, i18n.language, year, filters, nationalLevel, requestedSet],
  );

  const navigate = useCallback(
    (next: DrillPath) => {
      setPath(next);
      writeUrl(viewWith({ unit: next.at(-1)?.code ?? null }), 'push');
    },
    [viewWith],
  );

  /** Opens a unit found by search or in the table of matches, with its ancestors in the breadcrumb. */
  const openUnit = useCallback(
    async (code: string) => {
      const result = await client.query(unitPathQuery, { code }).toPromise();
      if (result.error) return setError(result.error.message);
      const { ancestors, ...self } = result.data.unit;
      navigate([...ancestors, self]);
    },
    [client, navigate],
  );

  // Filters look below the selected province or district (a commune's district), else nationwide.
  const filterScope = path ? (mapParent(path) ?? null) : null;
  // With filters on inside a province or district, the map draws its communes so matches show.
  const showCommunes = filtering && filterScope !== null && filterScope.level !== 'DISTRICT';
  const parentCode = path ? (mapParent(path)?.code ?? null) : undefined;
  // At country level every district or commune can be drawn at once, from vector tiles.
  const tilesLevel = path?.length === 0 && nationalLevel && nationalLevel !== 'PROVINCE' ? nationalLevel : null;
  const level = tilesLevel ?? (path ? (showCommunes ? 'COMMUNE' : drawnLevel(path)) : 'PROVINCE');
  useEffect(() => {
    if (parentCode === undefined) return;
    // The tiles carry a national view's geometry; its units are not listed one by one.
    if (tilesLevel) {
      setLayer(emptyLayer);
      setLoading(false);
      return;
    }
    let current = true;
    setLoading(true);
    const scope: LayerScope = parentCode === null ? { level } : showCommunes ? { withinCode: parentCode, level } : { parentCode, level };
    loadAdminUnitLayer(client, scope)
      .then(
        (result) => current && (setLayer(result), setError(null)),
        (e: Error) => current && setError(e.message),
      )
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [client, parentCode, level, showCommunes, tilesLevel]);

  useEffect(() => {
    if (!filtering || path === null) return setMatches(noMatches);
    let current = true;
    setMatchesLoading(true);
    loadFilterMatches(client, filters, year, filterScope?.code ?? null)
      .then(
        (result) => current && setMatches(result),
        (e: Error) => current && setError(e.message),
      )
      .finally(() => current && setMatchesLoading(false));
    return () => {
      current = false;
    };
  }, [client, filters, filtering, year, filterScope?.code, path === null]);

  const [{ data: setsData }] = useQuery({ query: criteriaSetsQuery });
  const provinceCode = path?.[0]?.level === 'PROVINCE' ? path[0].code : null;
  const setOptions = useMemo(() => setsFor(setsData?.criteriaSets ?? [], year, provinceCode), [setsData, year, provinceCode]);
  const set = effectiveSet(requestedSet, setOptions);

  // Colours follow the year; the geometry above is not reloaded for it.
  useEffect(() => {
    if (parentCode === undefined) return;
    let current = true;
    loadChoropleth(client, parentCode, level, year, set).then(
      (result) => current && setChoropleth(result),
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [client, parentCode, level, year, set]);

  const selectedCode = path?.at(-1)?.code ?? null;
  const [details] = useQuery({ query: unitDetailsQuery, variables: { code: selectedCode }, pause: !selectedCode });
  const selected: UnitSummary | null = selectedCode && details.data ? { ...details.data.unit, hasGeometry: details.data.unit.bbox !== null } : null;

  const bounds = useMemo(() => boundsOf(layer.units), [layer]);
  // In a national view a click opens the unit with its ancestors; in the drill-down it goes one level in.
  const select = (unit: UnitRef) => (tilesLevel ? void openUnit(unit.code) : path && navigate(drillInto(path, unit)));

  const switchLanguage = () => {
    const next: Language = i18n.language === 'vi' ? 'en' : 'vi';
    void i18n.changeLanguage(next);
    document.documentElement.lang = next;
    writeUrl(viewWith({ lang: next }), 'replace');
  };

  const changeYear = (next: number) => {
    setYear(next);
    writeUrl(viewWith({ year: next }), 'replace');
  };

  const changeFilters = (next: PlannerFilters) => {
    setFilters(next);
    writeUrl(viewWith({ filters: next }), 'replace');
  };

  const changeSet = (next: string | null) => {
    setRequestedSet(next);
    writeUrl(viewWith({ set: next }), 'replace');
  };

  const changeNationalLevel = (next: NationalLevel) => {
    setNationalLevel(next);
    writeUrl(viewWith({ unit: null, level: next }), 'push');
  };
  const scopeName = filterScope?.shortName ?? t('nav.country');

  const hoveredEntry = hovered ? choropleth.entries.get(hovered.code) : undefined;
  const tooltip = hovered
    ? [
        hovered.name ?? hovered.code,
        hoveredEntry?.criteriaMet != null ? t('tooltip.criteria', { met: hoveredEntry.criteriaMet, total: hoveredEntry.criteriaTotal }) : null,
        hoveredEntry?.averageCriteria != null ? t('tooltip.average', { value: hoveredEntry.averageCriteria }) : null,
        hoveredEntry ? (hoveredEntry.tier ? t(`status.tier.${hoveredEntry.tier}`) : t(`band.${hoveredEntry.band}`)) : null,
        hoveredEntry?.synthetic ? t('status.synthetic') : null,
      ]
        .filter(Boolean)
        .join(' · ')
    : t('map.hint');

  return (
    <div className="app">
      <header className="app-header">
        <div>
          <h1>{t('app.title')}</h1>
          <p>{t('app.subtitle')}</p>
        </div>
        <div className="header-controls">
          <SearchBox onPick={(code) => void openUnit(code)} />
          <label className="year-select">
            {t('year.label')}{' '}
            <select value={year} onChange={(e) => changeYear(Number(e.target.value))}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          {setOptions.length > 1 && (
            <label className="year-select">
              {t('set.label')}{' '}
              <select value={set ?? ''} onChange={(e) => changeSet(e.target.value || null)}>
                {setOptions.map((option: CriteriaSetOption) => (
                  <option key={option.code} value={option.tier === 'standard' ? '' : option.code}>
                    {option.tier === 'standard' ? t('set.default') : i18n.language === 'vi' ? option.nameVi : option.nameEn}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="button" className="lang-switch" onClick={switchLanguage} aria-label={t('lang.switchLabel')}>
            {t('lang.switch')}
          </button>
        </div>
      </header>
      <Breadcrumb path={path ?? []} onClimb={(index) => path && navigate(climbTo(path, index))} />
      {error && <p role="alert" className="alert">{t('error.load', { message: error })}</p>}
      {[...layer.alerts, ...matches.alerts].map((alert) => {
        const [kind, detail] = alert.split(/:(.*)/s);
        return (
          <p key={alert} className="alert alert-info">
            {t(`alert.${kind}`, { detail })}
          </p>
        );
      })}
      <main className="content">
        <div className="map-wrap">
          <AtlasMap
            data={layer.data}
            tilesLevel={tilesLevel}
            colours={choropleth.entries}
            matches={filtering ? matches.highlight : null}
            bounds={bounds}
            selectedCode={selectedCode}
            label={t('map.label', { level: t(`level.${level}`) })}
            onUnitClick={select}
            onUnitHover={setHovered}
          />
          <div className="map-status" aria-hidden="true" data-testid="tooltip">{tooltip}</div>
        </div>
        <UnitPanel selected={selected} listLevel={tilesLevel ? null : level} units={layer.units} loading={loading} onSelect={select}>
          {path?.length === 0 && <LevelSwitch value={nationalLevel ?? 'PROVINCE'} onChange={changeNationalLevel} />}
          <FilterPanel filters={filters} scopeName={scopeName} onChange={changeFilters} />
          {filtering && (
            <MatchTable rows={matches.rows} totalCount={matches.totalCount} loading={matchesLoading} year={year} scopeName={scopeName} onSelect={(code) => void openUnit(code)} />
          )}
          {selected && <StatusSection code={selected.code} level={selected.level} year={year} set={set} />}
          <Legend counts={choropleth.legend} syntheticCount={choropleth.syntheticCount} />
        </UnitPanel>
      </main>
      <footer className="app-footer">{t('footer.boundaries')}</footer>
    </div>
  );
}
