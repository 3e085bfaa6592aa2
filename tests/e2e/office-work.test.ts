import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SignedInFetch, signedInFetch } from '../helpers/api-session';
import { appInBrowser, signedInPage } from '../helpers/app-in-browser';
import { screenshot, watchPage } from '../helpers/browser';

/** The demo's last campaign day: the page opens on it, the work lists are asked for on it. */
const AT = '2010-12-31';
const PASSWORD = 'office-test-password-1';

interface File {
  id: number;
  archiveNo: string;
  name: string;
  address: string;
  category: string;
  phone: string | null;
  lngLat: [number, number];
  events: { date: string; type: string }[];
  edits: { actor: string; changes: { field: string }[] }[];
}

const running = appInBrowser();
let office: SignedInFetch;
let village: { id: number; code: string; name: string; geometry: GeoJSON.Geometry };
/** The premise inspected and given as a task; `edited` is another one, whose phone and pin change. */
let premise: File;
let edited: File;
/** One that fails its re-inspection twice; one that closes and comes back under a new name. */
let failing: File;
let shut: File;

const json = async <T>(path: string, init?: RequestInit): Promise<T> => {
  const res = await office(path, {
    ...init,
    headers: { 'content-type': 'application/json', ...init?.headers },
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};
const file = (id: number) => json<File>(`/api/premises/${id}`);
const kpi = async (page: Page, key: string) =>
  Number(await page.getAttribute(`[data-testid="kpi-${key}"]`, 'data-value'));
const drawer = (page: Page) => page.locator('[data-testid="premise-drawer"]');

async function openFile(page: Page, id: number) {
  await page.goto(`${running.server.url}/?at=${AT}&premise=${id}`);
  await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 90_000 });
  await drawer(page).locator('dl').waitFor({ timeout: 60_000 });
}

describe('daily work in the office (日常工作)', () => {
  beforeAll(async () => {
    office = await signedInFetch(running.server.url);
    const villages = await json<GeoJSON.FeatureCollection>('/api/villages');
    const first = villages.features[0];
    village = {
      ...(first.properties as { id: number; code: string; name: string }),
      geometry: first.geometry,
    };
    // A premise of the first village, trading, with a phone on file and nothing recorded after
    // September 2010 (so an order of November is its latest).
    const inside = await json<{ premises: { id: number }[] }>('/api/areas/premises', {
      method: 'POST',
      body: JSON.stringify({ geometry: village.geometry, at: AT, pageSize: 80 }),
    });
    const found: File[] = [];
    for (const p of inside.premises) {
      const f = await file(p.id);
      const last = f.events.at(-1);
      if (f.phone && last && last.date < '2010-09-01' && !['closed', 'converted'].includes(last.type)) {
        found.push(f);
        if (found.length === 4) break;
      }
    }
    expect(found).toHaveLength(4);
    [premise, edited, failing, shut] = found;
  });

  it("edits a premise's phone and moves its pin; the file's history shows both with the actor", async () => {
    const page = await running.browser.newPage({ viewport: { width: 1366, height: 768 } });
    const watch = watchPage(page, running.server.url);
    await openFile(page, edited.id);

    await page.click('[data-testid="premise-edit"]');
    // The form starts from the file as this role sees it; a masked value (stars) starts empty,
    // and empty there means "leave it as it is".
    const shown = await json<{ phone: string | null; idNumber: string | null }>(`/api/premises/${edited.id}`);
    expect(await page.inputValue('[data-testid="edit-phone"]')).toBe(
      shown.phone?.includes('*') ? '' : (shown.phone ?? ''),
    );
    if (shown.idNumber?.includes('*'))
      expect(await page.inputValue('[data-testid="edit-idNumber"]')).toBe('');
    await page.fill('[data-testid="edit-phone"]', '13900001111');
    await page.click('[data-testid="edit-save"]');
    await page.locator('[data-testid="premise-edit-form"]').waitFor({ state: 'detached' });
    await expect.poll(async () => (await file(edited.id)).edits.length).toBe(1);

    // Move the pin: a click on the map, left of the drawer, then save.
    await page.click('[data-testid="premise-move-pin"]');
    const map = await page.locator('[data-testid="map"]').boundingBox();
    if (!map) throw new Error('map not visible');
    await page.mouse.click(map.x + map.width * 0.35, map.y + map.height * 0.5);
    await page.click('[data-testid="pin-save"]:not([disabled])');
    await page.locator('[data-testid="pin-mover"]').waitFor({ state: 'detached' });
    const moved = await file(edited.id);
    expect(moved.lngLat).not.toEqual(edited.lngLat);
    const [phoneEdit, pinEdit] = moved.edits.map((e) => e.changes.map((c) => c.field));
    expect(phoneEdit).toEqual(['phone']);
    // the point, how it was placed (by hand now), and the village if the point is in another one
    expect(pinEdit).toContain('lngLat');
    expect(pinEdit).toContain('geocodeMethod');

    const history = drawer(page).locator('[data-testid="history-entry"]');
    await expect.poll(() => history.count()).toBe(2);
    const text = await drawer(page).locator('[data-testid="premise-history"]').textContent();
    expect(text).toContain('联系电话');
    expect(text).toContain('位置');
    expect(text).toContain('admin');
    await drawer(page).locator('[data-testid="premise-history"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'office-file-history');
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });

  it('records a failed inspection with an order; the overdue list holds it and rings it on the map; a passed re-inspection clears it without a reload', async () => {
    const page = await running.browser.newPage({ viewport: { width: 1366, height: 768 } });
    const watch = watchPage(page, running.server.url);
    await openFile(page, premise.id);

    await page.click('[data-testid="premise-record-step"]');
    await page.fill('[data-testid="step-date"]', '2010-11-01');
    await page.locator('[data-testid="step-checklist"] label.check input').first().check();
    await page.fill('[data-testid="order-deadline"]', '2010-11-20');
    await page.fill('[data-testid="order-responsible"]', '王店主');
    await page.click('[data-testid="step-submit"]');
    await page.locator('[data-testid="step-form"]').waitFor({ state: 'detached' });
    await expect
      .poll(() => drawer(page).locator('[data-testid="premise-status"]').getAttribute('data-value'), {
        timeout: 30_000,
      })
      .toBe('rectifying');
    const progressOrdered = await kpi(page, 'progress');

    // 工作清单 → 逾期, this village: the premise is there (deadline 2010-11-20 < 2010-12-31).
    await page.click('[data-testid="open-work"]');
    await page.selectOption('[data-testid="worklist-village"]', String(village.id));
    const row = page.locator(`[data-testid="worklist-item"][data-premise="${premise.id}"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('逾期 41 天');
    await page.click('[data-testid="worklist-on-map"]');
    const total = Number(await page.getAttribute('[data-testid="worklist-total"]', 'data-value'));
    await expect
      .poll(() => page.getAttribute('[data-testid="worklist-items"]', 'data-ringed').then(Number))
      .toBe(total);
    await page.waitForTimeout(1200);
    await screenshot(page, 'office-overdue-ringed');

    // The re-inspection passes: the list lets it go, the file and the KPIs follow, no reload.
    await page.click('[data-testid="premise-record-step"]');
    await page.click('[data-testid="step-reinspection"]');
    await page.click('[data-testid="step-passed"]');
    await page.fill('[data-testid="step-date"]', '2010-12-15');
    await page.click('[data-testid="step-submit"]');
    await row.waitFor({ state: 'detached', timeout: 30_000 });
    await expect
      .poll(() => drawer(page).locator('[data-testid="premise-status"]').getAttribute('data-value'), {
        timeout: 30_000,
      })
      .toBe('compliant');
    await expect.poll(() => kpi(page, 'progress'), { timeout: 30_000 }).toBeGreaterThan(progressOrdered);
    expect(await page.getAttribute('[data-testid="worklist-items"]', 'data-ringed').then(Number)).toBe(
      total - 1,
    );
    await screenshot(page, 'office-reinspected');
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });

  it('lists a premise failing its re-inspection twice (屡次整改) and a closed shop coming back under a new name (回潮)', async () => {
    const step = (id: number, body: Record<string, unknown>) =>
      json(`/api/premises/${id}/events`, { method: 'POST', body: JSON.stringify(body) });
    await step(failing.id, { date: '2010-09-02', type: 'inspected', problems: ['unsanitary'] });
    await step(failing.id, { date: '2010-09-02', type: 'ordered', deadline: '2010-09-20' });
    await step(failing.id, { date: '2010-09-25', type: 'reinspected', passed: false });
    await step(failing.id, { date: '2010-09-25', type: 'ordered', deadline: '2010-10-25' });
    await step(failing.id, { date: '2010-10-26', type: 'reinspected', passed: false });
    await step(shut.id, { date: '2010-10-01', type: 'closed' });
    // The survey finds a shop at the closed one's address with its phone, under another name.
    const [lng, lat] = shut.lngLat;
    const csv = [
      '店名,联系电话,经营地址,所属村（社区）,行业类别,经度,纬度,摸底日期',
      `换了招牌的店,${shut.phone},${shut.address},${village.name},小食杂店,${lng.toFixed(6)},${lat.toFixed(6)},2010-11-15`,
    ].join('\n');
    const form = new FormData();
    form.append('file', new File([csv], '复查摸底.csv'));
    const staged = await (await office('/api/imports/premises', { method: 'POST', body: form })).json();
    expect((await office(`/api/imports/${staged.importId}/validate`, { method: 'POST' })).status).toBe(200);
    const committed = await json<{ created: number }>(`/api/imports/${staged.importId}/commit`, {
      method: 'POST',
      body: '{}',
    });
    expect(committed.created).toBe(1);

    const page = await running.browser.newPage({ viewport: { width: 1366, height: 768 } });
    const watch = watchPage(page, running.server.url);
    await page.goto(`${running.server.url}/?at=${AT}`);
    await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 90_000 });
    await page.click('[data-testid="open-work"]');
    await page.selectOption('[data-testid="worklist-village"]', String(village.id));
    await page.click('[data-testid="worklist-repeat-failures"]');
    const repeat = page.locator(`[data-testid="worklist-item"][data-premise="${failing.id}"]`);
    await repeat.waitFor({ timeout: 30_000 });
    expect(await repeat.textContent()).toContain(failing.name);
    await screenshot(page, 'office-repeat-failures');

    await page.click('[data-testid="worklist-rebound"]');
    const rebound = page.locator('[data-testid="worklist-item"]', { hasText: '换了招牌的店' });
    await rebound.waitFor({ timeout: 30_000 });
    expect(await rebound.textContent()).toContain(shut.archiveNo);
    await screenshot(page, 'office-rebound');
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });

  it('dispatches inspection tasks from a saved key area to a village; its officer finds them in 我的任务', async () => {
    const res = await office('/api/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'cunguan',
        role: 'village',
        villages: [village.code],
        password: PASSWORD,
      }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const [lng, lat] = (await file(premise.id)).lngLat;
    const d = 0.0015;
    const ring = [
      [lng - d, lat - d],
      [lng + d, lat - d],
      [lng + d, lat + d],
      [lng - d, lat + d],
      [lng - d, lat - d],
    ];
    const area = await json<{ id: number }>('/api/areas', {
      method: 'POST',
      body: JSON.stringify({
        name: '检查片区',
        reason: 'other',
        geometry: { type: 'Polygon', coordinates: [ring] },
      }),
    });

    const page = await running.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${running.server.url}/?at=${AT}&area=${area.id}`);
    await page.waitForSelector('[data-testid="area-panel"][data-state="ready"]', { timeout: 90_000 });
    await page.click('[data-testid="dispatch-open"]');
    await page.selectOption('[data-testid="dispatch-kind"]', 'village');
    await page.selectOption('[data-testid="dispatch-village"]', String(village.id));
    await page.fill('[data-testid="dispatch-due"]', '2030-06-30');
    await page.click('[data-testid="dispatch-submit"]');
    const done = await page.locator('[data-testid="dispatch-done"]').textContent({ timeout: 30_000 });
    const count = Number(/(\d+)/.exec(done ?? '')?.[1]);
    expect(count).toBeGreaterThan(0);
    await screenshot(page, 'office-dispatched');
    await page.close();

    const officer = await signedInPage(
      running.chromium,
      running.server.url,
      { viewport: { width: 1366, height: 768 } },
      { username: 'cunguan', password: PASSWORD },
    );
    await officer.goto(`${running.server.url}/?at=${AT}`);
    await officer.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 90_000 });
    await officer.click('[data-testid="open-work"]');
    await officer.click('[data-testid="work-tab-tasks"]');
    await officer
      .locator(`[data-testid="task-item"][data-premise="${premise.id}"]`)
      .waitFor({ timeout: 30_000 });
    expect(await officer.locator('[data-testid="task-item"]').count()).toBe(count);
    expect(await officer.getAttribute('[data-testid="task-state-open"]', 'data-count')).toBe(String(count));
    await screenshot(officer, 'office-my-tasks');
    await officer.close();
  });
});
