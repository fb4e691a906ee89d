import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

export interface DecodedFeature {
  id: number | undefined;
  properties: Record<string, unknown>;
  rings: number;
}

export interface FetchedTile {
  status: number;
  headers: Headers;
  bytes: number;
  /** Layer name → features; empty for an empty tile. */
  layers: Record<string, DecodedFeature[]>;
}

/** Fetches `/tiles/{path}` and decodes the protobuf with @mapbox/vector-tile. */
export async function fetchTile(baseUrl: string, tilePath: string, headers: Record<string, string> = {}): Promise<FetchedTile> {
  const response = await fetch(`${baseUrl}/tiles/${tilePath}`, { headers });
  const body = new Uint8Array(await response.arrayBuffer());
  const layers: FetchedTile['layers'] = {};
  if (response.status === 200 && body.byteLength > 0) {
    const tile = new VectorTile(new PbfReader(body));
    for (const [name, layer] of Object.entries(tile.layers)) {
      layers[name] = [];
      for (let i = 0; i < layer.length; i++) {
        const feature = layer.feature(i);
        layers[name].push({ id: feature.id, properties: { ...feature.properties }, rings: feature.loadGeometry().length });
      }
    }
  }
  return { status: response.status, headers: response.headers, bytes: body.byteLength, layers };
}

/** Slippy-map tile column and row of a point. */
export function tileOf(lon: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return {
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  };
}

/** Every tile at zoom z that covers the box [west, south, east, north]. */
export function tilesCovering([west, south, east, north]: number[], z: number): { z: number; x: number; y: number }[] {
  const a = tileOf(west, north, z);
  const b = tileOf(east, south, z);
  const tiles = [];
  for (let x = a.x; x <= b.x; x++) for (let y = a.y; y <= b.y; y++) tiles.push({ z, x, y });
  return tiles;
}
