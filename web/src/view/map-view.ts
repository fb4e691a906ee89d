import { drawnLevel, mapParent, type UnitRef } from '../navigation/drill-down.ts';
import { hasFilters, type PlannerFilters } from '../planning/planner-filters.ts';
import type { Level } from '../graphql/codes.ts';
import type { AtlasView } from './view-state.ts';

/** What the map shows for a view: the layers' loaders read this. */
export interface MapView {
  /** The unit whose units are drawn (and below which the filters look); null for the country. */
  scope: UnitRef | null;
  /** Level of the units drawn. */
  level: Level;
  /** National view: every unit of this level from the vector tiles; null for the drill-down. */
  tilesLevel: Level | null;
  /** With filters on inside a province, its communes are drawn (not its districts) so matches show. */
  showCommunes: boolean;
  filters: PlannerFilters;
  filtering: boolean;
  year: number;
  /** Criteria set colouring the units; null for the national standard set. */
  set: string | null;
}

/** Null until the URL's unit is looked up. Pure. */
export function mapViewOf(view: AtlasView, set: string | null): MapView | null {
  const { path, url } = view;
  if (!path) return null;
  const filtering = hasFilters(url.filters);
  const scope = mapParent(path);
  const showCommunes = filtering && scope !== null && scope.level !== 'DISTRICT';
  const tilesLevel = path.length === 0 && url.level && url.level !== 'PROVINCE' ? url.level : null;
  const level = tilesLevel ?? (showCommunes ? 'COMMUNE' : drawnLevel(path));
  return { scope, level, tilesLevel, showCommunes, filters: url.filters, filtering, year: url.year, set };
}
