import type { Polygonal } from '@domain/areas/point-in-polygon';
import { neutralise } from '@domain/csv-text';
import { type AreaPremise, fetchAreaPremises, fetchAreaPremisesCsv } from '../../api';
import { premiseSheet, safeFileName } from '../../lib/premise-sheet';
import type { Lang } from '../../lib/url-state';

const PAGE = 500;

/** Saves a blob as a file through a temporary link (an object URL: nothing leaves the page). */
function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function allPremises(geometry: Polygonal, at: string): Promise<AreaPremise[]> {
  const first = await fetchAreaPremises(geometry, at, 1, PAGE);
  const out = [...first.premises];
  for (let page = 2; page <= first.pages; page++) {
    out.push(...(await fetchAreaPremises(geometry, at, page, PAGE)).premises);
  }
  return out;
}

/** The premises inside on `at` as an Excel workbook, built here (exceljs loads on first use). */
export async function exportPremisesXlsx(geometry: Polygonal, at: string, title: string, lang: Lang) {
  const [premises, { default: ExcelJS }] = await Promise.all([allPremises(geometry, at), import('exceljs')]);
  const { header, rows } = premiseSheet(premises, lang);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(safeFileName(title).slice(0, 31));
  sheet.addRow([neutralise(`${title} · ${at}`)]).font = { bold: true, size: 13 };
  const head = sheet.addRow(header);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
  for (const row of rows) sheet.addRow(row);
  [14, 24, 14, 12, 10, 8, 36].forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  const buffer = await workbook.xlsx.writeBuffer();
  const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  download(new Blob([buffer], { type }), `${safeFileName(title)}-${at}.xlsx`);
}

/** The premises inside on `at` as the server's CSV. */
export async function exportPremisesCsv(geometry: Polygonal, at: string, title: string) {
  download(await fetchAreaPremisesCsv(geometry, at), `${safeFileName(title)}-${at}.csv`);
}
