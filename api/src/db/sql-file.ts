import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Reads a `.sql` file that sits beside its caller: `sqlFile(import.meta.url, 'unit-geometry.sql')`.
 * Parameters in the files are positional `?` bindings; values are never spliced into the text.
 */
export function sqlFile(callerUrl: string, name: string): string {
  return fs.readFileSync(fileURLToPath(new URL(name, callerUrl)), 'utf8');
}

/**
 * MikroORM expands an array binding into a list, so integer arrays travel as one Postgres array
 * literal bound to `?::int[]`. Only integers are accepted: the literal is built from numbers alone.
 */
export function intArray(values: readonly number[]): string {
  for (const value of values) {
    if (!Number.isSafeInteger(value)) throw new TypeError(`intArray accepts integers only, got ${value}`);
  }
  return `{${values.join(',')}}`;
}
