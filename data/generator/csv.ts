/** A value as one RFC 4180 field: quoted when it holds a comma, a quote, CR or LF; empty for null/undefined. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, fields escaped and joined, ending in CRLF. */
export function csvRow(fields: readonly (string | number | null | undefined)[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) line += (i ? ',' : '') + csvField(fields[i]);
  return `${line}\r\n`;
}
