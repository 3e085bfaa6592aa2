import iconv from 'iconv-lite';

export type TextEncoding = 'UTF-8' | 'UTF-8 with BOM' | 'GB18030' | 'UTF-16LE' | 'UTF-16BE';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Said when the bytes end inside a character (a cut-off file). */
  warning?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes a text file the way Chinese offices save them: UTF-8 (with or without BOM), UTF-16
 * with BOM, or GBK/GB18030 (what Excel's "CSV" writes on a Chinese Windows). UTF-8 is taken
 * when the bytes are valid UTF-8; otherwise GB18030 (a superset of GBK and GB2312).
 * Returns null when the bytes are neither.
 */
export function decodeText(bytes: Uint8Array): DecodedText | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryUtf8(bytes.subarray(3));
    if (text !== null) return { text, encoding: 'UTF-8 with BOM' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'UTF-16BE' };
  const text = tryUtf8(bytes);
  if (text !== null) return { text, encoding: 'UTF-8' };
  // A UTF-8 file cut off inside its last character is still UTF-8.
  for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
    const head = tryUtf8(bytes.subarray(0, bytes.length - cut));
    if (head !== null && /[\u0080-\uffff]/.test(head)) {
      return {
        text: head,
        encoding: 'UTF-8',
        warning: 'the file ends in the middle of a character: it may be cut off',
      };
    }
  }
  const gb = iconv.decode(Buffer.from(bytes), 'gb18030');
  const bad = (gb.match(/\uFFFD/g) ?? []).length;
  if (bad > Math.max(2, gb.length / 1000)) return null;
  return { text: gb, encoding: 'GB18030' };
}

/** Whether the text holds Chinese characters (CJK Unified Ideographs). */
export function hasCjk(text: string): boolean {
  return /[\u4e00-\u9fff]/.test(text);
}
