import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text';

const text = '名称,地址\n阿林小卖部,丁桥镇大唐村1组23号\n';

describe('decodeText', () => {
  it('reads UTF-8 with a byte-order mark', () => {
    const d = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]));
    expect(d).toEqual({ text, encoding: 'UTF-8 with BOM' });
  });
  it('reads UTF-8 without one', () => {
    expect(decodeText(new TextEncoder().encode(text))).toEqual({ text, encoding: 'UTF-8' });
  });
  it('reads GBK, as Excel saves CSV on a Chinese Windows', () => {
    expect(decodeText(new Uint8Array(iconv.encode(text, 'gbk')))).toEqual({ text, encoding: 'GB18030' });
  });
  it('reads GB18030 characters outside GBK', () => {
    const rare = '䶮记小吃,𠀀村\n';
    expect(decodeText(new Uint8Array(iconv.encode(rare, 'gb18030')))?.text).toBe(rare);
  });
  it('reads UTF-16 with a byte-order mark', () => {
    expect(decodeText(new Uint8Array(iconv.encode(`\uFEFF${text}`, 'utf-16le')))?.text).toBe(text);
  });
  it('says when UTF-8 is cut off inside a character', () => {
    const bytes = new TextEncoder().encode(text.trim());
    const d = decodeText(bytes.subarray(0, bytes.length - 1));
    expect(d?.encoding).toBe('UTF-8');
    expect(d?.warning).toMatch(/cut off/);
  });
  it('refuses bytes that are neither UTF-8 nor GBK', () => {
    const junk = new Uint8Array(4096).map((_, i) => ((i * 7919) % 256) | 0x80);
    expect(decodeText(junk)).toBeNull();
  });
});
