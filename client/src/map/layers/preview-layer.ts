import { GeoJsonLayer } from '@deck.gl/layers';

/** How a previewed feature stands: matched to a village on record, new, or left out. */
export type PreviewKind = 'matched' | 'new' | 'skip';

export type PreviewCollection = GeoJSON.FeatureCollection<
  GeoJSON.Polygon | GeoJSON.MultiPolygon,
  { kind: PreviewKind; name: string }
>;

const COLORS: Record<PreviewKind, [number, number, number]> = {
  matched: [45, 106, 163],
  new: [230, 126, 34],
  skip: [140, 140, 140],
};

/** Features of an upload shown over the map before they are committed (boundary import preview). */
export function previewLayer(data: PreviewCollection, pixelScale = 1) {
  return new GeoJsonLayer<{ kind: PreviewKind; name: string }>({
    id: 'import-preview',
    data,
    pickable: false,
    filled: true,
    stroked: true,
    lineWidthUnits: 'pixels',
    getFillColor: (f) => [...COLORS[f.properties.kind], f.properties.kind === 'skip' ? 10 : 36],
    getLineColor: (f) => [...COLORS[f.properties.kind], 240],
    getLineWidth: 2.5 * pixelScale,
  });
}
