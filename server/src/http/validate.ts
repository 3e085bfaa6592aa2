import { zValidator } from '@hono/zod-validator';
import type { Context, ValidationTargets } from 'hono';
import { type ZodType, z } from 'zod';
import { parseDay } from '../domain/dates';
import { ApiError } from './api-error';

const JSON_MEDIA = /^application\/([\w.-]+\+)?json$/i;

/**
 * Refuses a body that is not JSON. A request with no body at all passes (its JSON is then `{}`), so
 * `POST /undo` with nothing still works; `text/plain` or a form, which a page on another site can
 * send without asking, is refused instead of being read as `{}`.
 */
function requireJsonBody(c: Context): void {
  const type = c.req.header('content-type');
  const media = type?.split(';')[0].trim() ?? '';
  const hasBody =
    type !== undefined ||
    (c.req.header('content-length') ?? '0') !== '0' ||
    c.req.header('transfer-encoding') !== undefined;
  if (hasBody && !JSON_MEDIA.test(media)) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      `expected a JSON body sent as Content-Type: application/json${media ? `, not ${media}` : ''}`,
      undefined,
      `请求内容应为 JSON，并以 Content-Type: application/json 发送${media ? `，而不是 ${media}` : ''}`,
    );
  }
}

/** A message in English and in Chinese. */
export interface Bilingual {
  en: string;
  zh: string;
}

/** The Chinese of the English messages schemas give their checks, by the English (see `bilingual`). */
const chineseOf = new Map<string, string>();

/**
 * A schema's own message for a check, in English, with its Chinese remembered so that `validate`
 * answers a failure in both languages: `z.string({ message: bilingual('expected …', '应为…') })`.
 */
export function bilingual(en: string, zh: string): string {
  chineseOf.set(en, zh);
  return en;
}

type Issue = z.core.$ZodIssue | z.core.$ZodRawIssue;

const TYPES: Record<string, Bilingual> = {
  string: { en: 'text', zh: '文本' },
  number: { en: 'a number', zh: '数字' },
  int: { en: 'a whole number', zh: '整数' },
  bigint: { en: 'a whole number', zh: '整数' },
  boolean: { en: 'true or false', zh: 'true 或 false' },
  array: { en: 'a list', zh: '列表' },
  object: { en: 'an object { … }', zh: '对象 { … }' },
  date: { en: 'a date', zh: '日期' },
  file: { en: 'a file', zh: '文件' },
  null: { en: 'null', zh: 'null' },
};

const typeOf = (expected: string): Bilingual => TYPES[expected] ?? { en: expected, zh: expected };

/** What a value that failed a type check was, without repeating it. */
function received(input: unknown): Bilingual {
  if (input === null) return { en: 'null', zh: 'null' };
  if (Array.isArray(input)) return TYPES.array;
  if (typeof input === 'number' && Number.isNaN(input))
    return { en: 'something that is not a number', zh: '非数字的内容' };
  if (typeof input === 'string') return TYPES.string;
  if (typeof input === 'number') return TYPES.number;
  if (typeof input === 'boolean') return TYPES.boolean;
  if (typeof input === 'object') return TYPES.object;
  return { en: typeof input, zh: typeof input };
}

const quoted = (keys: readonly PropertyKey[]) => keys.map((k) => `"${String(k)}"`);

/** A bound of a size check as words: characters of text, items of a list, or the number itself. */
function bound(
  issue: { origin: string; inclusive?: boolean },
  limit: unknown,
  side: 'min' | 'max',
): Bilingual {
  const n = String(limit);
  const inclusive = issue.inclusive !== false;
  if (issue.origin === 'string') {
    if (side === 'min' && n === '1') return { en: 'must not be empty', zh: '不能为空' };
    return side === 'min'
      ? { en: `expected at least ${n} characters`, zh: `至少 ${n} 个字符` }
      : { en: `expected at most ${n} characters`, zh: `最多 ${n} 个字符` };
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    return side === 'min'
      ? { en: `expected at least ${n} item${n === '1' ? '' : 's'}`, zh: `至少 ${n} 项` }
      : { en: `expected at most ${n} item${n === '1' ? '' : 's'}`, zh: `最多 ${n} 项` };
  }
  if (issue.origin === 'file') {
    return side === 'min'
      ? { en: `expected at least ${n} bytes`, zh: `至少 ${n} 字节` }
      : { en: `expected at most ${n} bytes`, zh: `最多 ${n} 字节` };
  }
  if (side === 'min') {
    return inclusive
      ? { en: `expected a number of at least ${n}`, zh: `应不小于 ${n}` }
      : { en: `expected a number greater than ${n}`, zh: `应大于 ${n}` };
  }
  return inclusive
    ? { en: `expected a number of at most ${n}`, zh: `应不大于 ${n}` }
    : { en: `expected a number less than ${n}`, zh: `应小于 ${n}` };
}

/** What a failed check asks for, in our words rather than the library's, in both languages. */
function describe(issue: Issue): Bilingual {
  switch (issue.code) {
    case 'invalid_type': {
      const want = typeOf(issue.expected);
      if (issue.input === undefined)
        return { en: `required: expected ${want.en}`, zh: `必填，应为${want.zh}` };
      if (issue.expected === 'int' && typeof issue.input === 'number' && !Number.isNaN(issue.input))
        return { en: 'expected a whole number', zh: '应为整数' };
      const got = received(issue.input);
      return { en: `expected ${want.en}, not ${got.en}`, zh: `应为${want.zh}，而不是${got.zh}` };
    }
    case 'unrecognized_keys': {
      const keys = quoted(issue.keys);
      return keys.length === 1
        ? { en: `unknown field ${keys[0]}; remove it`, zh: `未知字段 ${keys[0]}，请删除` }
        : { en: `unknown fields ${keys.join(', ')}; remove them`, zh: `未知字段 ${keys.join('、')}，请删除` };
    }
    case 'too_small':
      return bound(issue, issue.minimum, 'min');
    case 'too_big':
      return bound(issue, issue.maximum, 'max');
    case 'invalid_format':
      return issue.format === 'regex'
        ? { en: 'is not in the expected format', zh: '格式不正确' }
        : { en: `expected a valid ${issue.format}`, zh: `应为有效的 ${issue.format}` };
    case 'not_multiple_of':
      return { en: `expected a multiple of ${issue.divisor}`, zh: `应为 ${issue.divisor} 的倍数` };
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v));
      return values.length === 1
        ? { en: `expected ${values[0]}`, zh: `应为 ${values[0]}` }
        : { en: `expected one of ${values.join(', ')}`, zh: `应为以下之一：${values.join('、')}` };
    }
    case 'invalid_union':
      return { en: 'does not match any form this field takes', zh: '不符合此项允许的任何格式' };
    case 'invalid_key':
      return { en: 'has a key that is not allowed', zh: '含有不允许的键' };
    case 'invalid_element':
      return { en: 'has an item that is not valid', zh: '含有无效的项' };
    default:
      return { en: 'is not valid', zh: '无效' };
  }
}

/** A check's message in both languages: the schema's own (with its Chinese) or ours for the check. */
function bilingualIssue(issue: z.core.$ZodIssue): Bilingual {
  const ours = describe(issue);
  if (issue.message === ours.en) return ours;
  const zh = chineseOf.get(issue.message);
  if (zh !== undefined) return { en: issue.message, zh };
  // A schema's English without a Chinese: say in Chinese what kind of value was wanted, and keep
  // the English, which only a `custom` check's message explains.
  return { en: issue.message, zh: issue.code === 'custom' ? `不符合要求（${issue.message}）` : ours.zh };
}

const withField = (path: string, text: Bilingual): Bilingual =>
  path ? { en: `${path}: ${text.en}`, zh: `${path}：${text.zh}` } : text;

/**
 * zValidator that answers a failure with our 400 shape, naming the field and what was expected, in
 * English (`message`) and Chinese (`messageZh`); never the validation library's own wording. A
 * `json` target also refuses a body of any other type with 415.
 */
export function validate<T extends ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  const check = zValidator(
    target,
    schema,
    (result) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => {
          const path = i.path.join('.');
          const text = bilingualIssue(i);
          return { path, message: text.en, messageZh: text.zh };
        });
        const first = issues[0];
        const text = withField(first.path, { en: first.message, zh: first.messageZh });
        throw new ApiError(400, 'bad_request', text.en, issues, text.zh);
      }
    },
    {
      // Our words for every check a schema gave none; `input` kept on the issues so `describe` can
      // tell a missing field from a wrong one. (`as never`: the library's result type depends on
      // the schema's zod version, which TypeScript cannot work out for a generic schema.)
      validationFunction: (s, value) =>
        s.safeParseAsync(value, { reportInput: true, error: (issue) => describe(issue).en }) as never,
    },
  );
  if (target !== 'json') return check;
  const jsonOnly: typeof check = async (c, next) => {
    requireJsonBody(c);
    return check(c, next);
  };
  return jsonOnly;
}

const REAL_DATE = bilingual(
  'expected a real date as YYYY-MM-DD, e.g. 2009-06-30',
  '应为真实存在的日期，格式 YYYY-MM-DD，如 2009-06-30',
);

/** A YYYY-MM-DD date that exists on the calendar. */
export const isoDate = z.string().refine((s) => parseDay(s) !== null, { message: REAL_DATE });

/** The 400 for a field that should have held a real YYYY-MM-DD date, in both languages. */
export const badDate = (field: string) =>
  new ApiError(
    400,
    'bad_request',
    `${field}: ${REAL_DATE}`,
    undefined,
    `${field}：${chineseOf.get(REAL_DATE)}`,
  );

/** A positive integer id from a path or query string. */
export const idParam = z.coerce
  .number({ message: bilingual('expected a numeric id', '应为数字编号（正整数）') })
  .int()
  .positive();
