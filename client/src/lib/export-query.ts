/** The map's filters as the export endpoints can take them. */
export interface ExportFilters {
  at: string;
  village: number | null;
  categories: readonly string[] | null;
  statuses: readonly string[] | null;
}

export const PREMISE_EXPORT_FORMATS = ['xlsx', 'csv', 'geojson', 'gpkg'] as const;
export type PremiseExportFormat = (typeof PREMISE_EXPORT_FORMATS)[number];
export const GEOGRAPHY_EXPORT_FORMATS = ['geojson', 'kml'] as const;
export type GeographyExportFormat = (typeof GEOGRAPHY_EXPORT_FORMATS)[number];

/** The query string of the premise export, field by field. */
export interface PremiseExportQuery {
  at: string;
  village?: string;
  category?: string;
  status?: string;
}

export interface PremiseExportChoice {
  query: PremiseExportQuery;
  /** Filters the endpoint cannot express (it takes one category and one status): exported as "all". */
  widened: ('category' | 'status')[];
  /** A filter that selects nothing (an empty choice): there is nothing to export. */
  empty: boolean;
}

/**
 * The premise export's query under the map's filters on the slider date. The server takes one
 * category and one status; a choice of several is widened to all and said so.
 */
export function premiseExportQuery(f: ExportFilters): PremiseExportChoice {
  const query: PremiseExportQuery = { at: f.at };
  const widened: PremiseExportChoice['widened'] = [];
  if (f.village !== null) query.village = String(f.village);
  if (f.categories?.length === 1) query.category = f.categories[0];
  else if (f.categories && f.categories.length > 1) widened.push('category');
  if (f.statuses?.length === 1) query.status = f.statuses[0];
  else if (f.statuses && f.statuses.length > 1) widened.push('status');
  const empty = f.categories?.length === 0 || f.statuses?.length === 0;
  return { query, widened, empty };
}
