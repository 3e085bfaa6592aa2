import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pngSize } from '../../client/src/lib/png-export-layout';
import { decodePremiseLayer } from '../../server/src/domain/premise-layer-codec';
import { signedInFetch } from '../helpers/api-session';
import { appInBrowser } from '../helpers/app-in-browser';
import { SCREENSHOT_DIR, screenshot, watchPage } from '../helpers/browser';

const AT = '2010-12-31';
// 店铺称呼 is no header the importer knows: the name column has to be mapped by hand.
const HEADERS = [
  '序号',
  '店铺称呼',
  '经营者',
  '联系电话',
  '经营地址',
  '所属村（社区）',
  '行业类别',
  '摸底日期',
];
const UNMATCHED = '找不到门牌的小卖部';
const ROWS = [
  ['1', '浏览器导入面馆', '王五', '13812345678', '丁桥镇大唐村1组99号', '大唐村', '小吃', '2009-03-01'],
  ['2', '浏览器导入理发店', '赵六', '0571-86001234', '丁桥镇丁桥大道1号', '丁桥社区', '理发', '2009-03-01'],
  ['3', UNMATCHED, '钱七', '13900000002', '丁桥镇无名巷甲号', '大唐村', '小卖部', '2009-03-01'],
];

async function surveyList(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('摸底');
  sheet.addRow(HEADERS);
  for (const r of ROWS) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const running = appInBrowser();
/** The API as the office's admin, as a script would call it. */
const office = () => signedInFetch(running.server.url);

const api = async <T>(path: string): Promise<T> => (await (await (await office())(path)).json()) as T;
const surveyed = async () => (await api<{ surveyed: number }>(`/api/stats?at=${AT}`)).surveyed;
const kpi = async (page: Page, key: string) =>
  Number(await page.getAttribute(`[data-testid="kpi-${key}"]`, 'data-value'));

describe('data in and out through the page', () => {
  it('imports an Excel list, places an unmatched premise by hand, exports a ledger and a PNG', async () => {
    const page = await running.browser.newPage({
      viewport: { width: 1366, height: 768 },
      acceptDownloads: true,
    });
    const watch = watchPage(page, running.server.url);
    await page.goto(`${running.server.url}/?at=${AT}`);
    await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 90_000 });
    const before = await surveyed();
    await expect.poll(() => kpi(page, 'surveyed')).toBe(before);

    // Open the workspace and upload the list.
    await page.click('[data-testid="open-data"]');
    await expect.poll(() => page.url()).toContain('panel=data');
    await page.setInputFiles('[data-testid="import-file"]', {
      name: '摸底表.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await surveyList(),
    });
    const nameSelect = page.locator('[data-testid="mapping-1"]');
    await nameSelect.waitFor({ timeout: 30_000 });
    expect(await nameSelect.inputValue()).toBe('');
    expect(await page.locator('[data-testid="mapping-4"]').inputValue()).toBe('address');
    await expect.poll(() => page.locator('[data-testid="mapping-missing"]').isVisible()).toBe(true);
    await nameSelect.selectOption('name');
    await expect.poll(() => page.locator('[data-testid="mapping-missing"]').count()).toBe(0);
    await screenshot(page, 'data-in-out-1-mapping');

    // Dry run, then commit with the progress bar.
    await page.click('[data-testid="import-validate"]');
    const check = page.locator('[data-testid="import-check"]');
    await check.waitFor({ timeout: 60_000 });
    expect(await check.textContent()).toContain('3');
    await screenshot(page, 'data-in-out-2-dry-run');
    // After the import the timeline's chart asks for the status series again.
    const seriesAgain = page.waitForRequest((r) => r.url().includes('/api/stats/series'), {
      timeout: 60_000,
    });
    await page.click('[data-testid="import-commit"]');
    const progress = page.locator('[data-testid="import-progress"]');
    await progress.waitFor();
    await expect
      .poll(() => progress.getAttribute('data-phase'), { timeout: 60_000, interval: 200 })
      .toBe('committed');
    expect(await progress.getAttribute('data-value')).toBe('1');
    expect(await page.locator('[data-testid="import-progress-counts"]').textContent()).toContain('3 / 3');
    const after = await surveyed();
    expect(after).toBe(before + 3);
    // The page reloads its premises layer: its own count follows the server's.
    await expect.poll(() => kpi(page, 'surveyed'), { timeout: 30_000 }).toBe(after);
    await seriesAgain;
    await screenshot(page, 'data-in-out-3-committed');

    // The unmatched premise is in the review queue; place it by clicking on the map, then confirm.
    await page.click('[data-testid="import-go-review"]');
    const item = page.locator('[data-testid^="review-item-"]', { hasText: UNMATCHED });
    await item.waitFor({ timeout: 30_000 });
    const premiseId = Number((await item.getAttribute('data-testid'))?.replace('review-item-', ''));
    await item.locator('button.review-pick').click();
    await page.locator('[data-testid="placing-pin"]').waitFor();
    await page.waitForTimeout(1500); // the map eases to the premise
    const map = await page.locator('[data-testid="map"]').boundingBox();
    const sheet = await page.locator('[data-testid="data-sheet"]').boundingBox();
    if (!map || !sheet) throw new Error('map or sheet not visible');
    const visibleRight = Math.min(map.x + map.width, sheet.x);
    const target = { x: (map.x + visibleRight) / 2 - 40, y: map.y + map.height / 2 + 50 };
    await page.mouse.click(target.x, target.y);
    const placedText = page.locator('[data-testid="review-placed"]');
    await placedText.waitFor();
    const [lng, lat] = ((await placedText.textContent()) ?? '')
      .replace(/^[^：:]*[：:]/, '')
      .split(',')
      .map(Number);
    await screenshot(page, 'data-in-out-4-placing');
    await page.click('[data-testid="review-confirm"]');
    await page.locator('[data-testid="review-done"]').waitFor({ timeout: 30_000 });
    const premise = await api<{ lngLat: [number, number]; geocodeMethod: string; name: string }>(
      `/api/premises/${premiseId}`,
    );
    expect(premise.name).toBe(UNMATCHED);
    expect(premise.geocodeMethod).toBe('manual');
    expect(premise.lngLat[0]).toBeCloseTo(lng, 5);
    expect(premise.lngLat[1]).toBeCloseTo(lat, 5);
    const layer = decodePremiseLayer(await (await (await office())(`/api/layers/premises`)).arrayBuffer());
    const index = Array.from(layer.columns.id).indexOf(premiseId);
    expect(layer.columns.position[index * 2]).toBeCloseTo(lng, 4);
    expect(await surveyed()).toBe(after);

    // The point is on the map where it was put: clicking there opens its file.
    const drawer = page.locator('[data-testid="premise-drawer"]');
    await expect
      .poll(
        async () => {
          await page.mouse.click(target.x, target.y);
          await page.waitForTimeout(400);
          return (await drawer.isVisible()) ? await drawer.textContent() : '';
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toContain(UNMATCHED);
    await screenshot(page, 'data-in-out-5-placed');

    // Export the ledger (XLSX with the 台账 sheet) and the map as a PNG.
    await page.click('[data-testid="data-tab-export"]');
    const [ledger] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="export-premises-xlsx"]'),
    ]);
    const workbook = new ExcelJS.Workbook();
    const xlsx = readFileSync(await ledger.path());
    await workbook.xlsx.load(
      xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer,
    );
    const ledgerSheet = workbook.getWorksheet('台账');
    expect(ledgerSheet).toBeDefined();
    const cells: string[] = [];
    ledgerSheet?.eachRow((row) => {
      cells.push(String(row.values));
    });
    expect(cells.join('\n')).toContain(UNMATCHED);
    await screenshot(page, 'data-in-out-6-export');

    await page.selectOption('[data-testid="export-png-size"]', 'hd');
    const [picture] = await Promise.all([
      page.waitForEvent('download', { timeout: 90_000 }),
      page.click('[data-testid="export-png"]'),
    ]);
    expect(picture.suggestedFilename()).toBe(`map-${AT}.png`);
    const png = readFileSync(await picture.path());
    expect(pngSize(new Uint8Array(png))).toEqual({ width: 1920, height: 1080 });
    writeFileSync(resolve(SCREENSHOT_DIR, 'data-in-out-map.png'), png);

    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('imports door plates: counts, the rejected rows, strict refusal, and undo from the history', async () => {
    const page = await running.browser.newPage({
      viewport: { width: 1366, height: 768 },
      acceptDownloads: true,
    });
    const watch = watchPage(page, running.server.url);
    await page.goto(`${running.server.url}/?at=${AT}`);
    await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 90_000 });
    const method = async () =>
      (
        await (
          await (
            await office()
          )(`/api/geocode`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ address: '丁桥镇大唐村7组301号' }),
          })
        ).json()
      ).method as string | null;
    expect(await method()).not.toBe('address_point');

    await page.click('[data-testid="open-data"]');
    await page.click('[data-testid="data-tab-addresses"]');
    const plates = {
      name: '门牌.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        '村/社区,组,号,经度,纬度\n大唐村,7,301,120.2101,30.3418\n火星村,1,1,120.2101,30.3418\n',
      ),
    };
    await page.check('[data-testid="gazetteer-strict"]');
    await page.setInputFiles('[data-testid="gazetteer-file"]', plates);
    await page.locator('[data-testid="gazetteer-error"]').waitFor({ timeout: 30_000 });
    expect(await page.getAttribute('[data-testid="gazetteer-imported"]', 'data-value')).toBe('0');
    expect(await method()).not.toBe('address_point');

    await page.uncheck('[data-testid="gazetteer-strict"]');
    await page.setInputFiles('[data-testid="gazetteer-file"]', plates);
    await page.locator('[data-testid="gazetteer-done"]').waitFor({ timeout: 30_000 });
    expect(await page.getAttribute('[data-testid="gazetteer-imported"]', 'data-value')).toBe('1');
    expect(await page.getAttribute('[data-testid="gazetteer-rejected"]', 'data-value')).toBe('1');
    expect(await page.locator('[data-testid="gazetteer-errors"] tbody tr').count()).toBe(1);
    expect(await page.locator('[data-testid="gazetteer-errors"] tbody tr').textContent()).toMatch(
      /^3村\/社区火星村/,
    );
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="gazetteer-errors-csv"]'),
    ]);
    expect(readFileSync(await report.path(), 'utf8')).toContain('3,村/社区,火星村,');
    expect(await method()).toBe('address_point');
    await screenshot(page, 'data-in-out-7-door-plates');

    await page.click('[data-testid="data-tab-history"]');
    const imports = (await (await (await office())(`/api/imports`)).json()) as {
      imports: { importId: number; kind: string; state: string }[];
    };
    const committed = imports.imports.find((j) => j.kind === 'addresses' && j.state === 'committed');
    if (!committed) throw new Error('the door-plate import is not in the history');
    await page.click(`[data-testid="undo-${committed.importId}"]`);
    await page.click('[data-testid="confirm-undo"]');
    await expect.poll(method, { timeout: 30_000 }).not.toBe('address_point');

    expect(watch.foreignRequests).toEqual([]);
    // The strict refusal is a 422 the page shows; the browser logs the status line too.
    expect(watch.consoleErrors.filter((e) => !/status of 422/.test(e))).toEqual([]);
    await page.close();
  });
});
