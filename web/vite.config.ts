import { defineConfig } from 'vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: webDir,
  base: '/',
  // React's automatic JSX runtime through Vite's own transformer (Oxc); no plugin needed for a production build.
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: path.join(webDir, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000', '/tiles': 'http://127.0.0.1:4000' } },
});
