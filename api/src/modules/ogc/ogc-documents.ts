import { Tier } from '../assessments/recognition.entity.ts';
import { crs84, defaultLimit, epsg4326, maxLimit, maxSimplify, supportedCrs } from './feature-query.ts';
import { featureFields } from './feature-properties.ts';
import type { Collection } from './feature.service.ts';

/** Media types of the resources. */
export const mediaTypes = {
  json: 'application/json',
  geojson: 'application/geo+json',
  html: 'text/html',
  openapi: 'application/vnd.oai.openapi+json;version=3.0',
  gpkg: 'application/geopackage+sqlite3',
  csv: 'text/csv',
} as const;

export interface Link {
  href: string;
  rel: string;
  type?: string;
  title?: string;
}

export const conformanceClasses = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
];

export const apiTitle = 'NTM Atlas – OGC API – Features';
const apiDescription =
  'Administrative units of Việt Nam (provinces, districts, communes) of each GSO code list, with their New Rural Development (Nông thôn mới) status of a chosen year. Demo (synthetic) statuses are marked by the demo property.';

export function landingPage(base: string) {
  return {
    title: apiTitle,
    description: apiDescription,
    links: [
      { href: `${base}?f=json`, rel: 'self', type: mediaTypes.json, title: 'This document' },
      { href: `${base}?f=html`, rel: 'alternate', type: mediaTypes.html, title: 'This document as HTML' },
      { href: `${base}/api`, rel: 'service-desc', type: mediaTypes.openapi, title: 'The API definition (OpenAPI 3.0)' },
      { href: `${base}/api?f=html`, rel: 'service-doc', type: mediaTypes.html, title: 'The API documentation' },
      { href: `${base}/conformance`, rel: 'conformance', type: mediaTypes.json, title: 'Conformance classes implemented' },
      { href: `${base}/collections`, rel: 'data', type: mediaTypes.json, title: 'The feature collections' },
    ] satisfies Link[],
  };
}

const levelTitles: Record<string, string> = { province: 'Provinces', district: 'Districts', commune: 'Communes' };

export function collectionDocument(base: string, c: Collection) {
  const self = `${base}/collections/${c.id}`;
  return {
    id: c.id,
    title: `${levelTitles[c.level] ?? c.level} (${c.codeList})`,
    description: `${c.unitCount} ${c.level} units of the GSO code list ${c.codeList}${c.validFrom ? `, in force from ${c.validFrom}` : ''}${c.validTo ? ` until ${c.validTo}` : ''}, with the NTM status of a year (parameter year; default the latest assessed year).`,
    itemType: 'feature',
    extent: {
      spatial: { bbox: [c.bbox], crs: crs84 },
      temporal: {
        interval: [[c.validFrom ? `${c.validFrom}T00:00:00Z` : null, c.validTo ? `${c.validTo}T00:00:00Z` : null]],
        trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian',
      },
    },
    crs: [...supportedCrs],
    storageCrs: crs84,
    links: [
      { href: `${self}?f=json`, rel: 'self', type: mediaTypes.json, title: 'This collection' },
      { href: `${self}?f=html`, rel: 'alternate', type: mediaTypes.html, title: 'This collection as HTML' },
      { href: `${self}/items?f=json`, rel: 'items', type: mediaTypes.geojson, title: 'Features as GeoJSON' },
      { href: `${self}/items?f=html`, rel: 'items', type: mediaTypes.html, title: 'Features as HTML' },
      { href: `${self}/items?f=gpkg&limit=${maxLimit}`, rel: 'enclosure', type: mediaTypes.gpkg, title: 'Download as GeoPackage' },
      { href: `${self}/items?f=csv&limit=${maxLimit}`, rel: 'enclosure', type: mediaTypes.csv, title: 'Download as CSV with WKT' },
      { href: `${self}/queryables`, rel: 'http://www.opengis.net/def/rel/ogc/1.0/queryables', type: 'application/schema+json', title: 'Queryables' },
    ] satisfies Link[],
  };
}

export function collectionsDocument(base: string, collections: Collection[]) {
  return {
    links: [
      { href: `${base}/collections?f=json`, rel: 'self', type: mediaTypes.json, title: 'This document' },
      { href: `${base}/collections?f=html`, rel: 'alternate', type: mediaTypes.html, title: 'This document as HTML' },
    ] satisfies Link[],
    crs: [...supportedCrs],
    collections: collections.map((c) => collectionDocument(base, c)),
  };
}

const jsonSchemaType = { string: 'string', integer: 'integer', number: 'number', boolean: 'boolean' } as const;

/** The properties that filter items, as JSON Schema (OGC API – Features Part 3 queryables). */
export function queryablesDocument(base: string, c: Collection) {
  const described = (name: string) => featureFields.find((f) => f.name === name)!;
  const field = (name: string) => ({ type: jsonSchemaType[described(name).type], description: described(name).description });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${base}/collections/${c.id}/queryables`,
    type: 'object',
    title: `Queryables of ${c.id}`,
    properties: {
      geometry: { format: 'geometry-multipolygon', description: 'Filtered by bbox' },
      code: { ...field('code'), description: 'GSO codes, comma separated' },
      provinceCode: field('provinceCode'),
      districtCode: field('districtCode'),
      border: field('border'),
      dbkk: field('dbkk'),
      band: { type: 'string', description: 'Band of the status year, a code of the criteria set of that year (CriteriaSet.bands), or recognised, no-data' },
      tier: { type: 'string', enum: Object.values(Tier), description: field('tier').description },
      demo: field('demo'),
    },
    additionalProperties: false,
  };
}

/** The query parameters of /items beyond the standard's, as OpenAPI parameters. */
function itemParameters() {
  const query = (name: string, description: string, schema: object, extra: object = {}) => ({
    name,
    in: 'query',
    required: false,
    description,
    schema,
    ...extra,
  });
  return [
    query('f', 'Format: json (GeoJSON), html, geojson (GeoJSON download), gpkg (GeoPackage download), csv (CSV with WKT geometry)', {
      type: 'string',
      enum: ['json', 'html', 'geojson', 'gpkg', 'csv'],
    }),
    query(
      'limit',
      `Features per page; at most ${maxLimit}`,
      { type: 'integer', minimum: 1, maximum: maxLimit, default: defaultLimit },
      { style: 'form', explode: false },
    ),
    query('offset', 'Features to skip (the next and prev links carry it)', { type: 'integer', minimum: 0, default: 0 }),
    query(
      'bbox',
      'Only features intersecting this box: minimum longitude, minimum latitude, maximum longitude, maximum latitude (in bbox-crs; latitude first for EPSG:4326)',
      { type: 'array', minItems: 4, maxItems: 4, items: { type: 'number' } },
      { style: 'form', explode: false },
    ),
    query('bbox-crs', 'CRS of bbox', { type: 'string', format: 'uri', enum: [...supportedCrs], default: crs84 }),
    query('crs', `CRS of the geometries; ${epsg4326} gives latitude, longitude order`, {
      type: 'string',
      format: 'uri',
      enum: [...supportedCrs],
      default: crs84,
    }),
    query('year', 'Status year (2010–2035); default the latest year with an assessment of this level', { type: 'integer', minimum: 2010, maximum: 2035 }),
    query('datetime', 'An instant (2024, 2024-12-31, 2024-12-31T00:00:00Z) whose year is the status year; intervals are refused', { type: 'string' }),
    query('simplify', `Simplification tolerance in degrees for light clients (0 = full resolution, 0.01 ≈ 1 km); at most ${maxSimplify}`, {
      type: 'number',
      minimum: 0,
      maximum: maxSimplify,
      default: 0,
    }),
    query('code', 'GSO codes, comma separated', { type: 'string' }),
    query('provinceCode', 'Units of this province (2-digit GSO code)', { type: 'string', pattern: '^\\d{2}$' }),
    query('districtCode', 'Units of this district (3-digit GSO code)', { type: 'string', pattern: '^\\d{3}$' }),
    query('within', 'Units below this province or district at any depth (the planners’ table scope)', { type: 'string' }),
    query('border', 'Border units (true) or the others (false)', { type: 'boolean' }),
    query('dbkk', 'Especially disadvantaged (ĐBKK) units (true) or the others (false)', { type: 'boolean' }),
    query(
      'band',
      'Bands of the status year, comma separated: codes of that year’s criteria set (GraphQL criteriaSetForYear { bands { code } }), recognised, no-data',
      { type: 'string' },
    ),
    query('tier', 'Highest tier recognised by the status year', { type: 'string', enum: Object.values(Tier) }),
    query('demo', 'Statuses from demo (synthetic) data (true) or documented ones (false)', { type: 'boolean' }),
    query('missing', 'Units not meeting this criterion number in the status year', { type: 'integer', minimum: 1, maximum: 40 }),
  ];
}

const errorResponse = {
  description: 'An error: {errors: [{message, extensions: {code}}]}',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } },
};

/** The OpenAPI 3.0 definition, with the items path of every collection spelt out (GDAL reads its parameters). */
export function openApiDocument(base: string, collections: Collection[]) {
  const fOnly = [{ name: 'f', in: 'query', required: false, schema: { type: 'string', enum: ['json', 'html'] } }];
  const ok = (description: string, types: string[]) => ({ description, content: Object.fromEntries(types.map((t) => [t, {}])) });
  const paths: Record<string, object> = {
    '/': {
      get: {
        summary: 'Landing page',
        operationId: 'getLandingPage',
        parameters: fOnly,
        responses: { 200: ok('Links to the API', [mediaTypes.json, mediaTypes.html]) },
      },
    },
    '/conformance': {
      get: {
        summary: 'Conformance classes',
        operationId: 'getConformance',
        parameters: fOnly,
        responses: { 200: ok('Conformance classes', [mediaTypes.json, mediaTypes.html]) },
      },
    },
    '/api': {
      get: { summary: 'This document', operationId: 'getApi', parameters: fOnly, responses: { 200: ok('OpenAPI 3.0', [mediaTypes.openapi, mediaTypes.html]) } },
    },
    '/collections': {
      get: {
        summary: 'Feature collections',
        operationId: 'getCollections',
        parameters: fOnly,
        responses: { 200: ok('Collections', [mediaTypes.json, mediaTypes.html]) },
      },
    },
  };
  for (const c of collections) {
    const prefix = `/collections/${c.id}`;
    paths[prefix] = {
      get: {
        summary: `Collection ${c.id}`,
        operationId: `describe-${c.id}`,
        parameters: fOnly,
        responses: { 200: ok('The collection', [mediaTypes.json, mediaTypes.html]), 404: errorResponse },
      },
    };
    paths[`${prefix}/queryables`] = {
      get: { summary: `Queryables of ${c.id}`, operationId: `queryables-${c.id}`, responses: { 200: ok('JSON Schema', ['application/schema+json']) } },
    };
    paths[`${prefix}/items`] = {
      get: {
        summary: `Features of ${c.id}`,
        operationId: `items-${c.id}`,
        parameters: itemParameters(),
        responses: {
          200: ok('Features', [mediaTypes.geojson, mediaTypes.html, mediaTypes.gpkg, mediaTypes.csv]),
          400: errorResponse,
          404: errorResponse,
        },
      },
    };
    paths[`${prefix}/items/{featureId}`] = {
      get: {
        summary: `One feature of ${c.id}`,
        operationId: `item-${c.id}`,
        parameters: [
          { name: 'featureId', in: 'path', required: true, description: 'GSO code', schema: { type: 'string' } },
          ...itemParameters().filter((p) => ['f', 'crs', 'year', 'datetime', 'simplify'].includes(p.name)),
        ],
        responses: { 200: ok('The feature', [mediaTypes.geojson, mediaTypes.html]), 400: errorResponse, 404: errorResponse },
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: apiTitle, description: apiDescription, version: '1.0.0', license: { name: 'AGPL-3.0-only' } },
    servers: [{ url: base }],
    paths,
    components: {
      schemas: {
        Errors: {
          type: 'object',
          properties: {
            errors: {
              type: 'array',
              items: { type: 'object', properties: { message: { type: 'string' }, extensions: { type: 'object', properties: { code: { type: 'string' } } } } },
            },
          },
        },
      },
    },
  };
}
