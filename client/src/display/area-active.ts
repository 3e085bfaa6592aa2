/** Whether a key area is in force on a YYYY-MM-DD date: its period is inclusive, a null end is open. */
export function areaActiveOn(
  area: { activeFrom: string | null; activeTo: string | null },
  date: string,
): boolean {
  return (
    (area.activeFrom === null || area.activeFrom <= date) && (area.activeTo === null || date <= area.activeTo)
  );
}
