import { useCallback, useEffect, useReducer, useState } from 'react';
import { useClient } from 'urql';
import type { DrillPath } from '../navigation/drill-down.ts';
import { parseViewState, serializeViewState, type ViewState } from '../navigation/url-state.ts';
import { initialView, pathPending, viewReducer, type ViewAction } from './view-state.ts';
import { loadCarried, loadUnitPath } from './unit-path.ts';
import { errorReason, type ErrorReason } from '../graphql/error-reason.ts';

/**
 * The page's view state, kept in step with the URL: parsed once at start, restored on Back and
 * Forward, written on every change the reducer says to record.
 */
export function useAtlasView(linked: ViewState) {
  const client = useClient();
  const [view, dispatch] = useReducer(viewReducer, linked, initialView);
  const [error, setError] = useState<ErrorReason | null>(null);

  useEffect(() => {
    const restore = () => dispatch({ type: 'restored', url: parseViewState(window.location.search) });
    window.addEventListener('popstate', restore);
    return () => window.removeEventListener('popstate', restore);
  }, []);

  useEffect(() => {
    if (!view.record) return;
    const url = serializeViewState(view.url) || window.location.pathname;
    if (view.record === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, [view]);

  const pending = pathPending(view);
  useEffect(() => {
    if (!pending) return;
    let current = true;
    loadUnitPath(client, pending, view.url.year).then(
      (path) => current && dispatch({ type: 'path-resolved', path }),
      (e: unknown) => {
        if (!current) return;
        setError(errorReason(e));
        dispatch({ type: 'path-resolved', path: null });
      },
    );
    return () => {
      current = false;
    };
  }, [client, pending, view.url.year]);

  // A new year with a unit selected: the unit is followed by (code, date) into the new year.
  const carry = view.carry ?? null;
  const toYear = view.url.year;
  useEffect(() => {
    if (!carry) return;
    let current = true;
    loadCarried(client, carry.code, { year: carry.fromYear }, toYear).then(
      ({ path, carried }) => current && dispatch({ type: 'carried', path, carried }),
      (e: unknown) => {
        if (!current) return;
        setError(errorReason(e));
        dispatch({ type: 'carried', path: null, carried: { kind: 'none', from: carry.code } });
      },
    );
    return () => {
      current = false;
    };
  }, [client, carry, toYear]);

  const navigate = useCallback((path: DrillPath) => dispatch({ type: 'navigated', path }), []);
  /**
   * Opens a unit found by search or in the table of matches, with its ancestors in the breadcrumb.
   * A search hit comes with its code list: it is followed to the unit in force in the year shown
   * (a former commune opens what it became, and says so), never looked up by its code alone.
   */
  const openUnit = useCallback(
    (code: string, codeList?: string, keepList?: { within: string | null }) =>
      void (
        codeList ? loadCarried(client, code, { codeList }, view.url.year) : loadUnitPath(client, code, view.url.year).then((path) => ({ path, carried: null }))
      ).then(
        ({ path, carried }) => dispatch({ type: 'navigated', path: path ?? [], carried: carried ?? undefined, keepList }),
        (e: unknown) => setError(errorReason(e)),
      ),
    [client, view.url.year],
  );
  return { view, dispatch: dispatch as (action: ViewAction) => void, navigate, openUnit, error };
}
