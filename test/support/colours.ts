import { palette } from '../../web/src/map/map-style.ts';

const hex = (colour: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)) as [number, number, number];

/** The map's land fill as RGB, read from the style itself so the test follows the style. */
export const landColour = hex(palette.land);
