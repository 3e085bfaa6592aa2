import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signedInFetch } from '../helpers/api-session';
import { appInBrowser } from '../helpers/app-in-browser';
import { screenshot, watchPage } from '../helpers/browser';

const running = appInBrowser();

/** The colour on screen at a point, decoded by the page itself from a one-pixel screenshot. */
async function pixelAt(page: Page, x: number, y: number): Promise<[number, number, number]> {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 1;
    canvas.height = 1;
    const g = canvas.getContext('2d') as CanvasRenderingContext2D;
    g.drawImage(img, 0, 0);
    const [r, gr, b] = g.getImageData(0, 0, 1, 1).data;
    return [r, gr, b] as [number, number, number];
  }, png.toString('base64'));
}
const greenish = ([r, g, b]: [number, number, number]) => g > r + 25 && g > b + 15;

describe('annual acceptance (验收) in Chromium', () => {
  it('chooses a year, colours the villages, opens a scorecard from the map, its evidence, and signs it off', async () => {
    const page = await running.browser.newPage({ viewport: { width: 1366, height: 800 } });
    const watch = watchPage(page, running.server.url);
    // Premise dots off, so that a click on the map lands on a village, not a premise.
    await page.goto(`${running.server.url}/?at=2009-06-30&panel=acceptance&layers=villages,choropleth`);
    await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 90_000 });
    const asOf = page.locator('[data-testid="acceptance-as-of"]');
    await expect.poll(() => asOf.getAttribute('data-year'), { timeout: 30_000 }).toBe('2009');

    await page.selectOption('[data-testid="acceptance-year"]', '2010');
    await expect.poll(() => asOf.getAttribute('data-year'), { timeout: 30_000 }).toBe('2010');
    const rows = page.locator('[data-testid="acceptance-village"]');
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    await screenshot(page, 'acceptance-year');

    // A point right of the panel, inside the township: the village under it gets the scorecard.
    const map = await page.locator('[data-testid="map"]').boundingBox();
    if (!map) throw new Error('map not visible');
    const spot = { x: Math.round(map.x + map.width * 0.7), y: Math.round(map.y + map.height * 0.5) };
    expect(greenish(await pixelAt(page, spot.x, spot.y))).toBe(false);
    await page.mouse.click(spot.x, spot.y);
    const card = page.locator('[data-testid="scorecard"]');
    await card.waitFor({ timeout: 30_000 });
    const villageId = Number(await card.getAttribute('data-village'));
    expect(villageId).toBeGreaterThan(0);
    expect(await card.getAttribute('data-result')).not.toBe('passed');

    // Evidence: a line opens to its premises; one click opens that premise's file.
    await card.locator('[data-testid="evidence-toggle"]').first().click();
    const evidence = card.locator('[data-testid="evidence-premise"]').first();
    await evidence.click();
    const drawer = page.locator('[data-testid="premise-drawer"]');
    await drawer.waitFor();
    expect(Number(await drawer.getAttribute('data-premise'))).toBeGreaterThan(0);
    await page.keyboard.press('Escape');

    await card.locator('[data-testid="acceptance-remarks"]').fill('台账齐全，示范点已复核');
    await card.locator('[data-testid="sign-pass"]').click();
    await page.locator('[data-testid="signed-off"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => card.getAttribute('data-result')).toBe('passed');
    expect(await page.locator('[data-testid="signed-off"]').textContent()).toContain('admin');

    // The village turns green on the map, and the record says so.
    await expect
      .poll(async () => greenish(await pixelAt(page, spot.x, spot.y)), { timeout: 30_000 })
      .toBe(true);
    const api = await signedInFetch(running.server.url);
    const answer = (await (await api('/api/acceptance?year=2010')).json()) as {
      villages: { id: number; passed: boolean | null; signedOffBy?: string }[];
    };
    expect(answer.villages.find((v) => v.id === villageId)).toMatchObject({
      passed: true,
      signedOffBy: 'admin',
    });
    await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'acceptance-signed-off');
    // The same in English: the labels switch, the record does not.
    await page.click('[data-testid="lang-switch"]');
    await expect
      .poll(() => page.locator('[data-testid="signed-off"]').textContent())
      .toContain('Signed off by admin');
    await screenshot(page, 'acceptance-signed-off-en');
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
});
