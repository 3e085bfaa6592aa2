export interface RankedVillage {
  id: number;
  name: string;
  progress: number;
  surveyed: number;
}

/** Highest progress first; ties by more premises, then by name. */
export function rankVillages(
  features: readonly { properties: { id: number; name: string } }[],
  byVillage: ReadonlyMap<number, { progress: number; surveyed: number }> | undefined,
): RankedVillage[] {
  return features
    .map((f) => {
      const g = byVillage?.get(f.properties.id);
      return {
        id: f.properties.id,
        name: f.properties.name,
        progress: g?.progress ?? 0,
        surveyed: g?.surveyed ?? 0,
      };
    })
    .sort((a, b) => b.progress - a.progress || b.surveyed - a.surveyed || a.name.localeCompare(b.name, 'zh'));
}
