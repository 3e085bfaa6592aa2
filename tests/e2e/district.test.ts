import { describe, expect, it } from 'vitest';
import { signedInFetch } from '../helpers/api-session';
import { appInBrowser } from '../helpers/app-in-browser';
import { screenshot, watchPage } from '../helpers/browser';
import { districtDir } from '../helpers/district';
import { connectTestPostgres, serverSchemaUrl } from '../helpers/test-postgres';

type Townships = {
  townships: {
    id: number;
    code: string;
    name: string;
    progress: number;
    unlicensed: number;
    bbox: [number, number, number, number];
  }[];
};
type Stats = { surveyed: number; unlicensed: number };

// A district of three townships written by the generator: the page must roll them up and drill in.
// The server runs on the PostgreSQL store (DATABASE_URL), the one a district is meant to run on; the
// other browser tests run on SQLite, and the route tests on both.
const DATABASE_URL = serverSchemaUrl('e2e_district');
const running = appInBrowser({ DEMO_DIR: districtDir(), DATABASE_URL });

describe('the district view in Chromium, on the PostgreSQL store', () => {
  it('ranks the townships on the slider date, drills into one (URL, KPIs, villages) and goes back', async () => {
    const office = await signedInFetch(running.server.url);
    const api = async <T>(path: string) => (await (await office(path)).json()) as T;
    const AT = '2009-06-30';
    const { townships } = await api<Townships>(`/api/townships?at=${AT}`);
    expect(townships.length).toBe(3);
    // The record the page is about to show is the one in PostgreSQL.
    const client = await connectTestPostgres();
    try {
      const schema = new URL(DATABASE_URL).searchParams.get('schema');
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${schema}.premises`);
      expect(rows[0].n).toBe(900);
    } finally {
      await client.end();
    }

    const page = await running.browser.newPage({ viewport: { width: 1600, height: 900 } });
    const watch = watchPage(page, running.server.url);
    const asked: string[] = [];
    page.on('request', (req) => asked.push(new URL(req.url()).pathname + new URL(req.url()).search));
    await page.goto(`${running.server.url}/?at=${AT}`);
    await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 90_000 });
    const rows = page.locator('[data-testid="township-ranking"] li');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.first().textContent()).toContain(townships[0].name);
    expect(await rows.first().textContent()).toContain(`${(townships[0].progress * 100).toFixed(0)}%`);

    const kpi = async (key: string) =>
      Number(await page.getAttribute(`[data-testid="kpi-${key}"]`, 'data-value'));
    const whole = await api<Stats>(`/api/stats?at=${AT}`);
    await expect.poll(() => kpi('surveyed')).toBe(whole.surveyed);
    // The header names the district, then the township drilled into.
    const { district } = await api<{ district: string }>('/api/campaign');
    expect(district).not.toBe('');
    await expect.poll(() => page.textContent('.app-title-township')).toBe(district);

    const pick = townships[1];
    await page.click(`[data-testid="township-rank-${pick.id}"]`);
    await expect.poll(() => page.url()).toContain(`township=${pick.id}`);
    const one = await api<Stats>(`/api/stats?at=${AT}&township=${pick.id}`);
    await expect.poll(() => kpi('surveyed')).toBe(one.surveyed);
    expect(await kpi('unlicensed')).toBe(one.unlicensed);
    expect(await page.textContent('[data-testid="district-township"]')).toBe(pick.name);
    await expect.poll(() => page.textContent('.app-title-township')).toBe(pick.name);
    // The timeline's chart follows: the township's own series.
    await expect
      .poll(() => asked.some((p) => p.startsWith(`/api/stats/series?township=${pick.id}`)))
      .toBe(true);
    const villages = await api<GeoJSON.FeatureCollection>(`/api/villages?township=${pick.id}`);
    const own = new Set(villages.features.map((f) => String(f.properties?.id)));
    const ranked = await page
      .locator('[data-testid^="village-rank-"]')
      .evaluateAll((els) =>
        els.map((e) => e.getAttribute('data-testid')?.replace('village-rank-', '') ?? ''),
      );
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked.every((id) => own.has(id))).toBe(true);
    await page.waitForTimeout(1200); // the map eases to the township
    await screenshot(page, 'district-township');

    // Village boundaries brought in now are of a township: the one drilled into, unless changed.
    await page.click('[data-testid="open-data"]');
    await page.click('[data-testid="data-tab-boundaries"]');
    const townshipField = page.locator('[data-testid="boundary-township"]');
    await expect.poll(() => townshipField.locator('option').count()).toBe(4); // 请选择乡镇 + three
    expect(await townshipField.inputValue()).not.toBe('');
    expect(await townshipField.locator('option:checked').textContent()).toBe(pick.name);
    await screenshot(page, 'district-boundary-form');
    // The reports of the export tab are of the township drilled into, and say so.
    await page.click('[data-testid="data-tab-export"]');
    const summary = page.locator('[data-testid="report-township"]');
    expect(await summary.textContent()).toBe(`${pick.name}年度汇总（A4 PDF）`);
    expect(await summary.getAttribute('href')).toContain(`township=${pick.id}`);
    expect(await page.getAttribute('[data-testid="report-map"]', 'href')).toContain(`township=${pick.id}`);
    const report = await office((await summary.getAttribute('href')) as string);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-disposition')).toContain(encodeURIComponent(pick.name));
    // An account limited to that township, made on the 账号 tab, says so in the list.
    await page.click('[data-testid="data-tab-users"]');
    await page.fill('[data-testid="new-user-name"]', 'leader-one');
    await page.selectOption('[data-testid="new-user-role"]', 'leader');
    await page.selectOption('[data-testid="new-user-townships"]', { label: pick.name });
    await page.click('[data-testid="new-user-add"]');
    await expect
      .poll(() => page.locator('[data-testid="user-leader-one"]').textContent())
      .toContain(`乡镇：${pick.name}`);
    // Its reach changed later, on the same tab: 修改 fills the form with the account as it is.
    const other = townships[2];
    await page.click('[data-testid="user-edit-leader-one"]');
    expect(await page.inputValue('[data-testid="new-user-name"]')).toBe('leader-one');
    expect(await page.inputValue('[data-testid="new-user-role"]')).toBe('leader');
    await page.selectOption('[data-testid="new-user-townships"]', [
      { label: pick.name },
      { label: other.name },
    ]);
    await screenshot(page, 'district-accounts-edit');
    await page.click('[data-testid="new-user-add"]');
    await expect
      .poll(() => page.locator('[data-testid="user-leader-one"]').textContent())
      .toMatch(new RegExp(`乡镇：(${pick.name}、${other.name}|${other.name}、${pick.name})`));
    const { users } = await api<{ users: { username: string; townships: string[] }[] }>('/api/users');
    expect(users.find((u) => u.username === 'leader-one')?.townships.length).toBe(2);
    // The form is a blank new one again.
    expect(await page.inputValue('[data-testid="new-user-name"]')).toBe('');
    await screenshot(page, 'district-accounts');

    // A township added on the page (新增乡镇), then its villages imported into it: it joins the ranking.
    await page.click('[data-testid="data-tab-boundaries"]');
    const code = `${townships[0].code.slice(0, 6)}990000`;
    await page.fill('[data-testid="new-township-name"]', '新湾街道');
    await page.fill('[data-testid="new-township-code"]', code);
    await page.click('[data-testid="new-township-add"]');
    await expect
      .poll(() => page.textContent('[data-testid="new-township-added"]'))
      .toContain('已新增 新湾街道');
    await expect.poll(() => townshipField.inputValue()).toBe(code);
    const [w, , e, n] = townships
      .map((x) => x.bbox)
      .reduce((a, b) => [
        Math.min(a[0], b[0]),
        Math.min(a[1], b[1]),
        Math.max(a[2], b[2]),
        Math.max(a[3], b[3]),
      ]);
    const square = (x: number) => [
      [
        [x, n - 0.02],
        [x + 0.01, n - 0.02],
        [x + 0.01, n - 0.01],
        [x, n - 0.01],
        [x, n - 0.02],
      ],
    ];
    const geojson = {
      type: 'FeatureCollection',
      features: ['新湾一村', '新湾二村'].map((name, i) => ({
        type: 'Feature',
        properties: { name, code: `${code.slice(0, 9)}00${i + 1}` },
        geometry: { type: 'Polygon', coordinates: square(e + 0.01 + i * 0.01) },
      })),
    };
    expect(w).toBeLessThan(e);
    await page.setInputFiles('[data-testid="boundary-file"]', {
      name: '新湾村界.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(geojson)),
    });
    await page.click('[data-testid="boundary-commit"]');
    await expect.poll(() => page.textContent('[data-testid="boundary-result"]')).toContain('新增 2');
    await screenshot(page, 'district-new-township');
    await page.click('[data-testid="close-data"]');
    await page.click('[data-testid="district-back"]');
    await expect.poll(() => rows.count()).toBe(4);
    expect(await page.locator('[data-testid="township-ranking"]').textContent()).toContain('新湾街道');
    await page.click(`[data-testid="township-rank-${pick.id}"]`);

    await page.click('[data-testid="district-back"]');
    await expect.poll(() => kpi('surveyed')).toBe(whole.surveyed);
    await expect.poll(() => page.url()).not.toContain('township=');
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('puts one township on the big screen with /display?township=ID, public data only', async () => {
    const office = await signedInFetch(running.server.url);
    const { townships } = (await (await office('/api/townships?at=2010-12-31')).json()) as Townships;
    const pick = townships[2];
    const page = await running.chromium.newPage({ viewport: { width: 1920, height: 1080 } });
    const watch = watchPage(page, running.server.url);
    const apiPaths: string[] = [];
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (url.pathname.startsWith('/api/')) apiPaths.push(`${url.pathname}${url.search}`);
    });
    await page.goto(`${running.server.url}/display?township=${pick.id}`);
    await page.waitForSelector('[data-testid="display-map"][data-ready="true"]', { timeout: 90_000 });
    const summary = (await (
      await fetch(`${running.server.url}/api/display/summary?township=${pick.id}`)
    ).json()) as { totals: Stats };
    await expect
      .poll(async () => Number(await page.getAttribute('[data-testid="display-kpi-surveyed"]', 'data-value')))
      .toBe(summary.totals.surveyed);
    expect(await page.textContent('.dsp-township')).toBe(pick.name);
    await screenshot(page, 'district-display-township');
    // The screen asks for its township only, and for nothing but the public API.
    expect(apiPaths.filter((p) => !p.startsWith('/api/display/'))).toEqual([]);
    for (const path of ['campaign', 'villages', 'summary'])
      expect(
        apiPaths.some((p) => p.startsWith(`/api/display/${path}?`) && p.includes(`township=${pick.id}`)),
      ).toBe(true);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});
