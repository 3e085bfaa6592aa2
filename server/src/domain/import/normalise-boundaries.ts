import { area, rewind } from '@turf/turf';
import { dissolvedMessage } from '../areas/dissolve-parts';
import type { Polygonal } from '../areas/point-in-polygon';
import { validatePolygon } from '../areas/polygon-validation';
import type { Crs } from '../crs/crs-catalog';
import { crsFromPrj } from '../crs/crs-from-prj';
import { guessCrs, inChina } from '../crs/guess-crs';
import { mapPositions, toWgs84 } from '../crs/to-wgs84';
import { featureCode, featureName } from './boundary-attributes';
import { ImportError } from './import-error';
import type { RawFeature, RawLayer } from './read-shapefile';

/** A boundary ready to match and store: WGS-84, right-hand rule, valid. */
export interface BoundaryFeature {
  index: number;
  name: string | null;
  code: string | null;
  geometry: Polygonal;
  areaKm2: number;
  properties: Record<string, unknown>;
}

export interface CrsDecision {
  code: string;
  name: string;
  source: 'given' | 'prj' | 'coordinates';
  note: string;
}

export interface NormalisedBoundaries {
  features: BoundaryFeature[];
  crs: CrsDecision;
  notes: string[];
}

/** Most vertices one boundary may have (land-survey village outlines run to tens of thousands). */
const MAX_VERTICES = 200_000;
const MAX_LISTED = 20;

const label = (f: RawFeature) => {
  const name = featureName(f.properties);
  return `feature ${f.index}${name ? ` «${name}»` : ''}`;
};

/** The polygons of a geometry (a GeometryCollection's polygons together), or null when it has none. */
function polygonal(g: GeoJSON.Geometry | null): Polygonal | null {
  if (!g) return null;
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') return g;
  if (g.type !== 'GeometryCollection') return null;
  const parts = g.geometries.flatMap((x) => {
    const p = polygonal(x);
    return p === null ? [] : p.type === 'Polygon' ? [p.coordinates] : p.coordinates;
  });
  if (parts.length === 0) return null;
  return parts.length === 1
    ? { type: 'Polygon', coordinates: parts[0] }
    : { type: 'MultiPolygon', coordinates: parts };
}

function bboxOf(geometries: Polygonal[]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of geometries) {
    for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
      for (const [x, y] of poly[0]) {
        if (x < b[0]) b[0] = x;
        if (y < b[1]) b[1] = y;
        if (x > b[2]) b[2] = x;
        if (y > b[3]) b[3] = y;
      }
    }
  }
  return b;
}

/** Decides the coordinate system: as given, else the .prj's, else recognised from the numbers (and said so). */
function decideCrs(
  layer: RawLayer,
  given: Crs | undefined,
  shapes: Polygonal[],
  nearLng: number,
  notes: string[],
): { crs: Crs; decision: CrsDecision } {
  if (given)
    return {
      crs: given,
      decision: { code: given.code, name: given.name, source: 'given', note: `as chosen: ${given.name}` },
    };
  if (layer.prj !== null) {
    const prj = crsFromPrj(layer.prj);
    if (prj.ok)
      return {
        crs: prj.crs,
        decision: { code: prj.crs.code, name: prj.crs.name, source: 'prj', note: prj.note },
      };
    notes.push(`${prj.reason}; ignored`);
  }
  const guess = guessCrs(bboxOf(shapes), nearLng);
  if (!guess.ok)
    throw new ImportError(
      {
        en: `the coordinate system cannot be told: ${guess.reason}`,
        zh: '无法从文件判断坐标系：请在“坐标系”中选定（如 CGCS2000 或 EPSG:4549）后重新上传',
      },
      422,
      'unknown_crs',
    );
  return {
    crs: guess.crs,
    decision: {
      code: guess.crs.code,
      name: guess.crs.name,
      source: 'coordinates',
      note: `assumed: ${guess.assumption}`,
    },
  };
}

/**
 * Turns the features of a boundary file into WGS-84 polygons: skips what is not a polygon (saying
 * so), converts from the file's coordinate system, refuses invalid geometry naming the feature and
 * why, merges a MultiPolygon's touching or overlapping parts (noting which features), repairs ring
 * winding (RFC 7946 right-hand rule) and refuses shapes outside China.
 */
export function normaliseBoundaries(
  layer: RawLayer,
  opts: { crs?: Crs; nearLng?: number } = {},
): NormalisedBoundaries {
  const notes = [...layer.notes];
  const kept: { raw: RawFeature; shape: Polygonal }[] = [];
  const skipped = new Map<string, number>();
  for (const raw of layer.features) {
    const shape = polygonal(raw.geometry);
    if (shape) kept.push({ raw, shape });
    else {
      const kind = raw.geometry?.type ?? 'no geometry';
      skipped.set(kind, (skipped.get(kind) ?? 0) + 1);
    }
  }
  const skippedText = [...skipped].map(([k, n]) => `${n} × ${k}`).join(', ');
  if (kept.length === 0) {
    throw new ImportError(
      {
        en: `the file has no polygon features to use as boundaries${skippedText ? ` (it has ${skippedText})` : ' (it is empty)'}; village and township boundaries must be polygons`,
        zh: `文件里没有可作边界的面要素${skippedText ? `（只有 ${skippedText}）` : '（文件是空的）'}；村界、镇界必须是面（多边形）`,
      },
      422,
      'no_polygons',
    );
  }
  if (skippedText) notes.push(`skipped what is not a polygon: ${skippedText}`);

  const { crs, decision } = decideCrs(
    layer,
    opts.crs,
    kept.map((k) => k.shape),
    opts.nearLng ?? 120,
    notes,
  );
  const convert = toWgs84(crs);
  const problems: string[] = [];
  const features: BoundaryFeature[] = [];
  let rewound = 0;
  for (const { raw, shape } of kept) {
    let wgs: Polygonal;
    try {
      wgs = crs.kind === 'geographic' ? shape : mapPositions(shape, convert);
    } catch (err) {
      if (problems.length < MAX_LISTED)
        problems.push(
          `${label(raw)}: its coordinates cannot be converted from ${decision.name} (${(err as Error).message})`,
        );
      continue;
    }
    const checked = validatePolygon(wgs, { maxVertices: MAX_VERTICES });
    if (!checked.ok) {
      for (const p of checked.problems)
        if (problems.length < MAX_LISTED) problems.push(`${label(raw)}: ${p.message}`);
      continue;
    }
    if (checked.dissolved) notes.push(`${label(raw)}: ${dissolvedMessage(checked.dissolved).message}`);
    const [w, s, e, n] = bboxOf([checked.geometry]);
    if (!inChina(w, s) || !inChina(e, n)) {
      if (problems.length < MAX_LISTED) {
        problems.push(
          `${label(raw)} lies outside China (longitude ${w.toFixed(4)}…${e.toFixed(4)}, latitude ${s.toFixed(4)}…${n.toFixed(4)} as ${decision.name}); check the coordinate system`,
        );
      }
      continue;
    }
    const geometry = rewind(checked.geometry) as Polygonal;
    if (JSON.stringify(geometry.coordinates) !== JSON.stringify(checked.geometry.coordinates)) rewound++;
    features.push({
      index: raw.index,
      name: featureName(raw.properties),
      code: featureCode(raw.properties),
      geometry,
      areaKm2: area({ type: 'Feature', properties: {}, geometry }) / 1e6,
      properties: raw.properties,
    });
  }
  if (problems.length > 0) {
    throw new ImportError(
      `invalid boundaries, nothing imported: ${problems.join('; ')}`,
      422,
      'invalid_geometry',
      { problems },
    );
  }
  if (rewound > 0)
    notes.push(`repaired the ring winding (outer rings counter-clockwise) of ${rewound} features`);
  return { features, crs: decision, notes };
}
