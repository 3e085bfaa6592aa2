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
 * The administrative names an address may start with: every alias whose source or target is an
 * administrative name (浙江 → 浙江省, 江干区 → 上城区, 丁桥镇 → 丁兰街道), both sides of it. Longest
 * first, so 丁兰街道办事处 is stripped before 丁兰街道.
 */
export function adminPrefixes(aliases: readonly { from: string; to: string }[]): string[] {
  const names = new Set<string>();
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

/**
 * The known name a slightly mistyped prefix stands for (丁乔镇 → 丁桥镇, 丁兰佳道 → 丁兰街道): the same
 * length, one character off, ending the same way; only for names of three characters or more.
 */
function misspelledPrefix(text: string, prefixes: readonly string[]): string | null {
  for (const p of prefixes) {
    const chars = [...p];
    if (chars.length < 3) continue;
    const head = [...text].slice(0, chars.length);
    if (head.length < chars.length || head.length === [...text].length) continue;
    if (head[head.length - 1] !== chars[chars.length - 1]) continue;
    if (head.filter((c, i) => c !== chars[i]).length === 1) return head.join('');
  }
  return null;
}

/**
 * Takes the province, city, district and township off the front of a normalised address, in any
 * order and with former names (杭州市江干区丁桥镇…, 上城区丁兰街道…, 丁桥镇…) — only names the alias
 * table knows (or one character off one of them, ending the same way), so a village or road that
 * happens to start like a township (丁桥社区, 丁桥大道) is never cut. `prefixes` comes from adminPrefixes().
 */
export function stripPrefixes(address: string, prefixes: readonly string[]): StrippedAddress {
  const stripped: string[] = [];
  let rest = address;
  for (;;) {
    const hit =
      prefixes.find((p) => rest.startsWith(p) && rest.length > p.length) ?? misspelledPrefix(rest, prefixes);
    if (!hit) break;
    stripped.push(hit);
    rest = rest.slice(hit.length);
  }
  return { rest, stripped };
}
