import { defineConfig, type Plugin } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const webDir = path.dirname(fileURLToPath(import.meta.url));

/**
 * What the first view waits for, asked for by the page itself so it all downloads at once instead of
 * one after another (script → map chunk → map worker → label fonts): the map engine's chunk and its
 * styles, its worker (fetched by the worker from the HTTP cache, where the preload leaves it: hashed
 * assets are kept for good) and the label fonts that Vietnamese names use.
 */
function preloadFirstView(): Plugin {
  return {
    name: 'ntm-preload-first-view',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return [];
        const files = Object.values(bundle);
        const mapChunk = files.find((f) => f.type === 'chunk' && f.facadeModuleId?.endsWith('/map/AtlasMap.tsx'));
        if (mapChunk?.type !== 'chunk') throw new Error('the map chunk (map/AtlasMap.tsx) is missing from the build');
        const asset = (pattern: RegExp) => {
          const found = files.find((f) => f.type === 'asset' && pattern.test(f.fileName));
          if (!found) throw new Error(`no built asset matches ${pattern}`);
          return `/${found.fileName}`;
        };
        const link = (attrs: Record<string, string | boolean>) => ({ tag: 'link', attrs, injectTo: 'head' as const });
        return [
          link({ rel: 'modulepreload', crossorigin: true, href: `/${mapChunk.fileName}` }),
          ...[...(mapChunk.viteMetadata?.importedCss ?? [])].map((css) => link({ rel: 'preload', as: 'style', href: `/${css}` })),
          link({ rel: 'preload', as: 'fetch', crossorigin: true, href: asset(/maplibre-gl-worker-[\w-]+\.mjs$/) }),
          ...[/noto-sans-vietnamese-400-normal-[\w-]+\.woff2$/, /noto-sans-latin-400-normal-[\w-]+\.woff2$/].map((font) =>
            link({ rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: true, href: asset(font) }),
          ),
        ];
      },
    },
  };
}

export default defineConfig({
  root: webDir,
  base: '/',
  // React's automatic JSX runtime through Vite's own transformer (Oxc); no plugin needed for a production build.
  oxc: { jsx: { runtime: 'automatic' } },
  // Every text asset also as .br and .gz, made once at build and served as the client takes it. Brotli 10,
  // not 11: 1.6 % more bytes (7 KB of a first view), but a build 2.6 s shorter, which a first npm start waits for.
  plugins: [
    preloadFirstView(),
    compression({
      include: /\.(js|mjs|css|html|json|svg)$/,
      // The spreadsheet library loads only for an Excel download: compressed on the fly then, not at every build.
      exclude: /exceljs/,
      threshold: 1024,
      algorithms: [defineAlgorithm('brotliCompress', { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 10 } }), defineAlgorithm('gzip', { level: 9 })],
    }),
  ],
  build: { outDir: path.join(webDir, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000', '/tiles': 'http://127.0.0.1:4000' } },
});
