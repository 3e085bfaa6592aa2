import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { departmentCategories } from '../../server/src/domain/auth/roles';
import { type SignedInFetch, signedInFetch } from '../helpers/api-session';
import { appInBrowser } from '../helpers/app-in-browser';
import { screenshot, watchPage } from '../helpers/browser';

const running = appInBrowser();
const AT = '2010-12-31';
const PASSWORD = 'role-test-password-1';

type Stats = { surveyed: number; byVillage: Record<string, { surveyed: number }> };

const kpi = async (page: Page, key: string) =>
  Number(await page.getAttribute(`[data-testid="kpi-${key}"]`, 'data-value'));

/** Signs in through the page's own sign-in form, as a person would. */
async function signIn(username: string): Promise<Page> {
  const context = await running.chromium.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${running.server.url}/?at=${AT}`);
  await page.fill('[data-testid="login-username"]', username);
  await page.fill('[data-testid="login-password"]', PASSWORD);
  await page.click('[data-testid="login-submit"]');
  await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 90_000 });
  return page;
}

/** Opens the first premise of the page's own layer in the drawer (by the URL). */
async function openPremise(page: Page, id: number) {
  await page.goto(`${running.server.url}/?at=${AT}&premise=${id}`);
  await page.locator('[data-testid="premise-drawer"] dl').waitFor({ timeout: 60_000 });
}

const particulars = async (page: Page) =>
  Object.fromEntries(
    await page
      .locator('[data-testid="premise-drawer"] dl > div')
      .evaluateAll((rows) =>
        rows.map((r) => [r.querySelector('dt')?.textContent, r.querySelector('dd')?.textContent]),
      ),
  ) as Record<string, string>;

const dataTabs = async (page: Page) => {
  if ((await page.locator('[data-testid="open-data"]').count()) === 0) return [];
  await page.click('[data-testid="open-data"]');
  await page.locator('[data-testid="data-sheet"]').waitFor();
  const tabs = await page
    .locator('[data-testid^="data-tab-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')?.replace('data-tab-', '')));
  await page.click('[data-testid="close-data"]');
  return tabs;
};

describe('each role, signed in in Chromium, sees and may change what the policy table says', () => {
  let office: SignedInFetch;
  let village: { id: number; code: string; name: string };
  let premise = 0;
  let stats: Stats;

  beforeAll(async () => {
    office = await signedInFetch(running.server.url);
    const villages = (await (await office('/api/villages')).json()) as GeoJSON.FeatureCollection;
    const first = villages.features[0].properties as { id: number; code: string; name: string };
    village = first;
    stats = (await (await office(`/api/stats?at=${AT}`)).json()) as Stats;
    const accounts = [
      { username: 'lingdao', role: 'leader' },
      { username: 'cunguan', role: 'village', villages: [village.code] },
      { username: 'gongshang', role: 'inspector', department: 'aic' },
      { username: 'kankan', role: 'viewer' },
    ];
    for (const a of accounts) {
      const res = await office('/api/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...a, password: PASSWORD }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    // A premise of the officer's village that has a phone on file.
    const layer = await office('/api/areas/premises', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ geometry: villages.features[0].geometry, at: AT, pageSize: 50 }),
    });
    const inside = (await layer.json()) as { premises: { id: number }[] };
    for (const p of inside.premises) {
      const file = (await (await office(`/api/premises/${p.id}`)).json()) as { phone: string | null };
      if (file.phone) {
        premise = p.id;
        break;
      }
    }
    expect(premise).toBeGreaterThan(0);
  });

  it('refuses a wrong password on the sign-in page, in Chinese', async () => {
    const page = await running.chromium.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${running.server.url}/`);
    await page.fill('[data-testid="login-username"]', 'kankan');
    await page.fill('[data-testid="login-password"]', 'not-the-password');
    await page.click('[data-testid="login-submit"]');
    await page.locator('[data-testid="login-error"]').waitFor();
    expect(await page.locator('[data-testid="login-error"]').textContent()).toContain('登录失败');
    await screenshot(page, 'roles-0-sign-in');
    await page.close();
  });

  it('a village officer: their village only, its premises in full on request, ledgers of it', async () => {
    const page = await signIn('cunguan');
    const watch = watchPage(page, running.server.url);
    await expect.poll(() => kpi(page, 'surveyed')).toBe(stats.byVillage[String(village.id)].surveyed);
    expect(await dataTabs(page)).toEqual(['export']);
    await openPremise(page, premise);
    expect((await particulars(page)).联系电话).not.toMatch(/\*/);
    await page.click('[data-testid="premise-unmask"]');
    await expect.poll(async () => (await particulars(page)).身份证号).not.toMatch(/\*/);
    await screenshot(page, 'roles-village');
    expect(watch.consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('a leader: everything to read, phones masked, key areas to save, the audit log; no imports', async () => {
    const page = await signIn('lingdao');
    await expect.poll(() => kpi(page, 'surveyed')).toBe(stats.surveyed);
    expect(await dataTabs(page)).toEqual(['export', 'audit']);
    await openPremise(page, premise);
    expect((await particulars(page)).联系电话).toMatch(/\*{4}/);
    expect(await page.locator('[data-testid="premise-unmask"]').count()).toBe(0);
    await screenshot(page, 'roles-leader');
    await page.context().close();
  });

  it('an inspector of 工商所: only the trades it regulates', async () => {
    const page = await signIn('gongshang');
    const own = (await (await office(`/api/stats?at=${AT}`)).json()) as {
      byCategory: Record<string, { surveyed: number }>;
    };
    const aic = departmentCategories('aic');
    const expected = aic.reduce((n, c) => n + own.byCategory[c].surveyed, 0);
    await expect.poll(() => kpi(page, 'surveyed')).toBe(expected);
    await screenshot(page, 'roles-inspector');
    await page.context().close();
  });

  it('a viewer: the map and the numbers, names and phones masked, no data workspace', async () => {
    const page = await signIn('kankan');
    await expect.poll(() => kpi(page, 'surveyed')).toBe(stats.surveyed);
    expect(await page.locator('[data-testid="open-data"]').count()).toBe(0);
    await openPremise(page, premise);
    const shown = await particulars(page);
    expect(shown.经营者).toMatch(/^.\*+$/u);
    expect(shown.联系电话).toMatch(/\*{4}/);
    await screenshot(page, 'roles-viewer');
    await page.context().close();
  });

  it('the admin: every tab of the workspace, accounts among them', async () => {
    const page = await running.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${running.server.url}/?at=${AT}`);
    await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 90_000 });
    expect(await dataTabs(page)).toEqual([
      'setup',
      'import',
      'history',
      'review',
      'boundaries',
      'addresses',
      'export',
      'users',
      'audit',
    ]);
    await page.click('[data-testid="open-data"]');
    await page.click('[data-testid="data-tab-users"]');
    await page.locator('[data-testid="user-cunguan"]').waitFor();
    await screenshot(page, 'roles-admin-accounts');
    await page.close();
  });
});
