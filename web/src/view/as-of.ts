/**
 * The API's time rule: a year means the units in force on 31 December of it (from 2025 the
 * two-level list of 01/07/2025). Every unit query and tile URL of the map passes the year it shows. Pure.
 */
export function asOfYear(year: number): string {
  return `${year}-12-31`;
}

/**
 * The date whose boundaries the map draws for a year: the API answers every date before
 * 01/07/2025 with the one list of 01/03/2025, so every year until 2024 asks for the same date and a
 * new year among them reloads only the colours, not the boundaries; from 2025, 31 December. Pure.
 */
export function boundariesDateOf(year: number): string {
  return asOfYear(Math.max(year, 2024));
}
