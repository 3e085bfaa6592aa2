import { idNumber } from './id-number';
import type { Rng } from './prng';

/** Surnames weighted toward those common around Hangzhou. */
const SURNAMES = '沈陈王张徐朱钱俞孙周吴金胡章方姚潘汪施傅楼蒋何应邵李杨黄赵刘许郑冯高丁叶范陆顾';
const SURNAMES_MIGRANT = '王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯曹彭曾邓余';

const MALE = [
  '建华',
  '国庆',
  '志强',
  '建国',
  '建平',
  '国平',
  '海军',
  '永康',
  '建军',
  '卫东',
  '小龙',
  '伟民',
  '利民',
  '金根',
  '水根',
  '阿根',
  '德明',
  '雪林',
  '永明',
  '国良',
  '伟',
  '军',
  '强',
  '明',
  '杰',
  '勇',
  '斌',
  '刚',
  '晓东',
  '海峰',
  '荣华',
  '福林',
  '正华',
  '少波',
  '新华',
];
const FEMALE = [
  '秀英',
  '丽丽',
  '芳',
  '美玲',
  '红梅',
  '海燕',
  '金花',
  '彩凤',
  '丽华',
  '玉珍',
  '小燕',
  '雪芳',
  '月娥',
  '桂英',
  '素芬',
  '静',
  '燕',
  '娟',
  '丽娟',
  '美华',
  '惠芬',
  '菊英',
  '亚萍',
  '春燕',
  '晓红',
  '建萍',
  '阿芳',
];

export interface Person {
  name: string;
  /** Given name without the surname, for shop names like 建华便利店. */
  given: string;
  phone: string;
  idNumber: string;
}

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '186',
  '187',
  '188',
  '189',
];

/** An 11-digit mobile number of the 2008–2010 era. */
function mobileNumber(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

/** A shopkeeper: local people mostly, migrants more often in the urban fringe. */
export function person(rng: Rng, migrantShare: number): Person {
  const male = rng.chance(0.55);
  const migrant = rng.chance(migrantShare);
  const surname = rng.pick([...(migrant ? SURNAMES_MIGRANT : SURNAMES)]);
  const given = rng.pick(male ? MALE : FEMALE);
  return { name: surname + given, given, phone: mobileNumber(rng), idNumber: idNumber(rng, male, migrant) };
}
