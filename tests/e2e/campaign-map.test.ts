import { Jimp } from 'jimp';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { decodePremiseLayer } from '../../server/src/domain/premise-layer-codec';
import { STATUS_KEYS } from '../../server/src/domain/statuses';
import { signedInFetch } from '../helpers/api-session';
import { appInBrowser } from '../helpers/app-in-browser';
import { type PageWatch, screenshot, watchPage } from '../helpers/browser';

type Stats = { surveyed: number; unlicensed: number; progress: number; byStatus: Record<string, number> };

const running = appInBrowser();
/** The API as the office's admin, as a script would call it. */
const office = () => signedInFetch(running.server.url);

async function openPage(
  path: string,
  size = { width: 1600, height: 900 },
): Promise<{ page: Page; watch: PageWatch }> {
  const page = await running.browser.newPage({ viewport: size });
  const watch = watchPage(page, running.server.url);
  await page.goto(`${running.server.url}${path}`);
  await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 90_000 });
  return { page, watch };
}

const kpi = async (page: Page, key: string) =>
  Number(await page.getAttribute(`[data-testid="kpi-${key}"]`, 'data-value'));

async function stats(at: string): Promise<Stats> {
  return (await (await (await office())(`/api/stats?at=${at}`)).json()) as Stats;
}

describe('the campaign map in Chromium', () => {
  it('opens on the URL date with KPIs equal to the API, and the slider moves them', async () => {
    const { page, watch } = await openPage('/?at=2009-06-30');
    expect(await page.getAttribute('[data-testid="timeline-date"]', 'data-value')).toBe('2009-06-30');
    const api = await stats('2009-06-30');
    await expect.poll(() => kpi(page, 'surveyed')).toBe(api.surveyed);
    expect(await kpi(page, 'unlicensed')).toBe(api.unlicensed);
    expect(await kpi(page, 'progress')).toBeCloseTo(api.progress, 6);
    await screenshot(page, 'campaign-map-2009-06-30');

    // Keyboard on the focused slider: End jumps to the campaign's last day.
    await page.focus('[data-testid="timeline-slider"]');
    await page.keyboard.press('End');
    await expect
      .poll(() => page.getAttribute('[data-testid="timeline-date"]', 'data-value'))
      .toBe('2010-12-31');
    const end = await stats('2010-12-31');
    await expect.poll(() => kpi(page, 'unlicensed')).toBe(end.unlicensed);
    expect(await kpi(page, 'surveyed')).toBe(end.surveyed);
    expect(await kpi(page, 'progress')).toBeCloseTo(end.progress, 6);
    // The URL is written debounced, a moment after the last change.
    await expect.poll(() => page.url()).toContain('at=2010-12-31');

    // Dragging the slider to its left edge goes back to the start.
    const box = await page.locator('[data-testid="timeline-slider"]').boundingBox();
    if (!box) throw new Error('slider not visible');
    await page.mouse.click(box.x + 2, box.y + box.height / 2);
    await expect.poll(async () => kpi(page, 'surveyed')).toBeLessThan(end.surveyed);
    const at = (await page.getAttribute('[data-testid="timeline-date"]', 'data-value')) as string;
    expect(await kpi(page, 'surveyed')).toBe((await stats(at)).surveyed);

    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('opens a premise file when a point is clicked', async () => {
    const layer = decodePremiseLayer(await (await (await office())(`/api/layers/premises`)).arrayBuffer());
    const [lng, lat] = [layer.columns.position[0], layer.columns.position[1]];
    const id = layer.columns.id[0];
    const premise = (await (await (await office())(`/api/premises/${id}`)).json()) as {
      name: string;
    };
    const { page, watch } = await openPage(`/?at=2010-12-31&view=${lng},${lat},18`);
    const map = await page.locator('[data-testid="map"]').boundingBox();
    if (!map) throw new Error('map not visible');
    await page.mouse.click(map.x + map.width / 2, map.y + map.height / 2);
    const drawer = page.locator('[data-testid="premise-drawer"]');
    await expect.poll(() => drawer.isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => drawer.textContent()).toContain(premise.name);
    await screenshot(page, 'premise-drawer');
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('toggles the heatmap and renders Chinese at 1366×768', async () => {
    const { page, watch } = await openPage('/?at=2008-09-30', { width: 1366, height: 768 });
    const toggle = page.locator('[data-testid="layer-heatmap"]');
    const before = await toggle.isChecked();
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(!before);
    await expect.poll(() => page.url()).toMatch(before ? /layers=(?![^&]*heatmap)/ : /layers=[^&]*heatmap/);
    if (before) await toggle.click();
    await page.waitForTimeout(1500);
    await screenshot(page, 'campaign-map-1366-heatmap');
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});

/** The map's pixels as the screen shows them. */
async function mapPixels(page: Page) {
  const png = await page.locator('[data-testid="map"]').screenshot();
  return (await Jimp.read(png)).bitmap;
}

/** The share of pixels that differ clearly (by more than 40 in a channel) between two images of one size. */
function changedShare(a: { data: Uint8Array }, b: { data: Uint8Array }): number {
  let changed = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.max(
      Math.abs(a.data[i] - b.data[i]),
      Math.abs(a.data[i + 1] - b.data[i + 1]),
      Math.abs(a.data[i + 2] - b.data[i + 2]),
    );
    if (d > 40) changed++;
  }
  return changed / (a.data.length / 4);
}

/** Pixels within 30 of a colour in each channel. */
function pixelsNear(image: { data: Uint8Array }, rgb: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < image.data.length; i += 4)
    if (rgb.every((v, c) => Math.abs(image.data[i + c] - v) <= 30)) n++;
  return n;
}

describe('a record too big to take whole (the limit set below the demo township)', () => {
  const big = appInBrowser({ PREMISES_WHOLE_LIMIT: '100' });

  it('shows the numbers, draws cells zoomed out and premises by box zoomed in, never the whole layer', async () => {
    const page = await big.browser.newPage({ viewport: { width: 1366, height: 768 } });
    const watch = watchPage(page, big.server.url);
    const layerAsks: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/layers/premises')) layerAsks.push(`${url.pathname}${url.search}`);
    });
    await page.goto(`${big.server.url}/?at=2009-06-30`);
    await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 90_000 });
    const api = (await (
      await (
        await signedInFetch(big.server.url)
      )('/api/stats?at=2009-06-30')
    ).json()) as Stats;
    expect(await kpi(page, 'surveyed')).toBe(api.surveyed);
    expect(layerAsks.some((a) => a.startsWith('/api/layers/premises/cells?z='))).toBe(true);
    await screenshot(page, 'campaign-map-cells');
    // The unlicensed heatmap is drawn from the cells: switching it off takes its glow away.
    const withHeat = await mapPixels(page);
    await page.click('[data-testid="layer-heatmap"]');
    await page.waitForTimeout(1500);
    const withoutHeat = await mapPixels(page);
    expect(changedShare(withHeat, withoutHeat)).toBeGreaterThan(0.01);
    await page.click('[data-testid="layer-heatmap"]');
    // The villages coloured by their unlicensed premises, then by premises per km², each classed
    // against the server's ceilings (choosing a metric turns the layer on).
    await page.selectOption('[data-testid="choropleth-metric"]', 'unlicensed');
    await page.waitForTimeout(1500);
    const byUnlicensed = await mapPixels(page);
    // (The lightest classes differ little from the basemap: 1.5 % of the pixels change clearly here, none unclassed.)
    expect(changedShare(byUnlicensed, withHeat)).toBeGreaterThan(0.005);
    await page.selectOption('[data-testid="choropleth-metric"]', 'density');
    await page.waitForTimeout(1500);
    expect(changedShare(await mapPixels(page), byUnlicensed)).toBeGreaterThan(0.01);
    await screenshot(page, 'campaign-map-cells-density');
    await page.click('[data-testid="layer-choropleth"]');

    // Zoomed in on a model site of that day (found from the layer as a script reads it).
    const layer = decodePremiseLayer(
      await (await (await signedInFetch(big.server.url))('/api/layers/premises')).arrayBuffer(),
    ).columns;
    const day = (Date.parse('2009-06-30') - Date.parse('2008-01-01')) / 86_400_000;
    const k = [...layer.status.keys()].find(
      (i) => layer.status[i] === STATUS_KEYS.indexOf('model') && layer.from[i] <= day && day < layer.to[i],
    ) as number;
    const [lng, lat] = [layer.position[2 * layer.premise[k]], layer.position[2 * layer.premise[k] + 1]];
    await page.goto(`${big.server.url}/?at=2009-06-30&view=${lng},${lat},16`);
    await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 90_000 });
    expect(layerAsks.some((a) => a.startsWith('/api/layers/premises?bbox='))).toBe(true);
    expect(layerAsks.filter((a) => a === '/api/layers/premises')).toEqual([]);
    await screenshot(page, 'campaign-map-box');
    // The model sites in view are ringed in gold, as on a record taken whole.
    expect(pixelsNear(await mapPixels(page), [241, 196, 15])).toBeGreaterThan(50);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});
