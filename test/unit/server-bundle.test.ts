import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm start` runs api/dist/main.mjs, which api/build-if-stale.mjs bundles from api/main.ts; the
 * tests and the benchmark run the sources through tsx. These checks keep the two the same program.
 */
const root = path.resolve(import.meta.dirname, '../..');
const execution = promisify(execFile);
const node = (args: string[], env: Record<string, string> = {}) =>
  execution(process.execPath, args, { cwd: root, env: { ...process.env, CI: 'true', ...env }, timeout: 60_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, output: `${stdout}${stderr}` }),
    (error) => ({ code: error.code as number, output: `${error.stdout}${error.stderr}` }),
  );
const build = (...args: string[]) => node(['api/build-if-stale.mjs', ...args]);
/** A database that refuses connections: a start gets past loading every module and the entity discovery, then stops. */
const unreachableDatabase = { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none', PORT: '0' };

// Inside the repository (gitignored api/dist), so bundles find node_modules as api/dist/main.mjs does.
fs.mkdirSync(path.join(root, 'api/dist'), { recursive: true });
const scratch = fs.mkdtempSync(path.join(root, 'api/dist/test-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('the built server (api/dist/main.mjs)', () => {
  const outDir = path.join(scratch, 'server');
  const bundle = path.join(outDir, 'main.mjs');
  beforeAll(async () => {
    const result = await build('--out-dir', outDir);
    expect(result.output).toContain('Building the server (not built yet)');
    expect(result.code).toBe(0);
  }, 60_000);

  it('holds exactly the source files that tsx loads for api/main.ts', async () => {
    // A load hook records every repository module that a tsx start of api/main.ts reads.
    const loadedFile = path.join(scratch, 'loaded.txt');
    const recorder = path.join(scratch, 'record-loads.mjs');
    fs.writeFileSync(
      recorder,
      `import fs from 'node:fs';
import { registerHooks } from 'node:module';
registerHooks({
  load(url, context, next) {
    if (url.startsWith(${JSON.stringify(pathToFileURL(root).href)}) && !url.includes('/node_modules/')) fs.appendFileSync(${JSON.stringify(loadedFile)}, url + '\\n');
    return next(url, context);
  },
});
`,
    );
    const started = await node(['--import', 'tsx', '--import', recorder, 'api/main.ts'], unreachableDatabase);
    expect(started.output).toContain('ECONNREFUSED');
    const loaded = fs
      .readFileSync(loadedFile, 'utf8')
      .trim()
      .split('\n')
      .map((url) => path.relative(root, new URL(url).pathname))
      .filter((file) => file.endsWith('.ts'));
    const { inputs } = JSON.parse(fs.readFileSync(path.join(outDir, 'inputs.json'), 'utf8'));
    expect([...inputs].sort()).toEqual([...new Set(loaded)].sort());
    expect(inputs).toContain('api/src/db/migrations/index.ts');
    expect(inputs).toContain('geo/ingest-on-boot.ts');
  }, 60_000);

  it('gives every module its own import.meta.url, so the .sql files beside the sources are found', () => {
    const text = fs.readFileSync(bundle, 'utf8');
    const uses = text.match(/import\.meta\.url/g) ?? [];
    const rewritten = [...text.matchAll(/new URL\("([^"]+)", import\.meta\.url\)\.href/g)].map((m) => m[1]!);
    expect(rewritten.length).toBeGreaterThan(20);
    expect(rewritten).toHaveLength(uses.length);
    for (const source of new Set(rewritten)) expect(fs.existsSync(path.resolve(outDir, source)), source).toBe(true);
    const sqlFiles = [...text.matchAll(/sqlFile\(new URL\("([^"]+)", import\.meta\.url\)\.href, "([^"]+\.sql)"\)/g)];
    expect(sqlFiles.length).toBeGreaterThan(20);
    for (const [, source, name] of sqlFiles) expect(fs.existsSync(path.resolve(outDir, path.dirname(source!), name!)), name).toBe(true);
  });

  it('loads every module and discovers the entities, as the tsx start does', async () => {
    const [built, sources] = await Promise.all([
      node(['--enable-source-maps', bundle], unreachableDatabase),
      node(['--import', 'tsx', 'api/main.ts'], unreachableDatabase),
    ]);
    // Both stop at the first query, the migration check: everything before it went alike.
    expect(built.code).toBe(1);
    expect(built.output.trim()).toBe('connect ECONNREFUSED 127.0.0.1:1');
    expect(built.output).toBe(sources.output);
  }, 60_000);
});

describe('api/build-if-stale.mjs', () => {
  // A small program with what the bundle must keep: import.meta.url per module, legacy decorators
  // and class fields as tsconfig.json says (experimentalDecorators, useDefineForClassFields false),
  // and class names when two modules use the same one.
  const project = path.join(scratch, 'program');
  const entry = path.join(project, 'entry.ts');
  const dependency = path.join(project, 'lib/dependency.ts');
  const outDir = path.join(scratch, 'program-built');
  const sqlFileModule = path.relative(path.join(project, 'lib'), path.join(root, 'api/src/db/sql-file.ts'));
  const dependencySource = (version: number) => `import { sqlFile } from '${sqlFileModule}';
export const decorated: string[] = [];
function mark(target: object, key: string) {
  decorated.push(\`\${target.constructor.name}.\${key}\`);
}
export class Example {
  @mark field = ${version};
  declare typed: string;
}
export const version = ${version};
export const query = sqlFile(import.meta.url, 'query.sql').trim();
`;
  beforeAll(() => {
    fs.mkdirSync(path.join(project, 'lib'), { recursive: true });
    fs.writeFileSync(path.join(project, 'lib/query.sql'), 'select 1\n');
    fs.writeFileSync(dependency, dependencySource(1));
    fs.writeFileSync(
      entry,
      `import { decorated, Example, query, version } from './lib/dependency.ts';
class Local {}
const Other = class Example {};
console.log(JSON.stringify({ version, query, decorated, names: [Example.name, Local.name, Other.name], keys: Object.keys(new Example()) }));
`,
    );
  });

  it('builds when missing or changed (by content), not otherwise, and the bundle prints what tsx prints', async () => {
    const runBuilt = () => node([path.join(outDir, 'main.mjs')]);
    const runSources = () => node(['--import', 'tsx', entry]);

    expect((await build('--entry', entry, '--out-dir', outDir)).output).toContain('Building the server (not built yet)');
    expect((await runBuilt()).output).toBe((await runSources()).output);
    expect(JSON.parse((await runBuilt()).output)).toEqual({
      version: 1,
      query: 'select 1',
      decorated: ['Example.field'],
      names: ['Example', 'Local', 'Example'],
      keys: ['field'],
    });

    const unchanged = await build('--entry', entry, '--out-dir', outDir);
    expect(unchanged).toEqual({ code: 0, output: '' });

    // Changed content with the old modification time (a copy that keeps times) still rebuilds.
    const { atime, mtime } = fs.statSync(dependency);
    fs.writeFileSync(dependency, dependencySource(2));
    fs.utimesSync(dependency, atime, mtime);
    expect((await build('--entry', entry, '--out-dir', outDir)).output).toContain('Building the server (sources changed)');
    expect(JSON.parse((await runBuilt()).output)).toMatchObject({ version: 2 });
    expect((await runBuilt()).output).toBe((await runSources()).output);
  }, 60_000);
});
