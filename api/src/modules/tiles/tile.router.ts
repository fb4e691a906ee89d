import express from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidInputError, UnknownRouteError } from '../../errors/domain-errors.ts';
import { cacheControl } from '../auth/read-access.middleware.ts';
import { TileCache } from './tile-cache.ts';
import { TileService, parseTileAddress, parseTileScope } from './tile.service.ts';
import { tileCodeLists } from './tile-level.ts';
import { tileJson, tileStyle } from './tilejson.ts';
import { sendEncodedBody } from '../../server/encoded-body.ts';

/**
 * `GET /tiles/{level}/{z}/{x}/{y}.pbf?asOf=YYYY-MM-DD`: Mapbox Vector Tiles of the provinces,
 * districts or communes in force on that date (default today; no district from 01/07/2025) (layer `units`, feature id = GSO code as an integer, properties code, name, shortName,
 * level). Sent brotli- or gzip-compressed as the client takes it, each form made once per kept tile;
 * content-hash ETags answer If-None-Match with 304; clients revalidate after an hour. `GET /tiles/{level}/tilejson.json` describes
 * a level as TileJSON 3.0; `GET /tiles/style.json` is a MapLibre style of all three (`/tiles/{level}/style.json`
 * of one), for GIS clients
 * (QGIS "Vector Tiles" connections). Errors go to the app's boundary.
 */
export function createTileRouter(em: EntityManager, tileCacheBytes: number, prerenderMaxZoom: number): { router: express.Router; service: TileService } {
  const service = new TileService(em, new TileCache(tileCacheBytes), prerenderMaxZoom);
  const router = express.Router();
  const origin = (req: express.Request) => `${req.protocol}://${req.get('host')}`;
  // Documents about the tiles change with the boundaries only; like the tiles, clients revalidate after an hour.
  const describe = (res: express.Response, document: object) =>
    res.set('Cache-Control', cacheControl(res, 3600)).type('application/json').send(JSON.stringify(document));
  router.get('/style.json', (req, res, next) => {
    try {
      // The levels in force on the date (today by default); provinces exist in every list, so they check the date.
      const { codeList } = parseTileScope('province', req.query.asOf);
      const levels = tileCodeLists.find((c) => c.codeList === codeList)!.levels;
      describe(
        res,
        tileStyle(
          origin(req),
          levels.map((level) => parseTileScope(level, req.query.asOf)),
        ),
      );
    } catch (error) {
      next(error);
    }
  });
  router.get('/:level/style.json', (req, res, next) => {
    try {
      describe(res, tileStyle(origin(req), [parseTileScope(req.params.level, req.query.asOf)]));
    } catch (error) {
      next(error);
    }
  });
  router.get('/:level/tilejson.json', async (req, res, next) => {
    try {
      describe(res, await tileJson(em.fork(), parseTileScope(req.params.level, req.query.asOf), origin(req)));
    } catch (error) {
      next(error);
    }
  });
  router.get('/:level/:z/:x/:file', async (req, res, next) => {
    try {
      const match = /^(\d+)\.pbf$/.exec(req.params.file);
      if (!match) throw new InvalidInputError(`tile file must be {y}.pbf, got "${req.params.file}"`);
      const address = parseTileAddress(req.params.level, req.params.z, req.params.x, match[1], req.query.asOf);
      const tile = await service.tile(address);
      res.set({ 'Content-Type': 'application/vnd.mapbox-vector-tile', 'Cache-Control': cacheControl(res, 3600) });
      // An empty tile (open sea) is an empty 200, not a 204: browsers keep no 204, so a repeat visit would ask again.
      sendEncodedBody(req, res, tile);
    } catch (error) {
      next(error);
    }
  });
  router.use((_req, _res, next) => {
    next(
      new UnknownRouteError(
        'tiles are at /tiles/{province|district|commune}/{z}/{x}/{y}.pbf?asOf=YYYY-MM-DD, described at /tiles/{level}/tilejson.json and /tiles/style.json',
      ),
    );
  });
  return { router, service };
}
