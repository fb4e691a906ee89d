import { lazy, Suspense, useEffect, useRef, type ComponentProps } from 'react';
import type { AtlasMap as AtlasMapComponent } from './AtlasMap.tsx';
import { tilesForFit, tileUrl } from './tile-prefetch.ts';

// The map engine (MapLibre, two thirds of the client's script) is a chunk of its own, asked for as
// this module loads: it arrives while the first script's work (the page, its GraphQL requests) goes on.
const mapModule = import('./AtlasMap.tsx');
const AtlasMapChunk = lazy(() => mapModule.then((module) => ({ default: module.AtlasMap })));

type AtlasMapProps = ComponentProps<typeof AtlasMapComponent>;

/** The map, drawn once its engine has arrived; until then an empty map area in the loading state. */
export function AtlasMap(props: AtlasMapProps) {
  return (
    <Suspense fallback={<MapArriving {...props} />}>
      <AtlasMapChunk {...props} />
    </Suspense>
  );
}

/** Tile URLs already asked for by this page. */
const prefetched = new Set<string>();

/**
 * The map area while the engine downloads. A national view's first tiles are asked for from here,
 * beside the engine, instead of after it: MapLibre's worker then finds them in the HTTP cache (they
 * are kept an hour) or joins the request under way. Only tiles the map will draw are asked for.
 */
function MapArriving({ label, drawings }: AtlasMapProps) {
  const area = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = area.current;
    if (!element) return;
    for (const drawing of drawings) {
      if (drawing.kind !== 'source' || drawing.source.type !== 'vector' || !drawing.units?.fit.bounds || !drawing.source.tiles) continue;
      const { bounds, padding } = drawing.units.fit;
      const size = { width: element.clientWidth, height: element.clientHeight };
      for (const tile of tilesForFit(bounds, size, padding, drawing.source.maxzoom ?? 22)) {
        const url = tileUrl(drawing.source.tiles[0], tile);
        if (prefetched.has(url)) continue;
        prefetched.add(url);
        // Read to the end, so the HTTP cache keeps it; nothing else to do with it here. A failure is MapLibre's to meet again.
        fetch(url)
          .then((response) => response.arrayBuffer())
          .catch(() => prefetched.delete(url));
      }
    }
  }, [drawings]);
  return <section ref={area} className="atlas-map" aria-label={label} data-testid="map" data-state="loading" />;
}
