import type { Rng } from './prng';

/** Villages (村) of the demo township, in the style of the former 江干区. The first two lie under the hills. */
export const DINGQIAO_VILLAGES = [
  '沿山村',
  '皋城村',
  '大唐村',
  '长睦村',
  '勤丰村',
  '同协村',
  '后珠村',
  '赵家村',
  '建塘村',
  '三义村',
  '白马庄村',
  '明月桥村',
  '新塘村',
  '永丰村',
  '方桥村',
  '杨家村',
  '蒋家桥村',
] as const;

/** Communities (社区); the first is the town centre around the market. */
export const DINGQIAO_COMMUNITIES = [
  '丁桥社区',
  '蕙兰社区',
  '华鹤社区',
  '兰家湾社区',
  '景苑社区',
  '皋亭社区',
] as const;

export const DINGQIAO_MAIN_ROADS = ['长睦路', '同协路', '丁桥大道'] as const;

export const HILL_NAMES = ['皋亭山', '黄鹤山', '半山'] as const;

const FIRST =
  '东西南北新上下大小长高石杨李王陈沈钱俞金龙凤青永丰安和兴盛福明德仁义花梅桃竹松柳河塘湾港桥庄山圣洪';
const SECOND = '丰安和兴盛福明德仁义花梅桃竹松柳塘湾港桥庄山家墩浜溪坝田圩埠园林泉';

const NUMERALS = '零一二三四五六七八九';

/** 2 → 二, 12 → 十二, 20 → 二十: how a township number reads in its name. */
export function chineseNumber(n: number): string {
  if (n < 10) return NUMERALS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : NUMERALS[tens]}十${ones === 0 ? '' : NUMERALS[ones]}`;
}

/** A two-character place stem not yet in `taken` (which it then joins). */
export function freshStem(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const stem = rng.pick([...FIRST]) + rng.pick([...SECOND]);
    if (stem[0] !== stem[1] && !taken.has(stem)) {
      taken.add(stem);
      return stem;
    }
  }
}

/** The name without its 村/社区 ending: 白马庄村 → 白马庄. */
export function placeStem(name: string): string {
  return name.replace(/(社区|村)$/, '');
}
