import { type Polygonal, pointInShape, type ShapeEdges, shapeEdges } from '../areas/point-in-polygon';

export interface VillageRef {
  id: number;
  code: string;
  name: string;
  geometry: Polygonal;
}

/** A village name without its administrative suffix: 大唐村 → 大唐, 丁桥社区 → 丁桥. */
export function villageStem(name: string): string {
  return name
    .trim()
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/(村民委员会|居民委员会|村委会|居委会|股份经济合作社|经济合作社|社区|行政村|村|居)$/, '');
}

/** Finds a township's villages by code, by name (with or without 村/社区) and by point. */
export class VillageMatcher {
  private readonly byCode = new Map<string, VillageRef>();
  private readonly byName = new Map<string, VillageRef>();
  private readonly shapes: { village: VillageRef; edges: ShapeEdges }[];

  constructor(readonly villages: readonly VillageRef[]) {
    for (const v of villages) {
      this.byCode.set(v.code, v);
      this.byName.set(v.name.normalize('NFKC').replace(/\s+/g, ''), v);
      const stem = villageStem(v.name);
      if (stem.length >= 2 && !this.byName.has(stem)) this.byName.set(stem, v);
    }
    this.shapes = villages.map((village) => ({ village, edges: shapeEdges(village.geometry) }));
  }

  /** The village a cell names by its 12-digit code or its name, or null. */
  byText(text: string): VillageRef | null {
    const t = text.trim().normalize('NFKC').replace(/\s+/g, '');
    if (t === '') return null;
    return this.byCode.get(t) ?? this.byName.get(t) ?? this.byName.get(villageStem(t)) ?? null;
  }

  /** The village whose boundary holds the point, or null. */
  atPoint(lng: number, lat: number): VillageRef | null {
    for (const { village, edges } of this.shapes) {
      const [w, s, e, n] = edges.bbox;
      if (lng < w || lng > e || lat < s || lat > n) continue;
      if (pointInShape(edges, lng, lat)) return village;
    }
    return null;
  }

  /** A few names, for messages that say what was expected. */
  sampleNames(max = 6): string {
    const names = this.villages.slice(0, max).map((v) => v.name);
    return this.villages.length > max ? `${names.join('、')} …` : names.join('、');
  }
}
