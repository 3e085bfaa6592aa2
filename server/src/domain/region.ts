/** Where a township sits, with the names people still write for its levels (江干区 became 钱塘区). */
export interface Region {
  province: string;
  city: string;
  district: string;
  districtOtherNames: readonly string[];
  township: string;
  townshipOtherNames: readonly string[];
}

const SHORT = /(?:省|市|自治区)$/u;
const COUNTY = /(?:区|县|市)$/u;
const TOWNSHIP = /(?:街道办事处|街道|镇|乡)$/u;

/**
 * The names of the township's own administrative chain as addresses write them: each level's
 * current and former names, the short forms of province, city and district (浙江, 杭州, 江干; taken
 * only before another of these names), and the township under either of 镇/乡/街道. An address
 * starting with any of these is about this township; one starting with another county's or
 * township's name is not.
 */
export function regionNames(r: Region): string[] {
  const names = new Set<string>();
  const add = (n: string) => {
    const name = n.normalize('NFKC').replace(/\s+/gu, '');
    if (name.length >= 2) names.add(name);
  };
  for (const n of [r.province, r.city]) {
    add(n);
    if (SHORT.test(n)) add(n.replace(SHORT, ''));
  }
  for (const n of [r.district, ...r.districtOtherNames]) {
    add(n);
    if (COUNTY.test(n) && n.length > 2) add(n.replace(COUNTY, ''));
  }
  // A 镇 that became a 街道 keeps its stem, and lists write either: 石塘镇, 石塘街道.
  for (const n of townshipNames(r)) {
    add(n);
    const stem = n.replace(TOWNSHIP, '');
    if (stem !== n) for (const suffix of ['镇', '乡', '街道', '街道办事处']) add(`${stem}${suffix}`);
  }
  return [...names];
}

/** The township's own names (current and former), for telling it from a same-named one elsewhere. */
export function townshipNames(r: Region): string[] {
  return [r.township, ...r.townshipOtherNames].filter((n) => n.trim().length >= 2);
}
