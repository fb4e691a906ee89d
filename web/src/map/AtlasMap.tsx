import { useEffect, useRef } from 'react';
import * as maplibregl from 'maplibre-gl';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection, GeoJSON } from 'geojson';
import { baseStyle, fillLayerId, hatchPattern, hatchPatternId, labelLayerId, selectedFilter, selectedLayerId } from './map-style.ts';
import type { UnitFeatureProperties } from '../layers/admin-units.loader.ts';
import type { LayerDrawing } from '../layers/layer.ts';
import { vietnamBounds } from './bounds.ts';

maplibregl.setWorkerUrl(workerUrl);

type SourceDrawing = Extract<LayerDrawing, { kind: 'source' }>;

interface AtlasMapProps {
  /** What the registered layers draw, bottom first. */
  drawings: LayerDrawing[];
  selectedCode: string | null;
  label: string;
  onUnitClick(properties: UnitFeatureProperties): void;
  /** The unit under the pointer and the pointer's place on the map; null when it leaves the units. */
  onUnitHover(properties: UnitFeatureProperties | null, point?: { x: number; y: number }): void;
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
    handlers.current.onUnitHover(feature.properties as UnitFeatureProperties, { x: event.point.x, y: event.point.y });
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

/** A source on the map with the style layers drawn from it, as last drawn. */
interface Placed {
  drawing: SourceDrawing;
  unbind(): void;
}

/**
 * The only component that touches MapLibre: it draws the layers it is given (sources with their
 * style, feature state on the units) and reports hovers and clicks on the units.
 */
export function AtlasMap({ drawings, selectedCode, label, onUnitClick, onUnitHover }: AtlasMapProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLElement>(null);
  const map = useRef<maplibregl.Map | null>(null);
  // isStyleLoaded() is also false while a source is updating, and 'load' fires only once: wait on this.
  const styleReady = useRef<Promise<void> | null>(null);
  const handlers = useRef<Handlers>({ onUnitClick, onUnitHover });
  handlers.current = { onUnitClick, onUnitHover };
  const placed = useRef(new Map<string, Placed>());
  /** The source whose units the user points at and selects. */
  const unitSource = useRef<SourceDrawing | null>(null);
  const selected = useRef(selectedCode);
  selected.current = selectedCode;
  const counted = useRef(new Set<string>());

  useEffect(() => {
    const instance = new maplibregl.Map({
      container: container.current!,
      style: baseStyle,
      bounds: vietnamBounds,
      attributionControl: false,
      // MapLibre's own labels (canvas, zoom buttons) in the page's language when the map is made.
      locale: {
        'Map.Title': i18next.t('map.canvasLabel'),
        'NavigationControl.ZoomIn': i18next.t('map.zoomIn'),
        'NavigationControl.ZoomOut': i18next.t('map.zoomOut'),
      },
      // Lets tests and screenshots read the canvas back.
      canvasContextAttributes: { preserveDrawingBuffer: true },
      // Names appear at once rather than fading in over 300 ms: each frame of a fade redraws the whole
      // map, which on a software-rendered tablet (or SwiftShader) delays the finished map by several frames.
      fadeDuration: 0,
    });
    instance.addImage(hatchPatternId, hatchPattern());
    styleReady.current = new Promise((resolve) => instance.once('load', () => resolve()));
    instance.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    instance.on('idle', () => {
      const element = container.current;
      if (!element) return;
      const source = unitSource.current?.sourceId;
      element.dataset.state = 'idle';
      element.dataset.renderedUnits = String(
        source ? new Set(instance.queryRenderedFeatures({ layers: [fillLayerId(source)] }).map((f) => f.properties.code)).size : 0,
      );
      // The names placed on the map (collisions dropped), for tests and screenshots to read.
      const labels = source ? [...new Set(instance.queryRenderedFeatures({ layers: [labelLayerId(source)] }).map((f) => String(f.properties.shortName)))] : [];
      element.dataset.renderedLabels = String(labels.length);
      element.dataset.labels = labels.slice(0, 60).join('|');
    });
    map.current = instance;
    const onMap = placed.current;
    return () => {
      for (const { unbind } of onMap.values()) unbind();
      onMap.clear();
      instance.remove();
    };
  }, []);

  useEffect(() => {
    const instance = map.current;
    if (!instance) return;
    void styleReady.current!.then(() => {
      const element = container.current!;
      const sources = drawings.filter((d): d is SourceDrawing => d.kind === 'source');
      const remove = (id: string) => {
        const { drawing, unbind } = placed.current.get(id)!;
        unbind();
        for (const layer of drawing.style) instance.removeLayer(layer.id);
        instance.removeSource(id);
        placed.current.delete(id);
      };
      for (const id of [...placed.current.keys()]) if (!sources.some((d) => d.sourceId === id)) remove(id);
      sources.forEach((drawing, index) => {
        const onMap = placed.current.get(drawing.sourceId);
        if (onMap?.drawing.source === drawing.source) return;
        element.dataset.state = 'loading';
        if (onMap && drawing.source.type === 'geojson') {
          (instance.getSource(drawing.sourceId) as maplibregl.GeoJSONSource).setData(drawing.source.data as GeoJSON);
          onMap.drawing = drawing;
        } else {
          // Vector tiles of another level: the source is replaced.
          if (onMap) remove(drawing.sourceId);
          // Below the layers of any source drawn above this one, so the list's order holds.
          const above = sources.slice(index + 1).find((d) => placed.current.has(d.sourceId));
          instance.addSource(drawing.sourceId, drawing.source);
          for (const layer of drawing.style) instance.addLayer(layer, above?.style[0]?.id);
          const unbind = drawing.units ? bindUnitEvents(instance, drawing.sourceId, drawing.sourceLayer, handlers) : () => {};
          placed.current.set(drawing.sourceId, { drawing, unbind });
        }
        if (drawing.units) {
          // The page's first units (a shared link to a province) are shown at once: flying there from the country is time lost.
          const firstUnits = unitSource.current === null;
          unitSource.current = drawing;
          instance.setFilter(selectedLayerId(drawing.sourceId), selectedFilter(selected.current));
          const { bounds, padding, duration } = drawing.units.fit;
          if (bounds) instance.fitBounds(bounds, { padding, duration: firstUnits ? 0 : duration });
        }
      });
      paintUnits(instance, element, drawings, unitSource.current, counted.current);
    });
  }, [drawings]);

  useEffect(() => {
    const instance = map.current;
    if (!instance) return;
    void styleReady.current!.then(() => {
      if (unitSource.current) instance.setFilter(selectedLayerId(unitSource.current.sourceId), selectedFilter(selectedCode));
    });
  }, [selectedCode]);

  // MapLibre sets its controls' names once: follow a change of language.
  useEffect(() => {
    const names: [string, string][] = [
      ['.maplibregl-ctrl-zoom-in', t('map.zoomIn')],
      ['.maplibregl-ctrl-zoom-out', t('map.zoomOut')],
    ];
    for (const [selector, name] of names) {
      const button = container.current?.querySelector(selector);
      button?.setAttribute('title', name);
      button?.setAttribute('aria-label', name);
    }
    container.current?.querySelector('canvas')?.setAttribute('aria-label', t('map.canvasLabel'));
  }, [t]);

  return <section ref={container} className="atlas-map" aria-label={label} data-testid="map" />;
}

/**
 * Feature state of the unit-state layers on the drawn units, replacing the previous. In a national
 * view the tiles' units are not listed, so the codes the layers above marked stand in for them.
 */
function paintUnits(instance: maplibregl.Map, element: HTMLElement, drawings: LayerDrawing[], units: SourceDrawing | null, counted: Set<string>) {
  if (!units) return;
  // New feature states draw in the next frame: until its 'idle', the map is not yet showing them.
  element.dataset.state = 'loading';
  const source = { source: units.sourceId, ...(units.sourceLayer ? { sourceLayer: units.sourceLayer } : {}) };
  instance.removeFeatureState(source);
  const data = units.source.type === 'geojson' ? (units.source.data as FeatureCollection) : null;
  const marked = new Set<string>();
  const written = new Set<string>();
  for (const drawing of drawings) {
    if (drawing.kind !== 'unit-state') continue;
    const drawn = data ? data.features.map((f) => String(f.properties?.code)) : [...marked];
    const states = drawing.states(drawn);
    for (const [code, state] of states) {
      instance.setFeatureState({ ...source, id: code }, state);
      marked.add(code);
    }
    if (drawing.count) {
      element.dataset[drawing.count.attribute] = String(drawing.count.of(states));
      written.add(drawing.count.attribute);
    }
  }
  // A layer gone from the view (filters cleared) no longer marks anything.
  for (const attribute of counted) if (!written.has(attribute)) element.dataset[attribute] = '';
  counted.clear();
  for (const attribute of written) counted.add(attribute);
  instance.triggerRepaint();
}
