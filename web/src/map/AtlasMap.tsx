import { useEffect, useRef } from 'react';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection, Geometry } from 'geojson';
import {
  baseStyle,
  fillLayerId,
  hatchPattern,
  hatchPatternId,
  selectedFilter,
  selectedLayerId,
  unitLayers,
  unitsSourceId,
  unitTilesSource,
  unitTilesSourceId,
  unitTilesSourceLayer,
} from './map-style.ts';
import type { UnitFeatureProperties } from '../layers/admin-units.loader.ts';
import type { Level } from '../navigation/drill-down.ts';
import type { Bounds } from './bounds.ts';

maplibregl.setWorkerUrl(workerUrl);

const vietnamBounds: Bounds = [102.1, 8.4, 109.5, 23.4];

interface AtlasMapProps {
  /** Units drawn from GeoJSON (drill-down); ignored while `tilesLevel` is set. */
  data: FeatureCollection<Geometry, UnitFeatureProperties>;
  /** National view: every unit of this level from the vector tiles; null for the drill-down. */
  tilesLevel: Level | null;
  /** Band and synthetic mark per unit code, applied as feature state: a new year recolours only. */
  colours: Map<string, { displayBand: string; synthetic: boolean }>;
  /** Units matching the planners' filters; null when no filter is on (nothing fades). */
  matches: Set<string> | null;
  bounds: Bounds | null;
  selectedCode: string | null;
  label: string;
  onUnitClick(properties: UnitFeatureProperties): void;
  onUnitHover(properties: UnitFeatureProperties | null): void;
}

type Handlers = Pick<AtlasMapProps, 'onUnitClick' | 'onUnitHover'>;

/** Hover, leave and click on the units of one source; returns the function that unbinds them. */
function bindUnitEvents(map: maplibregl.Map, source: string, sourceLayer: string | undefined, handlers: { current: Handlers }) {
  const layer = fillLayerId(source);
  let hovered: string | number | undefined;
  const target = (id: string | number) => ({ source, id, ...(sourceLayer ? { sourceLayer } : {}) });
  const onMove = (event: maplibregl.MapLayerMouseEvent) => {
    const feature = event.features?.[0];
    if (!feature || feature.id === undefined) return;
    if (hovered !== undefined) map.setFeatureState(target(hovered), { hover: false });
    hovered = feature.id;
    map.setFeatureState(target(hovered), { hover: true });
    map.getCanvas().style.cursor = 'pointer';
    handlers.current.onUnitHover(feature.properties as UnitFeatureProperties);
  };
  const onLeave = () => {
    if (hovered !== undefined) map.setFeatureState(target(hovered), { hover: false });
    hovered = undefined;
    map.getCanvas().style.cursor = '';
    handlers.current.onUnitHover(null);
  };
  const onClick = (event: maplibregl.MapLayerMouseEvent) => {
    const feature = event.features?.[0];
    if (feature) handlers.current.onUnitClick(feature.properties as UnitFeatureProperties);
  };
  map.on('mousemove', layer, onMove);
  map.on('mouseleave', layer, onLeave);
  map.on('click', layer, onClick);
  return () => {
    map.off('mousemove', layer, onMove);
    map.off('mouseleave', layer, onLeave);
    map.off('click', layer, onClick);
  };
}

/** The only component that touches MapLibre: it draws what it is given and reports clicks. */
export function AtlasMap({ data, tilesLevel, colours, matches, bounds, selectedCode, label, onUnitClick, onUnitHover }: AtlasMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<maplibregl.Map | null>(null);
  // isStyleLoaded() is also false while a source is updating, and 'load' fires only once: wait on this.
  const styleReady = useRef<Promise<void> | null>(null);
  const handlers = useRef<Handlers>({ onUnitClick, onUnitHover });
  handlers.current = { onUnitClick, onUnitHover };
  /** The source the units are drawn from now: GeoJSON, or the tiles in a national view. */
  const activeSource = tilesLevel ? unitTilesSourceId : unitsSourceId;

  useEffect(() => {
    const instance = new maplibregl.Map({
      container: container.current!,
      style: baseStyle,
      bounds: vietnamBounds,
      attributionControl: false,
      // Lets tests and screenshots read the canvas back.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    instance.addImage(hatchPatternId, hatchPattern());
    styleReady.current = new Promise((resolve) => instance.once('load', () => resolve()));
    instance.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    const unbind = bindUnitEvents(instance, unitsSourceId, undefined, handlers);
    instance.on('idle', () => {
      const element = container.current;
      if (!element) return;
      const source = instance.getSource(unitTilesSourceId) ? unitTilesSourceId : unitsSourceId;
      element.dataset.state = 'idle';
      element.dataset.renderedUnits = String(
        new Set(instance.queryRenderedFeatures({ layers: [fillLayerId(source)] }).map((f) => f.properties.code)).size,
      );
    });
    map.current = instance;
    return () => {
      unbind();
      instance.remove();
    };
  }, []);

  // Switch between the drill-down's GeoJSON and a national view's vector tiles.
  useEffect(() => {
    const instance = map.current;
    if (!instance || !tilesLevel) return;
    let unbind = () => {};
    void styleReady.current!.then(() => {
      container.current!.dataset.state = 'loading';
      instance.addSource(unitTilesSourceId, unitTilesSource(tilesLevel, window.location.origin));
      for (const layer of unitLayers(unitTilesSourceId, unitTilesSourceLayer)) instance.addLayer(layer);
      unbind = bindUnitEvents(instance, unitTilesSourceId, unitTilesSourceLayer, handlers);
      instance.fitBounds(vietnamBounds, { padding: 12, duration: 0 });
    });
    return () => {
      void styleReady.current!.then(() => {
        unbind();
        for (const layer of unitLayers(unitTilesSourceId, unitTilesSourceLayer)) instance.removeLayer(layer.id);
        instance.removeSource(unitTilesSourceId);
      });
    };
  }, [tilesLevel]);

  useEffect(() => {
    const instance = map.current;
    if (!instance) return;
    void styleReady.current!.then(() => {
      container.current!.dataset.state = 'loading';
      (instance.getSource(unitsSourceId) as maplibregl.GeoJSONSource).setData(tilesLevel ? { type: 'FeatureCollection', features: [] } : data);
      if (bounds && !tilesLevel) instance.fitBounds(bounds, { padding: 24, duration: 600 });
    });
  }, [data, bounds, tilesLevel]);

  useEffect(() => {
    const instance = map.current;
    if (!instance) return;
    void styleReady.current!.then(() => instance.setFilter(selectedLayerId(activeSource), selectedFilter(selectedCode)));
  }, [selectedCode, activeSource]);

  useEffect(() => {
    const instance = map.current;
    if (!instance) return;
    void styleReady.current!.then(() => {
      const sourceLayer = activeSource === unitTilesSourceId ? unitTilesSourceLayer : undefined;
      const target = (id: string) => ({ source: activeSource, id, ...(sourceLayer ? { sourceLayer } : {}) });
      instance.removeFeatureState({ source: activeSource, ...(sourceLayer ? { sourceLayer } : {}) });
      for (const [code, { displayBand, synthetic }] of colours) {
        instance.setFeatureState(target(code), { band: displayBand, synthetic });
      }
      if (matches) {
        const codes = tilesLevel ? [...colours.keys()] : data.features.map((f) => f.properties.code);
        for (const code of codes) instance.setFeatureState(target(code), { match: matches.has(code) });
      }
      container.current!.dataset.colouredUnits = String(colours.size);
      container.current!.dataset.matchedUnits = matches ? String((tilesLevel ? [...colours.keys()] : data.features.map((f) => f.properties.code)).filter((c) => matches.has(c)).length) : '';
    });
  }, [colours, matches, data, activeSource, tilesLevel]);

  return <div ref={container} className="atlas-map" role="region" aria-label={label} data-testid="map" />;
}
