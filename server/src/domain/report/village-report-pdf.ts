import { type Doc, drawReportMap, type PdfFonts } from './pdf-map';
import {
  CONTENT_WIDTH,
  drawFooters,
  drawHeading,
  drawKpis,
  drawParagraph,
  drawSectionTitle,
  MARGIN,
  pageFlow,
  paragraphHeight,
  SECTION_TITLE_HEIGHT,
} from './pdf-page';
import { drawTable, tableHeight } from './pdf-table';
import type { Figures, ScoreSection, VillageReport } from './report-model';
import { scoreTable, tradeTable } from './report-tables';
import { campaignTitle, chineseDate, percent } from './report-text';

/** The headline boxes of a village or the township. */
export function headlineKpis(f: Figures, modelSites: number) {
  const done = f.surveyed - f.byStatus.pending - f.byStatus.rectifying;
  return [
    { label: '摸底户数', value: String(f.surveyed), unit: '户' },
    {
      label: '整治完成率',
      value: percent(f.progress, f.surveyed),
      unit: '',
      note: `已完成 ${done} 户`,
    },
    {
      label: '无证照经营',
      value: String(f.unlicensed),
      unit: '户',
      note: `占 ${percent(f.surveyed === 0 ? 0 : f.unlicensed / f.surveyed, f.surveyed)}`,
    },
    { label: '示范点', value: String(modelSites), unit: '个' },
    { label: '逾期未整改', value: String(f.overdue), unit: '户', note: '整改期限已过未复查' },
  ];
}

/** The report's title: 「丁桥镇三义村“十小”行业整治年度报告」. */
export function villageReportTitle(r: VillageReport): string {
  return `${campaignTitle(`${r.heading.township}${r.village.name}`)}年度报告`;
}

/** What the report says under the scorecard: the points, the verdict, the sign-off, the adjustments. */
function scoreLines(s: ScoreSection): string[] {
  const verdict = s.passed === null ? '尚未验收' : s.passed ? '验收通过' : '验收未通过';
  return [
    `计算得分 ${s.computed.toFixed(1)} 分，调整后 ${s.adjusted.toFixed(1)} 分；${s.meetsTargets ? '各项目标均已达到' : '尚有目标未达到'}；结论：${verdict}。`,
    s.signedOffBy
      ? `验收签字：${s.signedOffBy}${s.signedOffOn ? `（${chineseDate(s.signedOffOn)}）` : ''}`
      : '验收签字：',
    ...s.remarks.map((m) => `调整说明：${m}`),
  ];
}

/** The map's height on page 1: what is left when everything below it fits, within bounds; else the usual. */
const MAP_HEIGHT = { min: 200, usual: 292, max: 330 } as const;
const GAP = 14;

/**
 * 村级年度报告 on A4: heading, headline numbers, the village map, the table by trade and the
 * acceptance scorecard — on one page when the map can give way enough, flowing onto a second page
 * otherwise — with page footers. The document must have been made with bufferPages (for the footers).
 */
export function writeVillageReport(doc: Doc, r: VillageReport, fonts: PdfFonts): void {
  const title = villageReportTitle(r);
  const flow = pageFlow(doc, `${title}（${r.heading.year}年度）`, fonts);
  let y = drawHeading(doc, title, r.heading, fonts);
  y = drawKpis(doc, headlineKpis(r.figures, r.modelSites), y, fonts);
  const trades = tradeTable(r.byTrade, r.figures, CONTENT_WIDTH);
  const score = r.scorecard ? scoreTable(r.scorecard, CONTENT_WIDTH) : null;
  const lines = r.scorecard ? scoreLines(r.scorecard) : [];
  const scoreHeight = score
    ? GAP +
      SECTION_TITLE_HEIGHT +
      tableHeight(score) +
      8 +
      lines.reduce((h, l) => h + paragraphHeight(doc, l, fonts), 0)
    : 0;
  // A point to spare, so rounding never pushes the last line over the page's bottom.
  const room = flow.bottom - y - GAP - SECTION_TITLE_HEIGHT - tableHeight(trades) - scoreHeight - 1;
  const mapHeight = room >= MAP_HEIGHT.min ? Math.min(room, MAP_HEIGHT.max) : MAP_HEIGHT.usual;
  drawReportMap(doc, r.map, { x: MARGIN, y, width: CONTENT_WIDTH, height: mapHeight }, fonts);
  y += mapHeight + GAP;
  y = drawSectionTitle(doc, '分行业整治情况', y, fonts);
  y = drawTable(doc, trades, MARGIN, y, fonts, flow) + GAP;
  if (r.scorecard && score) {
    if (y + scoreHeight - GAP > flow.bottom) y = flow.newPage();
    y = drawSectionTitle(doc, `${r.heading.year}年度验收考核`, y, fonts);
    y = drawTable(doc, score, MARGIN, y, fonts, flow) + 8;
    for (const line of lines) y = drawParagraph(doc, line, y, fonts);
  }
  drawFooters(
    doc,
    `${campaignTitle(r.heading.township)}工作领导小组办公室 · ${r.heading.campaign} · 生成于 ${r.heading.madeOn}`,
    fonts,
  );
}
