import { CsvError, parse } from 'csv-parse/sync';
import { ImportError } from './import-error';

/**
 * The separator of a delimited text file: comma, tab or semicolon, whichever splits some line of
 * the first ten (title lines above the header have none) into the most cells.
 */
export function detectDelimiter(text: string): string {
  const lines = text
    .slice(0, 20_000)
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 10);
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';']) {
    for (const line of lines) {
      let count = 0;
      let quoted = false;
      for (const ch of line) {
        if (ch === '"') quoted = !quoted;
        else if (ch === d && !quoted) count++;
      }
      if (count > bestCount) [best, bestCount] = [d, count];
    }
  }
  return best;
}

/** The rows of a CSV (or tab/semicolon separated) text as arrays of cell strings. */
export function readDelimited(text: string): string[][] {
  try {
    return parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      relax_quotes: false,
      skip_empty_lines: true,
    }) as string[][];
  } catch (err) {
    if (err instanceof CsvError) {
      const at = typeof err.lines === 'number' ? err.lines : null;
      const unclosed = err.code === 'CSV_QUOTE_NOT_CLOSED';
      const why = err.message.replace(/^Invalid Record Length: /, '');
      throw new ImportError({
        en: `the CSV file cannot be read${at === null ? '' : ` at line ${at}`}: ${unclosed ? 'a quoted cell is never closed: the file may be cut off' : why}`,
        zh: `CSV 文件${at === null ? '' : `第 ${at} 行`}无法读取：${unclosed ? '有一个引号没有闭合，文件可能不完整' : `格式有误（${why}）`}`,
      });
    }
    throw err;
  }
}
