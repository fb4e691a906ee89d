import express from 'express';
import fresh from 'fresh';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidInputError, UnknownRouteError } from '../../errors/domain-errors.ts';
import { TileCache } from './tile-cache.ts';
import { TileService, parseTileAddress } from './tile.service.ts';

/**
 * `GET /tiles/{level}/{z}/{x}/{y}.pbf?asOf=YYYY-MM-DD`: Mapbox Vector Tiles of the provinces,
 * districts or communes in force on that date (default today; no district from 01/07/2025) (layer `units`, feature id = GSO code as an integer, properties code, name, shortName,
 * level). Content-hash ETags answer If-None-Match with 304 (`fresh` compares as RFC 9110 §13.1.2 asks:
 * weakly, `*`, lists); clients revalidate after an hour. Errors go to the app's boundary.
 */
export function createTileRouter(em: EntityManager, tileCacheBytes: number, prerenderMaxZoom: number): { router: express.Router; service: TileService } {
  const service = new TileService(em, new TileCache(tileCacheBytes), prerenderMaxZoom);
  const router = express.Router();
  router.get('/:level/:z/:x/:file', async (req, res, next) => {
    try {
      const match = /^(\d+)\.pbf$/.exec(req.params.file);
      if (!match) throw new InvalidInputError(`tile file must be {y}.pbf, got "${req.params.file}"`);
      const address = parseTileAddress(req.params.level, req.params.z, req.params.x, match[1], req.query.asOf);
      const tile = await service.tile(address);
      res.set({
        'Content-Type': 'application/vnd.mapbox-vector-tile',
        'Cache-Control': 'public, max-age=3600',
        ETag: tile.etag,
      });
      // Only If-None-Match is passed: `fresh` also treats a request's Cache-Control: no-cache as "not
      // fresh" (a cache's rule; fetch sends it with every conditional request), but an origin server
      // evaluates the precondition all the same (RFC 9110 §13.2.1).
      if (fresh({ 'if-none-match': req.headers['if-none-match'] }, { etag: tile.etag })) {
        res.status(304).end();
        return;
      }
      res.status(tile.body.byteLength ? 200 : 204).end(tile.body);
    } catch (error) {
      next(error);
    }
  });
  router.use((_req, _res, next) => {
    next(new UnknownRouteError('tiles are at /tiles/{province|district|commune}/{z}/{x}/{y}.pbf?asOf=YYYY-MM-DD'));
  });
  return { router, service };
}
