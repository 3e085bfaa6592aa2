import { pointToPolygonDistance } from '@turf/turf';
import { type Crs, POINT_CRS, parseCrs } from '../crs/crs-catalog';
import { addressPointFrom } from '../geocoder/address-point-from';
import { gazetteerIndex, villageAt } from '../geocoder/gazetteer-index';
import { readAddress } from '../geocoder/geocode-address';
import { matchVillage } from '../geocoder/match-village';
import { normalizeAddress } from '../geocoder/normalize-address';
import type { AddressPoint, Gazetteer } from '../geocoder/types';
import {
  type AddressPointField,
  type AddressPointMapping,
  addressPointFieldLabel,
} from './address-point-fields';
import { type Bilingual, expectedOf } from './bilingual';
import { rowCoordinates, swappedCoordinates } from './row-coordinates';

/**
 * One thing wrong (or worth saying) about a door-plate row: row, column as written, the cell, what
 * was expected (in English, and in Chinese for the page and the error report).
 */
export interface AddressRowIssue {
  row: number;
  column: string;
  field: AddressPointField | null;
  value: string;
  expected: string;
  expectedZh: string;
}

/** What a row is read against: the system of rows without a 坐标系 cell, and the township's gazetteer. */
export interface AddressPointRules {
  crs: Crs;
  gazetteer: Gazetteer;
}

export interface AddressPointReading {
  point: AddressPoint | null;
  errors: AddressRowIssue[];
  warnings: AddressRowIssue[];
  /** The system the row's coordinates were read in, and whether the row named it (else the import's default). */
  crs: string;
  crsNamed: boolean;
}

/** Limits that keep every row inside the address_points table's checks, with room for real plates. */
const MAX_NUMBER = 99_999;
const MAX_GROUP = 999;
const MAX_NAME = 50;
const PLATE_COLUMNS = ['village', 'group', 'road', 'estate', 'building', 'number'] as const;
const pointCrsCodes = POINT_CRS.map((c) => c.code);

/** A positive whole number from a cell: 23, ２３, 23号, 二十三, 3组, 8幢. */
function wholeNumber(text: string, max: number): number | null {
  const digits = normalizeAddress(`${text}号`).replace(/[号组幢栋]+$/u, '');
  if (!/^\d+$/u.test(digits)) return null;
  const n = Number(digits);
  return n >= 1 && n <= max ? n : null;
}

const degrees = (v: number) => String(Number(v.toFixed(6)));

/**
 * Reads and checks one row of a door-plate list. The plate comes from columns (村/社区 + 组 + 号,
 * 路 + 号, 小区 + 幢 + 号) when the row fills its parts, else from a full 地址 parsed as the geocoder
 * reads addresses (a 所属村 column beside it supplies a village the address leaves out). The village must be one the gazetteer knows (a near miss is named, not guessed);
 * the position is converted from the row's 坐标系 to WGS-84 and must lie in one of the township's
 * villages. Every problem is reported; none stops the others being found.
 */
/** How far outside the village it names a plate's point may lie before it is taken for a wrong point. */
const OUTSIDE_NAMED_VILLAGE_METERS = 100;

export function readAddressPointRow(
  cells: readonly string[],
  rowNo: number,
  headers: readonly string[],
  mapping: AddressPointMapping,
  rules: AddressPointRules,
): AddressPointReading {
  const errors: AddressRowIssue[] = [];
  const warnings: AddressRowIssue[] = [];
  const g = rules.gazetteer;
  const column = (f: AddressPointField) => {
    const i = mapping[f];
    return i === undefined ? addressPointFieldLabel(f) : headers[i] || addressPointFieldLabel(f);
  };
  const get = (f: AddressPointField) => {
    const i = mapping[f];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const issue = (list: AddressRowIssue[], f: AddressPointField, expected: Bilingual, value = get(f)) =>
    list.push({ row: rowNo, column: column(f), field: f, value, ...expectedOf(expected) });

  let crs = rules.crs;
  if (get('crs')) {
    const named = parseCrs(get('crs'));
    if (!named || !POINT_CRS.some((c) => c.code === named.code))
      issue(errors, 'crs', {
        en: `one of ${pointCrsCodes.join(', ')}`,
        zh: `以下坐标系之一：${pointCrsCodes.join('、')}`,
      });
    else crs = named;
  }

  let lngLat: [number, number] | null = null;
  const coordinates = rowCoordinates(get('lng'), get('lat'), crs);
  if (!coordinates) {
    issue(errors, 'lng', {
      en: 'the position of the plate: 经度 and 纬度 in degrees, e.g. 120.2101 and 30.3418',
      zh: '门牌的位置：经度和纬度（度），如：120.2101 和 30.3418',
    });
  } else if (!coordinates.ok) {
    issue(errors, coordinates.field, coordinates.expected);
  } else {
    lngLat = [Math.round(coordinates.lngLat[0] * 1e7) / 1e7, Math.round(coordinates.lngLat[1] * 1e7) / 1e7];
    if (coordinates.swapped) {
      issue(warnings, 'lng', swappedCoordinates(get('lng'), get('lat')));
    }
  }
  const at = lngLat && g.villages.length > 0 ? villageAt(g, lngLat) : null;
  if (lngLat && g.villages.length > 0 && !at) {
    const point = `(${degrees(lngLat[0])}, ${degrees(lngLat[1])})`;
    issue(
      errors,
      'lng',
      {
        en: `a point inside one of the township's villages; ${point} in WGS-84 lies outside all of them`,
        zh: `本镇某个村（社区）内的位置；${point}（WGS-84）不在任何村（社区）内，请核对经纬度和坐标系`,
      },
      `${get('lng')}, ${get('lat')}`,
    );
  }

  let plate: AddressPoint | null = null;
  let plateField: AddressPointField = 'village';
  // A list with a full 标准地址 and a 所属村 beside it (the usual register) is read from the address;
  // the plate's parts as columns (号 filled) are read from the columns.
  const partsGiven = PLATE_COLUMNS.some((f) => f !== 'village' && get(f) !== '');
  const foreign = get('address') ? readAddress(get('address'), g).foreign : undefined;
  if (partsGiven || (get('village') !== '' && mapping.address === undefined)) {
    const failed = errors.length;
    const candidate = plateFromColumns(get, (f, expected) => issue(errors, f, expected), mapping);
    plate = errors.length === failed ? candidate : null;
  } else if (get('address')) {
    plateField = 'address';
    plate = addressPointFrom(get('address'), lngLat ?? [0, 0], 'import', g);
    // 3组12号 under a 所属村 column: the column names the village the address leaves out.
    if (plate && plate.village === undefined && !plate.road && !plate.estate && get('village'))
      plate.village = normalizeAddress(get('village'));
    if (!plate || !withinChecks(plate)) {
      plate = null;
      issue(errors, 'address', {
        en: 'an address with a door number: 村 + 组 + 号, 路 + 号 or 小区 + 幢 + 号, e.g. 大唐村1组23号',
        zh: '带门牌号的地址：村＋组＋号、路＋号或小区＋幢＋号，如：大唐村1组23号',
      });
    }
  } else {
    issue(errors, mapping.number !== undefined || mapping.address === undefined ? 'number' : 'address', {
      en: 'the door plate: 村/社区 + 组 + 号, 路 + 号, 小区 + 幢 + 号, or a full 地址',
      zh: '门牌：村/社区＋组＋号、路＋号、小区＋幢＋号，或完整地址',
    });
  }

  if (plate?.village !== undefined && g.villages.length > 0) {
    const known = matchVillage(normalizeAddress(plate.village), gazetteerIndex(g).villages);
    if ((!known || known.how === 'fuzzy') && foreign && plateField === 'address') {
      // 浙江省… when the set-up names no province, or 海宁市丁桥镇…: say which name is not ours.
      issue(errors, 'address', {
        en: `an address in this township: it starts with ${foreign}, which the set-up does not name as this township's province, city, district or township; if it is ours, add it in 本镇设置 (setup --province/--city/--district-other-names/--township-other-names)`,
        zh: `本镇的地址：地址以“${foreign}”开头，本镇设置中的省、市、区县、镇街名称里没有它；如属本镇，请在“本镇设置”中补上`,
      });
    } else if (!known || known.how === 'fuzzy') {
      const names = g.villages.map((v) => v.name).join('、');
      issue(errors, plateField, {
        en: `one of the township's villages or communities: ${names}${known ? `; did you mean ${known.village.name}?` : ''}`,
        zh: `本镇的村（社区）之一：${names}${known ? `；是不是“${known.village.name}”？` : ''}`,
      });
    } else {
      plate.village = known.village.name;
      if (at && lngLat && at.id !== known.village.id) {
        // A plate just over the line is a boundary drawn roughly; one well inside another village is a wrong point.
        const meters = pointToPolygonDistance(lngLat, known.village.geometry, { units: 'meters' });
        if (meters > OUTSIDE_NAMED_VILLAGE_METERS) {
          issue(
            errors,
            'lng',
            {
              en: `a point in or near ${known.village.name}; (${degrees(lngLat[0])}, ${degrees(lngLat[1])}) lies in ${at.name}, ${Math.round(meters)} m from ${known.village.name}: check 经度/纬度 or the village`,
              zh: `${known.village.name}内或附近的位置；(${degrees(lngLat[0])}, ${degrees(lngLat[1])}) 在${at.name}，距${known.village.name} ${Math.round(meters)} 米：请核对经纬度或所属村`,
            },
            `${get('lng')}, ${get('lat')}`,
          );
        } else {
          issue(warnings, plateField, {
            en: `a point inside ${known.village.name}; the point lies just over the line in ${at.name} (imported as written)`,
            zh: `${known.village.name}内的位置；该位置刚过界，在${at.name}（已按填写内容导入）`,
          });
        }
      }
    }
  }

  const crsNamed = get('crs') !== '';
  if (errors.length > 0 || !plate || !lngLat)
    return { point: null, errors, warnings, crs: crs.code, crsNamed };
  return { point: { ...plate, lngLat, source: 'import' }, errors, warnings, crs: crs.code, crsNamed };
}

/** Whether a plate passes the address_points table's checks (a parsed address may hold a 0). */
function withinChecks(p: AddressPoint): boolean {
  const part = (n: number | undefined) => n === undefined || (n >= 1 && n <= MAX_GROUP);
  return (
    (p.number === undefined
      ? p.estate !== undefined && p.building !== undefined
      : p.number >= 1 && p.number <= MAX_NUMBER) &&
    part(p.group) &&
    part(p.building) &&
    (p.village !== undefined || p.road !== undefined || p.estate !== undefined)
  );
}

/** The plate a row gives in columns, or null after reporting what is wrong with them through `fail`. */
function plateFromColumns(
  get: (f: AddressPointField) => string,
  fail: (f: AddressPointField, expected: Bilingual) => void,
  mapping: AddressPointMapping,
): AddressPoint | null {
  // undefined: nothing written; null: written but refused (already reported)
  const name = (f: 'village' | 'road' | 'estate'): string | null | undefined => {
    const text = get(f);
    if (text.length > MAX_NAME) {
      fail(f, {
        en: `a name of at most ${MAX_NAME} characters (this cell has ${text.length})`,
        zh: `不超过 ${MAX_NAME} 个字的名称（此格有 ${text.length} 个字）`,
      });
      return null;
    }
    return normalizeAddress(text) || undefined;
  };
  const village = name('village');
  const road = name('road');
  const estate = name('estate');
  const number = wholeNumber(get('number'), MAX_NUMBER);
  if (number === null) {
    fail(
      'number',
      /\d\s*[-－—之]\s*\d/u.test(get('number'))
        ? {
            en: 'a whole door number; a sub-number such as 23-1号 cannot be kept as a plate',
            zh: '完整的门牌号；23-1号这样的附号不能作为门牌保存',
          }
        : {
            en: `a door number from 1 to ${MAX_NUMBER}, e.g. 23 or 23号`,
            zh: `1 到 ${MAX_NUMBER} 的门牌号，如：23 或 23号`,
          },
    );
  }
  const part = (f: 'group' | 'building', n: number, unit: string) => {
    if (get(f) === '') return undefined;
    const whole = wholeNumber(get(f), MAX_GROUP);
    if (whole === null)
      fail(f, {
        en: `a whole number from 1 to ${MAX_GROUP}, e.g. ${n} or ${n}${unit}, or nothing`,
        zh: `1 到 ${MAX_GROUP} 的整数，如：${n} 或 ${n}${unit}，也可不填`,
      });
    return whole ?? undefined;
  };
  const group = part('group', 3, '组');
  const building = part('building', 8, '幢');
  if (village === undefined && road === undefined && estate === undefined) {
    fail(mapping.village !== undefined || mapping.road === undefined ? 'village' : 'road', {
      en: 'the place the number belongs to: a 村/社区, a 路 or a 小区',
      zh: '门牌号所属的地方：村/社区、路或小区',
    });
    return null;
  }
  if (number === null) return null;
  const point: AddressPoint = { number, lngLat: [0, 0], source: 'import' };
  if (village) point.village = village;
  if (group !== undefined) point.group = group;
  if (road) point.road = road;
  if (estate) point.estate = estate;
  if (building !== undefined) point.building = building;
  return point;
}
