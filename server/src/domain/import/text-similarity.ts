/** A name reduced for comparison: full-width folded, no spaces or punctuation, lower case. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
}

/** An address reduced for comparison: as a name, without the leading province/city/district. */
export function normaliseAddress(address: string): string {
  let a = normaliseName(address);
  for (let i = 0; i < 3; i++) {
    const m = /^[\u4e00-\u9fff]{2,7}?(省|自治区|市|区|县)/.exec(a);
    if (!m || m[0].length >= a.length - 2) break;
    a = a.slice(m[0].length);
  }
  return a;
}

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient of character bigrams, 0–1 (1 for equal strings). */
export function dice(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const ga = bigrams(a);
  const gb = bigrams(b);
  let common = 0;
  for (const [g, n] of ga) common += Math.min(n, gb.get(g) ?? 0);
  return (2 * common) / (a.length - 1 + (b.length - 1));
}

/**
 * How alike two addresses are, 0–1: the Dice coefficient of their normalised forms, halved when
 * both carry house numbers and the numbers differ (大唐村3组15号 is not 大唐村3组16号).
 */
export function addressSimilarity(a: string, b: string): number {
  const na = normaliseAddress(a);
  const nb = normaliseAddress(b);
  const score = dice(na, nb);
  const numbersA = na.match(/\d+/g)?.join(',') ?? '';
  const numbersB = nb.match(/\d+/g)?.join(',') ?? '';
  return numbersA && numbersB && numbersA !== numbersB ? score / 2 : score;
}
