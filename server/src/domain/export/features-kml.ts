/** KML for polygons (villages, key areas): one Placemark per feature, properties as ExtendedData. */

const escapeXml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

const coords = (ring: GeoJSON.Position[]) => ring.map((p) => `${p[0]},${p[1]}`).join(' ');

function polygonKml(rings: GeoJSON.Position[][]): string {
  const [outer, ...holes] = rings;
  const inner = holes
    .map(
      (h) =>
        `<innerBoundaryIs><LinearRing><coordinates>${coords(h)}</coordinates></LinearRing></innerBoundaryIs>`,
    )
    .join('');
  return `<Polygon><outerBoundaryIs><LinearRing><coordinates>${coords(outer)}</coordinates></LinearRing></outerBoundaryIs>${inner}</Polygon>`;
}

function geometryKml(g: GeoJSON.Geometry): string {
  switch (g.type) {
    case 'Point':
      return `<Point><coordinates>${g.coordinates[0]},${g.coordinates[1]}</coordinates></Point>`;
    case 'Polygon':
      return polygonKml(g.coordinates);
    case 'MultiPolygon':
      return `<MultiGeometry>${g.coordinates.map(polygonKml).join('')}</MultiGeometry>`;
    case 'LineString':
      return `<LineString><coordinates>${coords(g.coordinates)}</coordinates></LineString>`;
    default:
      throw new Error(`KML export does not write ${g.type}`);
  }
}

/** A KML document of the features, named `documentName`; `nameOf` gives each placemark's name. */
export function featuresKml(
  documentName: string,
  features: readonly GeoJSON.Feature[],
  nameOf: (f: GeoJSON.Feature) => string,
): string {
  const placemarks = features.map((f) => {
    const data = Object.entries(f.properties ?? {})
      .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
      .map(([k, v]) => `<Data name="${escapeXml(k)}"><value>${escapeXml(String(v))}</value></Data>`)
      .join('');
    const geometry = f.geometry ? geometryKml(f.geometry) : '';
    return `<Placemark><name>${escapeXml(nameOf(f))}</name><ExtendedData>${data}</ExtendedData>${geometry}</Placemark>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>${escapeXml(documentName)}</name>\n${placemarks.join('\n')}\n</Document></kml>\n`;
}
