/**
 * A message in both of the product's languages: English for the CLI and API clients, Chinese for
 * the page (its first language). Written together at the one place that says it, so they never drift.
 */
export interface Bilingual {
  en: string;
  zh: string;
}

/** The `expected` and `expectedZh` of a row issue, from one message. */
export function expectedOf(m: Bilingual): { expected: string; expectedZh: string } {
  return { expected: m.en, expectedZh: m.zh };
}
