import { type CollectionDef, MEDIA_GEOJSON, MEDIA_JSON } from './collections';
import { CRS84, DEFAULT_LIMIT, MAX_LIMIT, type PropertyFilter } from './items-query';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });

const json = (schema: object, media = MEDIA_JSON) => ({ content: { [media]: { schema } } });
const ok = (description: string, schema: object, media = MEDIA_JSON) => ({
  description,
  ...json(schema, media),
});
const failure = (description: string) => ok(description, ref('exception'));
const ERRORS = {
  '400': failure('A parameter is malformed, unknown or out of range'),
  '401': failure('No session or API token, or an unknown or revoked token'),
  '403': failure('The role may not read the map'),
  '500': failure('A server error'),
};

const filterParameter = (f: PropertyFilter) => ({
  name: f.name,
  in: 'query',
  required: false,
  description: f.description,
  style: 'form',
  explode: false,
  schema: f.values ? { type: 'string', enum: [...f.values] } : { type: f.type },
});

const link = {
  type: 'object',
  required: ['href', 'rel'],
  properties: {
    href: { type: 'string' },
    rel: { type: 'string' },
    type: { type: 'string' },
    title: { type: 'string' },
  },
};

const SCHEMAS = {
  exception: {
    type: 'object',
    required: ['code'],
    properties: {
      code: { type: 'string' },
      description: { type: 'string' },
      descriptionZh: { type: 'string', description: 'The description in Chinese' },
    },
  },
  link,
  landingPage: {
    type: 'object',
    required: ['links'],
    properties: {
      title: { type: 'string' },
      description: { type: 'string' },
      links: { type: 'array', items: ref('link') },
    },
  },
  confClasses: {
    type: 'object',
    required: ['conformsTo'],
    properties: { conformsTo: { type: 'array', items: { type: 'string' } } },
  },
  extent: {
    type: 'object',
    properties: {
      spatial: {
        type: 'object',
        properties: {
          bbox: {
            type: 'array',
            minItems: 1,
            items: { type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } },
          },
          crs: { type: 'string', enum: [CRS84] },
        },
      },
      temporal: {
        type: 'object',
        properties: {
          interval: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'array',
              minItems: 2,
              maxItems: 2,
              items: { type: 'string', format: 'date-time', nullable: true },
            },
          },
          trs: { type: 'string' },
        },
      },
    },
  },
  collection: {
    type: 'object',
    required: ['id', 'links'],
    properties: {
      id: { type: 'string' },
      title: { type: 'string' },
      description: { type: 'string' },
      links: { type: 'array', items: ref('link') },
      extent: ref('extent'),
      itemType: { type: 'string', default: 'feature' },
      crs: { type: 'array', items: { type: 'string' } },
    },
  },
  collections: {
    type: 'object',
    required: ['links', 'collections'],
    properties: {
      links: { type: 'array', items: ref('link') },
      collections: { type: 'array', items: ref('collection') },
    },
  },
  featureGeoJSON: {
    type: 'object',
    required: ['type', 'geometry', 'properties'],
    properties: {
      type: { type: 'string', enum: ['Feature'] },
      id: { type: 'integer' },
      geometry: { type: 'object', nullable: true },
      properties: { type: 'object', nullable: true },
      links: { type: 'array', items: ref('link') },
    },
  },
  featureCollectionGeoJSON: {
    type: 'object',
    required: ['type', 'features'],
    properties: {
      type: { type: 'string', enum: ['FeatureCollection'] },
      features: { type: 'array', items: ref('featureGeoJSON') },
      links: { type: 'array', items: ref('link') },
      timeStamp: { type: 'string', format: 'date-time' },
      numberMatched: { type: 'integer', minimum: 0 },
      numberReturned: { type: 'integer', minimum: 0 },
    },
  },
};

const PARAMETERS = {
  f: {
    name: 'f',
    in: 'query',
    required: false,
    description: 'The format: JSON only',
    schema: { type: 'string', enum: ['json', 'geojson'] },
  },
  collectionId: { name: 'collectionId', in: 'path', required: true, schema: { type: 'string' } },
  featureId: { name: 'featureId', in: 'path', required: true, schema: { type: 'integer' } },
  bbox: {
    name: 'bbox',
    in: 'query',
    required: false,
    description: 'Only features meeting this box: minLng,minLat,maxLng,maxLat in CRS84',
    style: 'form',
    explode: false,
    schema: { type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } },
  },
  'bbox-crs': {
    name: 'bbox-crs',
    in: 'query',
    required: false,
    schema: { type: 'string', enum: [CRS84] },
  },
  crs: { name: 'crs', in: 'query', required: false, schema: { type: 'string', enum: [CRS84] } },
  datetime: {
    name: 'datetime',
    in: 'query',
    required: false,
    description:
      "An instant (2009-06-30) or an interval (2009-01-01/2009-12-31, ../2009-12-31, 2009-01-01/..). Premises: the status on the instant or the interval's end (an open end: the live day); areas: those whose period meets it; villages: no effect.",
    style: 'form',
    explode: false,
    schema: { type: 'string' },
  },
  limit: {
    name: 'limit',
    in: 'query',
    required: false,
    description: `At most this many features per page (a larger value is served as ${MAX_LIMIT})`,
    style: 'form',
    explode: false,
    schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
  },
  after: {
    name: 'after',
    in: 'query',
    required: false,
    description: 'The paging cursor: features with a larger id (follow the next link rather than setting it)',
    style: 'form',
    explode: false,
    schema: { type: 'integer', minimum: 0 },
  },
};

const ITEM_PARAMETERS = ['bbox', 'bbox-crs', 'crs', 'datetime', 'limit', 'after', 'f'].map(param);

/**
 * The OpenAPI 3.0 definition of the OGC API at `base`: the standard's paths, with each
 * collection's items path spelt out so that its property filters are known (GDAL reads them to
 * send a `-where` to the server).
 */
export function ogcOpenApi(base: string, title: string, collections: readonly CollectionDef[]) {
  const paths: Record<string, object> = {
    '/': {
      get: {
        summary: 'Landing page',
        operationId: 'getLandingPage',
        parameters: [param('f')],
        responses: { '200': ok('The landing page', ref('landingPage')), ...ERRORS },
      },
    },
    '/api': {
      get: {
        summary: 'This API definition',
        operationId: 'getApi',
        parameters: [param('f')],
        responses: {
          '200': ok(
            'The OpenAPI 3.0 document',
            { type: 'object' },
            'application/vnd.oai.openapi+json;version=3.0',
          ),
          ...ERRORS,
        },
      },
    },
    '/conformance': {
      get: {
        summary: 'Conformance classes',
        operationId: 'getConformance',
        parameters: [param('f')],
        responses: { '200': ok('The conformance classes implemented', ref('confClasses')), ...ERRORS },
      },
    },
    '/collections': {
      get: {
        summary: 'The collections',
        operationId: 'getCollections',
        parameters: [param('f')],
        responses: { '200': ok('The collections', ref('collections')), ...ERRORS },
      },
    },
    '/collections/{collectionId}': {
      get: {
        summary: 'One collection',
        operationId: 'describeCollection',
        parameters: [param('collectionId'), param('f')],
        responses: {
          '200': ok('The collection', ref('collection')),
          '404': failure('No such collection'),
          ...ERRORS,
        },
      },
    },
    '/collections/{collectionId}/items/{featureId}': {
      get: {
        summary: 'One feature',
        operationId: 'getFeature',
        parameters: [param('collectionId'), param('featureId'), param('datetime'), param('f')],
        responses: {
          '200': ok('The feature', ref('featureGeoJSON'), MEDIA_GEOJSON),
          '404': failure('No such feature in the collection (for premises: none in scope on the day)'),
          ...ERRORS,
        },
      },
    },
  };
  for (const c of collections) {
    paths[`/collections/${c.id}/items`] = {
      get: {
        summary: `The features of ${c.id}`,
        description: c.description,
        operationId: `getFeatures_${c.id}`,
        parameters: [...ITEM_PARAMETERS, ...c.filters.map(filterParameter)],
        responses: {
          '200': ok(
            'A page of features; the next link gives the next page',
            ref('featureCollectionGeoJSON'),
            MEDIA_GEOJSON,
          ),
          ...ERRORS,
        },
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title,
      version: '1.0.0',
      description:
        'OGC API – Features (Part 1: Core, GeoJSON) over the campaign map. Sign in with a session or send an API token as Authorization: Bearer sx_…',
    },
    servers: [{ url: base }],
    security: [{ bearerToken: [] }],
    paths,
    components: {
      securitySchemes: { bearerToken: { type: 'http', scheme: 'bearer' } },
      parameters: PARAMETERS,
      schemas: SCHEMAS,
    },
  };
}
