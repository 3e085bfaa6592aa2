import ExcelJS from 'exceljs';
import { formatDay } from '../dates';
import { ImportError } from './import-error';

const MS_PER_DAY = 86_400_000;

/** A cell's value as the text a person sees: dates as YYYY-MM-DD, formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    // Excel keeps 15 significant digits: a longer number (an ID typed into a number cell) has lost
    // its last digits, so it is shown as Excel shows it (3.30181E+17) and never read as a valid ID.
    if (Math.abs(value) >= 1e15) return value.toExponential(5).toUpperCase();
    return Number.isInteger(value) ? value.toFixed(0) : String(value);
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return formatDay(Math.floor(value.getTime() / MS_PER_DAY));
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

export interface SheetRows {
  sheet: string;
  /** Each row with its number as Excel shows it. */
  rows: { rowNo: number; cells: string[] }[];
}

/**
 * The rows of one worksheet of an .xlsx file: the one named `sheetName`, or else the first with
 * any data. Refuses a damaged or cut-off file and a workbook with no data.
 */
export async function readWorkbook(bytes: Uint8Array, sheetName?: string): Promise<SheetRows> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new ImportError({
      en: `the Excel file is damaged or cut off and cannot be opened (${why}); save it again as .xlsx`,
      zh: `Excel 文件已损坏或不完整，无法打开（${why}）：请重新另存为 .xlsx 后再上传`,
    });
  }
  const sheets = workbook.worksheets;
  if (sheets.length === 0)
    throw new ImportError({ en: 'the Excel file has no worksheets', zh: '该 Excel 文件里没有工作表' });
  let sheet: ExcelJS.Worksheet | undefined;
  if (sheetName !== undefined) {
    sheet = sheets.find((s) => s.name === sheetName);
    if (!sheet) {
      const names = sheets.map((s) => s.name);
      throw new ImportError({
        en: `the Excel file has no worksheet ${JSON.stringify(sheetName)} (it has ${names.join(', ')})`,
        zh: `该 Excel 文件里没有名为“${sheetName}”的工作表（现有：${names.join('、')}）`,
      });
    }
  } else {
    sheet = sheets.find((s) => s.actualRowCount > 0) ?? sheets[0];
  }
  const rows: SheetRows['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNo) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value).trim();
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    if (cells.some((c) => c !== '')) rows.push({ rowNo, cells });
  });
  if (rows.length === 0)
    throw new ImportError(
      {
        en: `the worksheet ${JSON.stringify(sheet.name)} is empty: there are no rows to import`,
        zh: `工作表“${sheet.name}”是空的，没有可导入的行`,
      },
      422,
      'empty',
    );
  return { sheet: sheet.name, rows };
}
