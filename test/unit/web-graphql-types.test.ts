import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);
const node = (cwd: string, script: string, args: string[]) =>
  run(process.execPath, [path.join(root, 'node_modules', script), ...args], { cwd, maxBuffer: 16 * 1024 * 1024 }).then(
    ({ stdout }) => ({ code: 0, output: stdout }),
    (error) => ({ code: error.code as number, output: `${error.stdout}${error.stderr}` }),
  );
// The steps of `npm run typecheck:web`: regenerate the types, check the documents, type-check the client.
const generateTypes = (cwd: string, args: string[]) => node(cwd, 'gql.tada/bin/cli.js', ['generate-output', '--tsconfig', 'web/tsconfig.json', ...args]);
const checkDocuments = (cwd: string) => node(cwd, 'gql.tada/bin/cli.js', ['check', '--tsconfig', 'web/tsconfig.json']);
const typecheckWeb = (cwd: string) => node(cwd, 'typescript/bin/tsc', ['--noEmit', '-p', 'web/tsconfig.json']);

/** A copy of the client and of the schema in a scratch folder, with the schema changed by `edit`. */
function clientWithSchema(edit: (schema: string) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-web-types-'));
  fs.cpSync(path.join(root, 'web/src'), path.join(dir, 'web/src'), { recursive: true });
  fs.copyFileSync(path.join(root, 'web/tsconfig.json'), path.join(dir, 'web/tsconfig.json'));
  fs.mkdirSync(path.join(dir, 'api'));
  fs.writeFileSync(path.join(dir, 'api/schema.graphql'), edit(fs.readFileSync(path.join(root, 'api/schema.graphql'), 'utf8')));
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

describe('web client types from the committed schema', () => {
  const scratch: string[] = [];
  afterAll(() => {
    for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the committed graphql-env.d.ts is what the generator makes of api/schema.graphql', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-web-types-'));
    scratch.push(dir);
    const generated = path.join(dir, 'graphql-env.d.ts');
    const result = await generateTypes(root, ['--output', generated]);
    expect(result.code, result.output).toBe(0);
    expect(fs.readFileSync(generated, 'utf8')).toBe(fs.readFileSync(path.join(root, 'web/src/graphql/graphql-env.d.ts'), 'utf8'));
  });

  describe('type check of the client', () => {
    let unchanged: string;
    let renamed: string;
    beforeAll(() => {
      unchanged = clientWithSchema((schema) => schema);
      // A field the map loads (ChoroplethColumns.bands) renamed in the schema, the client left as it is.
      renamed = clientWithSchema((schema) => {
        const edited = schema.replace(/(type ChoroplethColumns \{[^}]*?)\n {2}bands: /s, '$1\n  bandCodes: ');
        expect(edited).not.toBe(schema);
        return edited;
      });
      scratch.push(unchanged, renamed);
    });

    it('passes on the schema as committed', async () => {
      expect((await generateTypes(unchanged, [])).code).toBe(0);
      const check = await checkDocuments(unchanged);
      expect(check.code, check.output).toBe(0);
      const result = await typecheckWeb(unchanged);
      expect(result.output).toBe('');
      expect(result.code).toBe(0);
    });

    it('fails when the schema renames a field the client reads, naming the field', async () => {
      expect((await generateTypes(renamed, [])).code).toBe(0);
      const check = await checkDocuments(renamed);
      expect(check.code).not.toBe(0);
      expect(check.output).toContain('Cannot query field "bands" on type "ChoroplethColumns"');
      const result = await typecheckWeb(renamed);
      expect(result.code).not.toBe(0);
      expect(result.output).toMatch(/choropleth\.loader\.ts.*error TS\d+: 'columns\.bands'/);
    });
  });
}, 300_000);
