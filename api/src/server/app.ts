import http from 'node:http';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { MikroORM } from '@mikro-orm/postgresql';
import { buildAppSchema } from '../schema/build-schema.ts';
import { formatError, httpErrorResponse } from '../errors/format-error.ts';
import { complexityPlugin, depthLimitRule } from './graphql-limits.ts';
import { createRequestContext, type RequestContext } from './context.ts';
import { accessFor, clientAddressOf, type AuthSettings } from '../modules/auth/authenticate.ts';
import { readAccessPlugin } from '../modules/auth/read-access.plugin.ts';
import { requireReadAccess } from '../modules/auth/read-access.middleware.ts';
import { writeRateLimitPlugin } from '../modules/auth/write-rate-limit.plugin.ts';
import { nulFreeStringsRule, refuseNulCharacters } from './request-guards.ts';
import { keptResponsePlugin } from '../modules/status/kept-response.plugin.ts';
import { KeptResponses } from '../modules/status/kept-responses.ts';
import { compressResponses, serveWebClient } from './web-delivery.ts';
import graphqlUploadExpress from 'graphql-upload/graphqlUploadExpress.mjs';
import type { ReadLimits } from '../modules/assessment-imports/sheet-reader.ts';
import { exportRoutes } from '../modules/assessment-imports/export.routes.ts';
import { createTileRouter } from '../modules/tiles/tile.router.ts';
import { createOgcRouter } from '../modules/ogc/ogc.routes.ts';

/** GraphQL requests are small; imports upload through their own route. */
const requestBodyLimit = '1mb';

export interface HttpApp {
  server: http.Server;
  /** The Express app, whose router stack lists every route (the security tests walk it). */
  app: express.Express;
  stop(): Promise<void>;
}

/** GraphQL at /graphql, vector tiles at /tiles, exports at /export, OGC API – Features at /ogc, a health probe at /health and the built web client at /. */
export async function createHttpApp(
  orm: MikroORM,
  webDistDir: string,
  auth: AuthSettings,
  {
    importLimits,
    tileCacheBytes,
    responseCacheBytes,
    tilePrerenderMaxZoom,
    demoByDefault = true,
  }: { importLimits: ReadLimits; tileCacheBytes: number; responseCacheBytes: number; tilePrerenderMaxZoom: number; demoByDefault?: boolean },
): Promise<HttpApp> {
  const app = express();
  app.disable('x-powered-by');
  const server = http.createServer(app);
  const schema = await buildAppSchema();

  const apollo = new ApolloServer<RequestContext>({
    schema,
    formatError,
    validationRules: [depthLimitRule, nulFreeStringsRule],
    introspection: true,
    // Stack traces name files and libraries; errors carry a code and a message instead.
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown (HTTP, then the database, then the embedded server's lock); Apollo's own
    // signal handler would race it and leave the process hanging on Ctrl-C.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      complexityPlugin(schema),
      readAccessPlugin,
      writeRateLimitPlugin(),
      // After every plugin's didResolveOperation: only an answer that passed the checks above is kept.
      keptResponsePlugin,
    ],
  });
  await apollo.start();

  app.use(refuseNulCharacters);
  // Brotli or gzip as each client takes it, for every answer not already sent compressed.
  app.use(compressResponses());

  app.get('/health', async (_req, res) => {
    const ok = await orm.isConnected();
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'database unavailable' });
  });

  // Every route that serves data passes the same read-access decision as GraphQL's queries.
  const readAccess = requireReadAccess(orm.em, auth);
  const keptResponses = new KeptResponses(responseCacheBytes);
  app.use('/tiles', readAccess, createTileRouter(orm.em, tileCacheBytes, tilePrerenderMaxZoom).router);

  app.use(
    '/graphql',
    express.json({ limit: requestBodyLimit }),
    // Multipart requests (file uploads); Apollo's CSRF check wants an Apollo-Require-Preflight header
    // on them. One byte over the limit lets the resolver tell "too large" from "exactly the limit".
    graphqlUploadExpress({ maxFileSize: importLimits.maxBytes + 1, maxFiles: 1 }),
    refuseNulCharacters,
    // Kept answers (map colours, criteria sets) go out from here as finished bytes; everything else goes on to Apollo.
    keptResponses.route(orm.em, auth, auth.publicRead ? 'public' : 'private'),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const em = orm.em.fork();
        const clientAddress = clientAddressOf(req);
        const access = await accessFor(em, req.headers.authorization, auth, clientAddress);
        return { ...createRequestContext(em, access, auth, clientAddress, importLimits, demoByDefault), responseKeeping: res.locals.responseKeeping };
      },
    }),
  );

  app.use('/export', readAccess, exportRoutes(orm, demoByDefault));
  // OGC API – Features for GIS clients (QGIS, ArcGIS, GDAL), with GeoPackage and CSV downloads.
  app.use('/ogc', readAccess, createOgcRouter(orm.em, demoByDefault));

  serveWebClient(app, webDistDir);

  // The one error boundary of every route: a code and a message, never a stack trace, SQL or path.
  app.use((error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const { status, body } = httpErrorResponse(error);
    res.status(status).json(body);
  });

  return {
    server,
    app,
    async stop() {
      await apollo.stop();
      server.close();
    },
  };
}
