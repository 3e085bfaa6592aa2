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
} from './pdf-page';
import { drawTable } from './pdf-table';
import type { GoalCheck, TownshipReport } from './report-model';
import { townshipTable, tradeTable, villageTable } from './report-tables';
import { campaignTitle, percent } from './report-text';
import { headlineKpis } from './village-report-pdf';

export function townshipReportTitle(r: TownshipReport): string {
  return `${campaignTitle(r.heading.township)}年度汇总报告`;
}

/** The year's goal against the record, as sentences. */
export function goalLines(g: GoalCheck, year: number): string[] {
  return [
    `${year}年度目标「${g.title}」：${g.goals.join('；')}。`,
    `整治完成率目标 ${percent(g.targetProgress)}，实际 ${percent(g.actualProgress)}，${g.met ? '已达到' : '未达到'}。` +
      `已树立示范点的行业 ${g.tradesWithModel} 个（共 ${g.trades} 个）。` +
      (g.villagesPassed
        ? `年度验收通过的村（社区）${g.villagesPassed.passed} 个（共 ${g.villagesPassed.of} 个）。`
        : ''),
  ];
}

/**
 * 全镇年度汇总 on A4: heading, headline numbers, the township map with the villages coloured by
 * progress, the year's goal against the record, the villages ranked (a district's: its townships)
 * and the trades.
 */
export function writeTownshipReport(doc: Doc, r: TownshipReport, fonts: PdfFonts): void {
  const title = townshipReportTitle(r);
  const flow = pageFlow(doc, `${title}（${r.heading.year}年度）`, fonts);
  let y = drawHeading(doc, title, r.heading, fonts);
  y = drawKpis(doc, headlineKpis(r.figures, r.modelSites), y, fonts);
  const mapHeight = 360;
  drawReportMap(doc, r.map, { x: MARGIN, y, width: CONTENT_WIDTH, height: mapHeight }, fonts);
  y += mapHeight + 14;
  if (r.goal) {
    y = drawSectionTitle(doc, `${r.heading.year}年度目标完成情况`, y, fonts);
    for (const line of goalLines(r.goal, r.heading.year)) y = drawParagraph(doc, line, y, fonts);
    y += 8;
  }
  const withAcceptance = r.villages.some((v) => v.passed !== null);
  const district = r.townships.length > 0;
  y = drawSectionTitle(
    doc,
    district ? '各乡镇（街道）整治情况（按整治完成率排名）' : '各村（社区）整治情况（按整治完成率排名）',
    y,
    fonts,
  );
  const table = district
    ? townshipTable(r.townships, r.figures, CONTENT_WIDTH)
    : villageTable(r.villages, r.figures, CONTENT_WIDTH, withAcceptance);
  y = drawTable(doc, table, MARGIN, y, fonts, flow) + 14;
  if (y + 20 + 15 * 5 > flow.bottom) y = flow.newPage();
  y = drawSectionTitle(doc, '分行业整治情况', y, fonts);
  drawTable(doc, tradeTable(r.byTrade, r.figures, CONTENT_WIDTH), MARGIN, y, fonts, flow);
  drawFooters(
    doc,
    `${campaignTitle(r.heading.township)}工作领导小组办公室 · ${r.heading.campaign} · 生成于 ${r.heading.madeOn}`,
    fonts,
  );
}
