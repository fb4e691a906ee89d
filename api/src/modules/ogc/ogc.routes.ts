import fs from 'node:fs';
import { createHash } from 'node:crypto';
import express from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidInputError, UnknownRouteError } from '../../errors/domain-errors.ts';
import { currentDataVersion } from '../status/data-version.repository.ts';
import { latestBoundaryImportId } from '../tiles/tile-geometry-build.ts';
import { clientHolds } from '../../server/encoded-body.ts';
import {
  defaultLimit,
  featureFormats,
  itemParameters,
  maxLimit,
  parseFeatureQuery,
  refuseUnknownParameters,
  withOffset,
  type FeatureFormat,
} from './feature-query.ts';
import { featureFields, featureProperties } from './feature-properties.ts';
import { featuresCsv, geoJsonFeature, geoPackageFeatures } from './feature-output.ts';
import { FeatureService, type Collection, type FeaturePage } from './feature.service.ts';
import { writeGeoPackage } from './geopackage.ts';
import {
  apiTitle,
  collectionDocument,
  collectionsDocument,
  conformanceClasses,
  landingPage,
  mediaTypes,
  openApiDocument,
  queryablesDocument,
  type Link,
} from './ogc-documents.ts';
import { htmlPage } from './ogc-html.ts';

type Format = FeatureFormat | 'openapi';

// Resources other than items also accept (and ignore) the items' parameters: GDAL's OAPIF driver
// sends the query string of its connection URL (…/collections/communes-2025-03?year=2024) with every
// request. Anything else is refused with a 400, as for items.

/** The format asked by `f`, else by the Accept header, among those a resource serves (JSON first: the default). */
function negotiate(req: express.Request, allowed: readonly Format[]): Format {
  const f = req.query.f;
  if (typeof f === 'string') {
    if (!(allowed as readonly string[]).includes(f)) throw new InvalidInputError(`f must be one of ${allowed.join(', ')}`, { parameter: 'f' });
    return f as Format;
  }
  const byType: [string, Format][] = [
    [mediaTypes.json, allowed[0]],
    [mediaTypes.geojson, allowed[0]],
    [mediaTypes.openapi, allowed[0]],
    ['text/html', 'html'],
    [mediaTypes.gpkg, 'gpkg'],
    [mediaTypes.csv, 'csv'],
  ];
  const offered = byType.filter(([, format]) => allowed.includes(format));
  const chosen = req.accepts(offered.map(([type]) => type));
  return (chosen && offered.find(([type]) => type === chosen)?.[1]) || allowed[0];
}

/** `/ogc` on the host the client used, so links work behind the address it knows. */
function baseUrl(req: express.Request): string {
  return `${req.protocol}://${req.get('host')}${req.baseUrl}`;
}

/**
 * OGC API – Features Part 1 Core and Part 2 CRS under /ogc: landing page, conformance, the OpenAPI
 * definition, collections (one per code list and level), items (GeoJSON, HTML, and GeoPackage / CSV /
 * GeoJSON downloads) and one item. Answers carry an ETag of the data version and boundary import and
 * are revalidated (Cache-Control: no-cache); errors go to the app's boundary.
 */
export function createOgcRouter(em: EntityManager, demoByDefault = true): express.Router {
  const router = express.Router();
  const service = () => new FeatureService(em.fork(), demoByDefault);

  /** ETag of what every answer derives from (statuses and boundaries) and the chosen format; 304 when the client holds it. */
  async function notModified(req: express.Request, res: express.Response, format: string): Promise<boolean> {
    const fork = em.fork();
    const [dataVersion, boundaries] = await Promise.all([currentDataVersion(fork), latestBoundaryImportId(fork)]);
    const hash = createHash('sha1')
      .update(`${req.get('host')}${req.originalUrl}`)
      .digest('base64url')
      .slice(0, 16);
    const etag = `"ogc-${dataVersion}-${boundaries ?? 0}-${format}-${hash}"`;
    res.set({ ETag: etag, 'Cache-Control': 'no-cache', Vary: 'Accept' });
    if (clientHolds(req, etag)) {
      res.status(304).end();
      return true;
    }
    return false;
  }

  const route = (path: string, handler: (req: express.Request, res: express.Response) => Promise<void>) =>
    router.get(path, async (req, res, next) => {
      try {
        await handler(req, res);
      } catch (error) {
        next(error);
      }
    });

  const sendDocument = (res: express.Response, format: Format, json: object, html: () => string, jsonType: string = mediaTypes.json) => {
    if (format === 'html') res.type(mediaTypes.html).send(html());
    else res.type(jsonType).send(JSON.stringify(json));
  };

  route('/', async (req, res) => {
    refuseUnknownParameters(req.query, itemParameters);
    const format = negotiate(req, ['json', 'html']);
    if (await notModified(req, res, format)) return;
    const doc = landingPage(baseUrl(req));
    sendDocument(res, format, doc, () => htmlPage({ title: doc.title, description: doc.description, links: doc.links }));
  });

  route('/conformance', async (req, res) => {
    refuseUnknownParameters(req.query, itemParameters);
    const format = negotiate(req, ['json', 'html']);
    if (await notModified(req, res, format)) return;
    const base = baseUrl(req);
    const links: Link[] = [{ href: `${base}/conformance?f=json`, rel: 'self', type: mediaTypes.json, title: 'This document' }];
    sendDocument(res, format, { conformsTo: conformanceClasses, links }, () => htmlPage({ title: 'Conformance', links, list: conformanceClasses }));
  });

  route('/api', async (req, res) => {
    refuseUnknownParameters(req.query, itemParameters);
    const format = negotiate(req, ['openapi', 'html']);
    if (await notModified(req, res, format)) return;
    const base = baseUrl(req);
    const doc = openApiDocument(base, await service().collections());
    sendDocument(
      res,
      format,
      doc,
      () =>
        htmlPage({
          title: `${apiTitle}: API definition`,
          links: [{ href: `${base}/api?f=openapi`, rel: 'service-desc', type: mediaTypes.openapi, title: 'OpenAPI 3.0 (JSON)' }],
          list: Object.keys(doc.paths).map((p) => `GET ${base}${p}`),
        }),
      mediaTypes.openapi,
    );
  });

  route('/collections', async (req, res) => {
    refuseUnknownParameters(req.query, itemParameters);
    const format = negotiate(req, ['json', 'html']);
    if (await notModified(req, res, format)) return;
    const doc = collectionsDocument(baseUrl(req), await service().collections());
    sendDocument(res, format, doc, () =>
      htmlPage({
        title: 'Collections',
        links: [...doc.links, ...doc.collections.map((c) => ({ href: c.links[1].href, rel: 'item', type: mediaTypes.html, title: c.title }))],
      }),
    );
  });

  route('/collections/:collectionId', async (req, res) => {
    refuseUnknownParameters(req.query, itemParameters);
    const format = negotiate(req, ['json', 'html']);
    const collection = await service().collection(String(req.params.collectionId));
    if (await notModified(req, res, format)) return;
    const doc = collectionDocument(baseUrl(req), collection);
    sendDocument(res, format, doc, () => htmlPage({ title: doc.title, description: doc.description, links: doc.links }));
  });

  route('/collections/:collectionId/queryables', async (req, res) => {
    refuseUnknownParameters(req.query, itemParameters);
    negotiate(req, ['json']);
    const collection = await service().collection(String(req.params.collectionId));
    if (await notModified(req, res, 'json')) return;
    res.type('application/schema+json').send(JSON.stringify(queryablesDocument(baseUrl(req), collection)));
  });

  route('/collections/:collectionId/items', async (req, res) => {
    const format = negotiate(req, featureFormats) as FeatureFormat;
    const download = format === 'gpkg' || format === 'csv' || format === 'geojson';
    // Light clients page; downloads take up to the cap in one file.
    const query = parseFeatureQuery(req.query, { limit: download ? maxLimit : defaultLimit });
    const features = service();
    const collection = await features.collection(String(req.params.collectionId));
    if (await notModified(req, res, format)) return;
    const output = format === 'gpkg' ? 'wkb' : format === 'csv' ? 'wkt' : 'geojson';
    const page = await features.page(collection, query, output);
    const base = baseUrl(req);
    const links = pageLinks(base, collection, req.query, query.offset, query.limit, page, format);
    res.set('Content-Crs', `<${query.crs}>`);
    const next = links.find((l) => l.rel === 'next');
    if (download) {
      if (next) res.set('Link', `<${next.href}>; rel="next"`);
      res.set('Content-Disposition', `attachment; filename="${fileName(collection, page, req.query, format)}"`);
    }
    if (format === 'gpkg') {
      const { file, remove } = writeGeoPackage({
        table: collection.id.replaceAll('-', '_'),
        identifier: `${collection.id} ${page.year ?? ''}`.trim(),
        description: `NTM Atlas: ${collection.id} with their status of ${page.year ?? 'no assessed year'}`,
        fields: featureFields,
        features: geoPackageFeatures(page.features),
      });
      res.type(mediaTypes.gpkg).set('Content-Length', String(fs.statSync(file).size));
      const stream = fs.createReadStream(file);
      stream.once('close', remove);
      res.once('close', () => stream.destroy());
      stream.pipe(res);
      return;
    }
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8').send(featuresCsv(page.features));
      return;
    }
    if (format === 'html') {
      res.type(mediaTypes.html).send(
        htmlPage({
          title: `${collection.id}: features ${query.offset + 1}–${query.offset + page.features.length} of ${page.numberMatched}`,
          description: `Status of ${page.year ?? 'no assessed year'}.`,
          links,
          table: {
            columns: featureFields.map((f) => f.name),
            rows: page.features.map((feature) => {
              const properties = featureProperties(feature);
              return { href: `${base}/collections/${collection.id}/items/${feature.row.code}?f=html`, cells: featureFields.map((f) => properties[f.name]) };
            }),
          },
        }),
      );
      return;
    }
    res.type(mediaTypes.geojson).send(
      JSON.stringify({
        type: 'FeatureCollection',
        numberMatched: page.numberMatched,
        numberReturned: page.features.length,
        timeStamp: new Date().toISOString(),
        links,
        features: page.features.map((feature) => geoJsonFeature(feature)),
      }),
    );
  });

  route('/collections/:collectionId/items/:featureId', async (req, res) => {
    refuseUnknownParameters(req.query, ['f', 'crs', 'year', 'datetime', 'simplify']);
    const format = negotiate(req, ['json', 'html']);
    if (!/^\d{2,5}$/.test(String(req.params.featureId))) throw new InvalidInputError('featureId must be a GSO code', { parameter: 'featureId' });
    const query = parseFeatureQuery(req.query, { limit: 1 });
    const features = service();
    const collection = await features.collection(String(req.params.collectionId));
    if (await notModified(req, res, format)) return;
    const feature = await features.feature(collection, String(req.params.featureId), query);
    const base = baseUrl(req);
    const self = `${base}/collections/${collection.id}/items/${feature.row.code}`;
    const links: Link[] = [
      { href: `${self}?f=json`, rel: 'self', type: mediaTypes.geojson, title: 'This feature' },
      { href: `${self}?f=html`, rel: 'alternate', type: mediaTypes.html, title: 'This feature as HTML' },
      { href: `${base}/collections/${collection.id}`, rel: 'collection', type: mediaTypes.json, title: 'The collection' },
    ];
    res.set('Content-Crs', `<${query.crs}>`);
    if (format === 'html') {
      const properties = featureProperties(feature);
      res.type(mediaTypes.html).send(
        htmlPage({
          title: feature.row.name,
          links,
          table: { columns: ['property', 'value'], rows: featureFields.map((f) => ({ cells: [f.name, properties[f.name]] })) },
        }),
      );
      return;
    }
    res.type(mediaTypes.geojson).send(JSON.stringify(geoJsonFeature(feature, links)));
  });

  router.use((_req, _res, next) => {
    next(new UnknownRouteError('OGC API – Features: see /ogc (landing page) and /ogc/api (OpenAPI definition)'));
  });
  return router;
}

function pageLinks(
  base: string,
  collection: Collection,
  raw: Record<string, unknown>,
  offset: number,
  limit: number,
  page: FeaturePage,
  format: FeatureFormat,
): Link[] {
  const items = `${base}/collections/${collection.id}/items`;
  const type = format === 'html' ? mediaTypes.html : mediaTypes.geojson;
  const at = (o: number, f?: string) => `${items}?${withOffset(f ? { ...raw, f } : raw, o)}`;
  const links: Link[] = [
    { href: at(offset, 'json'), rel: format === 'json' ? 'self' : 'alternate', type: mediaTypes.geojson, title: 'This page as GeoJSON' },
    { href: at(offset, 'html'), rel: format === 'html' ? 'self' : 'alternate', type: mediaTypes.html, title: 'This page as HTML' },
    { href: at(offset, 'gpkg'), rel: 'enclosure', type: mediaTypes.gpkg, title: 'This page as GeoPackage' },
    { href: `${base}/collections/${collection.id}`, rel: 'collection', type: mediaTypes.json, title: 'The collection' },
  ];
  if (offset + limit < page.numberMatched) links.push({ href: at(offset + limit), rel: 'next', type, title: 'Next page' });
  if (offset > 0) links.push({ href: at(Math.max(0, offset - limit)), rel: 'prev', type, title: 'Previous page' });
  return links;
}

/** ntm-communes-2025-03-2024-within-20.gpkg: the collection, the year and the filters that narrow it. */
function fileName(collection: Collection, page: FeaturePage, raw: Record<string, unknown>, format: FeatureFormat): string {
  const filters = ['within', 'provinceCode', 'districtCode', 'band', 'tier', 'border', 'dbkk', 'demo', 'missing']
    .filter((name) => typeof raw[name] === 'string' && raw[name] !== '')
    .map((name) => `${name}-${String(raw[name]).replace(/[^A-Za-z0-9-]+/g, '_')}`);
  const extension = format === 'gpkg' ? 'gpkg' : format === 'csv' ? 'csv' : 'geojson';
  return `${[`ntm-${collection.id}`, page.year ?? 'no-year', ...filters].join('-').slice(0, 150)}.${extension}`;
}
