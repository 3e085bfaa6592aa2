import { describe, expect, it } from 'vitest';
import { demoApp } from '../../../tests/helpers/test-app';
import { sendJson, upload } from '../../../tests/helpers/upload';

/**
 * 20,000 rows on either store: ten of the writer's 2,000-row batches, and enough that progress is
 * seen part-way. How long a large import takes, and how the server answers meanwhile, is the
 * bench's to measure (`npm run bench -- --import-stall`), not this test's.
 */
const ROWS = 20_000;
const CATEGORIES = ['小食杂店', '小餐饮店', '美容美发', '小药店', '小农资店'];

/** A survey list of ROWS premises; every tenth without coordinates (the geocoder places it). */
function bigList(): string {
  const lines = ['名称,经营者,联系电话,地址,所属村社区,行业,营业执照号,有效期至,经度,纬度,摸底日期'];
  for (let i = 0; i < ROWS; i++) {
    const located = i % 10 !== 0;
    const lng = located ? (120.205 + (i % 100) * 0.0001).toFixed(6) : '';
    const lat = located ? (30.335 + (i % 97) * 0.0001).toFixed(6) : '';
    lines.push(
      `规模店${i},张${i % 100},138${String(i).padStart(8, '0')},丁桥镇大唐村${(i % 9) + 1}组${i}号,大唐村,${CATEGORIES[i % 5]},3301046${String(i).padStart(8, '0')},2011-05-31,${lng},${lat},2008-03-15`,
    );
  }
  return lines.join('\n');
}

type Progress = { phase: string; total: number; validated: number; written: number };

describe(`a ${ROWS.toLocaleString('en')}-row premise list`, () => {
  it('stages, validates and commits with progress to poll, then undoes', async () => {
    const { app, ctx } = await demoApp();
    const before = ctx.model.columns.count;
    const text = bigList();
    const times: Record<string, number> = {};
    let t = performance.now();
    const staged = await (
      await upload(app, '/api/imports/premises', [{ name: 'big.csv', bytes: text }])
    ).json();
    times.upload = performance.now() - t;
    expect(staged.rowCount).toBe(ROWS);

    const poll = async (until: string) => {
      const seen: Progress[] = [];
      for (let i = 0; i < 3000; i++) {
        const p = (await (await app.request(`/api/imports/${staged.importId}/progress`)).json()) as Progress;
        seen.push(p);
        if (p.phase === until || p.phase === 'failed') break;
        await new Promise((r) => setTimeout(r, 10));
      }
      return seen;
    };
    t = performance.now();
    expect((await sendJson(app, 'POST', `/api/imports/${staged.importId}/validate?wait=0`)).status).toBe(202);
    const validating = await poll('validated');
    times.validate = performance.now() - t;
    expect(validating.at(-1)).toMatchObject({ phase: 'validated', validated: ROWS });
    // Progress is seen part-way (2,000 rows validate before a poll comes round: only the big list shows it).
    expect(validating.some((p) => p.validated > 0 && p.validated < ROWS)).toBe(true);
    const summary = await (await app.request(`/api/imports/${staged.importId}`)).json();
    expect(summary.validation).toMatchObject({ validRows: ROWS, invalidRows: 0, geocoded: ROWS / 10 });

    t = performance.now();
    expect((await sendJson(app, 'POST', `/api/imports/${staged.importId}/commit?wait=0`, {})).status).toBe(
      202,
    );
    const committing = await poll('committed');
    times.commit = performance.now() - t;
    expect(committing.at(-1)).toMatchObject({ phase: 'committed', written: ROWS });
    expect(ctx.model.columns.count).toBe(before + ROWS);

    t = performance.now();
    expect((await sendJson(app, 'POST', `/api/imports/${staged.importId}/undo`)).status).toBe(200);
    times.undo = performance.now() - t;
    expect(ctx.model.columns.count).toBe(before);
    console.log(
      `${ROWS.toLocaleString('en')}-row import (${(text.length / 1e6).toFixed(1)} MB CSV), ms:`,
      Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.round(v)])),
    );
  }, 120_000);
});
