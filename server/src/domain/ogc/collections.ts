import { CATEGORY_CODES } from '../categories';
import { STATUS_KEYS } from '../statuses';
import { CRS84, type PropertyFilter } from './items-query';

export const COLLECTION_IDS = ['villages', 'areas', 'premises'] as const;
export type CollectionId = (typeof COLLECTION_IDS)[number];

/** A collection as the API describes it, and the properties its items can be filtered on. */
export interface CollectionDef {
  id: CollectionId;
  title: string;
  description: string;
  filters: readonly PropertyFilter[];
}

/** Where and when the collections lie: the township's box, the campaign's first and last day. */
export interface CollectionExtent {
  bbox: readonly [number, number, number, number];
  start: string;
  end: string;
}

export const MEDIA_JSON = 'application/json';
export const MEDIA_GEOJSON = 'application/geo+json';
export const MEDIA_OPENAPI = 'application/vnd.oai.openapi+json;version=3.0';

export interface Link {
  href: string;
  rel: string;
  type: string;
  title?: string;
}

/** The three collections: village boundaries, the leaders' key areas, and the premises. */
export function collectionDefs(township: string, areaReasons: readonly string[]): CollectionDef[] {
  return [
    {
      id: 'villages',
      title: `${township}村（社区）`,
      description: 'Village and community boundaries with their official 12-digit codes (村、社区边界).',
      filters: [
        { name: 'code', type: 'string', description: 'The village’s 12-digit code' },
        {
          name: 'kind',
          type: 'string',
          values: ['village', 'community'],
          description: 'village or community',
        },
        {
          name: 'townshipId',
          type: 'integer',
          description: 'Township id (as in /api/townships): a district’s',
        },
      ],
    },
    {
      id: 'areas',
      title: `${township}重点区域`,
      description:
        'Key areas drawn by the leading group (重点区域), with why and when they are watched; datetime keeps the areas whose period meets it.',
      filters: [
        { name: 'reason', type: 'string', values: areaReasons, description: 'Why the area is watched' },
      ],
    },
    {
      id: 'premises',
      title: `${township}十小经营户`,
      description:
        'The surveyed premises of the ten small trades (十小经营户) with their status and licence state on a day: datetime (an instant, or an interval’s end) or else the live day. A premise not yet surveyed on that day is left out. Only the premises of the requester’s villages or trades.',
      filters: [
        { name: 'category', type: 'string', values: CATEGORY_CODES, description: 'Trade (行业) code' },
        { name: 'status', type: 'string', values: STATUS_KEYS, description: 'Status on the day' },
        { name: 'villageId', type: 'integer', description: 'Village id (as in the villages collection)' },
        {
          name: 'townshipId',
          type: 'integer',
          description: 'Township id (as in /api/townships): a district’s',
        },
        { name: 'unlicensed', type: 'boolean', description: 'Missing a required licence on the day' },
      ],
    },
  ];
}

const TRS_GREGORIAN = 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian';

/** The document of one collection (`/collections/{id}` and an entry of `/collections`). */
export function collectionDoc(def: CollectionDef, base: string, extent: CollectionExtent) {
  const self = `${base}/collections/${def.id}`;
  return {
    id: def.id,
    title: def.title,
    description: def.description,
    itemType: 'feature' as const,
    crs: [CRS84],
    extent: {
      spatial: { bbox: [[...extent.bbox]], crs: CRS84 },
      // the campaign's calendar is China's (UTC+8)
      temporal: {
        interval: [[`${extent.start}T00:00:00+08:00`, `${extent.end}T23:59:59+08:00`]],
        trs: TRS_GREGORIAN,
      },
    },
    links: [
      { href: self, rel: 'self', type: MEDIA_JSON, title: def.title },
      { href: `${self}/items`, rel: 'items', type: MEDIA_GEOJSON, title: `${def.title} (GeoJSON)` },
    ] satisfies Link[],
  };
}

/** The conformance classes implemented: Part 1 Core, GeoJSON, and the OpenAPI 3.0 definition. */
export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
] as const;

/** The landing page: what this is, and where the API definition, conformance and data are. */
export function landingPage(base: string, title: string, description: string) {
  return {
    title,
    description,
    links: [
      { href: base, rel: 'self', type: MEDIA_JSON, title: 'This document' },
      {
        href: `${base}/api`,
        rel: 'service-desc',
        type: MEDIA_OPENAPI,
        title: 'The API definition (OpenAPI 3.0)',
      },
      { href: `${base}/conformance`, rel: 'conformance', type: MEDIA_JSON, title: 'Conformance classes' },
      { href: `${base}/collections`, rel: 'data', type: MEDIA_JSON, title: 'The collections' },
    ] satisfies Link[],
  };
}
