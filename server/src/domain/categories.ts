import type { LicenceType } from './licences';

export interface Category {
  code: string;
  name: string;
  nameEn: string;
  /** One Chinese character drawn on the point when zoomed in. */
  glyph: string;
  licences: readonly LicenceType[];
  department: string;
  color: readonly [number, number, number];
}

/** The ten categories of the plan, in the plan's order. Codes are stable. */
export const CATEGORIES = [
  {
    code: 'food_workshop',
    name: '食品加工小作坊',
    nameEn: 'Food workshop',
    glyph: '坊',
    licences: ['business', 'food_production'],
    department: '工商所',
    color: [230, 126, 34],
  },
  {
    code: 'grocery',
    name: '小食杂店',
    nameEn: 'Grocery',
    glyph: '杂',
    licences: ['business', 'food_trade'],
    department: '工商所',
    color: [52, 152, 219],
  },
  {
    code: 'restaurant',
    name: '小餐饮店',
    nameEn: 'Restaurant',
    glyph: '餐',
    licences: ['business', 'catering'],
    department: '工商所',
    color: [231, 76, 60],
  },
  {
    code: 'pharmacy',
    name: '小药店',
    nameEn: 'Pharmacy',
    glyph: '药',
    licences: ['business', 'drug_trade'],
    department: '社会事务办',
    color: [26, 188, 156],
  },
  {
    code: 'agri_supply',
    name: '小农资店',
    nameEn: 'Agricultural supply',
    glyph: '农',
    licences: ['business', 'pesticide_trade'],
    department: '经发办',
    color: [39, 174, 96],
  },
  {
    code: 'market',
    name: '小菜场',
    nameEn: 'Vegetable market',
    glyph: '菜',
    licences: ['business', 'food_trade'],
    department: '工商所',
    color: [142, 68, 173],
  },
  {
    code: 'audio_video',
    name: '小音像店',
    nameEn: 'Audio-video shop',
    glyph: '音',
    licences: ['business', 'av_publication'],
    department: '综治办',
    color: [241, 196, 15],
  },
  {
    code: 'beauty_salon',
    name: '小美容美发店',
    nameEn: 'Beauty and hair salon',
    glyph: '美',
    licences: ['business', 'public_hygiene'],
    department: '社会事务办',
    color: [232, 67, 147],
  },
  {
    code: 'passenger_transport',
    name: '小客运',
    nameEn: 'Small passenger transport',
    glyph: '客',
    licences: ['business', 'road_transport'],
    department: '派出所',
    color: [52, 73, 94],
  },
  {
    code: 'lpg_point',
    name: '小液化气供应点',
    nameEn: 'LPG supply point',
    glyph: '气',
    licences: ['business', 'gas_supply'],
    department: '行政执法中队',
    color: [127, 140, 141],
  },
] as const satisfies readonly Category[];

export type CategoryCode = (typeof CATEGORIES)[number]['code'];

export const CATEGORY_CODES = CATEGORIES.map((c) => c.code) as [CategoryCode, ...CategoryCode[]];

const byCode = new Map<string, Category>(CATEGORIES.map((c) => [c.code, c]));

/** The category with this code, or undefined for an unknown code. */
export function categoryByCode(code: string): Category | undefined {
  return byCode.get(code);
}

/** Index of a category code in CATEGORIES (its compact numeric form), or -1. */
export function categoryIndex(code: string): number {
  return CATEGORY_CODES.indexOf(code as CategoryCode);
}
