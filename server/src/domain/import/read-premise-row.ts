import { CATEGORIES, type CategoryCode, categoryByCode } from '../categories';
import { type Crs, POINT_CRS, parseCrs } from '../crs/crs-catalog';
import { formatDay } from '../dates';
import type { GeocodeMethod } from '../geocoder/types';
import type { LicenceType } from '../licences';
import { categoryFromText } from './category-names';
import type { HeaderMapping } from './header-mapping';
import {
  parseAmount,
  parseDateCell,
  parseIdNumber,
  parsePhone,
  parseValidity,
  parseYesNo,
} from './parse-cells';
import type { LicenceInput, PremiseCandidate, RowIssue } from './premise-candidate';
import { fieldLabel, type PremiseField } from './premise-fields';
import { rowCoordinates } from './row-coordinates';

/** What a row is checked against: the import's defaults and the campaign's calendar. */
export interface RowRules {
  /** The system of 经度/纬度 when the row has no 坐标系 cell. */
  crs: Crs;
  /** The 摸底 date when the row has none. */
  surveyDay: number;
  campaignStartDay: number;
  todayDay: number;
  /** The category of rows without a 行业 cell, if the person chose one. */
  defaultCategory?: CategoryCode;
}

export interface RowReading {
  candidate: PremiseCandidate | null;
  errors: RowIssue[];
  warnings: RowIssue[];
}

const GEOCODE_METHODS: readonly GeocodeMethod[] = [
  'address_point',
  'road_interpolation',
  'village_fallback',
  'manual',
];
const MAX_TEXT = 500;
const categoryNames = CATEGORIES.map((c) => c.name).join('、');
const pointCrsNames = POINT_CRS.map((c) => c.code).join(', ');

/** Reads and checks one data row: every problem is reported, none stops the others being found. */
export function readPremiseRow(
  cells: readonly string[],
  rowNo: number,
  headers: readonly string[],
  mapping: HeaderMapping,
  rules: RowRules,
): RowReading {
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const column = (f: PremiseField) => {
    const i = mapping[f];
    return i === null || i === undefined ? fieldLabel(f) : headers[i] || fieldLabel(f);
  };
  const get = (f: PremiseField) => {
    const i = mapping[f];
    return i === null || i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const issue = (list: RowIssue[], f: PremiseField, expected: string, value = get(f)) =>
    list.push({ row: rowNo, column: column(f), field: f, value, expected });
  const text = (f: PremiseField) => {
    const v = get(f);
    if (v.length > MAX_TEXT)
      issue(errors, f, `at most ${MAX_TEXT} characters (this cell has ${v.length})`, `${v.slice(0, 40)}…`);
    return v === '' ? null : v;
  };

  const name = text('name');
  if (!name) issue(errors, 'name', 'the premise name (店名), e.g. 阿林小卖部');
  const address = text('address');
  if (!address) issue(errors, 'address', 'the address where it trades, e.g. 丁桥镇大唐村1组23号');

  const categoryText = get('category');
  let category: CategoryCode | null = categoryText
    ? categoryFromText(categoryText)
    : (rules.defaultCategory ?? null);
  if (!category) issue(errors, 'category', `one of the ten categories: ${categoryNames}`);
  if (category && !categoryByCode(category)) category = null;

  let phone: string | null = null;
  if (get('phone')) {
    phone = parsePhone(get('phone'));
    if (!phone)
      issue(errors, 'phone', 'a phone number: 11-digit mobile (13812345678) or landline (0571-86001234)');
  }

  let idNumber: string | null = null;
  if (get('idNumber').includes('*')) {
    issue(warnings, 'idNumber', 'a full ID number; this one is masked (an exported ledger?) and is left out');
  } else if (get('idNumber')) {
    const id = parseIdNumber(get('idNumber'));
    if (!id) {
      const hint = /e\+|0{3}$/i.test(get('idNumber'))
        ? '; Excel stored it as a number and dropped digits: format the column as text'
        : '';
      issue(errors, 'idNumber', `an 18-character ID number (17 digits and a digit or X)${hint}`);
    } else {
      idNumber = id.id;
      if (!id.checksumOk)
        issue(
          warnings,
          'idNumber',
          'an ID number whose last character matches its check digit; this one does not (a typo?)',
        );
    }
  }

  let areaM2: number | null = null;
  if (get('areaM2')) {
    areaM2 = parseAmount(get('areaM2'));
    if (areaM2 === null || areaM2 < 0 || areaM2 > 1e6)
      issue(errors, 'areaM2', 'an area in square metres, e.g. 35 or 35㎡');
  }
  let staff: number | null = null;
  if (get('staff')) {
    staff = parseAmount(get('staff'));
    if (staff === null || !Number.isInteger(staff) || staff < 0 || staff > 100000)
      issue(errors, 'staff', 'a whole number of people, e.g. 3');
  }
  let keyObject = false;
  if (get('keyObject')) {
    const yes = parseYesNo(get('keyObject'));
    if (yes === null) issue(errors, 'keyObject', '是 or 否');
    else keyObject = yes;
  }

  let surveyDay = rules.surveyDay;
  if (get('surveyDate')) {
    const d = parseDateCell(get('surveyDate'));
    if (d === null) issue(errors, 'surveyDate', 'a date, e.g. 2008-03-15 or 2008年3月15日');
    else surveyDay = d;
  }
  if (surveyDay < rules.campaignStartDay) {
    issue(
      errors,
      'surveyDate',
      `a date on or after the campaign start ${formatDay(rules.campaignStartDay)}`,
      formatDay(surveyDay),
    );
  } else if (surveyDay > rules.todayDay) {
    issue(
      errors,
      'surveyDate',
      `a date not in the future (today is ${formatDay(rules.todayDay)})`,
      formatDay(surveyDay),
    );
  }

  let crs = rules.crs;
  if (get('crs')) {
    const named = parseCrs(get('crs'));
    if (!named || !POINT_CRS.some((c) => c.code === named.code))
      issue(errors, 'crs', `one of ${pointCrsNames}`);
    else crs = named;
  }
  let lngLat: PremiseCandidate['lngLat'] = null;
  const coordinates = rowCoordinates(get('lng'), get('lat'), crs);
  if (coordinates && !coordinates.ok) issue(errors, coordinates.field, coordinates.expected);
  if (coordinates?.ok) {
    lngLat = coordinates.lngLat;
    if (coordinates.swapped) {
      issue(
        warnings,
        'lng',
        `经度 and 纬度 the right way round; they were swapped (经度 ${get('lng')}, 纬度 ${get('lat')}) and have been read the other way`,
      );
    }
  }
  let geocodeMethod: GeocodeMethod | null = null;
  if (get('geocodeMethod')) {
    const m = get('geocodeMethod') as GeocodeMethod;
    if (GEOCODE_METHODS.includes(m)) geocodeMethod = m;
    else issue(warnings, 'geocodeMethod', `one of ${GEOCODE_METHODS.join(', ')}; ignored`);
  }

  const licences: LicenceInput[] = [];
  const licence = (noField: PremiseField, validField: PremiseField, type: LicenceType | undefined) => {
    const no = get(noField);
    const validText = get(validField);
    let validity: ReturnType<typeof parseValidity> = null;
    if (validText) {
      validity = parseValidity(validText);
      if (!validity)
        issue(errors, validField, 'a date (2011-05-31), a period (2008-06-01至2011-05-31) or 长期');
    }
    if (!no) {
      if (validText && validity)
        issue(warnings, validField, `a ${fieldLabel(noField)} to go with it; the period alone is ignored`);
      return;
    }
    if (no.length > 64) return void issue(errors, noField, 'a licence number of at most 64 characters');
    if (!type) return;
    if (validity?.fromDay != null && validity.toDay != null && validity.toDay < validity.fromDay) {
      return void issue(errors, validField, 'a period whose end is after its start');
    }
    licences.push({
      licence: type,
      licenceNo: no,
      fromDay: validity?.fromDay ?? null,
      validToDay: validity?.toDay ?? null,
    });
  };
  licence('businessNo', 'businessValid', 'business');
  const permit = category ? categoryByCode(category)?.licences.find((l) => l !== 'business') : undefined;
  licence('permitNo', 'permitValid', permit);

  const archiveNo = text('archiveNo');
  const operator = text('operator');
  const villageText = text('village');
  const villageCode = text('villageCode');
  const notes = text('notes');
  if (errors.length > 0 || !name || !address || !category) return { candidate: null, errors, warnings };
  return {
    candidate: {
      rowNo,
      archiveNo,
      name,
      operator,
      phone,
      idNumber,
      address,
      villageText,
      villageCode,
      category,
      lngLat,
      crs: crs.code,
      geocodeMethod,
      keyObject,
      areaM2,
      staff,
      notes,
      surveyDay,
      licences,
    },
    errors,
    warnings,
  };
}
