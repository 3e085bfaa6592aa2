/** Licence types a premise can hold. Every category needs a business licence plus its own. */
export const LICENCE_TYPES = [
  { code: 'business', name: '营业执照', nameEn: 'Business licence' },
  { code: 'food_production', name: '食品生产加工小作坊登记证', nameEn: 'Food workshop registration' },
  { code: 'food_trade', name: '食品经营许可证', nameEn: 'Food trade permit' },
  { code: 'catering', name: '餐饮服务许可证', nameEn: 'Catering permit' },
  { code: 'drug_trade', name: '药品经营许可证', nameEn: 'Drug trade permit' },
  { code: 'pesticide_trade', name: '农药经营许可证', nameEn: 'Pesticide trade permit' },
  { code: 'av_publication', name: '音像制品/出版物经营许可证', nameEn: 'AV and publication permit' },
  { code: 'public_hygiene', name: '公共场所卫生许可证', nameEn: 'Public-place hygiene permit' },
  { code: 'road_transport', name: '道路运输经营许可证', nameEn: 'Road transport permit' },
  { code: 'gas_supply', name: '燃气经营许可证', nameEn: 'Gas supply permit' },
] as const;

export type LicenceType = (typeof LICENCE_TYPES)[number]['code'];

export const LICENCE_CODES = LICENCE_TYPES.map((l) => l.code) as [LicenceType, ...LicenceType[]];
