/** The position fields, shown and audited together as `lngLat`. */
const POSITION = new Set(['lng', 'lat']);

export interface FieldChanges<T> {
  /** The fields that change, by their API names (lng and lat as lngLat). */
  fields: string[];
  /** What each changed field was and becomes, for the audit log. */
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  /** The columns to write. */
  update: Partial<T>;
}

/**
 * What an edit changes: the wanted fields whose value differs from the current one (an edit that
 * sets a field to what it already is changes nothing, and is not logged).
 */
export function fieldChanges<T extends object>(current: T, wanted: Partial<T>): FieldChanges<T> {
  const now = current as Record<string, unknown>;
  const want = wanted as Record<string, unknown>;
  const out: FieldChanges<T> = { fields: [], before: {}, after: {}, update: {} };
  const update = out.update as Record<string, unknown>;
  for (const [key, value] of Object.entries(want)) {
    if (value === undefined || POSITION.has(key) || Object.is(now[key], value)) continue;
    out.fields.push(key);
    out.before[key] = now[key];
    out.after[key] = value;
    update[key] = value;
  }
  const lng = want.lng ?? now.lng;
  const lat = want.lat ?? now.lat;
  if (lng !== now.lng || lat !== now.lat) {
    out.fields.push('lngLat');
    out.before.lngLat = [now.lng, now.lat];
    out.after.lngLat = [lng, lat];
    Object.assign(update, { lng, lat });
  }
  return out;
}
