import { useEffect, useMemo, useRef, useState } from 'react';
import { useClient } from 'urql';
import type { MapView } from '../view/map-view.ts';
import type { LayerDrawing, LayerResult, Legend, MapLayer } from './layer.ts';
import { layers, type RegisteredLayer } from './registry.ts';
import { errorReason, type ErrorReason } from '../graphql/error-reason.ts';

type DataOf<L> = L extends { draw(data: infer Data): LayerDrawing } ? Data : never;

export interface LoadedLayer<Data> {
  /** The newest answer; kept while the next one loads. Null when the view has nothing to load. */
  result: LayerResult<Data> | null;
  loading: boolean;
  error: ErrorReason | null;
}

export type LoadedLayers = { [L in RegisteredLayer as L['id']]: LoadedLayer<DataOf<L>> };

/** The registered layers as this module handles them: data and requests it only passes along. */
const anyLayers: readonly MapLayer<unknown, unknown>[] = layers;

const idle: LoadedLayer<unknown> = { result: null, loading: false, error: null };

/**
 * Loads every registered layer for the view. A layer loads again only when its request changes
 * (a new year reloads the colours, not the boundaries), and an answer to an older request is dropped.
 */
export function useLayers(view: MapView | null): LoadedLayers {
  const client = useClient();
  const [loaded, setLoaded] = useState<Record<string, LoadedLayer<unknown>>>(() => Object.fromEntries(anyLayers.map((layer) => [layer.id, idle])));
  const newest = useRef(new Map<string, string>());
  // Until the view is known nothing loads, and what is shown stays.
  const requests = view ? anyLayers.map((layer) => ({ layer, request: layer.request(view) })) : [];
  const keys = JSON.stringify(requests.map(({ request }) => request));

  // biome-ignore lint/correctness/useExhaustiveDependencies: `keys` stands for the requests (a layer reloads when its own request changes)
  useEffect(() => {
    const update = (id: string, change: Partial<LoadedLayer<unknown>>) => setLoaded((all) => ({ ...all, [id]: { ...all[id], ...change } }));
    for (const { layer, request } of requests) {
      const key = JSON.stringify(request);
      if (newest.current.get(layer.id) === key) continue;
      newest.current.set(layer.id, key);
      if (request === null) {
        update(layer.id, idle);
        continue;
      }
      update(layer.id, { loading: true });
      const current = () => newest.current.get(layer.id) === key;
      layer.load(client, request).then(
        (result) => current() && update(layer.id, { result, loading: false, error: null }),
        (error: unknown) => current() && update(layer.id, { loading: false, error: errorReason(error) }),
      );
    }
    // `keys` stands for the requests: a layer reloads when its own request changes.
  }, [client, keys]);

  return loaded as LoadedLayers;
}

/** One drawing per loaded answer: the map redraws a source only when its own data is new. */
const drawn = new WeakMap<LayerResult<unknown>, LayerDrawing>();

/** What the map draws for the loaded layers, bottom first. */
export function useDrawings(loaded: LoadedLayers): LayerDrawing[] {
  const results = anyLayers.map((layer) => (loaded as Record<string, LoadedLayer<unknown>>)[layer.id].result);
  return useMemo(
    () =>
      anyLayers.flatMap((layer, i) => {
        const result = results[i];
        if (!result) return [];
        if (!drawn.has(result)) drawn.set(result, layer.draw(result.data));
        return [drawn.get(result)!];
      }),
    // biome-ignore lint/correctness/useExhaustiveDependencies: the drawings depend on the results alone, compared one by one
    results,
  );
}

const noLegend: Legend = { counts: [], syntheticCount: 0, documentedCount: 0, includesDemo: true, measure: null, communes: null, criteriaCount: null };

/** The legend of the first loaded layer that has one (the colouring layer), or an empty one. */
export function legendOf(results: LoadedLayer<unknown>[]): Legend {
  return results.find((layer) => layer.result?.legend)?.result?.legend ?? noLegend;
}
