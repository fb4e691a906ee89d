import { useEffect, useRef } from 'react';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection, Geometry } from 'geojson';
import { baseStyle, hatchPattern, hatchPatternId, selectedFilter, unitsFillLayerId, unitsSourceId } from './map-style.ts';
import type { UnitFeatureProperties } from '../layers/admin-units.loader.ts';
import type { Bounds } from './bounds.ts';

maplibregl.setWorkerUrl(workerUrl);

const vietnamBounds: Bounds = [102.1, 8.4, 109.5, 23.4];

interface AtlasMapProps {
  data: FeatureCollection<Geometry, UnitFeatureProperties>;
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

/** The only component that touches MapLibre: it draws what it is given and reports clicks. */
export function AtlasMap({ data, colours, matches, bounds, selectedCode, label, onUnitClick, onUnitHover }: AtlasMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<maplibregl.Map | null>(null);
  // isStyleLoaded() is also false while a source is updating, and 'load' fires only once: wait on this.
  const styleReady = useRef<Promise<void> | null>(null);
  const callbacks = useRef({ onUnitClick, onUnitHover });
  callbacks.current = { onUnitClick, onUnitHover };

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
    let hovered: string | number | undefined;
    instance.on('mousemove', unitsFillLayerId, (event) => {
      const feature = event.features?.[0];
      if (!feature) return;
      if (hovered !== undefined) instance.setFeatureState({ source: unitsSourceId, id: hovered }, { hover: false });
      hovered = feature.id;
      instance.setFeatureState({ source: unitsSourceId, id: hovered! }, { hover: true });
      instance.getCanvas().style.cursor = 'pointer';
      callbacks.current.onUnitHover(feature.properties as UnitFeatureProperties);
    });
    instance.on('mouseleave', unitsFillLayerId, () => {
      if (hovered !== undefined) instance.setFeatureState({ source: unitsSourceId, id: hovered }, { hover: false });
      hovered = undefined;
      instance.getCanvas().style.cursor = '';
      callbacks.current.onUnitHover(null);
    });
    instance.on('click', unitsFillLayerId, (event) => {
      const feature = event.features?.[0];
      if (feature) callbacks.current.onUnitClick(feature.properties as UnitFeatureProperties);
    });
    instance.on('idle', () => {
      const element = container.current;
      if (!element) return;
      element.dataset.state = 'idle';
      element.dataset.renderedUnits = String(
        new Set(instance.queryRenderedFeatures({ layers: [unitsFillLayerId] }).map((f) => f.properties.code)).size,
      );
    });
    map.current = instance;
    return () => instance.remove();
  }, []);

  useEffect(() => {
    const instance = map.current;
    if (!instance) return;
    void styleReady.current!.then(() => {
      container.current!.dataset.state = 'loading';
      (instance.getSource(unitsSourceId) as maplibregl.GeoJSONSource).setData(data);
      if (bounds) instance.fitBounds(bounds, { padding: 24, duration: 600 });
    });
  }, [data, bounds]);

  useEffect(() => {
    const instance = map.current;
    if (!instance) return;
    void styleReady.current!.then(() => instance.setFilter('units-selected', selectedFilter(selectedCode)));
  }, [selectedCode]);

  useEffect(() => {
    const instance = map.current;
    if (!instance) return;
    void styleReady.current!.then(() => {
      instance.removeFeatureState({ source: unitsSourceId });
      for (const [code, { displayBand, synthetic }] of colours) {
        instance.setFeatureState({ source: unitsSourceId, id: code }, { band: displayBand, synthetic });
      }
      if (matches) {
        for (const feature of data.features) instance.setFeatureState({ source: unitsSourceId, id: feature.properties.code }, { match: matches.has(feature.properties.code) });
      }
      container.current!.dataset.colouredUnits = String(colours.size);
      container.current!.dataset.matchedUnits = matches ? String(data.features.filter((f) => matches.has(f.properties.code)).length) : '';
    });
  }, [colours, matches, data]);

  return <div ref={container} className="atlas-map" role="region" aria-label={label} data-testid="map" />;
}
