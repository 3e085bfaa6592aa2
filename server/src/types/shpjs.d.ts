/** The parts of shpjs we use (it ships no types): the .shp and .dbf parsers. */
declare module 'shpjs' {
  /** Geometries of a .shp, one per record (null for a null shape), reprojected by `prj` if given. */
  export function parseShp(shp: ArrayBufferView | ArrayBuffer, prj?: string): (GeoJSON.Geometry | null)[];
  /** Records of a .dbf, decoded with the TextDecoder label `encoding`. */
  export function parseDbf(dbf: ArrayBufferView | ArrayBuffer, encoding?: string): Record<string, unknown>[];
}
