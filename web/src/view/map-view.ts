import { drawnLevel, hierarchyOf, mapParent, type Hierarchy, type UnitRef } from '../navigation/drill-down.ts';
import { nationalLevelsOf } from '../navigation/url-state.ts';
import { hasFilters, type PlannerFilters } from '../planning/planner-filters.ts';
import type { Level } from '../graphql/codes.ts';
import type { AtlasView } from './view-state.ts';
import type { AreaMeasure } from '../layers/area-measure.ts';

/** What the map shows for a view: the layers' loaders read this. */
export interface MapView {
  /** The unit whose units are drawn (and below which the filters look); null for the country. */
  scope: UnitRef | null;
  /** The selected unit (the end of the path); null for the country. */
  selected: UnitRef | null;
  /** Level of the units drawn. */
  level: Level;
  /** National view: every unit of this level from the vector tiles; null for the drill-down. */
  tilesLevel: Level | null;
  /** With filters on inside a province, its communes are drawn (not its districts) so matches show. */
  showCommunes: boolean;
  filters: PlannerFilters;
  filtering: boolean;
  year: number;
  /** The year's levels: from 2025 province → commune, no district. */
  hierarchy: Hierarchy;
  /** Criteria set colouring the units; null for the national standard set. */
  set: string | null;
  /** Count demo data beside the documented. */
  includeDemo: boolean;
  /** What was achieved, or what the plans of the year aim at. */
  kind: 'ACTUAL' | 'TARGET';
  /** What colours districts and provinces. */
  measure: AreaMeasure;
  /** Where the planners' filters look: the drawn scope, or the unit the list was made in before one of its rows was opened. */
  filterScope: UnitRef | null;
}

/** Null until the URL's unit is looked up (or followed into a newly chosen year). Pure. */
export function mapViewOf(view: AtlasView, set: string | null): MapView | null {
  const { path, url } = view;
  if (!path || view.carry) return null;
  const hierarchy = hierarchyOf(url.year);
  const filtering = hasFilters(url.filters);
  const scope = mapParent(path, hierarchy);
  const below = drawnLevel(path, hierarchy);
  // Inside a province of the three-level years the filters draw its communes, not its districts.
  const showCommunes = filtering && scope !== null && below !== 'COMMUNE';
  // A linked district level has no units after the reform: the provinces are drawn instead.
  const national = url.level && nationalLevelsOf(hierarchy).includes(url.level) ? url.level : null;
  const tilesLevel = path.length === 0 && national && national !== 'PROVINCE' ? national : null;
  const level = tilesLevel ?? (showCommunes ? 'COMMUNE' : below);
  const kind = url.plan ? 'TARGET' : 'ACTUAL';
  const { filters, year, demo: includeDemo } = url;
  const measure = url.measure ?? 'average';
  const filterScope = (url.within && path.find((unit) => unit.code === url.within)) || scope;
  return {
    scope,
    selected: path.at(-1) ?? null,
    level,
    tilesLevel,
    showCommunes,
    filters,
    filtering,
    year,
    hierarchy,
    set,
    includeDemo,
    kind,
    measure,
    filterScope,
  };
}
