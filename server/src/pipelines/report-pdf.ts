import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Doc, PdfFonts } from '../domain/report/pdf-map';
import type { TownshipReport, VillageReport, WallMap } from '../domain/report/report-model';
import { townshipReportTitle, writeTownshipReport } from '../domain/report/township-report-pdf';
import { villageReportTitle, writeVillageReport } from '../domain/report/village-report-pdf';
import { A3_LANDSCAPE, wallMapTitle, writeWallMap } from '../domain/report/wall-map-pdf';

/**
 * The Chinese font the reports embed: Noto Sans SC, whole TrueType files shipped in an npm package
 * (no system font is assumed; the server may run where no browser or font is installed). PDFKit
 * embeds only the glyphs a report uses, as a subset (ABCDEF+NotoSansSC-Regular), with a ToUnicode
 * map, so the text stays text: searchable and copyable.
 */
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

let fontBytes: { regular: Buffer; bold: Buffer } | null = null;

/** The two font files, read once (about 10 MB each) and kept for every later report. */
function fonts(): { regular: Buffer; bold: Buffer } {
  if (!fontBytes) {
    const require = createRequire(import.meta.url);
    fontBytes = {
      regular: readFileSync(require.resolve(FONT_FILES.regular)),
      bold: readFileSync(require.resolve(FONT_FILES.bold)),
    };
  }
  return fontBytes;
}

const NAMES: PdfFonts = { regular: 'NotoSansSC-Regular', bold: 'NotoSansSC-Bold' };

/** A document (A4 unless said) with the fonts registered, written by `write`, as bytes. */
function renderPdf(
  meta: { title: string; subject: string; author: string; keywords: string },
  write: (doc: Doc, fonts: PdfFonts) => void,
  size: 'A4' | [number, number] = 'A4',
): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size,
    margin: 0,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: meta.title,
      Subject: meta.subject,
      Author: meta.author,
      Keywords: meta.keywords,
      Creator: '十小整治一张图',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const bytes = fonts();
  doc.registerFont(NAMES.regular, bytes.regular);
  doc.registerFont(NAMES.bold, bytes.bold);
  doc.font(NAMES.regular);
  write(doc, NAMES);
  doc.end();
  return done;
}

const author = (township: string) => `${township}“十小”整治工作领导小组办公室`;

export function villageReportPdf(r: VillageReport): Promise<Uint8Array> {
  const title = `${villageReportTitle(r)}（${r.heading.year}年度）`;
  return renderPdf(
    {
      title,
      subject: `${r.village.name} ${r.heading.year}年度 统计截至 ${r.heading.at}`,
      author: author(r.heading.township),
      keywords: `十小整治, ${r.heading.township}, ${r.village.name}, ${r.heading.year}`,
    },
    (doc, f) => writeVillageReport(doc, r, f),
  );
}

export function townshipReportPdf(r: TownshipReport): Promise<Uint8Array> {
  const title = `${townshipReportTitle(r)}（${r.heading.year}年度）`;
  return renderPdf(
    {
      title,
      subject: `${r.heading.township} ${r.heading.year}年度 统计截至 ${r.heading.at}`,
      author: author(r.heading.township),
      keywords: `十小整治, ${r.heading.township}, ${r.heading.year}`,
    },
    (doc, f) => writeTownshipReport(doc, r, f),
  );
}

export function wallMapPdf(m: WallMap): Promise<Uint8Array> {
  return renderPdf(
    {
      title: wallMapTitle(m),
      subject: `${m.subject} 经营户状态截至 ${m.at}`,
      author: author(m.township),
      keywords: `十小整治, ${m.township}, ${m.subject}, ${m.at}`,
    },
    (doc, f) => writeWallMap(doc, m, f),
    [A3_LANDSCAPE.width, A3_LANDSCAPE.height],
  );
}
