/** Characters that make a spreadsheet read a cell as a formula (and tab / CR, which some also do). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as text a spreadsheet will show and never run: formulas get a leading apostrophe. */
export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? neutralise(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (without its line end), cells quoted and neutralised as csvText does. */
export function csvLine(row: readonly (string | number | boolean | null)[]): string {
  return row.map(cell).join(',');
}

/** What starts a CSV file for Excel: the byte-order mark that makes it read UTF-8. */
export const CSV_BOM = '\uFEFF';

/**
 * CSV for Excel users: UTF-8 with a byte-order mark (so Excel reads the Chinese), CRLF line ends,
 * quoting where needed, and text cells that start a formula neutralised (CSV injection).
 */
export function csvText(
  header: readonly string[],
  rows: Iterable<readonly (string | number | boolean | null)[]>,
): string {
  const lines = [csvLine(header)];
  for (const row of rows) lines.push(csvLine(row));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
