import { K_ANONYMITY } from '../../../server/src/domain/display/k-anonymity';
import type { KpiKey } from './display-kpis';

/** Every word the big screen writes, in Chinese and English. Names of places come from the data. */
const zh = {
  screenTitle: '十小整治一张图',
  publicNotice: '整治进度公示',
  sample: '示例数据',
  live: '实时',
  replay: '回放',
  dataDate: '数据日期',
  reconnecting: '正在重新连接…',
  loading: '正在加载…',
  kpi: {
    surveyed: '建档经营户',
    progress: '整治完成率',
    done: '已完成整治',
    unlicensed: '无证经营',
    model: '示范点',
    remaining: '待整改',
  } satisfies Record<KpiKey, string>,
  unitHouseholds: '户',
  unitSites: '个',
  percent: '%',
  categories: '分行业整治进度',
  ranking: '村社区整治进度排行',
  chart: '整治完成率与年度目标',
  goal: '目标',
  actual: '实际',
  areas: '重点区域',
  yearGoals: '年度工作目标',
  /** In place of a figure that would describe fewer than K_ANONYMITY premises. */
  tooFew: `<${K_ANONYMITY}`,
  ticker: '最新整治动态',
  noNews: '暂无整治动态',
  legendProgress: '村社区完成率',
  legendHeat: `无证经营热力（每格≥${K_ANONYMITY}户）`,
  legendArea: '重点区域',
  villageSurveyed: '经营户',
  villageProgress: '完成率',
  villageUnlicensed: '无证经营',
  villageModel: '示范点',
  villageRank: '排名',
  weekdays: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
};

export type DisplayMessages = typeof zh;

const en: DisplayMessages = {
  screenTitle: 'Ten Small Industries Map',
  publicNotice: 'Public progress board',
  sample: 'Sample data',
  live: 'Live',
  replay: 'Replay',
  dataDate: 'Data as of',
  reconnecting: 'Reconnecting…',
  loading: 'Loading…',
  kpi: {
    surveyed: 'Premises on file',
    progress: 'Rectified',
    done: 'Done',
    unlicensed: 'Unlicensed',
    model: 'Model sites',
    remaining: 'To rectify',
  },
  unitHouseholds: '',
  unitSites: '',
  percent: '%',
  categories: 'Progress by trade',
  ranking: 'Villages by progress',
  chart: 'Progress against the annual goals',
  goal: 'Goal',
  actual: 'Actual',
  areas: 'Key areas',
  yearGoals: "The year's goals",
  tooFew: `<${K_ANONYMITY}`,
  ticker: 'Latest outcomes',
  noNews: 'No outcomes yet',
  legendProgress: 'Village progress',
  legendHeat: `Unlicensed (≥ ${K_ANONYMITY} a cell)`,
  legendArea: 'Key area',
  villageSurveyed: 'Premises',
  villageProgress: 'Rectified',
  villageUnlicensed: 'Unlicensed',
  villageModel: 'Model sites',
  villageRank: 'Rank',
  weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

export function displayMessages(lang: 'zh' | 'en'): DisplayMessages {
  return lang === 'en' ? en : zh;
}

/** A YYYY-MM-DD date as the screen writes it: 2009年6月30日, or 30 Jun 2009. */
export function formatDisplayDate(date: string, lang: 'zh' | 'en'): string {
  const [y, m, d] = date.split('-').map(Number);
  if (lang === 'zh') return `${y}年${m}月${d}日`;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1];
  return `${d} ${month} ${y}`;
}
