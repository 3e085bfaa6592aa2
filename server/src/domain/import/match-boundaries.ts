import type { BoundaryFeature } from './normalise-boundaries';
import { villageStem } from './village-matcher';

export interface BoundaryTarget {
  id: number;
  code: string;
  name: string;
}

export interface BoundaryMatch {
  index: number;
  /** The village (or township) the feature replaces, or null when it matches none (a new one). */
  targetId: number | null;
  targetName: string | null;
  by: 'code' | 'name' | 'only_one' | null;
}

/**
 * Matches boundary features to the villages (or townships) on record: by 12-digit code, else by
 * name with or without 村/社区. A single feature for a single township matches it whatever its
 * name. Warns when two features claim one village, or a feature's code and name disagree.
 */
export function matchBoundaries(
  features: readonly BoundaryFeature[],
  targets: readonly BoundaryTarget[],
): { matches: BoundaryMatch[]; warnings: string[] } {
  const byCode = new Map(targets.map((t) => [t.code, t]));
  const byName = new Map<string, BoundaryTarget>();
  for (const t of targets) {
    byName.set(t.name, t);
    byName.set(villageStem(t.name), t);
  }
  const warnings: string[] = [];
  const matches = features.map((f): BoundaryMatch => {
    const coded = f.code ? byCode.get(f.code) : undefined;
    const named = f.name ? (byName.get(f.name.trim()) ?? byName.get(villageStem(f.name))) : undefined;
    if (coded && named && coded.id !== named.id) {
      warnings.push(
        `feature ${f.index}: its code ${f.code} is ${coded.name} but its name is «${f.name}»; matched by code`,
      );
    }
    const t = coded ?? named;
    if (t) return { index: f.index, targetId: t.id, targetName: t.name, by: coded ? 'code' : 'name' };
    if (features.length === 1 && targets.length === 1) {
      return { index: f.index, targetId: targets[0].id, targetName: targets[0].name, by: 'only_one' };
    }
    return { index: f.index, targetId: null, targetName: null, by: null };
  });
  const claimed = new Map<number, number[]>();
  for (const m of matches)
    if (m.targetId !== null) claimed.set(m.targetId, [...(claimed.get(m.targetId) ?? []), m.index]);
  for (const [id, indexes] of claimed) {
    if (indexes.length > 1) {
      const name = targets.find((t) => t.id === id)?.name;
      warnings.push(
        `features ${indexes.join(', ')} all match ${name}; choose one of them for it (or merge them first)`,
      );
    }
  }
  return { matches, warnings };
}
