import { headerMatcher } from './header-mapping';

/**
 * The fields a door-plate list (门牌, the gazetteer) can fill, with the headers land bureaus, the
 * public-security household register and survey teams use for each. A row names its plate either
 * by columns (村/社区 + 组 + 号, 路 + 号, 小区 + 幢 + 号) or by a full 地址.
 */
export const ADDRESS_POINT_FIELDS = [
  {
    key: 'village',
    label: '村/社区',
    synonyms: [
      '村/社区',
      '村社区',
      '村(社区)',
      '所属村社区',
      '所属村(社区)',
      '所属村',
      '所属社区',
      '所在村',
      '村',
      '社区',
      '村名',
      '行政村',
      '村居',
      'village',
      'community',
    ],
  },
  { key: 'group', label: '组', synonyms: ['组', '村民小组', '小组', '组别', '组号', 'group'] },
  {
    key: 'road',
    label: '路',
    synonyms: ['路', '道路', '路名', '道路名称', '街路巷', '街路巷名', '街巷', '路街巷', 'road', 'street'],
  },
  {
    key: 'estate',
    label: '小区',
    synonyms: ['小区', '小区名', '小区名称', '地名', '市场', 'estate', 'place'],
  },
  { key: 'building', label: '幢', synonyms: ['幢', '栋', '幢号', '栋号', '楼幢', '楼栋', 'building'] },
  {
    key: 'number',
    label: '号',
    synonyms: ['号', '门牌号', '门牌号码', '门牌', '号码', '门号', 'number', 'no', 'no.'],
  },
  {
    key: 'address',
    label: '地址',
    synonyms: ['地址', '标准地址', '门牌地址', '详细地址', '完整地址', '地址全称', 'address'],
  },
  {
    key: 'lng',
    label: '经度',
    synonyms: ['经度', 'lng', 'lon', 'long', 'longitude', 'x', '东经', '经度(e)'],
  },
  { key: 'lat', label: '纬度', synonyms: ['纬度', 'lat', 'latitude', 'y', '北纬', '纬度(n)'] },
  { key: 'crs', label: '坐标系', synonyms: ['坐标系', '坐标系统', '坐标类型', 'crs', 'srs'] },
] as const satisfies readonly { key: string; label: string; synonyms: readonly string[] }[];

export type AddressPointField = (typeof ADDRESS_POINT_FIELDS)[number]['key'];

/** Which column (0-based) each field is read from. */
export type AddressPointMapping = Partial<Record<AddressPointField, number>>;

const headers = headerMatcher<AddressPointField>(ADDRESS_POINT_FIELDS);

/** Recognises the header row of a door-plate list (for readTable). */
export const ADDRESS_POINT_HEADER = {
  score: headers.score,
  example: '村/社区, 组, 号, 经度, 纬度 or 地址, 经度, 纬度',
};

/** The mapping from a file's headers; each field takes the first column that names it. */
export function guessAddressPointMapping(row: readonly string[]): AddressPointMapping {
  const mapping: AddressPointMapping = {};
  row.forEach((header, column) => {
    const field = headers.field(header);
    if (field && mapping[field] === undefined) mapping[field] = column;
  });
  return mapping;
}

const labels = new Map<string, string>(ADDRESS_POINT_FIELDS.map((f) => [f.key, f.label]));

/** The Chinese label of a field (the header a door-plate list would have). */
export function addressPointFieldLabel(field: AddressPointField): string {
  return labels.get(field) ?? field;
}
