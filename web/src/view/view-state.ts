import type { DrillPath } from '../navigation/drill-down.ts';
import type { ViewState } from '../navigation/url-state.ts';

/**
 * The map page's state: what the URL records, and the selected unit with its ancestors (null until
 * the URL's unit is looked up). `record` says how the last change goes into the browser history:
 * drilling adds an entry (Back climbs out), a new language, year, set or filter replaces it, and
 * restoring from the URL writes nothing.
 */
export interface AtlasView {
  url: ViewState;
  path: DrillPath | null;
  record: 'push' | 'replace' | null;
}

export type ViewAction =
  /** Load, Back or Forward: the URL is the source of truth (the language stays as chosen). */
  | { type: 'restored'; url: ViewState }
  /** The URL's unit, looked up with its ancestors; null when it could not be found. */
  | { type: 'path-resolved'; path: DrillPath | null }
  /** Drilling, climbing, a search hit or a row of the table. */
  | { type: 'navigated'; path: DrillPath }
  | { type: 'changed'; changes: Partial<Pick<ViewState, 'lang' | 'year' | 'filters' | 'set'>> }
  /** At country level: provinces, or every district or commune of the country. */
  | { type: 'national-level-chosen'; level: NonNullable<ViewState['level']> };

export function initialView(url: ViewState): AtlasView {
  return { url, path: url.unit ? null : [], record: null };
}

/** Pure: the next view for an action. */
export function viewReducer(view: AtlasView, action: ViewAction): AtlasView {
  switch (action.type) {
    case 'restored':
      // A unit keeps the previous path on screen until its own is looked up.
      return { url: { ...action.url, lang: view.url.lang }, path: action.url.unit ? view.path : [], record: null };
    case 'path-resolved':
      // An unknown unit leaves the country view, and later links no longer carry it.
      return action.path ? { ...view, path: action.path, record: null } : { url: { ...view.url, unit: null }, path: [], record: null };
    case 'navigated':
      return { url: { ...view.url, unit: action.path.at(-1)?.code ?? null }, path: action.path, record: 'push' };
    case 'changed':
      return { ...view, url: { ...view.url, ...action.changes }, record: 'replace' };
    case 'national-level-chosen':
      return { ...view, url: { ...view.url, unit: null, level: action.level }, record: 'push' };
  }
}

/** Whether the selected unit still has to be looked up (the path does not end at the URL's unit). */
export function pathPending(view: AtlasView): string | null {
  const unit = view.url.unit;
  return unit && view.path?.at(-1)?.code !== unit ? unit : null;
}
