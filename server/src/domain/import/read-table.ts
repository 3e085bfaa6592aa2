import { decodeText, type TextEncoding } from './decode-text';
import { headerScore } from './header-mapping';
import { ImportError } from './import-error';
import { readDelimited } from './read-delimited';
import { readWorkbook } from './read-workbook';

/** A list as read from a file: its header row and its data rows, numbered as the file shows them. */
export interface Table {
  format: 'csv' | 'xlsx';
  encoding: TextEncoding | null;
  sheet: string | null;
  headerRowNo: number;
  headers: string[];
  rows: { rowNo: number; cells: string[] }[];
  warnings: string[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** How to recognise the header row of a kind of list, and an example of one for the message when none is found. */
export interface HeaderRule {
  score(cells: readonly string[]): number;
  /** Column names written as a header row would be, e.g. 名称, 地址, 行业. */
  example: string;
}

const PREMISE_HEADER: HeaderRule = { score: headerScore, example: '名称, 地址, 行业' };

/** The header row: of the first ten rows, the one naming the most known fields (title rows come before it). */
function splitHeader(
  rows: { rowNo: number; cells: string[] }[],
  rule: HeaderRule,
): { header: number; score: number } {
  let header = 0;
  let score = -1;
  for (let i = 0; i < Math.min(10, rows.length); i++) {
    const s = rule.score(rows[i].cells);
    if (s > score) [header, score] = [i, s];
  }
  return { header, score };
}

/**
 * Reads a list (a premise list by default; `header` says how to find another kind's header row):
 * .xlsx (by content, whatever its name), or CSV/TSV text in UTF-8 (with or without BOM), UTF-16 or
 * GBK/GB18030. Refuses legacy .xls, binary junk, damaged workbooks and files with no data rows.
 */
export async function readTable(
  bytes: Uint8Array,
  fileName: string,
  sheet?: string,
  header: HeaderRule = PREMISE_HEADER,
): Promise<Table> {
  if (bytes.length === 0)
    throw new ImportError({ en: `${fileName} is empty`, zh: `${fileName} 是空文件` }, 422, 'empty');
  const warnings: string[] = [];
  let format: Table['format'];
  let encoding: TextEncoding | null = null;
  let sheetName: string | null = null;
  let rows: { rowNo: number; cells: string[] }[];
  if (startsWith(bytes, ZIP) || /\.xlsx$/i.test(fileName)) {
    const book = await readWorkbook(bytes, sheet);
    format = 'xlsx';
    sheetName = book.sheet;
    rows = book.rows;
  } else if (startsWith(bytes, OLE) || /\.xls$/i.test(fileName)) {
    throw new ImportError(
      {
        en: `${fileName} is an old Excel 97–2003 (.xls) workbook; open it in Excel or WPS and save it as .xlsx`,
        zh: `${fileName} 是旧版 Excel 97–2003（.xls）文件：请用 Excel 或 WPS 打开，另存为 .xlsx 后再上传`,
      },
      400,
      'unsupported_format',
    );
  } else {
    const decoded = decodeText(bytes);
    if (!decoded || decoded.text.includes(String.fromCharCode(0))) {
      throw new ImportError(
        {
          en: `${fileName} is neither an .xlsx workbook nor a CSV text file (UTF-8 or GBK)`,
          zh: `${fileName} 既不是 .xlsx 表格，也不是 CSV 文本文件（UTF-8 或 GBK 编码）：请另存为 .xlsx 或 CSV 后再上传`,
        },
        400,
        'unsupported_format',
      );
    }
    if (decoded.warning) warnings.push(decoded.warning);
    format = 'csv';
    encoding = decoded.encoding;
    rows = readDelimited(decoded.text)
      .map((cells, i) => ({ rowNo: i + 1, cells: cells.map((c) => c.trim()) }))
      .filter((r) => r.cells.some((c) => c !== ''));
  }
  if (rows.length === 0)
    throw new ImportError({ en: `${fileName} has no rows`, zh: `${fileName} 里没有任何内容` }, 422, 'empty');
  const found = splitHeader(rows, header);
  if (found.score < 2) {
    throw new ImportError(
      {
        en: `${fileName}: no header row found in the first ten rows; the first row should name the columns, e.g. ${header.example}`,
        zh: `${fileName}：前十行里找不到表头；第一行应写明各列名称，如：${header.example.replace(/, /g, '、')}`,
      },
      422,
      'no_header',
    );
  }
  const headerAt = found.header;
  const headers = rows[headerAt].cells.map((h) => h.replace(/\s+/g, ' ').trim());
  const data = rows.slice(headerAt + 1).map((r) => ({
    rowNo: r.rowNo,
    cells: headers.map((_, i) => r.cells[i] ?? ''),
  }));
  if (data.length === 0) {
    throw new ImportError(
      {
        en: `${fileName} has a header row but no data rows below it`,
        zh: `${fileName} 只有表头，下面没有数据行`,
      },
      422,
      'empty',
    );
  }
  return {
    format,
    encoding,
    sheet: sheetName,
    headerRowNo: rows[headerAt].rowNo,
    headers,
    rows: data,
    warnings,
  };
}
