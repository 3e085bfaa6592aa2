/** A village's place in the ranking, with the figures it was ranked by. */
export interface RankedVillage {
  id: number;
  name: string;
  progress: number;
  surveyed: number;
}

/**
 * The villages ranked by progress, highest first; ties go to the village with more premises
 * surveyed (more work done at that rate), then by name (Chinese collation), then by id. Villages
 * with nothing surveyed come last, at 0 — or are left out with `surveyedOnly`.
 */
export function rankVillages(
  villages: readonly { id: number; name: string }[],
  groupOf: (id: number) => { progress: number; surveyed: number } | undefined,
  { surveyedOnly = false }: { surveyedOnly?: boolean } = {},
): RankedVillage[] {
  const ranked: RankedVillage[] = [];
  for (const { id, name } of villages) {
    const g = groupOf(id);
    const surveyed = g?.surveyed ?? 0;
    if (surveyedOnly && surveyed === 0) continue;
    ranked.push({ id, name, progress: g?.progress ?? 0, surveyed });
  }
  return ranked.sort(
    (a, b) =>
      b.progress - a.progress || b.surveyed - a.surveyed || a.name.localeCompare(b.name, 'zh') || a.id - b.id,
  );
}
