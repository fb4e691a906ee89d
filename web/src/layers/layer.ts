import type { AreaMeasure } from './area-measure.ts';
import type { Client } from 'urql';
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { Bounds } from '../map/bounds.ts';
import type { MapView } from '../view/map-view.ts';

/** Problems a loader reports to the user instead of failing. */
export type LayerAlert = { kind: 'no-polygon'; units: string[] } | { kind: 'truncated'; shown: number; total: number };

/** One legend class: a band of the criteria set (with the set's labels) or a tier / "no data" class. */
export interface LegendClass {
  band: string;
  count: number;
  colour: string;
  /** The set's own label; absent for the classes outside the set (tiers, "no data"). */
  label?: { vi: string; en: string };
  /** The set's class of units meeting every criterion (not yet recognised). */
  meetsStandard?: boolean;
}

/** Units per legend class, in legend order, and how many of them are synthetic. */
export interface Legend {
  counts: LegendClass[];
  syntheticCount: number;
  /** Units coloured from documented (or user-entered) data. */
  documentedCount: number;
  /** Whether the figures count demo data (the view's switch). */
  includesDemo: boolean;
  /** Districts and provinces: what colours them (the average, or a share of their communes); null for communes. */
  measure: AreaMeasure | null;
  /** Districts and provinces are coloured from their communes: how many of those are documented and demo. */
  communes: { documented: number; demo: number } | null;
  /** Criteria in the set the layer is coloured with; null when no set is valid that year. */
  criteriaCount: number | null;
}

export interface LayerResult<Data> {
  data: Data;
  legend: Legend | null;
  alerts: LayerAlert[];
}

/** What the map draws for one layer's data. */
export type LayerDrawing =
  /** A source of the layer's own, drawn with the layer's style. */
  | {
      kind: 'source';
      sourceId: string;
      source: SourceSpecification;
      sourceLayer?: string;
      style: LayerSpecification[];
      /** The units the user points at (hover, click, selection); the map fits them when the data changes. */
      units?: { fit: { bounds: Bounds | null; padding: number; duration: number } };
    }
  /** Feature state on the drawn units (colours, filter matches): a new year reloads only a thin list. */
  | {
      kind: 'unit-state';
      states(drawnCodes: string[]): Map<string, UnitState>;
      /** Reported on the map element (data-*) for tests and screenshots: how many units it marks. */
      count?: { attribute: string; of(states: Map<string, UnitState>): number };
    };

export type UnitState = Record<string, string | number | boolean>;

/**
 * One entry of the map's layer list. `request` picks what of the view the data depends on (null:
 * nothing to draw here); the page loads again only when it changes, and keeps the newest answer.
 */
export interface MapLayer<Data, Request, Id extends string = string> {
  id: Id;
  request(view: MapView): Request | null;
  load(client: Client, request: Request): Promise<LayerResult<Data>>;
  draw(data: Data): LayerDrawing;
}
