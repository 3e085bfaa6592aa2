import { CATEGORIES, type CategoryCode } from '../categories';

/** What offices write in the 行业 column for each category, besides its own name and code. */
const SYNONYMS: Record<CategoryCode, readonly string[]> = {
  food_workshop: ['食品加工小作坊', '小作坊', '食品小作坊', '食品作坊', '食品加工', '加工作坊', '作坊'],
  grocery: ['小食杂店', '食杂店', '小卖部', '便利店', '小超市', '超市', '杂货店', '副食店', '烟杂店'],
  restaurant: [
    '小餐饮店',
    '小餐饮',
    '餐饮',
    '餐饮店',
    '小餐馆',
    '餐馆',
    '饭店',
    '小吃',
    '小吃店',
    '面馆',
    '快餐',
  ],
  pharmacy: ['小药店', '药店', '药房', '医药', '零售药店', '诊所药房'],
  agri_supply: ['小农资店', '农资店', '农资', '农药店', '化肥店', '种子店'],
  market: ['小菜场', '菜场', '菜市场', '农贸市场', '集贸市场', '马路市场'],
  audio_video: ['小音像店', '音像店', '音像', '书店', '出版物', '音像制品', '书报亭'],
  beauty_salon: [
    '小美容美发店',
    '美容美发',
    '美容美发店',
    '美容',
    '美发',
    '理发',
    '理发店',
    '发廊',
    '美容院',
    '美甲',
  ],
  passenger_transport: ['小客运', '客运', '出租', '出租车', '面包车', '客运点', '三轮车'],
  lpg_point: ['小液化气供应点', '液化气', '液化气供应点', '液化气站', '燃气', '煤气', '瓶装气'],
};

const lookup = new Map<string, CategoryCode>();
for (const c of CATEGORIES) {
  lookup.set(c.code, c.code);
  lookup.set(c.name, c.code);
  lookup.set(c.nameEn.toLowerCase(), c.code);
  for (const s of SYNONYMS[c.code]) lookup.set(s, c.code);
}

/** The category a 行业 cell names (its name, code or a common synonym), or null. */
export function categoryFromText(text: string): CategoryCode | null {
  const t = text.trim().normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  if (t === '') return null;
  const exact = lookup.get(t) ?? lookup.get(t.replace(/类$/, ''));
  if (exact) return exact;
  // "餐饮（小吃）", "十小-美容美发": the longest synonym the text contains.
  let best: { code: CategoryCode; length: number } | null = null;
  for (const [name, code] of lookup) {
    if (
      name.length >= 2 &&
      /[\u4e00-\u9fff]/.test(name) &&
      t.includes(name) &&
      (!best || name.length > best.length)
    ) {
      best = { code, length: name.length };
    }
  }
  return best?.code ?? null;
}
