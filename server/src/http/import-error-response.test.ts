import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../domain/import/import-error';
import { importErrorResponse } from './import-error-response';

const answering = (err: Error) =>
  new Hono().onError(importErrorResponse).get('/', () => {
    throw err;
  });

describe('importErrorResponse', () => {
  it('sends a refusal written in both languages with its Chinese as messageZh', async () => {
    const res = await answering(
      new ImportError(
        { en: 'old.xls is an old Excel workbook', zh: 'old.xls 是旧版 Excel 文件' },
        400,
        'unsupported_format',
      ),
    ).request('/');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        code: 'unsupported_format',
        message: 'old.xls is an old Excel workbook',
        messageZh: 'old.xls 是旧版 Excel 文件',
      },
    });
  });

  it('leaves messageZh out when the refusal has only English', async () => {
    const res = await answering(
      new ImportError('send one file at a time', 400, 'bad_request', { n: 2 }),
    ).request('/');
    expect(await res.json()).toEqual({
      error: { code: 'bad_request', message: 'send one file at a time', details: { n: 2 } },
    });
  });
});
