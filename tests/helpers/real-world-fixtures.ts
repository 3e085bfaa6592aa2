import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The shared real-world fixtures (other projects' test files), read in place and never changed:
 * `shared/` sits beside the repository (or set SHARED_DIR).
 */
export const REAL_WORLD = resolve(
  process.env.SHARED_DIR ?? resolve(import.meta.dirname, '../../../shared'),
  'fixtures/real-world',
);

export interface FixtureUpload {
  /** How the case is named in test output: folder/file, or folder/basename.{parts} for loose shapefile parts. */
  label: string;
  files: { name: string; bytes: Uint8Array }[];
}

const read = (dir: string, name: string) => ({
  name,
  bytes: new Uint8Array(readFileSync(`${REAL_WORLD}/${dir}/${name}`)),
});

/** Every fixture as a person would upload it: each file alone, a shapefile's loose parts together. */
export function fixtureUploads(
  dir: 'geojsonhint-bad' | 'geojsonhint-good' | 'kml' | 'shapefile',
): FixtureUpload[] {
  const names = readdirSync(`${REAL_WORLD}/${dir}`).filter(
    (n) => n !== 'LICENSE' && !n.endsWith('.expected.txt'),
  );
  if (dir !== 'shapefile') return names.map((n) => ({ label: `${dir}/${n}`, files: [read(dir, n)] }));
  const zips = names
    .filter((n) => n.endsWith('.zip'))
    .map((n) => ({ label: `${dir}/${n}`, files: [read(dir, n)] }));
  const groups = new Map<string, string[]>();
  for (const n of names.filter((x) => !x.endsWith('.zip'))) {
    const base = n.split('.')[0];
    groups.set(base, [...(groups.get(base) ?? []), n]);
  }
  const loose = [...groups].map(([base, parts]) => ({
    label: `${dir}/${base}.{${parts.map((p) => p.slice(base.length + 1)).join(',')}}`,
    files: parts.map((p) => read(dir, p)),
  }));
  return [...zips, ...loose];
}

const OUTSIDE = /lies outside China .*check the coordinate system/;
const NO_POLYGONS = /has no polygon features to use as boundaries/;
const SELF_INTERSECTION = /feature 0: polygon 0, ring 0, vertex \d+: self-intersection/;

/**
 * What importing each fixture as a boundary file must give: refused, with a message matching the
 * pattern (none of these is a village of our township: the valid ones lie outside China or are
 * not polygons), or imported (`imports`: the number of boundaries read).
 */
export const EXPECTED: Record<string, RegExp | { imports: number }> = {
  'geojsonhint-bad/bad-duplicate-properties.geojson': /contains the member "type" twice/,
  'geojsonhint-bad/bad-featurelist.geojson':
    /\.coordinates: a number was found where a coordinate array should be/,
  'geojsonhint-bad/bad-json.geojson': /is not valid JSON at line 3/,
  'geojsonhint-bad/bad-object-type.geojson': /"type" member should be a string, but is an object/,
  'geojsonhint-bad/bad-polygon-interiorring-rhr.geojson': OUTSIDE,
  'geojsonhint-bad/bad-polygonloop.geojson':
    /geometry\.coordinates\[0\]: a number was found where a coordinate array should be/,
  'geojsonhint-bad/bad-properties-as-array.geojson':
    /"properties" must be an object or null, but is an array/,
  'geojsonhint-bad/badcoord.geojson': /each element of a position must be a number, got \[1,2,"f"\]/,
  'geojsonhint-bad/badcoordtype.geojson':
    /features\[0\]\.geometry\.coordinates\[0\]\[0\]: a number was found/,
  'geojsonhint-bad/badfeature.geojson': /features\[0\]: every feature must be an object, got null/,
  'geojsonhint-bad/badfeatureid.geojson':
    /features\[0\]: "id" must be a string or a number, but is an object/,
  'geojsonhint-bad/bbox-4or6elements.geojson': /bbox must have 4 elements \(2D\) or 6 \(3D\), not 3/,
  'geojsonhint-bad/bbox-contains-string.geojson': /each element of a bbox must be a number/,
  'geojsonhint-bad/bbox-string.geojson': /bbox must be an array of numbers, but is a string/,
  'geojsonhint-bad/different-first-last.geojson':
    /first and last positions of a linear ring must be the same/,
  'geojsonhint-bad/different-first-size.geojson':
    /coordinates\[1\]\[0\]: the first and last positions of a linear ring must be the same/,
  'geojsonhint-bad/excessive_precision_truncated.geojson': NO_POLYGONS,
  'geojsonhint-bad/expected_object.geojson': /"properties" must be an object or null, but is a number/,
  'geojsonhint-bad/false.geojson': /a GeometryCollection must hold only geometry objects, got a boolean/,
  'geojsonhint-bad/feature_changed_semantics.geojson': /a Feature cannot contain a "features" member/,
  'geojsonhint-bad/featurecollection-obj.geojson': /"features" must be an array, but is an object/,
  'geojsonhint-bad/featurecollection-type-case.geojson':
    /expected type "FeatureCollection" but got "featurecollection" \(type names are case sensitive\)/,
  'geojsonhint-bad/featurecollection.geojson': /"features" member required/,
  'geojsonhint-bad/featurecollection_changed_semantics.geojson':
    /a FeatureCollection cannot contain a "properties" member/,
  'geojsonhint-bad/geometry_changed_semantics.geojson': /a geometry cannot contain a "properties" member/,
  'geojsonhint-bad/geometrycollection_nested.geojson': NO_POLYGONS,
  'geojsonhint-bad/geometrycollection_single.geojson': NO_POLYGONS,
  'geojsonhint-bad/multiple_problems.geojson':
    /features\[0\]: "id" must be a string or a number.*features\[2\]: a feature must have type "Feature", got "Foo"/,
  'geojsonhint-bad/multipoint-multidimension.geojson':
    /each element of a position must be a number, got \[\[0,0\],\[0,0\]\]/,
  'geojsonhint-bad/multipoint-nondimension.geojson':
    /\.coordinates: a number was found where a coordinate array should be/,
  'geojsonhint-bad/nofeaturetype.geojson': /a feature must have type "Feature", got "Featre"/,
  'geojsonhint-bad/notype.geojson': /"type" member required/,
  'geojsonhint-bad/point-labeled-as-a-multipolygon.geojson':
    /geometry\.coordinates: a number was found where a coordinate array should be/,
  'geojsonhint-bad/point-string.geojson': /each element of a position must be a number, got \["foo",2\]/,
  'geojsonhint-bad/point-toofew.geojson': /a position must have 2 or more elements, this one has 1/,
  'geojsonhint-bad/point-toomany.geojson': NO_POLYGONS,
  'geojsonhint-bad/point.geojson': /"coordinates" member required/,
  'geojsonhint-bad/polygon_winding_order.geojson': OUTSIDE,
  'geojsonhint-bad/rootstring.geojson': /the root of a GeoJSON file must be an object, got null/,
  'geojsonhint-bad/short-line.geojson': /a line needs two or more positions, this one has 1/,
  'geojsonhint-bad/short-linearring.geojson': /a linear ring needs four or more positions, this one has 3/,
  'geojsonhint-bad/short-multilinestring.geojson': /coordinates\[1\]: a line needs two or more positions/,
  'geojsonhint-bad/stringcoord.geojson':
    /features\[0\]\.geometry\.coordinates: each element of a position must be a number/,
  'geojsonhint-bad/unknowntype.geojson': /the type "FooBar" is unknown/,

  'geojsonhint-good/good-feature-with-id.geojson': NO_POLYGONS,
  'geojsonhint-good/good-feature-with-string-id.geojson': NO_POLYGONS,
  'geojsonhint-good/good-feature.geojson': NO_POLYGONS,
  'geojsonhint-good/good-featurecollection-bbox.geojson': NO_POLYGONS,
  'geojsonhint-good/good-featurecollection-bbox3d.geojson': NO_POLYGONS,
  'geojsonhint-good/good-featurecollection-extensions.geojson': OUTSIDE,
  'geojsonhint-good/good-featurecollection.geojson': OUTSIDE,
  'geojsonhint-good/good-geometrycollection.geojson': NO_POLYGONS,
  'geojsonhint-good/good-linestring.geojson': NO_POLYGONS,
  'geojsonhint-good/good-multilinestring.geojson': NO_POLYGONS,
  'geojsonhint-good/good-multipoint.geojson': NO_POLYGONS,
  'geojsonhint-good/good-point-3d.geojson': NO_POLYGONS,
  'geojsonhint-good/good-point.geojson': NO_POLYGONS,
  'geojsonhint-good/good-polygon.geojson': OUTSIDE,
  'geojsonhint-good/issue82.geojson':
    /coordinate system cannot be told: the coordinates \(-202\.\d+, -101\.\d+\) are in no coordinate system we recognise/,
  'geojsonhint-good/multipolygon.geojson': OUTSIDE,
  'geojsonhint-good/nullgeometry.geojson': /no polygon features .*\(it has 1 × no geometry\)/,
  'geojsonhint-good/nullproperties.geojson': NO_POLYGONS,

  'kml/addresses.kml': NO_POLYGONS,
  'kml/bad.kml':
    /placemark 0: the coordinates "no,no" are not longitude,latitude numbers; placemark 1 «unextruded»: the coordinates "no,no,0"/,
  'kml/cdata.kml': NO_POLYGONS,
  'kml/extended_data.kml': NO_POLYGONS,
  'kml/ground_overlay.kml': NO_POLYGONS,
  'kml/ground_overlay_quad.kml': NO_POLYGONS,
  'kml/gxmultitrack.kml': NO_POLYGONS,
  'kml/gxtrack.kml': NO_POLYGONS,
  'kml/inline_style.kml': NO_POLYGONS,
  'kml/inline_style_mini.kml': NO_POLYGONS,
  'kml/linear_ring.kml': NO_POLYGONS,
  'kml/linestring.kml': NO_POLYGONS,
  'kml/literal_color.kml': NO_POLYGONS,
  'kml/multigeometry.kml': NO_POLYGONS,
  'kml/multigeometry_discrete.kml': NO_POLYGONS,
  'kml/multigeometry_sibling.kml': NO_POLYGONS,
  'kml/multitrack.kml': NO_POLYGONS,
  'kml/networklink.kml': NO_POLYGONS,
  'kml/nogeomplacemark.kml': NO_POLYGONS,
  'kml/non_gx_multitrack.kml': NO_POLYGONS,
  'kml/noname.kml': NO_POLYGONS,
  'kml/null_geometry.kml': NO_POLYGONS,
  'kml/opacity_override.kml': NO_POLYGONS,
  'kml/point.kml': NO_POLYGONS,
  'kml/point_extra_coordinates.kml': NO_POLYGONS,
  'kml/point_id.kml': NO_POLYGONS,
  'kml/polygon.kml': /feature 0 «hollow box» lies outside China/,
  'kml/schema.kml': OUTSIDE,
  'kml/selfclosing.kml': NO_POLYGONS,
  'kml/simpledata.kml': NO_POLYGONS,
  'kml/style.kml': NO_POLYGONS,
  'kml/style_url.kml': /feature 0 «Building 41» lies outside China/,
  'kml/styles.kml': /feature 1 «Untitled Polygon» lies outside China/,
  'kml/timespan.kml': { imports: 1 },
  'kml/twopoints.kml': NO_POLYGONS,

  'shapefile/SHP_Exclude.zip': OUTSIDE,
  'shapefile/T8Th4_6n.zip': /no polygon features .*\(it has 1 × LineString, 2 × no geometry\)/,
  'shapefile/badzip.zip': /badzip\.zip is not a readable zip file .*damaged or cut off/,
  'shapefile/codepage.zip': /no polygon features .*\(it has 2 × Point\)/,
  'shapefile/counties.zip': SELF_INTERSECTION,
  'shapefile/mixedcase.zip':
    /lies outside China .*as NAD_1983_StatePlane_Massachusetts_Mainland_FIPS_2001 \(from the \.prj\)/,
  'shapefile/no-dbf.zip': SELF_INTERSECTION,
  'shapefile/noshp.zip': /noshp\.zip holds no \.shp file \(it has counties\.dbf, counties\.sbn\)/,
  'shapefile/qgis.zip': OUTSIDE,
  'shapefile/senate.zip': OUTSIDE,
  'shapefile/train_stations.zip': /no polygon features .*\(it has 361 × Point\)/,
  'shapefile/utf.zip': NO_POLYGONS,
  'shapefile/zero-len-line.zip': /no polygon features .*\(it has 2 × LineString, 1 × no geometry\)/,
  'shapefile/LGA_2013_AUST.{cpg,dbf,prj,shp,shx}':
    /feature 4 lies outside China \(longitude 136\.\d+…138\.\d+/,
  'shapefile/bad.{dbf,shp}':
    /shapefile bad: the \.shp cannot be read: it does not start with the shapefile file code 9994/,
  'shapefile/codepage.{cpg,dbf,prj,qpj,shp,shx}': NO_POLYGONS,
  'shapefile/counties.{dbf,sbn,sbx,shp,shp.xml,shx}': SELF_INTERSECTION,
  'shapefile/export_multipointz.{dbf,prj,shp,shx}': /\(it has 1 × MultiPoint\)/,
  'shapefile/export_polylinez.{dbf,prj,shp,shx}': /\(it has 1 × MultiLineString\)/,
  'shapefile/htmlcpg.{cpg,dbf,prj,shp}': NO_POLYGONS,
  'shapefile/htmlprj.{cpg,dbf,prj,shp}': NO_POLYGONS,
  'shapefile/ipra_dresden_polygon.{dbf,prj,shp,shx}': OUTSIDE,
  'shapefile/no-dbf.{sbx,shp}': SELF_INTERSECTION,
  'shapefile/senate.{dbf,prj,sbn,sbx,shp,shp.xml,shx}': /lies outside China .*NAD_1983_StatePlane/,
  'shapefile/utf.{cpg,dbf,prj,qpj,shp,shx}': NO_POLYGONS,
};
