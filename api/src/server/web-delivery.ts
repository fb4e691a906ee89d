import fs from 'node:fs';
import path from 'node:path';
import type express from 'express';
import compression from 'compression';
import expressStaticGzip from 'express-static-gzip';

/** Types worth compressing that `compressible` (mime-db) does not list: vector tiles are protobuf of mostly small integers. */
const alsoCompressible = /^application\/(vnd\.mapbox-vector-tile|x-protobuf|geopackage\+sqlite3)\b/;

/**
 * On-the-fly compression, negotiated per request (brotli where the client takes it, else gzip) for
 * the answers not kept as finished bytes: GraphQL misses, exports, OGC documents, tile documents,
 * the app shell. Kept answers and tiles go out in their own compressed forms once made (a
 * Content-Encoding this leaves alone), and through this until then.
 */
export function compressResponses(): express.RequestHandler {
  return compression({
    filter: (req, res) => alsoCompressible.test(String(res.getHeader('Content-Type') ?? '')) || compression.filter(req, res),
  });
}

/** The .br and .gz siblings written at build, brotli first; no directory index (client routes get the shell below). */
const precompressed = { enableBrotli: true, orderPreference: ['br', 'gzip'], index: false };

/**
 * The built web client: hashed assets precompressed at build (web/vite.config.ts writes .br and .gz
 * beside each) and kept by clients for good; everything else revalidated. Client-side routes (the
 * URL carries the map state) all get the app shell.
 */
export function serveWebClient(app: express.Express, webDistDir: string): void {
  const indexHtml = path.join(webDistDir, 'index.html');
  if (!fs.existsSync(indexHtml)) {
    app.get('/', (_req, res) => {
      res.status(503).type('text').send('The web client is not built. Run `npm run build:web` (npm start does it for you).');
    });
    return;
  }
  app.use(
    '/assets',
    expressStaticGzip(path.join(webDistDir, 'assets'), { ...precompressed, serveStatic: { immutable: true, maxAge: '1y', fallthrough: false } }),
  );
  app.use(expressStaticGzip(webDistDir, { ...precompressed, serveStatic: { index: false, cacheControl: true, maxAge: 0 } }));
  app.get(/^\/(?!graphql|tiles|health|export|ogc).*/, (_req, res) =>
    res.sendFile(indexHtml, { cacheControl: false, headers: { 'Cache-Control': 'no-cache' } }),
  );
}
