import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { MikroORM } from '@mikro-orm/postgresql';
import { buildAppSchema } from '../schema/build-schema.ts';
import { formatError } from '../errors/format-error.ts';
import { complexityPlugin, depthLimitRule } from './graphql-limits.ts';
import { createRequestContext, type RequestContext } from './context.ts';
import { writeAccessFor } from './operator-token.ts';
import { createTileRouter } from '../modules/tiles/tile.router.ts';

export interface HttpApp {
  server: http.Server;
  stop(): Promise<void>;
}

/** GraphQL at /graphql, vector tiles at /tiles, a health probe at /health and the built web client at /. */
export async function createHttpApp(
  orm: MikroORM,
  webDistDir: string,
  adminToken: string | undefined,
  tileCacheBytes: number,
): Promise<HttpApp> {
  const app = express();
  app.disable('x-powered-by');
  const server = http.createServer(app);
  const schema = await buildAppSchema();

  const apollo = new ApolloServer<RequestContext>({
    schema,
    formatError,
    validationRules: [depthLimitRule],
    introspection: true,
    // main.ts owns shutdown (HTTP, then the database, then the embedded server's lock); Apollo's own
    // signal handler would race it and leave the process hanging on Ctrl-C.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server }), complexityPlugin(schema)],
  });
  await apollo.start();

  app.get('/health', async (_req, res) => {
    const ok = await orm.isConnected();
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'database unavailable' });
  });

  app.use('/tiles', createTileRouter(orm.em, tileCacheBytes).router);

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createRequestContext(orm.em, writeAccessFor(req.headers.authorization, adminToken)),
    }),
  );

  serveWebClient(app, webDistDir);

  return {
    server,
    async stop() {
      await apollo.stop();
      server.close();
    },
  };
}

function serveWebClient(app: express.Express, webDistDir: string) {
  const indexHtml = path.join(webDistDir, 'index.html');
  if (!fs.existsSync(indexHtml)) {
    app.get('/', (_req, res) => {
      res.status(503).type('text').send('The web client is not built. Run `npm run build:web` (npm start does it for you).');
    });
    return;
  }
  app.use('/assets', express.static(path.join(webDistDir, 'assets'), { immutable: true, maxAge: '1y' }));
  app.use(express.static(webDistDir, { index: false }));
  // Client-side routes (the URL carries the map state) all get the app shell.
  app.get(/^\/(?!graphql|tiles|health).*/, (_req, res) => res.sendFile(indexHtml));
}
