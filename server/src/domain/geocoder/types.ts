/** The offline geocoder's contract, shared by the geocoder and the importers that call it. */

export type GeocodeMethod = 'address_point' | 'road_interpolation' | 'village_fallback' | 'manual';

/** One village or community the geocoder can match and fall back to. */
export interface GazetteerVillage {
  id: number;
  code: string;
  name: string;
  /** Polygon or MultiPolygon, WGS-84 lng/lat. */
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon;
  /** Where the village committee sits (村委会/社区居委会), if known: fallbacks spread around it. */
  seat?: [number, number];
}

/** A door-plate address point (门牌): village + 组 + 号, or road + 号. */
export interface AddressPoint {
  village?: string;
  group?: number;
  road?: string;
  /** A residential estate, market or other named place (丁桥花园, 丁桥农贸市场) when there is no road. */
  estate?: string;
  /** The building in the estate (3幢). */
  building?: number;
  /** The door number; absent for a building of an estate written by its units (江景花园3幢2单元). */
  number?: number;
  lngLat: [number, number];
  /** Where it came from: an import, or a person's correction in the review queue. */
  source: 'import' | 'correction';
}

/** A named road with the house-number range along it, for interpolation. */
export interface GazetteerRoad {
  name: string;
  /** LineString coordinates from the low-number end. */
  line: [number, number][];
  fromNumber: number;
  toNumber: number;
}

export interface Gazetteer {
  villages: GazetteerVillage[];
  points: AddressPoint[];
  roads: GazetteerRoad[];
  /** Former and current names of places (江干区 ↔ 上城区, 丁桥镇 ↔ 丁兰街道), editable. */
  aliases: { from: string; to: string }[];
  /**
   * The names of the township's own administrative chain (province, city, district, township;
   * current and former, short forms of province and city): see domain/region.ts regionNames().
   * An address starting with another county's or township's name is not geocoded into ours.
   */
  region?: string[];
}

export interface GeocodeResult {
  /** null when nothing matched at all (the review queue places it by hand). */
  lngLat: [number, number] | null;
  method: GeocodeMethod | null;
  /** 0–1; below 0.6 goes to the review queue. */
  confidence: number;
  /** The part of the address that matched, e.g. 沿山村3组58号. */
  matchedText: string;
  /** The village named in the address, if any. */
  villageInAddress: { id: number; name: string } | null;
  /** The village whose polygon holds the result point. */
  villageAtPoint: { id: number; name: string } | null;
  /** Village in the address differs from the village at the point. */
  conflict: boolean;
  /** The administrative name that puts the address outside this township (海宁市), when it does. */
  foreign?: string;
}
