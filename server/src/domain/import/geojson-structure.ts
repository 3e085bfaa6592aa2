/**
 * Checks a parsed GeoJSON object against RFC 7946 the way geojsonhint does, naming each problem
 * with its place (`features[2].geometry.coordinates[0]`). Harmless deviations are not problems
 * but repairs the reader makes: extra position elements, right-hand-rule winding, nested or
 * single-member GeometryCollections.
 */
export interface StructureCheck {
  problems: string[];
  repairs: string[];
}

const GEOMETRY_TYPES = [
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
];
const ALL_TYPES = ['FeatureCollection', 'Feature', ...GEOMETRY_TYPES];
const MAX_PROBLEMS = 20;
/** How deep each geometry's coordinates nest positions: Point 0 (a position), LineString 1 … */
const DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const kindOf = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
const at = (path: string) => (path === '' ? 'the root' : path);

class Checker {
  readonly problems: string[] = [];
  readonly repairs = new Set<string>();

  problem(path: string, what: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(`${at(path)}: ${what}`);
  }

  object(v: unknown, path: string, allowed: readonly string[]): void {
    if (!isObject(v)) {
      this.problem(path, `expected a GeoJSON object, got ${kindOf(v)}`);
      return;
    }
    const type = v.type;
    if (type === undefined) {
      this.problem(path, '"type" member required');
      return;
    }
    if (typeof type !== 'string') {
      this.problem(path, `"type" member should be a string, but is ${kindOf(type)}`);
      return;
    }
    if (!ALL_TYPES.includes(type)) {
      const meant = ALL_TYPES.find((t) => t.toLowerCase() === type.toLowerCase());
      this.problem(
        path,
        meant
          ? `expected type "${meant}" but got "${type}" (type names are case sensitive)`
          : `the type "${type}" is unknown`,
      );
      return;
    }
    if (!allowed.includes(type)) {
      this.problem(path, `expected ${allowed.join(' or ')} here, got "${type}"`);
      return;
    }
    if ('bbox' in v) this.bbox(v.bbox, `${path}.bbox`);
    if (type === 'FeatureCollection') this.collection(v, path);
    else if (type === 'Feature') this.feature(v, path);
    else this.geometry(v, path);
  }

  forbid(v: Obj, path: string, what: string, members: readonly string[]): void {
    for (const m of members) if (m in v) this.problem(path, `a ${what} cannot contain a "${m}" member`);
  }

  bbox(b: unknown, path: string): void {
    if (!Array.isArray(b)) {
      this.problem(path, `bbox must be an array of numbers, but is ${kindOf(b)}`);
      return;
    }
    if (!b.every((n) => typeof n === 'number')) {
      this.problem(path, 'each element of a bbox must be a number');
      return;
    }
    if (b.length !== 4 && b.length !== 6)
      this.problem(path, `bbox must have 4 elements (2D) or 6 (3D), not ${b.length}`);
  }

  collection(v: Obj, path: string): void {
    this.forbid(v, path, 'FeatureCollection', ['properties', 'coordinates', 'geometry', 'geometries']);
    if (!('features' in v)) {
      this.problem(path, '"features" member required');
      return;
    }
    if (!Array.isArray(v.features)) {
      this.problem(path, `"features" must be an array, but is ${kindOf(v.features)}`);
      return;
    }
    v.features.forEach((f, i) => {
      const p = `${path ? `${path}.` : ''}features[${i}]`;
      if (!isObject(f)) {
        this.problem(p, `every feature must be an object, got ${kindOf(f)}`);
        return;
      }
      if (f.type !== 'Feature') {
        this.problem(p, `a feature must have type "Feature", got ${JSON.stringify(f.type)}`);
        return;
      }
      this.object(f, p, ['Feature']);
    });
  }

  feature(v: Obj, path: string): void {
    this.forbid(v, path, 'Feature', ['features', 'coordinates', 'geometries']);
    if ('id' in v && typeof v.id !== 'string' && typeof v.id !== 'number')
      this.problem(path, `"id" must be a string or a number, but is ${kindOf(v.id)}`);
    if (!('properties' in v)) this.problem(path, '"properties" member required');
    else if (v.properties !== null && !isObject(v.properties))
      this.problem(path, `"properties" must be an object or null, but is ${kindOf(v.properties)}`);
    if (!('geometry' in v)) this.problem(path, '"geometry" member required');
    else if (v.geometry !== null)
      this.object(v.geometry, `${path ? `${path}.` : ''}geometry`, GEOMETRY_TYPES);
  }

  geometry(v: Obj, path: string): void {
    const type = v.type as string;
    this.forbid(v, path, 'geometry', ['properties', 'geometry', 'features']);
    if (type === 'GeometryCollection') {
      if (!Array.isArray(v.geometries)) {
        this.problem(path, '"geometries" must be an array of geometry objects');
        return;
      }
      if (v.geometries.length === 1)
        this.repairs.add('a GeometryCollection with a single geometry was read as that geometry');
      v.geometries.forEach((g, i) => {
        const p = `${path}.geometries[${i}]`;
        if (!isObject(g)) {
          this.problem(p, `a GeometryCollection must hold only geometry objects, got ${kindOf(g)}`);
          return;
        }
        if (g.type === 'GeometryCollection') this.repairs.add('nested GeometryCollections were flattened');
        this.object(g, p, GEOMETRY_TYPES);
      });
      return;
    }
    if (!('coordinates' in v)) {
      this.problem(path, '"coordinates" member required');
      return;
    }
    this.coordinates(v.coordinates, DEPTH[type], `${path}.coordinates`, type);
  }

  coordinates(c: unknown, depth: number, path: string, type: string): void {
    if (depth === 0) {
      this.position(c, path);
      return;
    }
    if (!Array.isArray(c)) {
      this.problem(
        path,
        `expected an array of ${depth === 1 ? 'positions' : 'coordinate arrays'}, got ${kindOf(c)}`,
      );
      return;
    }
    if (c.length > 0 && typeof c[0] === 'number') {
      this.problem(
        path,
        'a number was found where a coordinate array should be: the coordinates need to be nested more deeply',
      );
      return;
    }
    c.forEach((inner, i) => {
      this.coordinates(inner, depth - 1, `${path}[${i}]`, type);
    });
    if (depth === 1 && (type === 'LineString' || type === 'MultiLineString') && c.length < 2) {
      this.problem(path, `a line needs two or more positions, this one has ${c.length}`);
    }
    if (depth === 1 && (type === 'Polygon' || type === 'MultiPolygon')) this.ring(c, path);
  }

  ring(ring: unknown[], path: string): void {
    if (!ring.every((p) => Array.isArray(p) && p.length >= 2)) return;
    const positions = ring as number[][];
    if (positions.length < 4)
      this.problem(path, `a linear ring needs four or more positions, this one has ${positions.length}`);
    const first = positions[0];
    const last = positions[positions.length - 1];
    if (
      first &&
      last &&
      (first[0] !== last[0] || first[1] !== last[1] || (first[2] ?? 0) !== (last[2] ?? 0))
    ) {
      this.problem(
        path,
        `the first and last positions of a linear ring must be the same: ${JSON.stringify(first)} ≠ ${JSON.stringify(last)}`,
      );
    }
  }

  position(p: unknown, path: string): void {
    if (!Array.isArray(p)) {
      this.problem(path, `a position should be an array of numbers, but is ${kindOf(p)}`);
      return;
    }
    if (p.length < 2) {
      this.problem(path, `a position must have 2 or more elements, this one has ${p.length}`);
      return;
    }
    if (!p.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      this.problem(path, `each element of a position must be a number, got ${JSON.stringify(p)}`);
      return;
    }
    if (p.length > 3)
      this.repairs.add('positions with more than three elements were cut to longitude, latitude');
  }
}

/** Checks `root` (already parsed JSON) as GeoJSON. */
export function checkGeoJsonStructure(root: unknown): StructureCheck {
  const checker = new Checker();
  if (!isObject(root))
    checker.problem('', `the root of a GeoJSON file must be an object, got ${kindOf(root)}`);
  else checker.object(root, '', ALL_TYPES);
  return { problems: checker.problems, repairs: [...checker.repairs] };
}

/** Members that appear twice in one object of a JSON text (JSON.parse silently keeps the last). */
export function duplicateMembers(text: string): string[] {
  const stack: (Set<string> | null)[] = [];
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') stack.push(new Set());
    else if (ch === '[') stack.push(null);
    else if (ch === '}' || ch === ']') stack.pop();
    else if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const str = text.slice(i + 1, j);
      i = j;
      let k = j + 1;
      while (k < text.length && /\s/.test(text[k])) k++;
      const top = stack[stack.length - 1];
      if (text[k] === ':' && top) {
        if (top.has(str) && !found.includes(str)) found.push(str);
        top.add(str);
      }
    }
  }
  return found;
}
