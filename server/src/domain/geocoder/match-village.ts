import { editDistance } from './edit-distance';
import { isAdminName } from './strip-prefixes';
import type { GazetteerVillage } from './types';

const KIND_SUFFIX = /(?:村民委员会|村委会|村|社区居委会|社区|居委会)$/u;

/** A village's name without its 村/社区 ending: 白马庄村 → 白马庄, 丁桥社区 → 丁桥. */
export function placeStem(name: string): string {
  return name.replace(KIND_SUFFIX, '');
}

export type VillageMatchKind = 'exact' | 'alias' | 'stem' | 'prefixed' | 'fuzzy';

export interface VillageMatch {
  village: GazetteerVillage;
  how: VillageMatchKind;
}

/** The villages of a gazetteer arranged for matching names against them. */
export interface VillageLookup {
  villages: readonly GazetteerVillage[];
  byName: Map<string, GazetteerVillage>;
  /** Former name → current name, for names that are villages. */
  aliasTo: Map<string, string>;
  byStem: Map<string, GazetteerVillage[]>;
  /** Administrative names and their stems (丁桥镇, 丁桥): text that may stand before a village name. */
  adminTexts: Set<string>;
}

export function buildVillageLookup(
  villages: readonly GazetteerVillage[],
  aliases: readonly { from: string; to: string }[],
  adminNames: readonly string[],
): VillageLookup {
  const byName = new Map(villages.map((v) => [v.name, v]));
  const aliasTo = new Map<string, string>();
  for (const a of aliases) if (byName.has(a.to)) aliasTo.set(a.from, a.to);
  const byStem = new Map<string, GazetteerVillage[]>();
  for (const v of villages) {
    const stem = placeStem(v.name);
    byStem.set(stem, [...(byStem.get(stem) ?? []), v]);
  }
  const adminTexts = new Set<string>();
  for (const n of adminNames) {
    adminTexts.add(n);
    adminTexts.add(n.replace(/(?:街道办事处|街道|镇|乡|区|县|市|省)$/u, ''));
  }
  return { villages, byName, aliasTo, byStem, adminTexts };
}

function kindOf(name: string): 'village' | 'community' | null {
  if (/(?:村|村委会|村民委员会)$/u.test(name)) return 'village';
  if (/(?:社区|居委会)$/u.test(name)) return 'community';
  return null;
}

function exactOrAlias(name: string, lookup: VillageLookup): VillageMatch | null {
  const exact = lookup.byName.get(name);
  if (exact) return { village: exact, how: 'exact' };
  const to = lookup.aliasTo.get(name);
  const aliased = to === undefined ? undefined : lookup.byName.get(to);
  return aliased ? { village: aliased, how: 'alias' } : null;
}

function byStem(name: string, lookup: VillageLookup): GazetteerVillage | null {
  // 新村 written for 新村村: the written name may be the stem itself.
  const candidates = lookup.byStem.get(placeStem(name)) ?? lookup.byStem.get(name) ?? [];
  if (candidates.length === 1) return candidates[0];
  // 丁桥村 and 丁桥社区 both exist: only the ending written can tell them apart.
  const kind = kindOf(name);
  const ofKind = candidates.filter((v) => kindOf(v.name) === kind);
  return kind && ofKind.length === 1 ? ofKind[0] : null;
}

/**
 * The village or community a written name means: the exact name, a former name through the alias
 * table, the same stem with or without 村/社区 (大唐 = 大唐村; 丁桥村 = 丁桥社区 when only the community
 * exists, as after 村改居), the name after an administrative
 * prefix the stripper did not know (丁桥大唐村), and last a one-character typo for names of three
 * characters or more (大堂村 → 大唐村, 白马村 → 白马庄村) — only when exactly one village is that close,
 * the ending (村 or 社区) agrees, and the name is not itself a township or district (大唐镇 is not 大唐村).
 */
export function matchVillage(written: string, lookup: VillageLookup): VillageMatch | null {
  const name = written.trim();
  if (name.length === 0) return null;
  const direct = exactOrAlias(name, lookup);
  if (direct) return direct;
  const stem = byStem(name, lookup);
  if (stem) return { village: stem, how: 'stem' };

  for (const v of [...lookup.villages].sort((a, b) => b.name.length - a.name.length)) {
    for (const known of [v.name, placeStem(v.name)]) {
      if (known.length < 2 || !name.endsWith(known) || name.length === known.length) continue;
      if (lookup.adminTexts.has(name.slice(0, name.length - known.length)))
        return { village: v, how: 'prefixed' };
    }
  }

  const close = typoCandidates(name, lookup);
  return close.length === 1 ? { village: close[0], how: 'fuzzy' } : null;
}

/**
 * The villages one character away from a written name (see matchVillage for the guards). More than
 * one means the name is ambiguous; the caller may tell them apart by which has the door plate.
 */
export function typoCandidates(written: string, lookup: VillageLookup): GazetteerVillage[] {
  const name = written.trim();
  if (isAdminName(name) || [...name].length < 3) return [];
  const kind = kindOf(name);
  return lookup.villages.filter((v) => {
    if ((kind && kindOf(v.name) !== kind) || [...v.name].length < 3) return false;
    return (kind ? editDistance(name, v.name) : editDistance(name, placeStem(v.name))) === 1;
  });
}

/**
 * The villages whose two-character stem is one character off a two-character written name with no
 * ending (五兴 → 五星村). Too weak to match on alone: the caller must confirm with a door plate.
 */
export function shortTypoCandidates(written: string, lookup: VillageLookup): GazetteerVillage[] {
  const name = written.trim();
  if ([...name].length !== 2 || kindOf(name) || isAdminName(name)) return [];
  return lookup.villages.filter((v) => {
    const stem = placeStem(v.name);
    return [...stem].length === 2 && editDistance(name, stem) === 1;
  });
}
