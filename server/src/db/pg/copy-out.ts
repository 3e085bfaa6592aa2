/** What follows a backslash in COPY's text, and what it stands for (any other character: itself). */
const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

function unescapeCopy(field: string): string {
  return field.replace(/\\(.)/gsu, (_, c: string) => ESCAPES[c] ?? c);
}

/**
 * What a column of `readCopyRows` holds: an integer; a text; or a code, a short word of a few
 * (a record's type, a licence's): text, made a string once per reader and given again after.
 */
export type CopyKind = 'int' | 'text' | 'code';

/**
 * The rows of COPY's text format (SyncPg.copyTo's bytes; a line or a character may be split
 * between two chunks) read straight from its bytes, for columns known to hold integers, text or
 * codes: an integer is worked out from its digits, a text decoded alone, a code looked up among
 * those seen. Decoding each line and splitting it into strings, then numbers, took two thirds of
 * a model's start from PostgreSQL at a million premises (7 M records). Each row is handed to
 * `visit` in the same array: read it before returning. (A visit rather than a generator: a
 * generator's step a row was a tenth of that start.)
 */
export function readCopyRows(
  chunks: Iterable<Buffer>,
  kinds: readonly CopyKind[],
  visit: (row: readonly (number | string | null)[]) => void,
): void {
  const row: (number | string | null)[] = kinds.map(() => null);
  const kindCodes = Uint8Array.from(kinds, (k) => KIND_CODES[k]);
  const codes = new Map<number, string>();
  // The start of a line the last chunk ended inside: only that line is joined with the next chunk's
  // first (joining whole chunks copied every byte once more, a tenth of the reading at a million).
  let rest: Buffer | null = null;
  for (const chunk of chunks) {
    let start = 0;
    if (rest) {
      const end = chunk.indexOf(NEWLINE);
      if (end < 0) {
        rest = Buffer.concat([rest, chunk]);
        continue;
      }
      const line = Buffer.concat([rest, chunk.subarray(0, end)]);
      readTypedRow(line, 0, line.length, kindCodes, row, codes);
      visit(row);
      start = end + 1;
    }
    for (let end = chunk.indexOf(NEWLINE, start); end >= 0; end = chunk.indexOf(NEWLINE, start)) {
      readTypedRow(chunk, start, end, kindCodes, row, codes);
      visit(row);
      start = end + 1;
    }
    rest = start < chunk.length ? chunk.subarray(start) : null;
  }
  if (rest) throw new Error('COPY text ended in the middle of a row');
}

/** The kinds as numbers, for the loop over every field of millions of rows. */
const KIND_CODES: Record<CopyKind, number> = { int: 0, text: 1, code: 2 };
const INT = 0;
const CODE = 2;

const NEWLINE = 0x0a;
const TAB = 0x09;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;

/** How many different codes a reader keeps: past that, a column is not what its kind said and is decoded as text. */
const MAX_CODES = 4096;

/** The fields of the line bytes[at, end) into `row`, as `kinds` says, null for `\N`. */
function readTypedRow(
  bytes: Buffer,
  at: number,
  end: number,
  kinds: Uint8Array,
  row: unknown[],
  codes: Map<number, string>,
): void {
  for (let f = 0; f < kinds.length; f++) {
    if (f > 0) {
      if (bytes[at] !== TAB)
        throw new Error(`COPY row ${rowText(bytes, end)} has not the ${kinds.length} fields asked for`);
      at++;
    }
    const kind = kinds[f];
    if (bytes[at] === BACKSLASH && bytes[at + 1] === 0x4e && (at + 2 === end || bytes[at + 2] === TAB)) {
      row[f] = null;
      at += 2;
    } else if (kind === INT) {
      const negative = bytes[at] === MINUS;
      if (negative) at++;
      const from = at;
      let value = 0;
      for (let c = bytes[at]; c >= ZERO && c <= NINE; c = bytes[++at]) value = value * 10 + (c - ZERO);
      if (at === from || (at !== end && bytes[at] !== TAB))
        throw new Error(`COPY row ${rowText(bytes, end)}: field ${f + 1} is not an integer`);
      row[f] = negative ? -value : value;
    } else {
      const from = at;
      let escaped = false;
      // A code's bytes hashed on the way (its characters all ASCII, none escaped, or it is text).
      let hash = 0;
      let plain = kind === CODE;
      while (at < end && bytes[at] !== TAB) {
        const c = bytes[at++];
        if (c === BACKSLASH) escaped = true;
        if (plain) {
          hash = (Math.imul(hash, 31) + c) | 0;
          if (c >= 0x80 || c === BACKSLASH) plain = false;
        }
      }
      if (plain) {
        const known = codes.get(hash);
        if (known !== undefined && sameAscii(known, bytes, from, at)) {
          row[f] = known;
          continue;
        }
      }
      const text = from === at ? '' : bytes.toString('utf8', from, at);
      if (plain && codes.size < MAX_CODES) codes.set(hash, text);
      row[f] = escaped ? unescapeCopy(text) : text;
    }
  }
  if (at !== end)
    throw new Error(`COPY row ${rowText(bytes, end)} has more than the ${kinds.length} fields asked for`);
}

/** Whether bytes[from, to) are the ASCII characters of `text`. */
function sameAscii(text: string, bytes: Buffer, from: number, to: number): boolean {
  if (text.length !== to - from) return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== bytes[from + i]) return false;
  return true;
}

/** The line ending at `end`, for an error message. */
function rowText(bytes: Buffer, end: number): string {
  const start = bytes.lastIndexOf(NEWLINE, end - 1) + 1;
  return JSON.stringify(bytes.toString('utf8', start, Math.min(end, start + 200)));
}
