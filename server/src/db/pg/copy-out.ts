import { StringDecoder } from 'node:string_decoder';

/**
 * The rows of COPY's text format (SyncPg.copyTo's bytes), each as its fields: text, or null for
 * `\N`. A line or a character may be split between two chunks.
 */
export function* copyRows(chunks: Iterable<Buffer>): Generator<(string | null)[]> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for (const chunk of chunks) {
    const text = rest + decoder.write(chunk);
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      yield copyFields(text.slice(start, end));
      start = end + 1;
    }
    rest = text.slice(start);
  }
  rest += decoder.end();
  if (rest !== '') throw new Error('COPY text ended in the middle of a row');
}

function copyFields(line: string): (string | null)[] {
  const fields: (string | null)[] = line.split('\t');
  if (!line.includes('\\')) return fields;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i] as string;
    if (f === '\\N') fields[i] = null;
    else if (f.includes('\\')) fields[i] = unescapeCopy(f);
  }
  return fields;
}

/** What follows a backslash in COPY's text, and what it stands for (any other character: itself). */
const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

function unescapeCopy(field: string): string {
  return field.replace(/\\(.)/gsu, (_, c: string) => ESCAPES[c] ?? c);
}
