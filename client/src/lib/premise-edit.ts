/** The particulars of a premise file a person edits in the drawer (一户一档). */
export interface PremiseFields {
  name: string;
  operator: string | null;
  phone: string | null;
  idNumber: string | null;
  address: string;
  category: string;
  notes: string | null;
  keyObject: boolean;
}

export const EDIT_FIELDS = [
  'name',
  'operator',
  'phone',
  'idNumber',
  'address',
  'category',
  'notes',
  'keyObject',
] as const satisfies readonly (keyof PremiseFields)[];
export type EditField = (typeof EDIT_FIELDS)[number];

/** What the form holds: text as typed, the key-object flag as a box. */
export interface EditDraft {
  name: string;
  operator: string;
  phone: string;
  idNumber: string;
  address: string;
  category: string;
  notes: string;
  keyObject: boolean;
}

/** An edit as the server takes it: only the fields that change, '' read as "clear" by the server. */
export type FieldChanges = Partial<{ [K in EditField]: K extends 'keyObject' ? boolean : string | null }>;

/** A value shown with stars (a masked phone or ID number): the form cannot start from it. */
export function isMasked(value: string | null): boolean {
  return value?.includes('*') ?? false;
}

/** The form's starting values. A masked value starts empty: empty means "leave it as it is". */
export function draftOf(file: PremiseFields): EditDraft {
  const text = (v: string | null) => (v === null || isMasked(v) ? '' : v);
  return {
    name: file.name,
    operator: text(file.operator),
    phone: text(file.phone),
    idNumber: text(file.idNumber),
    address: file.address,
    category: file.category,
    notes: text(file.notes),
    keyObject: file.keyObject,
  };
}

const norm = (v: string | null) => (v ?? '').trim();

/** The fields the draft changes against the file it started from (nothing typed into a masked one: no change). */
export function changesOf(base: PremiseFields, draft: EditDraft): FieldChanges {
  const out: FieldChanges = {};
  for (const field of EDIT_FIELDS) {
    if (field === 'keyObject') {
      if (draft.keyObject !== base.keyObject) out.keyObject = draft.keyObject;
      continue;
    }
    const typed = draft[field].trim();
    if (isMasked(base[field]) && typed === '') continue;
    if (typed !== norm(base[field])) out[field] = typed === '' ? null : typed;
  }
  return out;
}

/** One field two people changed, or one changed and the other did not: theirs (now on file) and mine. */
export interface ConflictRow {
  field: EditField;
  base: string | boolean | null;
  theirs: string | boolean | null;
  mine: string | boolean | null;
  /** They changed it since I started (it differs from what I started from). */
  changedByThem: boolean;
  /** I changed it (my edit names it). */
  changedByMe: boolean;
}

const same = (a: string | boolean | null, b: string | boolean | null) =>
  typeof a === 'boolean' || typeof b === 'boolean' ? a === b : norm(a) === norm(b);

/**
 * Where my edit and the file as someone else left it differ: every field I changed whose value is
 * not already theirs, and every field they changed. Fields nobody touched are left out.
 */
export function conflictRows(base: PremiseFields, mine: FieldChanges, theirs: PremiseFields): ConflictRow[] {
  const rows: ConflictRow[] = [];
  for (const field of EDIT_FIELDS) {
    const changedByMe = field in mine;
    const changedByThem = !same(base[field], theirs[field]);
    if (!changedByMe && !changedByThem) continue;
    const mineValue = changedByMe ? (mine[field] ?? null) : base[field];
    if (changedByMe && same(mineValue, theirs[field])) continue;
    rows.push({
      field,
      base: base[field],
      theirs: theirs[field],
      mine: mineValue,
      changedByThem,
      changedByMe,
    });
  }
  return rows;
}

export type Choice = 'theirs' | 'mine';

/** The first choice offered: my value where I changed the field, theirs where only they did. */
export function defaultChoice(row: ConflictRow): Choice {
  return row.changedByMe ? 'mine' : 'theirs';
}

/** The edit to send on top of their version: the fields where mine was chosen. */
export function resolvedChanges(rows: readonly ConflictRow[], choices: Partial<Record<EditField, Choice>>) {
  const out: FieldChanges = {};
  for (const row of rows) {
    if ((choices[row.field] ?? defaultChoice(row)) !== 'mine') continue;
    (out as Record<string, string | boolean | null>)[row.field] = row.mine;
  }
  return out;
}
