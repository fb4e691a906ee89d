/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

export const vietnamBounds: Bounds = [102.1, 8.4, 109.5, 23.4];

/** The box around every unit that has one, to fit the map after a drill-down. Pure. */
export function boundsOf(units: { bbox: Bounds | null }[]): Bounds | null {
  const boxes = units.map((u) => u.bbox).filter((b): b is Bounds => b !== null);
  if (!boxes.length) return null;
  return [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
}
