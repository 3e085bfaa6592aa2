const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
/** 廿 and 卅 still turn up in hand-written lists (廿三号 = 23号). */
const TENS: Record<string, number> = { 廿: 20, 卅: 30 };

const NUMERAL_CHARS = '〇零一二两三四五六七八九十百千廿卅';

/**
 * The value of a Chinese numeral: 五十八 → 58, 十二 → 12, 一百零八 → 108, 一〇八 → 108 (read digit by
 * digit when it has no 十/百/千), 廿三 → 23. Null when it is not a whole numeral.
 */
export function parseChineseNumber(text: string): number | null {
  if (text.length === 0) return null;
  const chars = [...text];
  if (chars.some((c) => !NUMERAL_CHARS.includes(c))) return null;
  const hasUnits = chars.some((c) => c in UNITS || c in TENS);
  if (!hasUnits) {
    // 一〇八 / 二三: a digit string.
    return chars.reduce((n, c) => n * 10 + DIGITS[c], 0);
  }
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Number.POSITIVE_INFINITY;
  for (const c of chars) {
    if (c in DIGITS) {
      if (digit !== null && DIGITS[c] !== 0) return null; // 二三十: two digits in a row
      digit = DIGITS[c] === 0 ? null : DIGITS[c];
    } else if (c in TENS) {
      if (digit !== null || total > 0) return null;
      total = TENS[c];
      lastUnit = 10;
    } else {
      const unit = UNITS[c];
      if (unit >= lastUnit) return null; // 十百, 百百
      total += (digit ?? 1) * unit;
      digit = null;
      lastUnit = unit;
    }
  }
  return total + (digit ?? 0);
}

/** The slots a house-number part is written in: 3组, 58号, 2弄, 12幢/栋, 1单元, 301室. */
const SLOT = '(?:组|号|弄|幢|栋|单元|室)';

/**
 * A run of numerals (optionally after 第) right before a slot word. The run must not follow a
 * numeral (so the whole run is taken) — and it is only a slot number if what precedes is not part of
 * a name, which the caller checks.
 */
const SLOT_NUMERAL = new RegExp(`(第?)([${NUMERAL_CHARS}]+)(?=${SLOT})`, 'gu');

/**
 * Converts Chinese numerals written in a number slot to digits — 三组 → 3组, 五十八号 → 58号,
 * 十二幢 → 12幢, 第三组 → 3组 — and leaves every numeral inside a name alone (九堡, 三义村, 三里亭,
 * 五常): only a numeral followed directly by 组/号/弄/幢/栋/单元/室 is a slot number.
 */
export function convertSlotNumerals(text: string, numeralNames: readonly string[] = []): string {
  return convertTrailingNumber(text).replace(
    SLOT_NUMERAL,
    (whole, di: string, numeral: string, offset: number) => {
      const after = text.slice(offset + whole.length);
      // 一号路, 三号桥, 二号楼 as a building name: a 号 that starts a name is not a door number.
      if (after.startsWith('号') && /^号(?:路|街|巷|桥|线|港|河|码头|大道)/u.test(after)) return whole;
      const name = di === '' ? nameAhead(text.slice(0, offset), numeral, numeralNames) : '';
      const value = parseChineseNumber(numeral.slice(name.length));
      if (value === null) return whole;
      return `${name}${value}`;
    },
  );
}

/** A door number in numerals ending the address right after the road or 组, its 号 left off: 江东路三百三十七. */
const TRAILING_NUMERAL = new RegExp(`(?<=(?:路|街|巷|大道|弄|组))([${NUMERAL_CHARS}]+)$`, 'u');

function convertTrailingNumber(text: string): string {
  return text.replace(TRAILING_NUMERAL, (numeral: string) => {
    const value = parseChineseNumber(numeral);
    return value === null ? numeral : String(value);
  });
}

/**
 * A place name made of numerals that a slot number runs on from, when the 村 is left off: 八一六组
 * is 八一 (八一村) and 6组, not 816组. Only at the start of the text or right after a township or
 * county name, so 五星村八一组 stays 81组.
 */
function nameAhead(before: string, run: string, numeralNames: readonly string[]): string {
  if (before !== '' && !/(?:镇|乡|街道|区|县|市|省)$/u.test(before)) return '';
  return numeralNames.find((n) => run.startsWith(n) && run.length > n.length) ?? '';
}

/** Whether a name is written in numerals only (八一, 十八), so a slot number could run on from it. */
export function isNumeralName(name: string): boolean {
  return name.length > 0 && [...name].every((c) => NUMERAL_CHARS.includes(c));
}
