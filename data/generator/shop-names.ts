import type { CategoryCode } from '../../server/src/domain/categories';
import type { Rng } from './prng';

const SUFFIXES: Record<CategoryCode, readonly string[]> = {
  food_workshop: [
    '豆腐坊',
    '糕点加工坊',
    '面条加工坊',
    '酱肉加工坊',
    '炒货加工坊',
    '年糕坊',
    '豆制品加工坊',
    '熟食加工坊',
  ],
  grocery: ['便利店', '小卖部', '食杂店', '超市', '副食品店', '烟酒店', '日杂店', '便民店'],
  restaurant: [
    '小吃',
    '面馆',
    '快餐店',
    '饭店',
    '小吃店',
    '馄饨店',
    '包子铺',
    '土菜馆',
    '川菜馆',
    '烧烤店',
    '沙县小吃',
    '拉面馆',
  ],
  pharmacy: ['药房', '大药房', '药店', '医药零售店', '平价药房'],
  agri_supply: ['农资店', '农资经营部', '种子农药店', '农资服务部'],
  market: ['便民菜场', '菜场', '农贸点', '菜市场'],
  audio_video: ['音像店', '音像书店', '影音社', '音像制品店'],
  beauty_salon: ['美发', '发廊', '美容美发店', '理发店', '发型设计', '美容院'],
  passenger_transport: ['客运服务部', '客运点', '出租客运', '面包车客运点'],
  lpg_point: ['液化气供应点', '液化气站', '燃气供应站', '液化气换气点'],
};

/** Trade names that promise luck or service, as on shop signs everywhere. */
const AUSPICIOUS = [
  '惠民',
  '百姓',
  '便民',
  '兴旺',
  '顺发',
  '家家乐',
  '万家福',
  '好运',
  '福满多',
  '鑫鑫',
  '利民',
  '大众',
  '平安',
  '康乐',
  '旺旺',
  '佳佳',
  '金龙',
  '德兴',
  '永兴',
  '新新',
  '红星',
  '友谊',
  '阳光',
  '同心',
  '益民',
];
const PHARMACY_NAMES = ['惠民', '百姓', '仁和', '康复', '同仁', '济民', '益寿', '天天', '健民', '华东'];

export interface ShopNameParts {
  category: CategoryCode;
  operatorSurname: string;
  operatorGiven: string;
  placeStem: string;
}

/** A shop name in one of the ways people name them: after the owner, a lucky word, or the place. */
export function shopName(rng: Rng, parts: ShopNameParts): string {
  const suffix = rng.pick(SUFFIXES[parts.category]);
  const style = rng.next();
  if (parts.category === 'pharmacy') {
    return (style < 0.7 ? rng.pick(PHARMACY_NAMES) : parts.placeStem) + suffix;
  }
  if (parts.category === 'market' || parts.category === 'lpg_point') {
    return (style < 0.7 ? parts.placeStem : rng.pick(AUSPICIOUS)) + suffix;
  }
  if (style < 0.3) {
    const given = parts.operatorGiven;
    return (given.length === 1 || rng.chance(0.3) ? `阿${given.at(-1)}` : given) + suffix;
  }
  if (style < 0.45) return `${parts.operatorSurname}记${suffix}`;
  if (style < 0.6) return `${parts.placeStem}${suffix}`;
  if (style < 0.68) return `老${parts.operatorSurname}${suffix}`;
  return rng.pick(AUSPICIOUS) + suffix;
}
