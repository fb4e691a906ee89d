import { defineConfig } from 'vitest/config';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export default defineConfig({
  root,
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: {
    // type-graphql and Apollo must see one copy of graphql (CommonJS entry), never the .mjs twin.
    alias: { graphql: path.join(root, 'node_modules/graphql/index.js') },
  },
  test: {
    reporters: ['default', path.join(root, 'test/support/summary-reporter.ts')],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'system',
          include: ['test/integration/**/*.test.ts', 'test/security/**/*.test.ts', 'test/browser/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 120_000,
          // Files share two servers and the machine's two cores; in sequence, a slow software-GL
          // browser test is never starved by an import test booting its own database.
          pool: 'forks',
          fileParallelism: false,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
