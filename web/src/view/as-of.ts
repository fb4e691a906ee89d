/**
 * The API's time rule: a year means the units in force on 31 December of it (from 2025 the
 * two-level list of 01/07/2025). Every unit query and tile URL of the map passes the year it shows. Pure.
 */
export function asOfYear(year: number): string {
  return `${year}-12-31`;
}
