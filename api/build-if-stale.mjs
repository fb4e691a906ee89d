// Builds the server (api/main.ts and everything it imports from api/, geo/ and seeds/) into one
// ES module, api/dist/main.mjs, when it is missing or any of its sources changed, so `npm start`
// runs plain JavaScript instead of transpiling some 200 TypeScript files at every start (tsx).
// The bundle is esbuild's output of the same sources with the same tsconfig.json as tsx (itself
// esbuild), with every npm package left external; tests and the benchmark keep running the
// sources through tsx. `node api/build-if-stale.mjs --force` rebuilds unconditionally; `--entry`
// and `--out-dir` build another entry point elsewhere (test/unit/server-bundle.test.ts).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const apiDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(apiDir, '..');
/** Where `npm start` runs the server from; tests build elsewhere (`outDir`, inside the repository). */
export const defaultOutDir = path.join(apiDir, 'dist');
export const bundleFile = (outDir = defaultOutDir) => path.join(outDir, 'main.mjs');
/** What the last build read (sources, relative to the root) and a digest of their contents. */
const inputsFile = (outDir) => path.join(outDir, 'inputs.json');
/** Files that change the output without being bundled: this script, the compiler options, the packages. */
const buildFiles = ['api/build-if-stale.mjs', 'tsconfig.json', 'package-lock.json'];

/** Bytes of a file (relative to the root), or undefined when it is missing. */
function read(file) {
  try {
    return fs.readFileSync(path.join(root, file));
  } catch {
    return undefined;
  }
}

/** sha256 over the names and bytes of the files (`contents`: those already read); a missing file counts as such. */
function digest(files, contents = new Map()) {
  const hash = crypto.createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(contents.has(file) ? contents.get(file) : (read(file) ?? '\0missing\0'));
  }
  return hash.digest('hex');
}

/**
 * Why the bundle must be rebuilt, or undefined when it is current: the content of a source it was
 * built from (or of the build files) differs from the last build's. Reading those files takes
 * milliseconds; by content, so a checkout or copy that keeps old modification times is seen too.
 * A new source file only matters once a listed one imports it, which changes that one.
 */
export function staleReason({ outDir = defaultOutDir } = {}) {
  if (!fs.existsSync(bundleFile(outDir)) || !fs.existsSync(inputsFile(outDir))) return 'not built yet';
  let recorded;
  try {
    recorded = JSON.parse(fs.readFileSync(inputsFile(outDir), 'utf8'));
  } catch {
    return 'unreadable build record';
  }
  if (typeof recorded.digest !== 'string' || !Array.isArray(recorded.inputs)) return 'unreadable build record';
  if (digest([...buildFiles, ...recorded.inputs]) !== recorded.digest) return 'sources changed';
  return undefined;
}

/**
 * Each module keeps its own `import.meta.url`, as under tsx: code finds the `.sql` files beside it
 * (sqlFile(import.meta.url, …)) and the repository root (config.ts) from it. The source file's URL
 * is computed from the bundle's own location, so the repository can move (Docker copies it).
 */
const ownImportMetaUrl = (outDir, contents) => ({
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const bytes = await fs.promises.readFile(args.path);
      // Exactly the bytes bundled go into the digest, also when the file is saved again meanwhile.
      contents.set(path.relative(root, args.path).split(path.sep).join('/'), bytes);
      const source = bytes.toString('utf8');
      const fromBundle = path.relative(outDir, args.path).split(path.sep).join('/');
      const rewritten = source.replace(/\bimport\.meta\.url\b/g, `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`);
      return { contents: rewritten, loader: 'ts' };
    });
  },
});

export async function buildServer({ entry = path.join(apiDir, 'main.ts'), outDir = defaultOutDir } = {}) {
  const { build } = await import('esbuild');
  fs.mkdirSync(outDir, { recursive: true });
  fs.rmSync(inputsFile(outDir), { force: true });
  const contents = new Map(buildFiles.map((file) => [file, read(file) ?? '\0missing\0']));
  const result = await build({
    entryPoints: [entry],
    outfile: bundleFile(outDir),
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    // npm packages load from node_modules as under tsx (one copy of graphql, native addons, WASM).
    packages: 'external',
    tsconfig: path.join(root, 'tsconfig.json'),
    // Class and function names stay: MikroORM and type-graphql key metadata by them.
    keepNames: true,
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
    plugins: [ownImportMetaUrl(outDir, contents)],
  });
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith('node_modules/'));
  const record = { digest: digest([...buildFiles, ...inputs], contents), inputs };
  fs.writeFileSync(inputsFile(outDir), `${JSON.stringify(record, null, 1)}\n`);
  return { inputs };
}

/** Builds when stale (or forced); resolves with whether it built. */
export async function buildIfStale({ entry, outDir = defaultOutDir, force = false, log = console.log } = {}) {
  const reason = force ? 'forced' : staleReason({ outDir });
  if (reason === undefined) return false;
  log(`Building the server (${reason})…`);
  await buildServer({ entry, outDir });
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { force: { type: 'boolean' }, entry: { type: 'string' }, 'out-dir': { type: 'string' } } });
  const outDir = values['out-dir'] === undefined ? undefined : path.resolve(values['out-dir']);
  await buildIfStale({ force: values.force, entry: values.entry && path.resolve(values.entry), outDir });
}
