import type { Action } from '../domain/auth/policy';

/** Anyone, signed in or not (the health check, signing in, the public screen). */
export const PUBLIC = 'public';
/** Any signed-in account, whatever its role (itself: who am I, sign out, change my password). */
export const SIGNED_IN = 'signed_in';

export type RouteRule = typeof PUBLIC | typeof SIGNED_IN | Action;

/**
 * What every route does, by method and path as the app declares it. The auth middleware looks the
 * matched route up here, so a route is guarded in this one place; a route missing here is refused
 * to all but the admin, and the authorization test fails until it is listed.
 */
export const ROUTE_POLICY: Record<string, RouteRule> = {
  'GET /api/health': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  'POST /api/auth/logout': SIGNED_IN,
  'GET /api/auth/me': SIGNED_IN,
  'POST /api/auth/password': SIGNED_IN,

  'GET /api/display/campaign': PUBLIC,
  'GET /api/display/villages': PUBLIC,
  'GET /api/display/areas': PUBLIC,
  'GET /api/display/summary': PUBLIC,
  'GET /api/display/replay': PUBLIC,
  'GET /api/display/stream': PUBLIC,
  'GET /api/display/basemap/style.json': PUBLIC,
  'GET /api/display/basemap/layers/:file': PUBLIC,

  'GET /api/campaign': 'map.read',
  'PUT /api/campaign': 'setup',
  'GET /api/setup': 'map.read',
  'POST /api/setup/townships': 'setup',
  'GET /api/villages': 'map.read',
  'GET /api/villages/:id': 'map.read',
  'GET /api/townships': 'map.read',
  'GET /api/stats': 'map.read',
  'GET /api/stats/series': 'map.read',
  'GET /api/layers/premises': 'map.read',
  'GET /api/layers/premises/info': 'map.read',
  'GET /api/layers/premises/cells': 'map.read',
  'GET /api/basemap/style.json': 'map.read',
  'GET /api/basemap/layers/:file': 'map.read',

  'POST /api/premises': 'premise.write',
  'GET /api/premises/:id': 'premise.read',
  'PUT /api/premises/:id': 'premise.write',
  'POST /api/premises/:id/unmask': 'premise.unmask',
  'POST /api/premises/:id/events': 'premise.write',
  'POST /api/premises/:id/licences': 'premise.write',
  'POST /api/premises/:id/licences/:licence/end': 'premise.write',
  'POST /api/premises/:id/inspections': 'premise.write',
  'POST /api/premises/:id/reinspections': 'premise.write',
  'POST /api/premises/:id/outcomes': 'premise.write',
  'POST /api/premises/:id/photos': 'premise.write',
  'GET /api/photos/:id': 'premise.read',
  'GET /api/photos/:id/thumb': 'premise.read',
  'DELETE /api/photos/:id': 'premise.write',

  'GET /api/standards': 'premise.read',
  'GET /api/standards/:category': 'premise.read',
  'PUT /api/standards/:category': 'standards.edit',

  'POST /api/areas/stats': 'map.read',
  'POST /api/areas/series': 'map.read',
  'POST /api/areas/premises': 'area.premises',
  'POST /api/areas/premises.csv': 'area.premises',
  'GET /api/areas': 'map.read',
  'POST /api/areas': 'area.write',
  'GET /api/areas/:id': 'map.read',
  'PUT /api/areas/:id': 'area.write',
  'DELETE /api/areas/:id': 'area.write',
  'GET /api/areas/:id/stats': 'map.read',
  'GET /api/areas/:id/series': 'map.read',
  'GET /api/areas/:id/premises': 'area.premises',
  'GET /api/areas/:id/premises.csv': 'area.premises',

  'POST /api/geocode': 'geocode',
  'GET /api/geocode/reviews': 'geocode',
  'POST /api/geocode/reviews/:premiseId': 'geocode',
  'GET /api/geocode/aliases': 'geocode',
  'POST /api/geocode/aliases': 'geocode',
  'DELETE /api/geocode/aliases/:id': 'geocode',
  'GET /api/geocode/address-points': 'geocode',

  'GET /api/imports': 'import',
  'POST /api/imports/premises': 'import',
  'POST /api/imports/boundaries': 'import',
  'POST /api/imports/addresses': 'import',
  'POST /api/imports/boundaries/:id/commit': 'import',
  'GET /api/imports/:id': 'import',
  'GET /api/imports/:id/progress': 'import',
  'PUT /api/imports/:id/mapping': 'import',
  'POST /api/imports/:id/validate': 'import',
  'GET /api/imports/:id/errors.csv': 'import',
  'POST /api/imports/:id/commit': 'import',
  'POST /api/imports/:id/undo': 'import',
  'DELETE /api/imports/:id': 'import',

  'GET /api/exports/premises.xlsx': 'export.ledger',
  'GET /api/exports/premises.csv': 'export.ledger',
  'GET /api/exports/premises.geojson': 'export.ledger',
  'GET /api/exports/premises.gpkg': 'export.ledger',
  'GET /api/exports/villages.geojson': 'export.geography',
  'GET /api/exports/villages.kml': 'export.geography',
  'GET /api/exports/areas.geojson': 'export.geography',
  'GET /api/exports/areas.kml': 'export.geography',

  'GET /api/audit': 'audit.read',

  'GET /api/worklists/overdue': 'worklist.read',
  'GET /api/worklists/due-soon': 'worklist.read',
  'GET /api/worklists/repeat-failures': 'worklist.read',
  'GET /api/worklists/rebound': 'worklist.read',
  'GET /api/worklists/expiring-licences': 'worklist.read',

  'POST /api/tasks': 'task.dispatch',
  'GET /api/tasks': 'task.read',
  'GET /api/tasks/mine': SIGNED_IN,
  'GET /api/tasks/:id': 'task.read',
  'PUT /api/tasks/:id': 'task.update',

  'POST /api/draws': 'draw.run',
  'GET /api/draws': 'draw.read',
  'GET /api/draws/:id': 'draw.read',
  'GET /api/draws/:id/verify': 'draw.read',

  'GET /api/targets': 'acceptance.read',
  'PUT /api/targets': 'targets.edit',
  'GET /api/acceptance': 'acceptance.read',
  'GET /api/acceptance/:villageId': 'acceptance.read',
  'PUT /api/acceptance/:villageId': 'acceptance.sign',
  'POST /api/acceptance/:villageId/sign-off': 'acceptance.sign',
  'DELETE /api/acceptance/:villageId/sign-off': 'acceptance.sign',
  'GET /api/accountability': 'accountability.read',

  // Reports carry no personal data (the map's numbers, scoped); ledgers follow the premise export.
  'GET /api/reports/village/:file': 'map.read',
  'GET /api/reports/township.pdf': 'map.read',
  'GET /api/reports/map.pdf': 'map.read',
  'GET /api/reports/ledger/village/:file': 'export.ledger',
  'GET /api/reports/ledger/trade/:file': 'export.ledger',

  // OGC API – Features (QGIS, GDAL): the map's layers, scoped and masked as the page's.
  'GET /ogc': 'map.read',
  'GET /ogc/conformance': 'map.read',
  'GET /ogc/api': 'map.read',
  'GET /ogc/collections': 'map.read',
  'GET /ogc/collections/:collectionId': 'map.read',
  'GET /ogc/collections/:collectionId/items': 'map.read',
  'GET /ogc/collections/:collectionId/items/:featureId': 'map.read',
  'GET /ogc/*': 'map.read',

  'GET /api/users': 'users.admin',
  'POST /api/users': 'users.admin',
  'PUT /api/users/:id': 'users.admin',
  'POST /api/users/:id/reset': 'users.admin',
  'GET /api/tokens': 'users.admin',
  'POST /api/tokens': 'users.admin',
  'DELETE /api/tokens/:id': 'users.admin',
};
