import ExcelJS from 'exceljs';
import { neutralise } from '../csv-text';
import type { LedgerCell } from './premise-ledger';

export interface SheetSpec {
  sheetName: string;
  /** The title row above the header, e.g. 丁桥镇十小整治台账（2009-06-30）. */
  title: string;
  /** A line under the title saying what is in it (filters, date, masking). */
  subtitle: string;
  columns: readonly { header: string; width: number }[];
  rows: Iterable<readonly LedgerCell[]>;
}

/**
 * A formatted ledger workbook (台账): title and subtitle rows, a bold, shaded, frozen header with
 * a filter, set column widths, thin borders. Text cells that a spreadsheet would run as a formula
 * (= + - @, tab, CR at the start) are written with a leading apostrophe.
 */
export async function ledgerXlsx(spec: SheetSpec): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '十小整治一张图';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 3 }] });
  const width = spec.columns.length;
  sheet.columns = spec.columns.map((c) => ({ width: c.width }));
  sheet.mergeCells(1, 1, 1, width);
  const title = sheet.getCell(1, 1);
  title.value = neutralise(spec.title);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 28;
  sheet.mergeCells(2, 1, 2, width);
  const subtitle = sheet.getCell(2, 1);
  subtitle.value = neutralise(spec.subtitle);
  subtitle.font = { size: 10, color: { argb: 'FF555555' } };
  const header = sheet.getRow(3);
  header.values = spec.columns.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.height = 20;
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  let count = 0;
  for (const row of spec.rows) {
    sheet.addRow(row.map((v) => (typeof v === 'string' ? neutralise(v) : v)));
    count++;
  }
  sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3 + count, column: width } };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
