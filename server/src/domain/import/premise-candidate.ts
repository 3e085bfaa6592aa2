import type { CategoryCode } from '../categories';
import type { LngLat } from '../crs/to-wgs84';
import type { GeocodeMethod } from '../geocoder/types';
import type { LicenceType } from '../licences';
import type { PremiseField } from './premise-fields';

/**
 * One thing wrong (or worth saying) about one cell: which row, which column, what it held, what was
 * expected (in English, and in Chinese for the page and the error report).
 */
export interface RowIssue {
  row: number;
  /** The column's header in the file (or the field's label when the file has no such column). */
  column: string;
  field: PremiseField | null;
  value: string;
  expected: string;
  expectedZh: string;
}

export interface LicenceInput {
  licence: LicenceType;
  licenceNo: string;
  fromDay: number | null;
  validToDay: number | null;
}

/** A premise as read from one row, before it is placed and checked against the record. */
export interface PremiseCandidate {
  rowNo: number;
  archiveNo: string | null;
  name: string;
  operator: string | null;
  phone: string | null;
  idNumber: string | null;
  address: string;
  /** The 所属村 cell (name) and 村社区代码 cell (code), as written. */
  villageText: string | null;
  villageCode: string | null;
  category: CategoryCode;
  /** WGS-84, converted from `crs`; null when the row has no coordinates (it will be geocoded). */
  lngLat: LngLat | null;
  crs: string;
  geocodeMethod: GeocodeMethod | null;
  keyObject: boolean;
  areaM2: number | null;
  staff: number | null;
  notes: string | null;
  surveyDay: number;
  licences: LicenceInput[];
}
