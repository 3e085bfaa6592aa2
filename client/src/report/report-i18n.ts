import type { Lang } from '../lib/url-state';
import { useStore } from '../store';

/** Labels of the reports section (报表) of the export tab. */
const zh = {
  title: '年度报表与台账',
  hint: '由服务器生成：PDF 在新标签页打开，可直接打印；台账为 Excel，按县级检查格式（合并标题、合计行）。',
  year: '年度',
  village: '村（社区）',
  trade: '行业',
  villageReport: '村级年度报告（A4 PDF）',
  townshipReport: '{place}年度汇总（A4 PDF）',
  wallMap: '{place}分布图（A3 PDF，{date}）',
  /** {place} on a record of one township and of a district (drilled into a township: its name). */
  wholeTownship: '全镇',
  wholeDistrict: '全区',
  villageLedger: '村级台账（Excel）',
  tradeLedger: '行业台账（Excel）',
};

export type ReportMessages = typeof zh;

const en: ReportMessages = {
  title: 'Annual reports and ledgers',
  hint: 'Made by the server: PDFs open in a new tab, ready to print; ledgers are Excel in the county inspection layout (merged title, totals row).',
  year: 'Year',
  village: 'Village',
  trade: 'Trade',
  villageReport: 'Village report (A4 PDF)',
  townshipReport: '{place} summary (A4 PDF)',
  wallMap: '{place} wall map (A3 PDF, {date})',
  wholeTownship: 'Township',
  wholeDistrict: 'District',
  villageLedger: 'Village ledger (Excel)',
  tradeLedger: 'Trade ledger (Excel)',
};

const TABLES: Record<Lang, ReportMessages> = { zh, en };

/** The reports section's labels in the page's language. */
export function useReportText(): ReportMessages {
  return TABLES[useStore((s) => s.lang)];
}
