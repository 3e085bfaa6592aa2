import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signedInFetch } from '../helpers/api-session';
import { appInBrowser } from '../helpers/app-in-browser';
import { screenshot, watchPage } from '../helpers/browser';

type AreaStats = { surveyed: number; unlicensed: number; progress: number; areaKm2: number };
type Area = { id: number; name: string; geometry: { type: string; coordinates: number[][][] } };

const running = appInBrowser();
/** The API as the office's admin, as a script would call it. */
const office = () => signedInFetch(running.server.url);

const api = async <T>(path: string, init?: RequestInit): Promise<T> => {
  const res = await (await office())(path, {
    ...init,
    headers: { 'content-type': 'application/json', ...init?.headers },
  });
  return (await res.json()) as T;
};
const postStats = (geometry: unknown, at: string) =>
  api<AreaStats>('/api/areas/stats', { method: 'POST', body: JSON.stringify({ geometry, at }) });

const kpi = async (page: Page, key: string) =>
  Number(await page.getAttribute(`[data-testid="area-kpi-${key}"]`, 'data-value'));

/** Waits until the panel has the server's answer for this date, then checks its numbers against `api`. */
async function expectPanelEquals(page: Page, at: string, stats: () => Promise<AreaStats>) {
  const panel = page.locator('[data-testid="area-panel"]');
  await expect.poll(() => panel.getAttribute('data-at'), { timeout: 30_000 }).toBe(at);
  await expect.poll(() => panel.getAttribute('data-state'), { timeout: 30_000 }).toBe('ready');
  const want = await stats();
  expect(want.surveyed).toBeGreaterThan(0);
  await expect.poll(() => kpi(page, 'surveyed')).toBe(want.surveyed);
  expect(await kpi(page, 'unlicensed')).toBe(want.unlicensed);
  expect(await kpi(page, 'progress')).toBe(want.progress);
  expect(await kpi(page, 'areaKm2')).toBe(want.areaKm2);
}

/** A point left of the map's middle (clear of the area panel), and a five-vertex ring around it. */
async function drawingSpot(page: Page) {
  const map = await page.locator('[data-testid="map"]').boundingBox();
  if (!map) throw new Error('map not visible');
  const cx = map.x + map.width * 0.42;
  const cy = map.y + map.height * 0.5;
  const ring: [number, number][] = [
    [cx - 110, cy - 80],
    [cx + 90, cy - 95],
    [cx + 130, cy + 40],
    [cx + 10, cy + 110],
    [cx - 120, cy + 50],
  ];
  return { cx, cy, ring };
}

describe('key areas in Chromium', () => {
  it('draws a polygon, reads it, saves it, finds it after a reload, edits a vertex and deletes it', async () => {
    const page = await running.browser.newPage({ viewport: { width: 1366, height: 768 } });
    const watch = watchPage(page, running.server.url);
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    // The geometry the page sends is the shape as drawn: keep it to ask the API the same question.
    let drawn: unknown = null;
    page.on('request', (r) => {
      if (r.url().endsWith('/api/areas/stats') && drawn === null) drawn = r.postDataJSON().geometry;
    });

    await page.goto(`${running.server.url}/?at=2009-06-30`);
    await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 90_000 });
    expect(scripts.some((u) => u.includes('draw-session'))).toBe(false);

    // Draw: the tools load on first use; five clicks, then a click on the first vertex closes the ring.
    await page.click('[data-testid="draw-polygon"]');
    await expect.poll(() => page.getAttribute('[data-testid="draw-polygon"]', 'aria-pressed')).toBe('true');
    expect(scripts.some((u) => u.includes('draw-session'))).toBe(true);
    const { ring } = await drawingSpot(page);
    for (const [x, y] of ring) {
      await page.mouse.move(x, y, { steps: 4 });
      await page.mouse.click(x, y);
    }
    await page.mouse.move(ring[0][0], ring[0][1], { steps: 4 });
    await page.mouse.click(ring[0][0], ring[0][1]);

    await page.waitForSelector('[data-testid="area-panel"]', { timeout: 30_000 });
    await expect.poll(() => drawn !== null).toBe(true);
    await expectPanelEquals(page, '2009-06-30', () => postStats(drawn, '2009-06-30'));
    await screenshot(page, 'key-area-drawn');

    // The slider moves the panel, without asking the server per step.
    await page.focus('[data-testid="timeline-slider"]');
    await page.keyboard.press('End');
    await expectPanelEquals(page, '2010-12-31', () => postStats(drawn, '2010-12-31'));

    // Keep it.
    await page.fill('[data-testid="area-name"]', '测试重点片区');
    await page.click('[data-testid="area-save"]');
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/area=\d+/);
    const id = Number(/area=(\d+)/.exec(page.url())?.[1]);
    const saved = await api<Area>(`/api/areas/${id}`);
    expect(saved.name).toBe('测试重点片区');
    await page.waitForSelector(`[data-testid="area-item-${id}"]`);

    // Find it again after a reload: in the list, on the map, its panel open from the URL.
    await page.reload();
    await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 90_000 });
    await page.waitForSelector(`[data-testid="area-item-${id}"]`);
    await expect.poll(() => page.getAttribute('[data-testid="area-panel"]', 'data-area')).toBe(String(id));
    await expectPanelEquals(page, '2010-12-31', () => api<AreaStats>(`/api/areas/${id}/stats?at=2010-12-31`));
    await page.waitForTimeout(500);
    await screenshot(page, 'key-area-saved-after-reload');

    // A premise in the list opens its file.
    const first = page.locator('.area-premise').first();
    const premiseId = await first.getAttribute('data-premise');
    await first.click();
    await expect
      .poll(() => page.getAttribute('[data-testid="premise-drawer"]', 'data-premise'))
      .toBe(premiseId);
    await page.click('[data-testid="premise-drawer"] .drawer-close');

    // Edit a vertex: drag the first one outwards, save, and read the new shape back.
    await page.click('[data-testid="area-edit-shape"]');
    await expect.poll(() => page.getAttribute('[data-testid="draw-select"]', 'aria-pressed')).toBe('true');
    const [vx, vy] = ring[0];
    await page.mouse.move(vx, vy, { steps: 4 });
    await page.mouse.down();
    await page.mouse.move(vx - 60, vy - 50, { steps: 10 });
    await page.mouse.up();
    await page.waitForSelector('[data-testid="area-cancel-edit"]');
    await page.click('[data-testid="area-save"]');
    await expect
      .poll(async () => JSON.stringify((await api<Area>(`/api/areas/${id}`)).geometry), { timeout: 15_000 })
      .not.toBe(JSON.stringify(saved.geometry));
    const edited = await api<Area>(`/api/areas/${id}`);
    // One vertex moved, the others stayed where they were.
    const before = new Set(saved.geometry.coordinates[0].map((p) => p.join()));
    const moved = edited.geometry.coordinates[0].slice(0, -1).filter((p) => !before.has(p.join()));
    expect(edited.geometry.coordinates[0]).toHaveLength(saved.geometry.coordinates[0].length);
    expect(moved).toHaveLength(1);
    await expectPanelEquals(page, '2010-12-31', () => api<AreaStats>(`/api/areas/${id}/stats?at=2010-12-31`));
    await screenshot(page, 'key-area-edited');

    // The list of premises inside exports as a workbook (built in the page) and as the server's CSV.
    const total = Number(/\d+/.exec((await page.textContent('.area-premises h3')) ?? '')?.[0]);
    const [xlsx] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.click('[data-testid="area-export-xlsx"]'),
    ]);
    expect(xlsx.suggestedFilename()).toBe('测试重点片区-2010-12-31.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsx.path());
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '档案编号',
      '店名',
      '行业',
      '村（社区）',
      '当日状态',
      '无证照',
      '地址',
    ]);
    expect(sheet.rowCount).toBe(total + 2);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="area-export-csv"]'),
    ]);
    const lines = readFileSync(await csv.path(), 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('\uFEFF档案编号,名称,行业,所属村社区,状态,无证照,地址');
    expect(lines.length - 1).toBe(total);

    // Delete it, after the confirmation.
    await page.click('[data-testid="area-delete"]');
    await page.click('[data-testid="area-confirm-delete"]');
    await page.waitForSelector(`[data-testid="area-item-${id}"]`, { state: 'detached' });
    expect((await (await office())(`/api/areas/${id}`)).status).toBe(404);
    await expect.poll(() => page.url()).not.toMatch(/area=/);

    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('undoes and cancels while drawing, and draws rectangles, circles and freehand shapes', async () => {
    const page = await running.browser.newPage({ viewport: { width: 1366, height: 768 } });
    const watch = watchPage(page, running.server.url);
    await page.goto(`${running.server.url}/?at=2010-06-30&lang=en`);
    await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 90_000 });
    const { cx, cy, ring } = await drawingSpot(page);
    // Undo while drawing, Escape to cancel; then a rectangle, a circle and a freehand shape, each deleted.
    const toolbar = page.locator('[role="toolbar"]');
    await page.click('[data-testid="draw-polygon"]');
    await expect.poll(() => toolbar.getAttribute('data-mode')).toBe('polygon');
    for (const [x, y] of ring.slice(0, 3)) {
      await page.mouse.move(x, y, { steps: 3 });
      await page.mouse.click(x, y);
    }
    await expect.poll(() => toolbar.getAttribute('data-drawing')).toBe('true');
    await page.click('[data-testid="draw-undo"]');
    await expect.poll(() => toolbar.getAttribute('data-drawing')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => toolbar.getAttribute('data-drawing')).toBe('false');
    expect(await page.locator('[data-testid="area-panel"]').count()).toBe(0);
    for (const mode of ['rectangle', 'circle', 'freehand']) {
      await page.click(`[data-testid="draw-${mode}"]`);
      await expect.poll(() => toolbar.getAttribute('data-mode')).toBe(mode);
      await page.mouse.move(cx - 60, cy - 40, { steps: 3 });
      await page.mouse.click(cx - 60, cy - 40);
      await page.mouse.move(cx + 20, cy + 10, { steps: 6 });
      await page.mouse.move(cx + 70, cy + 60, { steps: 6 });
      await page.mouse.click(cx + 70, cy + 60);
      await expect
        .poll(() => page.getAttribute('[data-testid="area-panel"]', 'data-state'), { timeout: 30_000 })
        .toBe('ready');
      expect(await kpi(page, 'areaKm2')).toBeGreaterThan(0);
      if (mode === 'circle') await screenshot(page, 'key-area-circle-en');
      await page.click('[data-testid="draw-delete"]');
      await page.waitForSelector('[data-testid="area-panel"]', { state: 'detached' });
    }

    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});
