import { ImportError } from './import-error';
import { fieldLabel, PREMISE_FIELDS, type PremiseField, REQUIRED_FIELDS } from './premise-fields';

/** Which column (0-based) each field is read from; null when the file has none. */
export type HeaderMapping = Partial<Record<PremiseField, number | null>>;

/** A header reduced for matching: no spaces, asterisks or line breaks, ASCII brackets, lower case. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[\s*＊:：]/g, '')
    .replace(/[（【[]/g, '(')
    .replace(/[）】\]]/g, ')')
    .toLowerCase();
}

/** Which field a header names, and how likely a row is the header row, for one table's fields. */
export interface HeaderMatcher<F extends string> {
  /** The field a header names: an exact synonym, else the longest synonym it contains, else null. */
  field(header: string): F | null;
  /** How many distinct fields a row's cells name. */
  score(cells: readonly string[]): number;
}

/** A matcher for a table's fields, each declared once with the headers offices write for it. */
export function headerMatcher<F extends string>(
  fields: readonly { key: F; synonyms: readonly string[] }[],
): HeaderMatcher<F> {
  const synonyms = fields
    .flatMap((f) => f.synonyms.map((s) => ({ field: f.key, text: normaliseHeader(s) })))
    .sort((a, b) => b.text.length - a.text.length);
  const field = (header: string): F | null => {
    const h = normaliseHeader(header);
    if (h === '') return null;
    const exact = synonyms.find((s) => s.text === h);
    if (exact) return exact.field;
    const bare = h.replace(/\([^)]*\)/g, '');
    const exactBare = synonyms.find((s) => s.text === bare);
    if (exactBare) return exactBare.field;
    const contained = synonyms.find(
      (s) => /[\u4e00-\u9fff]/.test(s.text) && s.text.length >= 2 && bare.includes(s.text),
    );
    return contained ? contained.field : null;
  };
  return {
    field,
    score: (cells) => new Set(cells.map(field).filter((f) => f !== null)).size,
  };
}

const premiseHeaders = headerMatcher<PremiseField>(PREMISE_FIELDS);

/** The premise field a header names: an exact synonym, else the longest synonym it contains, else null. */
export function fieldForHeader(header: string): PremiseField | null {
  return premiseHeaders.field(header);
}

/** How many cells of a row name a premise field: how likely it is the header row. */
export function headerScore(cells: readonly string[]): number {
  return premiseHeaders.score(cells);
}

/** Guesses the mapping from the headers; each field takes the first column that names it. */
export function guessMapping(headers: readonly string[]): HeaderMapping {
  const mapping: HeaderMapping = {};
  headers.forEach((header, column) => {
    const field = fieldForHeader(header);
    if (field && mapping[field] === undefined) mapping[field] = column;
  });
  // A bare 有效期 beside a 营业执照号 and no other licence number is the business licence's.
  if (
    mapping.permitValid !== undefined &&
    mapping.permitNo === undefined &&
    mapping.businessNo !== undefined &&
    mapping.businessValid === undefined
  ) {
    mapping.businessValid = mapping.permitValid;
    delete mapping.permitValid;
  }
  return mapping;
}

/**
 * Checks a mapping against the headers: columns exist, no column feeds two fields, the required
 * fields are there (行业 may instead come from a default category). Throws an ImportError saying what to fix.
 */
export function checkMapping(
  mapping: HeaderMapping,
  headers: readonly string[],
  opts: { defaultCategory?: boolean; requireComplete?: boolean } = {},
): void {
  const used = new Map<number, PremiseField>();
  for (const [field, column] of Object.entries(mapping) as [PremiseField, number | null][]) {
    if (column === null || column === undefined) continue;
    if (!Number.isInteger(column) || column < 0 || column >= headers.length) {
      throw new ImportError(
        {
          en: `mapping: ${fieldLabel(field)} points at column ${column}, but the file has columns 0–${headers.length - 1}`,
          zh: `表头对应有误：${fieldLabel(field)}对应到第 ${column} 列，但文件只有第 0–${headers.length - 1} 列`,
        },
        422,
        'bad_mapping',
      );
    }
    const other = used.get(column);
    if (other) {
      throw new ImportError(
        {
          en: `mapping: column ${JSON.stringify(headers[column])} is mapped to both ${fieldLabel(other)} and ${fieldLabel(field)}`,
          zh: `表头对应有误：“${headers[column]}”列同时对应了${fieldLabel(other)}和${fieldLabel(field)}，一列只能对应一个字段`,
        },
        422,
        'bad_mapping',
      );
    }
    used.set(column, field);
  }
  if (opts.requireComplete === false) return;
  const missing = REQUIRED_FIELDS.filter(
    (f) => (mapping[f] === null || mapping[f] === undefined) && !(f === 'category' && opts.defaultCategory),
  );
  if (missing.length > 0) {
    const names = missing.map(fieldLabel).join('、');
    const header = headers.map((h) => JSON.stringify(h));
    throw new ImportError(
      {
        en: `mapping: no column for ${names}; map a column to each (the file has ${header.join(', ')})`,
        zh: `表头对应不全：还缺${names}；请为每项选择对应的列（文件现有列：${header.join('、')}）`,
      },
      422,
      'bad_mapping',
    );
  }
  const lng = mapping.lng ?? null;
  const lat = mapping.lat ?? null;
  if ((lng === null) !== (lat === null)) {
    throw new ImportError(
      {
        en: 'mapping: 经度 and 纬度 go together; map both or neither',
        zh: '表头对应有误：经度和纬度须成对对应，要么都选，要么都不选',
      },
      422,
      'bad_mapping',
    );
  }
}
