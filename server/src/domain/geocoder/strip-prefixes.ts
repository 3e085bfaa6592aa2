/**
 * Administrative names end like this: 浙江省, 杭州市, 上城区, 余杭县, 丁桥镇, 丁兰街道. 社区 ends in 区
 * too but is a community, not a district, so it is excluded.
 */
const ADMIN_SUFFIX = /(?:省|自治区|市|(?<!社)区|县|镇|乡|街道|街道办事处)$/u;

/** Whether a name is a province, city, district or township name (by how it ends). */
export function isAdminName(name: string): boolean {
  return ADMIN_SUFFIX.test(name);
}

/**
 * The administrative names an address may start with: the township's own chain (`region`, see
 * domain/region.ts) and every alias whose source or target is an administrative name (浙江 → 浙江省,
 * 江干区 → 上城区, 丁桥镇 → 丁兰街道), both sides of it. Longest first, so 丁兰街道办事处 is stripped
 * before 丁兰街道.
 */
export function adminPrefixes(
  aliases: readonly { from: string; to: string }[],
  region: readonly string[] = [],
): string[] {
  const names = new Set<string>(region);
  for (const a of aliases) {
    if (isAdminName(a.to) || isAdminName(a.from)) {
      names.add(a.from);
      names.add(a.to);
    }
  }
  return [...names].filter((n) => n.length > 0).sort((a, b) => b.length - a.length);
}

export interface StrippedAddress {
  /** What is left after the prefixes: 大唐村1组23号. */
  rest: string;
  /** The prefixes taken off, as written: ['杭州市', '江干区', '丁桥镇']. */
  stripped: string[];
}

const ROAD_END = /(?:大道|大街|公路|路|街|巷|弄)$/u;
const TOWNSHIP_END = /(?:镇|乡|街道|街道办事处)$/u;

/**
 * The known township name a slightly mistyped prefix stands for (丁乔镇 → 丁桥镇, 丁兰佳道 → 丁兰街道):
 * the same length, one character off, ending the same way; only for names of three characters or more.
 */
function misspelledPrefix(text: string, prefixes: readonly string[]): string | null {
  for (const p of prefixes) {
    const chars = [...p];
    // Only townships: a city or district one character off is usually another one (台州市, 杭州市).
    if (chars.length < 3 || !TOWNSHIP_END.test(p)) continue;
    const head = [...text].slice(0, chars.length);
    if (head.length < chars.length || head.length === [...text].length) continue;
    if (head[head.length - 1] !== chars[chars.length - 1]) continue;
    // 石塘大道 is a road one character off 石塘街道, not a misspelled township.
    if (ROAD_END.test(head.join(''))) continue;
    if (head.filter((c, i) => c !== chars[i]).length === 1) return head.join('');
  }
  return null;
}

/** The known prefix `text` starts with (or one character off one), if more text follows it. */
function prefixAt(text: string, prefixes: readonly string[]): string | null {
  return (
    prefixes.find((p) => text.startsWith(p) && text.length > p.length) ?? misspelledPrefix(text, prefixes)
  );
}

/**
 * Takes the province, city, district and township off the front of a normalised address, in any
 * order and with former names (杭州市江干区丁桥镇…, 上城区丁兰街道…, 丁桥镇…) — only names the township's
 * chain and the alias table know (or one character off one of them, ending the same way), so a
 * village or road that happens to start like a township (丁桥社区, 丁桥大道) is never cut. A short
 * form without its ending (杭州, 江干) is taken only when another known name follows it (杭州钱塘…),
 * so 江干路 stays a road. `prefixes` comes from adminPrefixes().
 */
export function stripPrefixes(address: string, prefixes: readonly string[]): StrippedAddress {
  const stripped: string[] = [];
  let rest = address;
  for (;;) {
    const hit = prefixAt(rest, prefixes);
    if (!hit) break;
    const short = prefixes.includes(hit) && !isAdminName(hit);
    if (short && !prefixAt(rest.slice(hit.length), prefixes)) break;
    stripped.push(hit);
    rest = rest.slice(hit.length);
  }
  return { rest, stripped };
}
