import iconv from 'iconv-lite';
import { hasCjk } from './decode-text';

/** The encoding chosen for a .dbf's text, and why. */
export interface DbfEncoding {
  /** A TextDecoder label: utf-8, gb18030, windows-1250 … */
  label: string;
  reason: string;
}

/** Language-driver ids (byte 29 of the header) that mean a Chinese code page. */
const CHINESE_LDID = new Set([0x4d, 0x7a]);

/** The TextDecoder label a .cpg names (UTF-8, 936, GBK, ANSI 1250 …), or null when it names none. */
export function labelFromCpg(cpg: string): string | null {
  const t = cpg.trim();
  if (t === '' || t.length > 40 || /[<>]/.test(t)) return null;
  const candidates = [
    t,
    t.replace(/^ANSI\s*/i, 'windows-'),
    /^\d+$/.test(t) ? `windows-${t}` : t,
    /^(cp)?936$/i.test(t) ? 'gbk' : t,
  ];
  for (const c of candidates) {
    try {
      return new TextDecoder(c.toLowerCase()).encoding;
    } catch {
      // not a label TextDecoder knows; try the next spelling
    }
  }
  return null;
}

/** The bytes of a .dbf that are text: the field names and the records (not the binary header fields). */
function textBytes(dbf: Uint8Array): Uint8Array {
  if (dbf.length < 32) return new Uint8Array();
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const headerLen = Math.min(view.getUint16(8, true), dbf.length);
  const parts: Uint8Array[] = [];
  for (let o = 32; o + 32 <= headerLen && dbf[o] !== 0x0d; o += 32) {
    const name = dbf.subarray(o, o + 11);
    const end = name.indexOf(0);
    parts.push(end < 0 ? name : name.subarray(0, end));
  }
  parts.push(dbf.subarray(headerLen, dbf[dbf.length - 1] === 0x1a ? dbf.length - 1 : dbf.length));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let k = 0;
  for (const p of parts) {
    out.set(p, k);
    out[k + p.length] = 0x20;
    k += p.length + 1;
  }
  return out;
}

function validUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides how to decode a .dbf: as its .cpg says (when the .cpg is a real code page and the bytes
 * agree); else by its language-driver byte (GBK); else UTF-8 when the bytes are valid UTF-8; else
 * GB18030 when that yields Chinese (a GBK .dbf without .cpg, as Chinese ArcGIS and QGIS write
 * them); else Windows-1252.
 */
export function dbfEncoding(dbf: Uint8Array, cpg?: string): DbfEncoding {
  const text = textBytes(dbf);
  const ascii = text.every((b) => b < 0x80);
  if (cpg !== undefined) {
    const label = labelFromCpg(cpg);
    if (label && !(label === 'utf-8' && !validUtf8(text)))
      return { label, reason: `.cpg says ${cpg.trim()}` };
  }
  const cpgNote = cpg === undefined ? 'no .cpg' : label(cpg);
  if (ascii) return { label: 'utf-8', reason: `${cpgNote}; the text is plain ASCII` };
  if (CHINESE_LDID.has(dbf[29]))
    return { label: 'gb18030', reason: `${cpgNote}; the .dbf header marks code page 936 (GBK)` };
  if (validUtf8(text)) return { label: 'utf-8', reason: `${cpgNote}; the text is valid UTF-8` };
  const gb = iconv.decode(Buffer.from(text), 'gb18030');
  if (hasCjk(gb) && !gb.includes('\uFFFD')) {
    return {
      label: 'gb18030',
      reason: `${cpgNote}; the text is not UTF-8 and reads as Chinese in GBK/GB18030`,
    };
  }
  return {
    label: 'windows-1252',
    reason: `${cpgNote}; the text is neither UTF-8 nor GBK: read as Windows-1252`,
  };
}

function label(cpg: string): string {
  const t = cpg.trim();
  return `the .cpg (${JSON.stringify(t.length > 20 ? `${t.slice(0, 20)}…` : t)}) names no code page we know`;
}
