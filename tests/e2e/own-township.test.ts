import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signedInFetch } from '../helpers/api-session';
import { appInBrowser } from '../helpers/app-in-browser';
import { screenshot, watchPage } from '../helpers/browser';
import { fixedSurveyList, SHITANG_FILES, shitangFile } from '../helpers/second-township';

/** A record started empty: no demo, nothing but the first admin. */
const running = appInBrowser({ DEMO: '0' });

const kpi = async (page: Page, key: string) =>
  Number(await page.getAttribute(`[data-testid="kpi-${key}"]`, 'data-value'));
const upload = async (page: Page, selector: string, file: { name: string; bytes: Uint8Array }) =>
  page.setInputFiles(selector, {
    name: file.name,
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(file.bytes),
  });

describe('a township of its own, brought in from its files on the page alone', () => {
  it('sets 石塘镇 up, imports its land-office boundaries, door plates and survey list, and shows it on the map over time', async () => {
    const page = await running.browser.newPage({ viewport: { width: 1600, height: 900 } });
    const watch = watchPage(page, running.server.url);
    await page.goto(`${running.server.url}/`);

    // An empty record opens on the set-up, at its first step.
    const form = page.locator('[data-testid="campaign-form"]');
    await form.waitFor({ timeout: 60_000 });
    const fill = async (key: string, value: string) => page.fill(`[data-testid="setup-${key}"]`, value);
    await fill('province', '浙江省');
    await fill('city', '杭州市');
    await fill('district', '钱塘区');
    await fill('districtCode', '330114');
    await fill('districtOtherNames', '江干区');
    await fill('township', '石塘镇');
    await fill('townshipCode', '330114104000');
    await fill('start', '2008-01-01');
    await expect.poll(() => page.inputValue('[data-testid="setup-end"]')).toBe('2010-12-31');
    await screenshot(page, 'own-township-1-setup');
    await page.click('[data-testid="setup-save"]');
    await expect
      .poll(() => page.locator('.app-title-township').textContent(), { timeout: 20_000 })
      .toBe('石塘镇');

    // The land office's shapefile: Gauss-Krüger metres, a GBK .dbf without .cpg, zipped.
    await page.locator('[data-testid="boundary-import"]').waitFor();
    await upload(page, '[data-testid="boundary-file"]', shitangFile(SHITANG_FILES.villagesZip));
    const features = page.locator('[data-testid="boundary-features"] tbody tr');
    await expect.poll(() => features.count(), { timeout: 30_000 }).toBe(13);
    expect(await page.locator('[data-testid="boundary-features"]').textContent()).toContain('新村村');
    await screenshot(page, 'own-township-2-boundaries');
    await page.click('[data-testid="boundary-commit"]');
    await page.locator('[data-testid="boundary-result"]').waitFor({ timeout: 30_000 });
    await page.click('[data-testid="setup-next"]');

    // The door plates: the good rows in, the bad ones reported.
    await upload(page, '[data-testid="gazetteer-file"]', shitangFile(SHITANG_FILES.gazetteer));
    await page.locator('[data-testid="gazetteer-result"]').waitFor({ timeout: 60_000 });
    expect(
      Number(await page.getAttribute('[data-testid="gazetteer-imported"]', 'data-value')),
    ).toBeGreaterThan(2000);
    expect(
      Number(await page.getAttribute('[data-testid="gazetteer-rejected"]', 'data-value')),
    ).toBeGreaterThan(0);
    await screenshot(page, 'own-township-3-door-plates');
    await page.click('[data-testid="setup-next"]');

    // The survey list, as the office sends it back once its bad rows are mended.
    const setup = '[data-testid="setup-panel"]';
    await upload(page, `${setup} [data-testid="import-file"]`, await fixedSurveyList());
    await page.locator(`${setup} [data-testid="import-validate"]`).click({ timeout: 60_000 });
    await page.locator(`${setup} [data-testid="import-check"]`).waitFor({ timeout: 90_000 });
    await page.click(`${setup} [data-testid="import-commit"]`);
    const progress = page.locator(`${setup} [data-testid="import-progress"]`);
    await expect
      .poll(() => progress.getAttribute('data-phase'), { timeout: 90_000, interval: 250 })
      .toBe('committed');
    await page.click('[data-testid="setup-step-done"]');
    await page.locator('[data-testid="setup-done"].data-ok').waitFor({ timeout: 30_000 });
    await screenshot(page, 'own-township-4-done');
    await page.click('[data-testid="setup-to-map"]');

    // On the map: 792 premises at the end, fewer early in the survey; the slider moves the numbers.
    await page.goto(`${running.server.url}/?at=2010-12-31`);
    await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 90_000 });
    await expect.poll(() => kpi(page, 'surveyed'), { timeout: 30_000 }).toBe(792);
    const office = await signedInFetch(running.server.url);
    const stats = (await (await office('/api/stats?at=2010-12-31')).json()) as { surveyed: number };
    expect(stats.surveyed).toBe(792);
    expect(await page.locator('.maplibregl-canvas').count()).toBe(1);
    await screenshot(page, 'own-township-5-map');
    const slider = page.locator('[data-testid="timeline-slider"]');
    const box = await slider.boundingBox();
    if (!box) throw new Error('no timeline slider');
    await page.mouse.click(box.x + box.width * 0.03, box.y + box.height / 2);
    await expect.poll(() => kpi(page, 'surveyed'), { timeout: 20_000 }).toBeLessThan(792);
    const early = (await page.getAttribute('[data-testid="timeline-date"]', 'data-value')) ?? '';
    const then = (await (await office(`/api/stats?at=${early}`)).json()) as { surveyed: number };
    expect(await kpi(page, 'surveyed')).toBe(then.surveyed);
    await screenshot(page, 'own-township-6-early');
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
});
