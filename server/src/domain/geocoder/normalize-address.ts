import { convertSlotNumerals } from './chinese-numerals';

/** Dashes people type between a number and its sub-number (23-1号). */
const DASHES = /[‐‑‒–—―−－~～]/gu;
/** Whitespace and the punctuation that separates parts of an address without meaning anything. */
const SEPARATORS = /[\s,，、。.;；:：'"“”‘’·•]+/gu;

/**
 * An address as people write it, made comparable: NFKC (full-width digits, letters and spaces to
 * half-width), no whitespace or separating punctuation, one kind of dash, brackets dropped but their
 * content kept, and Chinese numerals turned into digits in the number slots only (三组 → 3组,
 * 五十八号 → 58号; 九堡 and 三义村 stay as they are; `numeralNames` such as 八一 keep 八一六组 as 八一 6组).
 */
export function normalizeAddress(address: string, numeralNames: readonly string[] = []): string {
  const text = address
    .normalize('NFKC')
    .replace(DASHES, '-')
    .replace(/[()[\]【】〔〕<>《》]/gu, '')
    .replace(SEPARATORS, '')
    .replace(/#/gu, '号');
  return convertSlotNumerals(text, numeralNames)
    .replace(/第(?=\d+(?:组|村民小组|队|号|幢|栋|单元))/gu, '')
    .replace(/(\d+)(?:村民小组|小组)/gu, '$1组');
}
