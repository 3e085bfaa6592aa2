import { pointOnFeature } from '@turf/turf';
import type { LngLat } from '../crs/to-wgs84';
import type { GeocodeMethod, GeocodeResult } from '../geocoder/types';
import { type Bilingual, expectedOf } from './bilingual';
import type { PremiseCandidate, RowIssue } from './premise-candidate';
import { fieldLabel, type PremiseField } from './premise-fields';
import type { VillageMatcher, VillageRef } from './village-matcher';

/** Below this the geocoder's answer goes to the review queue. */
export const REVIEW_CONFIDENCE = 0.6;
/** What a position from the village's middle is worth. */
const VILLAGE_FALLBACK_CONFIDENCE = 0.2;

/** Where a premise goes on the map, in which village, and how that was found. */
export interface Placement {
  villageId: number;
  lngLat: LngLat;
  method: GeocodeMethod;
  /** null when the position came with the row; 0–1 when the geocoder found it. */
  confidence: number | null;
  /** What the geocoder matched, and whether the village in the address and at the point differ. */
  matchedText: string;
  conflict: boolean;
}

export type Geocode = (address: string) => GeocodeResult;

const fmt = (p: LngLat) => `(${p.map((v) => Number(v.toFixed(6))).join(', ')})`;

/** How each way of placing a premise is called on the page. */
const METHOD_ZH: Record<GeocodeMethod, string> = {
  address_point: '门牌匹配',
  road_interpolation: '道路门牌推算',
  village_fallback: '村（社区）中心点',
  manual: '人工标注',
};

/** What a 所属村 / 村社区代码 cell naming no village of the township is told. */
export function villageExpected(villages: VillageMatcher): Bilingual {
  return {
    en: `a village or community of this township (${villages.sampleNames()})`,
    zh: `本镇的村（社区）之一（${villages.sampleNames()}）`,
  };
}

/**
 * Places a row: its village from 所属村/村社区代码 (by code or name) or else from its point; its
 * point from 经度/纬度, else from the geocoder, else the middle of its village. Says when the
 * village written and the village at the point differ, and when confidence is low.
 */
export function placeCandidate(
  c: PremiseCandidate,
  villages: VillageMatcher,
  geocode: Geocode | null,
  columnOf: (f: PremiseField) => string = fieldLabel,
): { placement: Placement | null; errors: RowIssue[]; warnings: RowIssue[] } {
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const issue = (list: RowIssue[], field: PremiseField, value: string, expected: Bilingual) =>
    list.push({ row: c.rowNo, column: columnOf(field), field, value, ...expectedOf(expected) });

  let named: VillageRef | null = null;
  const villageField: PremiseField = c.villageCode ? 'villageCode' : 'village';
  const villageCell = c.villageCode ?? c.villageText;
  if (villageCell) {
    named =
      villages.byText(villageCell) ??
      (c.villageCode && c.villageText ? villages.byText(c.villageText) : null);
    if (!named) issue(errors, villageField, villageCell, villageExpected(villages));
  }

  let lngLat = c.lngLat;
  let method: GeocodeMethod = c.geocodeMethod ?? 'manual';
  let confidence: number | null = null;
  let geocodedVillage: { id: number } | null = null;
  let matchedText = '';
  let conflict = false;
  if (!lngLat && geocode) {
    const g = geocode(c.address);
    if (g.lngLat && g.method) {
      lngLat = g.lngLat;
      method = g.method;
      confidence = g.confidence;
      geocodedVillage = g.villageInAddress;
      matchedText = g.matchedText;
      conflict = g.conflict;
    }
  }
  if (!lngLat && named) {
    const p = pointOnFeature({ type: 'Feature', properties: {}, geometry: named.geometry }).geometry
      .coordinates;
    lngLat = [p[0], p[1]];
    method = 'village_fallback';
    confidence = VILLAGE_FALLBACK_CONFIDENCE;
    matchedText = named.name;
  }
  if (!lngLat) {
    issue(errors, 'address', c.address, {
      en: 'an address the gazetteer can place, or 经度/纬度, or 所属村社区: nothing in this row says where it is',
      zh: '地名库能定位的地址，或经度/纬度，或所属村（社区）：这一行没有能确定位置的内容',
    });
    return { placement: null, errors, warnings };
  }

  const atPoint = villages.atPoint(lngLat[0], lngLat[1]);
  let village = named ?? atPoint;
  if (!village && geocodedVillage)
    village = villages.villages.find((v) => v.id === geocodedVillage.id) ?? null;
  if (!village) {
    issue(errors, 'village', c.villageText ?? '', {
      en: `a village or community: the point ${fmt(lngLat)} lies in none of the township's; give 所属村社区`,
      zh: `所属村（社区）：位置 ${fmt(lngLat)} 不在本镇任何村（社区）内，请填写所属村社区`,
    });
    return { placement: null, errors, warnings };
  }
  if (named && atPoint && atPoint.id !== named.id) {
    conflict = true;
    issue(warnings, villageField, villageCell ?? '', {
      en: `the village at the point; the point ${fmt(lngLat)} lies in ${atPoint.name}. Kept ${named.name} as written`,
      zh: `与位置一致的村（社区）；位置 ${fmt(lngLat)} 在${atPoint.name}，已按填写的${named.name}保留`,
    });
  } else if (named && !atPoint && method !== 'village_fallback') {
    issue(warnings, 'lng', c.lngLat ? fmt(c.lngLat) : c.address, {
      en: `a point inside the township; ${fmt(lngLat)} lies outside every village (check 经度/纬度 and 坐标系)`,
      zh: `本镇范围内的位置；${fmt(lngLat)} 不在任何村（社区）内（请核对经度/纬度和坐标系）`,
    });
  }
  if (confidence !== null && confidence < REVIEW_CONFIDENCE) {
    issue(warnings, 'address', c.address, {
      en: `an address the gazetteer knows well; placed by ${method} with confidence ${confidence.toFixed(2)}: check it in the review queue`,
      zh: `地名库能准确匹配的地址；此行按${METHOD_ZH[method]}定位，置信度 ${confidence.toFixed(2)}：请到“待定位”中核对`,
    });
  }
  if (errors.length > 0) return { placement: null, errors, warnings };
  return {
    placement: { villageId: village.id, lngLat, method, confidence, matchedText, conflict },
    errors,
    warnings,
  };
}
