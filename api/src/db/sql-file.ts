import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Reads a `.sql` file that sits beside its caller: `sqlFile(import.meta.url, 'unit-geometry.sql')`.
 * Parameters in the files are positional `?` bindings; values are never spliced into the text. A line
 * `-- include: other.sql` stands for that file (beside the one including it): rules two queries
 * share are written once, and its `?` bindings come where the line stands.
 */
export function sqlFile(callerUrl: string, name: string): string {
  const url = new URL(name, callerUrl);
  return fs.readFileSync(fileURLToPath(url), 'utf8').replace(/^-- include: (\S+\.sql)\n/gm, (_line, included: string) => sqlFile(url.href, included));
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
