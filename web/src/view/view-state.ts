import type { Carried } from '../navigation/across-years.ts';
import { hierarchyOf, type DrillPath } from '../navigation/drill-down.ts';
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
  /**
   * A new year with a unit selected: the unit as chosen (code and year) still to be followed to the
   * unit in force in the new year (codes were re-used by the 2025 reform). Null otherwise.
   */
  carry?: { code: string; fromYear: number } | null;
  /** What the last change of year did to the selection (another unit after a reform), to tell the user. */
  notice?: Extract<Carried, { kind: 'successor' | 'predecessor' | 'none' }> | null;
}

export type ViewAction =
  /** Load, Back or Forward: the URL is the source of truth (the language stays as chosen). */
  | { type: 'restored'; url: ViewState }
  /** The URL's unit, looked up with its ancestors; null when it could not be found. */
  | { type: 'path-resolved'; path: DrillPath | null }
  /** Drilling, climbing, a search hit or a row of the table (a search hit says what its unit became). */
  /** keepList: opened from the planners' table, whose list stays that of `within` (not the new unit's district). */
  | { type: 'navigated'; path: DrillPath; carried?: Carried; keepList?: { within: string | null } }
  | { type: 'changed'; changes: Partial<Pick<ViewState, 'lang' | 'year' | 'filters' | 'set' | 'demo' | 'plan' | 'measure'>> }
  /** At country level: provinces, or every district or commune of the country. */
  | { type: 'national-level-chosen'; level: NonNullable<ViewState['level']> }
  /** The selected unit followed into the new year: its path there (null: none), and what happened. */
  | { type: 'carried'; path: DrillPath | null; carried: Carried };

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
    case 'navigated': {
      const notice = action.carried && action.carried.kind !== 'same' ? action.carried : null;
      const within = action.keepList?.within ?? null;
      return { url: { ...view.url, unit: action.path.at(-1)?.code ?? null, within }, path: action.path, record: 'push', notice };
    }
    case 'changed': {
      const url = { ...view.url, ...action.changes };
      // A unit is a code on a date: in another year it is looked up again through its lineage.
      const unit = view.url.unit;
      // One code list answers every year on each side of the 2025 reform: only a change across it can
      // make the code another unit.
      const fromYear = view.carry?.fromYear ?? view.url.year;
      if (unit && hierarchyOf(url.year) !== hierarchyOf(fromYear) && view.path?.at(-1)?.code === unit) {
        // The old path stays on screen (the breadcrumb) until the unit of the new year is found.
        return { url, path: view.path, record: 'replace', carry: { code: unit, fromYear }, notice: null };
      }
      return { ...view, url, record: 'replace', ...(url.year !== view.url.year ? { notice: null } : {}) };
    }
    case 'national-level-chosen':
      return { ...view, url: { ...view.url, unit: null, level: action.level }, record: 'push' };
    case 'carried': {
      const { path, carried } = action;
      const notice = carried.kind === 'same' ? null : carried;
      if (!path) return { url: { ...view.url, unit: null }, path: [], record: 'replace', notice };
      return { url: { ...view.url, unit: path.at(-1)?.code ?? null }, path, record: 'replace', notice };
    }
  }
}

/** Whether the selected unit still has to be looked up (the path does not end at the URL's unit). */
export function pathPending(view: AtlasView): string | null {
  // A unit carried into another year is looked up through its lineage, not by its code.
  if (view.carry) return null;
  const unit = view.url.unit;
  return unit && view.path?.at(-1)?.code !== unit ? unit : null;
}
