/** Which column (0-based) each premise field is read from; null or absent when the file has none. */
export type FieldMapping = Record<string, number | null | undefined>;

export interface MappingField {
  key: string;
  label: string;
  required: boolean;
}

/** The field each column feeds, by column index (the inverse of the mapping, as the table shows it). */
export function fieldOfColumn(mapping: FieldMapping): Map<number, string> {
  const byColumn = new Map<number, string>();
  for (const [field, column] of Object.entries(mapping)) {
    if (column !== null && column !== undefined) byColumn.set(column, field);
  }
  return byColumn;
}

/**
 * Points `column` at `field` (or at nothing). A field feeds one column and a column one field, so
 * whatever the field or the column had before is let go.
 */
export function assignColumn(mapping: FieldMapping, column: number, field: string | null): FieldMapping {
  const next: FieldMapping = {};
  for (const [f, c] of Object.entries(mapping)) next[f] = c === column ? null : c;
  if (field !== null) next[field] = column;
  return next;
}

/** What to send to PUT /mapping: the fields whose column differs from the server's mapping. */
export function mappingChanges(server: FieldMapping, edited: FieldMapping): Record<string, number | null> {
  const changes: Record<string, number | null> = {};
  for (const field of new Set([...Object.keys(server), ...Object.keys(edited)])) {
    const before = server[field] ?? null;
    const after = edited[field] ?? null;
    if (before !== after) changes[field] = after;
  }
  return changes;
}

/** The required fields no column feeds (行业 may come from a default category instead). */
export function missingFields(
  mapping: FieldMapping,
  fields: readonly MappingField[],
  opts: { defaultCategory?: boolean } = {},
): MappingField[] {
  return fields.filter(
    (f) =>
      f.required &&
      (mapping[f.key] === null || mapping[f.key] === undefined) &&
      !(f.key === 'category' && opts.defaultCategory),
  );
}
