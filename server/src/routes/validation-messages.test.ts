import { describe, expect, it } from 'vitest';
import { demoApp } from '../../../tests/helpers/test-app';
import { LICENCE_CODES } from '../domain/licences';

type App = Awaited<ReturnType<typeof demoApp>>['app'];
type Refusal = { error: { code: string; message: string; messageZh?: string; details?: unknown } };

const send = (app: App, method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });

/** Wording of the validation library or the database that must never reach a user. */
const LIBRARY_WORDING =
  /Unrecognized key|Invalid input|received undefined|Too small|Too big|Invalid option|SQLITE|constraint/i;

async function refusal(res: Response): Promise<Refusal['error']> {
  expect(res.status).toBe(400);
  const { error } = (await res.json()) as Refusal;
  expect(error.code).toBe('bad_request');
  expect(JSON.stringify(error)).not.toMatch(LIBRARY_WORDING);
  return error;
}

describe('a refused request says what to fix in English and Chinese, in our words', () => {
  it.each([
    [
      'an unknown key in a record',
      'POST',
      (id: number) => `/api/premises/${id}/events`,
      { date: '2010-02-01', type: 'inspected', extra: '<script>' },
      'unknown field "extra"; remove it',
      '未知字段 "extra"，请删除',
    ],
    [
      'an unknown key in a task',
      'POST',
      () => '/api/tasks',
      { premises: [1], assignee: { kind: 'department', code: 'aic' }, due: '2010-03-01', colour: 'red' },
      'unknown field "colour"; remove it',
      '未知字段 "colour"，请删除',
    ],
    [
      'a wrong type in a record',
      'POST',
      (id: number) => `/api/premises/${id}/events`,
      { date: 20100201, type: 'inspected' },
      'date: expected text, not a number',
      'date：应为文本，而不是数字',
    ],
    [
      'a missing field in a draw',
      'POST',
      () => '/api/draws',
      { filter: { at: '2010-03-01' }, premises: 3, pool: ['张三', '李四'] },
      'due: required: expected text',
      'due：必填，应为文本',
    ],
    [
      'a bad date in a record',
      'POST',
      (id: number) => `/api/premises/${id}/events`,
      { date: '2010-02-30', type: 'inspected' },
      'date: expected a real date as YYYY-MM-DD, e.g. 2009-06-30',
      'date：应为真实存在的日期，格式 YYYY-MM-DD，如 2009-06-30',
    ],
    [
      'a bad date in a query',
      'GET',
      (id: number) => `/api/premises/${id}?at=2010-13-01`,
      undefined,
      'at: expected a real date as YYYY-MM-DD, e.g. 2009-06-30',
      'at：应为真实存在的日期，格式 YYYY-MM-DD，如 2009-06-30',
    ],
    [
      'a phone number a schema checks itself',
      'PUT',
      (id: number) => `/api/premises/${id}`,
      { baseUpdatedAt: 'x', phone: '12345' },
      'phone: expected a phone number: 11-digit mobile (13812345678) or landline (0571-86001234)',
      'phone：应为电话号码：11 位手机号（13812345678）或固定电话（0571-86001234）',
    ],
    [
      'a fraction for a whole number',
      'POST',
      () => '/api/draws',
      { filter: { at: '2010-03-01' }, premises: 2.5, pool: ['张三'], due: '2010-04-01' },
      'premises: expected a whole number',
      'premises：应为整数',
    ],
    [
      'a bad id in a path',
      'GET',
      () => '/api/premises/abc',
      undefined,
      'id: expected a numeric id',
      'id：应为数字编号（正整数）',
    ],
    [
      'a negative id in a path',
      'GET',
      () => '/api/tasks/-3',
      undefined,
      'id: expected a numeric id',
      'id：应为数字编号（正整数）',
    ],
    [
      'a number out of range in a query',
      'GET',
      () => '/api/tasks?limit=0',
      undefined,
      'limit: expected a number of at least 1',
      'limit：应不小于 1',
    ],
    [
      'an option outside the list in a query (the route’s own English)',
      'GET',
      () => '/api/worklists/overdue?format=pdf',
      undefined,
      'format: expected json, csv or xlsx',
      'format：应为以下之一：json、csv、xlsx',
    ],
  ])('%s', async (_what, method, path, body, en, zh) => {
    const { app, ctx } = await demoApp();
    const error = await refusal(await send(app, method, path(ctx.model.columns.id[0]), body));
    expect(error.message).toBe(en);
    expect(error.messageZh).toBe(zh);
  });

  it('a date a route checks itself (ending a licence) is refused in both languages too', async () => {
    const { app, ctx } = await demoApp();
    const id = ctx.model.columns.id[0];
    const error = await refusal(
      await send(app, 'POST', `/api/premises/${id}/licences/${LICENCE_CODES[0]}/end`, { date: '2010-02-31' }),
    );
    expect(error.message).toMatch(/^date: expected a real date as YYYY-MM-DD/);
    expect(error.messageZh).toMatch(/^date：应为真实存在的日期/);
  });

  it('each issue in the details carries its Chinese as well', async () => {
    const { app, ctx } = await demoApp();
    const id = ctx.model.columns.id[0];
    const error = await refusal(
      await send(app, 'POST', `/api/premises/${id}/events`, { date: true, type: 'inspected', x: 1, y: 2 }),
    );
    expect(error.details).toEqual(
      expect.arrayContaining([
        {
          path: 'date',
          message: 'expected text, not true or false',
          messageZh: '应为文本，而不是true 或 false',
        },
        { path: '', message: 'unknown fields "x", "y"; remove them', messageZh: '未知字段 "x"、"y"，请删除' },
      ]),
    );
  });

  it('something that is not there is a 404 in both languages', async () => {
    const { app } = await demoApp();
    const res = await app.request('/api/tasks/999999');
    expect(res.status).toBe(404);
    const { error } = (await res.json()) as Refusal;
    expect(error).toMatchObject({ message: 'task 999999 not found', messageZh: '未找到任务：999999' });
  });

  it('a body that is not JSON is refused in both languages', async () => {
    const { app, ctx } = await demoApp();
    const res = await app.request(`/api/premises/${ctx.model.columns.id[0]}/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'date=2010-02-01',
    });
    expect(res.status).toBe(415);
    const { error } = (await res.json()) as Refusal;
    expect(error.message).toBe('expected a JSON body sent as Content-Type: application/json, not text/plain');
    expect(error.messageZh).toBe(
      '请求内容应为 JSON，并以 Content-Type: application/json 发送，而不是 text/plain',
    );
  });
});
