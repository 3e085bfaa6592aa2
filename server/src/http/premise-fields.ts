import { z } from 'zod';
import { CATEGORY_CODES } from '../domain/categories';
import { parseIdNumber, parsePhone } from '../domain/import/parse-cells';
import { bilingual, idParam } from './validate';

/**
 * The fields of a premise file as a person types them, checked as the survey import checks its
 * cells (domain/import/parse-cells.ts): phones, ID numbers with their check digit, lengths.
 * An empty string or null clears an optional field.
 */
const optionalText = (max: number, what: string) =>
  z
    .string({ message: `expected ${what} as text` })
    .trim()
    .max(max, `${what}: at most ${max} characters`)
    .nullable()
    .transform((s) => (s ? s : null));

const phone = z
  .string({ message: 'expected a phone number as text' })
  .trim()
  .nullable()
  .transform((s, ctx) => {
    if (!s) return null;
    const parsed = parsePhone(s);
    if (!parsed) {
      ctx.addIssue({
        code: 'custom',
        message: bilingual(
          'expected a phone number: 11-digit mobile (13812345678) or landline (0571-86001234)',
          '应为电话号码：11 位手机号（13812345678）或固定电话（0571-86001234）',
        ),
      });
      return z.NEVER;
    }
    return parsed;
  });

const idNumber = z
  .string({ message: 'expected an ID number as text' })
  .trim()
  .nullable()
  .transform((s, ctx) => {
    if (!s) return null;
    if (s.includes('*')) {
      ctx.addIssue({
        code: 'custom',
        message: bilingual(
          'expected the full ID number; this one is masked',
          '应为完整的身份证号，这个是打码的',
        ),
      });
      return z.NEVER;
    }
    const parsed = parseIdNumber(s);
    if (!parsed) {
      ctx.addIssue({
        code: 'custom',
        message: bilingual(
          'expected an 18-character ID number (17 digits and a digit or X)',
          '应为 18 位身份证号（17 位数字加 1 位数字或 X）',
        ),
      });
      return z.NEVER;
    }
    if (!parsed.checksumOk) {
      ctx.addIssue({
        code: 'custom',
        message: bilingual(
          'the last character does not match the ID number’s check digit; check it for a typo',
          '最后一位与身份证号的校验位不符，请检查是否输错',
        ),
      });
      return z.NEVER;
    }
    return parsed.id;
  });

/** A point clicked on the map, WGS-84 degrees. */
export const lngLatField = z.tuple(
  [
    z.number({ message: 'expected the longitude as a number' }).min(-180).max(180),
    z.number({ message: 'expected the latitude as a number' }).min(-90).max(90),
  ],
  { message: 'expected [longitude, latitude] in WGS-84 degrees, e.g. [120.2261, 30.3478]' },
);

/** What a file says about a premise, each field optional (an edit names only what changes). */
export const premiseFieldsShape = {
  name: z
    .string({ message: 'expected the premise name' })
    .trim()
    .min(1, 'expected the premise name')
    .max(100),
  category: z.enum(CATEGORY_CODES, { message: `expected one of ${CATEGORY_CODES.join(', ')}` }),
  address: z
    .string({ message: 'expected the address where it trades' })
    .trim()
    .min(1, 'expected the address where it trades, e.g. 丁桥镇大唐村1组23号')
    .max(200),
  operator: optionalText(50, 'the operator'),
  phone,
  idNumber,
  notes: optionalText(2000, 'notes'),
  keyObject: z.boolean({ message: 'expected true or false' }),
  areaM2: z.number({ message: 'expected an area in square metres' }).min(0).max(1e6).nullable(),
  staff: z.number({ message: 'expected a whole number of people' }).int().min(0).max(100000).nullable(),
  lngLat: lngLatField,
  villageId: idParam,
};

export const createPremiseBody = z
  .object({
    ...premiseFieldsShape,
    operator: premiseFieldsShape.operator.optional(),
    phone: premiseFieldsShape.phone.optional(),
    idNumber: premiseFieldsShape.idNumber.optional(),
    notes: premiseFieldsShape.notes.optional(),
    keyObject: premiseFieldsShape.keyObject.default(false),
    areaM2: premiseFieldsShape.areaM2.optional(),
    staff: premiseFieldsShape.staff.optional(),
    lngLat: premiseFieldsShape.lngLat.optional(),
    villageId: premiseFieldsShape.villageId.optional(),
    surveyDate: z.string().optional(),
    archiveNo: z
      .string({ message: 'expected an archive number as text' })
      .trim()
      .min(1)
      .max(40, 'an archive number has at most 40 characters')
      .optional(),
    clientId: z.uuid({ message: 'expected a UUID made on the device' }).optional(),
  })
  .strict();

export const editPremiseBody = z
  .object(premiseFieldsShape)
  .partial()
  .extend({
    baseUpdatedAt: z.string({
      message: 'expected baseUpdatedAt: the updatedAt of the file as the edit started from it',
    }),
  })
  .strict();

export type EditPremiseBody = z.infer<typeof editPremiseBody>;
