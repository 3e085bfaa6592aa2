import { doneCount } from '../progress';
import { type Doc, drawReportMap, type PdfFonts } from './pdf-map';
import type { WallMap } from './report-model';
import { campaignTitle, chineseDate, percent } from './report-text';

/** A3 landscape in PDF points: at 300 dpi, 4961 × 3508 pixels. */
export const A3_LANDSCAPE = { width: 1190.55, height: 841.89 } as const;

const MARGIN = 34;
/** Lettering and map furniture at A3 are this much larger than on the A4 reports. */
const K = 1.6;
const INK = '#1f2a37';
const MUTED = '#5b6673';

export function wallMapTitle(m: WallMap): string {
  const where = m.subject === m.township ? m.township : `${m.township}${m.subject}`;
  return `${campaignTitle(where)}分布图`;
}

/** The line under the title: as of when, for whom, how many, how far along. */
function subtitle(m: WallMap): string {
  const f = m.figures;
  return [
    `经营户状态截至 ${chineseDate(m.at)}`,
    m.scopeText ? `范围：${m.scopeText}` : null,
    `摸底 ${f.surveyed} 户，已完成整治 ${doneCount(f.byStatus)} 户，整治完成率 ${percent(f.progress, f.surveyed)}，无证照经营 ${f.unlicensed} 户`,
    m.sample ? '示例数据' : null,
  ]
    .filter((p): p is string => p !== null)
    .join('　·　');
}

/**
 * 整治分布图 on one A3 landscape page: a title band (title, date and headline numbers), the map as
 * large as the page allows with its legend, north arrow and scale bar, and a footer with the maker,
 * the projection and the date it was made. Vector throughout, so it prints sharp at 300 dpi or more.
 */
export function writeWallMap(doc: Doc, m: WallMap, fonts: PdfFonts): void {
  const { width, height } = A3_LANDSCAPE;
  const inner = width - 2 * MARGIN;
  let y = MARGIN - 6;
  doc.font(fonts.bold).fontSize(26).fillColor(INK);
  doc.text(wallMapTitle(m), MARGIN, y, { width: inner, align: 'center', lineBreak: false });
  y += 38;
  doc.font(fonts.regular).fontSize(11).fillColor(MUTED);
  doc.text(subtitle(m), MARGIN, y, { width: inner, align: 'center', lineBreak: false });
  y += 22;
  const footerY = height - MARGIN + 8;
  const box = { x: MARGIN, y, width: inner, height: footerY - 8 - y };
  drawReportMap(doc, m.map, box, fonts, K);
  doc.font(fonts.regular).fontSize(9).fillColor(MUTED);
  doc.text(
    `制图：${campaignTitle(m.township)}工作领导小组办公室　·　坐标系 WGS-84，Web 墨卡托投影　·　制图日期 ${chineseDate(m.madeOn)}`,
    MARGIN,
    footerY,
    { lineBreak: false },
  );
  const right = '十小整治一张图';
  doc.text(right, MARGIN + inner - doc.widthOfString(right), footerY, { lineBreak: false });
}
