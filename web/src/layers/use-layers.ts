import { useEffect, useMemo, useRef, useState } from 'react';
import { useClient } from 'urql';
import type { MapView } from '../view/map-view.ts';
import type { LayerDrawing, LayerResult } from './layer.ts';
import { layers, type RegisteredLayer } from './registry.ts';

type DataOf<L> = L extends { load(...args: never[]): Promise<LayerResult<infer Data>> } ? Data : never;

export interface LoadedLayer<Data> {
  /** The newest answer; kept while the next one loads. Null when the view has nothing to load. */
  result: LayerResult<Data> | null;
  loading: boolean;
  error: string | null;
}

export type LoadedLayers = { [L in RegisteredLayer as L['id']]: LoadedLayer<DataOf<L>> };

const idle = { result: null, loading: false, error: null };

/**
 * Loads every registered layer for the view. A layer loads again only when its request changes
 * (a new year reloads the colours, not the boundaries), and an answer to an older request is dropped.
 */
export function useLayers(view: MapView | null): LoadedLayers {
  const client = useClient();
  const [loaded, setLoaded] = useState<Record<string, LoadedLayer<unknown>>>(() => Object.fromEntries(layers.map((layer) => [layer.id, idle])));
  const newest = useRef(new Map<string, string>());
  const requests = layers.map((layer) => ({ layer, request: view ? (layer.request(view) as unknown) : undefined }));
  const keys = requests.map(({ request }) => JSON.stringify(request) ?? 'pending').join('\n');

  useEffect(() => {
    const update = (id: string, change: Partial<LoadedLayer<unknown>>) => setLoaded((all) => ({ ...all, [id]: { ...all[id], ...change } }));
    for (const { layer, request } of requests) {
      // Until the view is known nothing loads, and what is shown stays.
      if (request === undefined) continue;
      const key = JSON.stringify(request);
      if (newest.current.get(layer.id) === key) continue;
      newest.current.set(layer.id, key);
      if (request === null) {
        update(layer.id, idle);
        continue;
      }
      update(layer.id, { loading: true });
      const current = () => newest.current.get(layer.id) === key;
      (layer.load as (client: unknown, request: unknown) => Promise<LayerResult<unknown>>)(client, request).then(
        (result) => current() && update(layer.id, { result, loading: false, error: null }),
        (error: Error) => current() && update(layer.id, { loading: false, error: error.message }),
      );
    }
    // `keys` stands for the requests: a layer reloads when its own request changes.
  }, [client, keys]);

  return loaded as LoadedLayers;
}

/** One drawing per loaded answer: the map redraws a source only when its own data is new. */
const drawn = new WeakMap<object, LayerDrawing>();

/** What the map draws for the loaded layers, bottom first. */
export function useDrawings(loaded: LoadedLayers): LayerDrawing[] {
  const results = layers.map((layer) => loaded[layer.id].result);
  return useMemo(
    () =>
      layers.flatMap((layer, i) => {
        const result = results[i];
        if (!result) return [];
        let drawing = drawn.get(result);
        if (!drawing) {
          drawing = (layer.draw as (data: unknown) => LayerDrawing)(result.data);
          drawn.set(result, drawing);
        }
        return [drawing];
      }),
    results,
  );
}
