import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AtlasMap } from './map/LazyAtlasMap.tsx';
import { MapLoading, MapTooltip, type Hover } from './map/MapOverlays.tsx';
import { Breadcrumb } from './panels/Breadcrumb.tsx';
import { UnitPanel } from './panels/UnitPanel.tsx';
import { Legend } from './panels/Legend.tsx';
import { DataScope } from './navigation/DataScope.tsx';
import { DataCoverage } from './panels/DataCoverage.tsx';
import { ReportActions, ReportFooter, ReportHeader, reportSubject, usePrintLayout } from './reports/Report.tsx';
import { StatusSection } from './panels/StatusSection.tsx';
import { ThenAndNow } from './panels/ThenAndNow.tsx';
import { YearNotice } from './panels/YearNotice.tsx';
import { useSelectedUnit } from './panels/use-selected-unit.ts';
import { LayerAlerts } from './layers/LayerAlerts.tsx';
import { layers } from './layers/registry.ts';
import { legendOf, useDrawings, useLayers } from './layers/use-layers.ts';
import { FilterPanel } from './planning/FilterPanel.tsx';
import { MatchTable } from './planning/MatchTable.tsx';
import { plannerDownloadUrl } from './planning/planner-filters.ts';
import { climbTo, drillInto, hierarchyOf, type UnitRef } from './navigation/drill-down.ts';
import { effectiveSet } from './navigation/criteria-sets.ts';
import { AppHeader } from './navigation/AppHeader.tsx';
import { LevelSwitch } from './navigation/LevelSwitch.tsx';
import { useCriteriaSetOptions } from './navigation/use-criteria-sets.ts';
import type { NationalLevel, ViewState } from './navigation/url-state.ts';
import { mapViewOf } from './view/map-view.ts';
import { useAtlasView } from './view/use-atlas-view.ts';

/** The map page: the view state, the registered layers loaded for it, the map and the side panel. */
export function App({ linked }: { linked: ViewState }) {
  const { t, i18n } = useTranslation();
  const { view, dispatch, navigate, openUnit, error } = useAtlasView(linked);
  const { path, url } = view;
  const setOptions = useCriteriaSetOptions(url.year, path?.[0]?.level === 'PROVINCE' ? path[0].code : null);
  const set = effectiveSet(url.set ?? null, setOptions);
  const mapView = mapViewOf(view, set);
  const loaded = useLayers(mapView);
  const drawings = useDrawings(loaded);
  const { 'admin-units': boundaries, choropleth, 'filter-matches': matches, lineage } = loaded;
  const hierarchy = mapView?.hierarchy ?? hierarchyOf(url.year);
  const [hover, setHover] = useState<Hover | null>(null);

  const results = layers.map((layer) => loaded[layer.id]);
  const failure = error ?? results.find((layer) => layer.error)?.error;
  const legend = legendOf(results);
  const units = boundaries.result?.data.kind === 'geojson' ? boundaries.result.data.units : [];
  const level = mapView?.level ?? 'PROVINCE';
  const tilesLevel = mapView?.tilesLevel ?? null;
  // While the selection is followed into a new year, its code of the old year means nothing yet.
  const selectedCode = view.carry ? null : (path?.at(-1)?.code ?? null);
  const selected = useSelectedUnit(selectedCode, view.url.year);
  const scopeName = mapView?.filterScope?.shortName ?? t('nav.country');
  // In a national view a click opens the unit with its ancestors; in the drill-down it goes one level in.
  const select = (unit: UnitRef) => (tilesLevel ? openUnit(unit.code) : path && navigate(drillInto(path, unit, hierarchy)));
  const boundariesLine = t(hierarchy === 'two-level' ? 'footer.boundaries2025' : 'footer.boundaries');
  const page = usePrintLayout(Boolean(url.print));
  const subject = reportSubject(selected, url, set, setOptions, i18n.language);

  return (
    <div className={page.className}>
      <AppHeader year={url.year} set={set} setOptions={setOptions} onChange={dispatch} onPickUnit={openUnit} />
      <Breadcrumb path={path ?? []} onClimb={(index) => path && navigate(climbTo(path, index))} />
      {view.notice && <YearNotice notice={view.notice} />}
      <LayerAlerts failure={failure} alerts={results.flatMap((layer) => layer.result?.alerts ?? [])} />
      {page.printing && <ReportHeader subject={subject} />}
      <main className="content">
        <div className="map-wrap">
          <AtlasMap
            drawings={drawings}
            selectedCode={selectedCode}
            label={t('map.label', { level: t(`level.${level}`) })}
            onUnitClick={select}
            onUnitHover={(unit, point) => setHover(unit && point ? { unit, point } : null)}
          />
          <DataScope legend={legend} demo={url.demo} plan={url.plan} onChange={dispatch} />
          <MapTooltip hover={hover} entry={hover ? choropleth.result?.data.get(hover.unit.code) : undefined} year={url.year} />
          <MapLoading loading={!mapView || results.some((layer) => layer.loading)} />
        </div>
        <UnitPanel selected={selected} listLevel={tilesLevel ? null : level} units={units} loading={!mapView || boundaries.loading} onSelect={select}>
          <Legend legend={legend} onMeasure={(measure) => dispatch({ type: 'changed', changes: { measure } })} />
          <ReportActions subject={subject} legend={legend} boundaries={boundariesLine} />
          {path?.length === 0 && <DataCoverage year={url.year} />}
          {path?.length === 0 && (
            <LevelSwitch
              value={(tilesLevel as NationalLevel | null) ?? 'PROVINCE'}
              hierarchy={hierarchy}
              onChange={(next) => dispatch({ type: 'national-level-chosen', level: next })}
            />
          )}
          <FilterPanel
            filters={url.filters}
            scopeName={scopeName}
            classes={legend.counts}
            criteriaCount={legend.criteriaCount}
            onChange={(filters) => dispatch({ type: 'changed', changes: { filters } })}
          />
          {mapView?.filtering && (
            <MatchTable
              rows={matches.result?.data.rows ?? []}
              totalCount={matches.result?.data.totalCount ?? 0}
              loading={matches.loading}
              year={url.year}
              scopeName={scopeName}
              classes={legend.counts}
              downloadUrl={(format) => plannerDownloadUrl(mapView.filters, mapView.year, mapView.filterScope?.code ?? null, format)}
              onSelect={(code) => openUnit(code, undefined, { within: mapView.filterScope?.code ?? null })}
            />
          )}
          {selected && <ThenAndNow lineage={lineage.result?.data ?? null} loading={lineage.loading} />}
          {selected && <StatusSection code={selected.code} level={selected.level} year={url.year} set={set} includeDemo={url.demo} plan={url.plan} />}
        </UnitPanel>
      </main>
      <footer className="app-footer">{boundariesLine}</footer>
      {page.printing && <ReportFooter boundaries={boundariesLine} />}
    </div>
  );
}
