import { bandColours, palette } from '../../web/src/map/map-style.ts';

export type Rgb = [number, number, number];

export const hex = (colour: string): Rgb => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)) as Rgb;

/** The map's "no data" fill as RGB, read from the style itself so the test follows the style. */
export const landColour = hex(palette.land);

/** Every band colour as drawn (opaque; synthetic data adds a hatch over it, between which it shows). */
export const drawnBandColours: Rgb[] = Object.entries(bandColours)
  .filter(([band]) => band !== 'no-data' && band !== 'not-assessed')
  .map(([, colour]) => hex(colour));
