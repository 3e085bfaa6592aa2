import { CATEGORIES, type CategoryCode, categoryByCode } from '../categories';
import { type Crs, POINT_CRS, parseCrs } from '../crs/crs-catalog';
import { formatDay } from '../dates';
import type { GeocodeMethod } from '../geocoder/types';
import type { LicenceType } from '../licences';
import { type Bilingual, expectedOf } from './bilingual';
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
import { rowCoordinates, swappedCoordinates } from './row-coordinates';

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
const pointCrsCodes = POINT_CRS.map((c) => c.code);

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
  const issue = (list: RowIssue[], f: PremiseField, expected: Bilingual, value = get(f)) =>
    list.push({ row: rowNo, column: column(f), field: f, value, ...expectedOf(expected) });
  const text = (f: PremiseField) => {
    const v = get(f);
    if (v.length > MAX_TEXT) {
      const expected = {
        en: `at most ${MAX_TEXT} characters (this cell has ${v.length})`,
        zh: `不超过 ${MAX_TEXT} 个字（此格有 ${v.length} 个字）`,
      };
      issue(errors, f, expected, `${v.slice(0, 40)}…`);
    }
    return v === '' ? null : v;
  };

  const name = text('name');
  if (!name)
    issue(errors, 'name', {
      en: 'the premise name (店名), e.g. 阿林小卖部',
      zh: '店名（经营户名称），如：阿林小卖部',
    });
  const address = text('address');
  if (!address)
    issue(errors, 'address', {
      en: 'the address where it trades, e.g. 丁桥镇大唐村1组23号',
      zh: '经营地址，如：丁桥镇大唐村1组23号',
    });

  const categoryText = get('category');
  let category: CategoryCode | null = categoryText
    ? categoryFromText(categoryText)
    : (rules.defaultCategory ?? null);
  if (!category)
    issue(errors, 'category', {
      en: `one of the ten categories: ${categoryNames}`,
      zh: `十类行业之一：${categoryNames}`,
    });
  if (category && !categoryByCode(category)) category = null;

  let phone: string | null = null;
  if (get('phone')) {
    phone = parsePhone(get('phone'));
    if (!phone)
      issue(errors, 'phone', {
        en: 'a phone number: 11-digit mobile (13812345678) or landline (0571-86001234)',
        zh: '电话号码：11位手机号（如 13812345678）或固定电话（如 0571-86001234）',
      });
  }

  let idNumber: string | null = null;
  if (get('idNumber').includes('*')) {
    issue(warnings, 'idNumber', {
      en: 'a full ID number; this one is masked (an exported ledger?) and is left out',
      zh: '完整的身份证号；此号码中间有*号（可能来自导出的台账），本次不导入该号码',
    });
  } else if (get('idNumber')) {
    const id = parseIdNumber(get('idNumber'));
    if (!id) {
      const excel = /e\+|0{3}$/i.test(get('idNumber'));
      issue(errors, 'idNumber', {
        en: `an 18-character ID number (17 digits and a digit or X)${excel ? '; Excel stored it as a number and dropped digits: format the column as text' : ''}`,
        zh: `身份证号应为18位（17位数字加1位数字或X）${excel ? '；Excel 把它存成了数字并丢了末几位：请把该列设为文本后重新填写' : ''}`,
      });
    } else if (!id.checksumOk && /000$/.test(id.id)) {
      // Excel keeps 15 significant digits: an ID typed into a number cell ends in 000 and fails its check.
      issue(errors, 'idNumber', {
        en: 'an 18-character ID number; this one ends in 000 and fails its check digit: Excel stored it as a number and dropped the last digits. Format the column as text and type it again',
        zh: '18位身份证号；此号码以000结尾、校验不通过：Excel 把它存成了数字并丢了末几位，请把该列设为文本后重新填写',
      });
    } else {
      idNumber = id.id;
      if (!id.checksumOk)
        issue(warnings, 'idNumber', {
          en: 'an ID number whose last character matches its check digit; this one does not (a typo?)',
          zh: '末位与校验码相符的身份证号；此号码末位校验不通过，请核对是否录错',
        });
    }
  }

  let areaM2: number | null = null;
  if (get('areaM2')) {
    areaM2 = parseAmount(get('areaM2'));
    if (areaM2 === null || areaM2 < 0 || areaM2 > 1e6)
      issue(errors, 'areaM2', {
        en: 'an area in square metres, e.g. 35 or 35㎡',
        zh: '面积（平方米），如：35 或 35㎡',
      });
  }
  let staff: number | null = null;
  if (get('staff')) {
    staff = parseAmount(get('staff'));
    if (staff === null || !Number.isInteger(staff) || staff < 0 || staff > 100000)
      issue(errors, 'staff', { en: 'a whole number of people, e.g. 3', zh: '从业人数（整数），如：3' });
  }
  let keyObject = false;
  if (get('keyObject')) {
    const yes = parseYesNo(get('keyObject'));
    if (yes === null) issue(errors, 'keyObject', { en: '是 or 否', zh: '“是”或“否”' });
    else keyObject = yes;
  }

  let surveyDay = rules.surveyDay;
  if (get('surveyDate')) {
    const d = parseDateCell(get('surveyDate'));
    if (d === null)
      issue(errors, 'surveyDate', {
        en: 'a date, e.g. 2008-03-15 or 2008年3月15日',
        zh: '日期，如 2008-03-15 或 2008年3月15日',
      });
    else surveyDay = d;
  }
  if (surveyDay < rules.campaignStartDay) {
    const start = formatDay(rules.campaignStartDay);
    issue(
      errors,
      'surveyDate',
      { en: `a date on or after the campaign start ${start}`, zh: `整治开始日 ${start} 当天或之后的日期` },
      formatDay(surveyDay),
    );
  } else if (surveyDay > rules.todayDay) {
    const today = formatDay(rules.todayDay);
    issue(
      errors,
      'surveyDate',
      { en: `a date not in the future (today is ${today})`, zh: `不晚于今天（${today}）的日期` },
      formatDay(surveyDay),
    );
  }

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
  let lngLat: PremiseCandidate['lngLat'] = null;
  const coordinates = rowCoordinates(get('lng'), get('lat'), crs);
  if (coordinates && !coordinates.ok) issue(errors, coordinates.field, coordinates.expected);
  if (coordinates?.ok) {
    lngLat = coordinates.lngLat;
    if (coordinates.swapped) {
      issue(warnings, 'lng', swappedCoordinates(get('lng'), get('lat')));
    }
  }
  let geocodeMethod: GeocodeMethod | null = null;
  if (get('geocodeMethod')) {
    const m = get('geocodeMethod') as GeocodeMethod;
    if (GEOCODE_METHODS.includes(m)) geocodeMethod = m;
    else
      issue(warnings, 'geocodeMethod', {
        en: `one of ${GEOCODE_METHODS.join(', ')}; ignored`,
        zh: `以下之一：${GEOCODE_METHODS.join('、')}；本格已忽略`,
      });
  }

  const licences: LicenceInput[] = [];
  const licence = (noField: PremiseField, validField: PremiseField, type: LicenceType | undefined) => {
    const no = get(noField);
    const validText = get(validField);
    let validity: ReturnType<typeof parseValidity> = null;
    if (validText) {
      validity = parseValidity(validText);
      if (!validity)
        issue(errors, validField, {
          en: 'a date (2011-05-31), a period (2008-06-01至2011-05-31) or 长期',
          zh: '日期（如 2011-05-31）、期限（如 2008-06-01至2011-05-31）或“长期”',
        });
    }
    if (!no) {
      if (validText && validity)
        issue(warnings, validField, {
          en: `a ${fieldLabel(noField)} to go with it; the period alone is ignored`,
          zh: `同时填写${fieldLabel(noField)}；只有有效期没有证号，有效期已忽略`,
        });
      return;
    }
    if (no.length > 64)
      return void issue(errors, noField, {
        en: 'a licence number of at most 64 characters',
        zh: '不超过 64 个字符的证照编号',
      });
    if (!type) return;
    if (validity?.fromDay != null && validity.toDay != null && validity.toDay < validity.fromDay) {
      return void issue(errors, validField, {
        en: 'a period whose end is after its start',
        zh: '结束日期在开始日期之后的有效期',
      });
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
