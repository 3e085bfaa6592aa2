import type { ConsoleMessage, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signedInFetch } from '../helpers/api-session';
import { appInBrowser } from '../helpers/app-in-browser';
import { screenshot, watchPage } from '../helpers/browser';

type Summary = { at: string; totals: { surveyed: number; byStatus: Record<string, number> } };

const running = appInBrowser();

/** Every request the page makes, by path, and every console error with the URL it is about. */
interface Recorded {
  paths: string[];
  errors: { text: string; url: string }[];
}

async function openDisplay(path: string, viewport = { width: 1920, height: 1080 }) {
  // The public screen needs no sign-in: a browser with nobody signed in.
  const page = await running.chromium.newPage({ viewport });
  const watch = watchPage(page, running.server.url);
  const recorded: Recorded = { paths: [], errors: [] };
  page.on('request', (r) => recorded.paths.push(new URL(r.url()).pathname));
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') recorded.errors.push({ text: m.text(), url: m.location().url });
  });
  await page.goto(`${running.server.url}${path}`);
  await page.waitForSelector('[data-testid="display-map"][data-ready="true"]', { timeout: 90_000 });
  return { page, watch, recorded };
}

const kpi = async (page: Page, key: string) =>
  Number(await page.getAttribute(`[data-testid="display-kpi-${key}"]`, 'data-value'));

const summary = async (): Promise<Summary> =>
  (await (await fetch(`${running.server.url}/api/display/summary`)).json()) as Summary;

/** Panels that overlap, stick out of the window, or hold something that sticks out of them. */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
    const panels = [...document.querySelectorAll('.dsp-header, .dsp-panel')];
    const rects = panels.map((p) => p.getBoundingClientRect());
    const inside = (r: DOMRect, box: DOMRect, slack = 1) =>
      r.left >= box.left - slack &&
      r.top >= box.top - slack &&
      r.right <= box.right + slack &&
      r.bottom <= box.bottom + slack;
    const win = new DOMRect(0, 0, window.innerWidth, window.innerHeight);
    rects.forEach((r, i) => {
      if (r.width === 0 || r.height === 0) problems.push(`${name(panels[i])} is empty`);
      if (!inside(r, win)) problems.push(`${name(panels[i])} is outside the window`);
      for (let j = i + 1; j < rects.length; j++) {
        const o = rects[j];
        const overlapX = Math.min(r.right, o.right) - Math.max(r.left, o.left);
        const overlapY = Math.min(r.bottom, o.bottom) - Math.max(r.top, o.top);
        if (overlapX > 1 && overlapY > 1) problems.push(`${name(panels[i])} overlaps ${name(panels[j])}`);
      }
      for (const child of panels[i].querySelectorAll('*')) {
        if (child.closest('.dsp-map')) continue;
        const c = child.getBoundingClientRect();
        if (c.width > 0 && c.height > 0 && !inside(c, r))
          problems.push(`${name(child)} is cut by ${name(panels[i])}`);
      }
    });
    return problems;
  });
}

/** What the page asked for that is neither the page, a static asset nor /api/display/*. */
const notDisplay = (paths: string[]) =>
  paths.filter((p) => p !== '/display' && !p.startsWith('/assets/') && !p.startsWith('/api/display/'));

describe('/display in Chromium', () => {
  it('draws the live screen at 1920×1080 and 3840×2160 from /api/display/* alone', async () => {
    const api = await summary();
    for (const viewport of [
      { width: 1920, height: 1080 },
      { width: 3840, height: 2160 },
    ]) {
      const { page, watch, recorded } = await openDisplay('/display', viewport);
      await expect.poll(() => kpi(page, 'surveyed'), { timeout: 10_000 }).toBe(api.totals.surveyed);
      expect(await page.getAttribute('[data-testid="display-date"]', 'data-value')).toBe(api.at);
      expect(await page.locator('[data-testid="display-ticker"] li').count()).toBeGreaterThan(3);
      expect(await page.locator('[data-testid="display-reconnecting"]').count()).toBe(0);
      // the counters have finished counting; the map has had a moment to draw its labels
      await page.waitForTimeout(2500);
      await screenshot(page, `display-${viewport.width}x${viewport.height}`);
      expect(await layoutProblems(page)).toEqual([]);
      expect(
        await page.evaluate(() => getComputedStyle(document.querySelector('.dsp-stage') as Element).cursor),
      ).toBe('none');
      expect(notDisplay(recorded.paths)).toEqual([]);
      expect(recorded.paths).toContain('/api/display/basemap/style.json');
      expect(watch.foreignRequests).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
      await page.close();
    }
  });

  it('shows a recorded outcome within seconds, pushed over the live stream', async () => {
    const { page, watch } = await openDisplay('/display');
    const before = await kpi(page, 'model');
    const api = await summary();
    expect(before).toBe(api.totals.byStatus.model);
    const id = await premiseNotAModelSite(api.at);
    const posted = Date.now();
    const office = await signedInFetch(running.server.url);
    const res = await office(`/api/premises/${id}/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ date: api.at, type: 'model' }),
    });
    expect(res.status).toBe(201);
    await expect.poll(() => kpi(page, 'model'), { timeout: 5000, interval: 100 }).toBe(before + 1);
    console.info(`display: a write reached the open screen in ${Date.now() - posted} ms`);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('keeps its picture through a server restart, says it is reconnecting, and recovers by itself', async () => {
    const { page, watch, recorded } = await openDisplay('/display?mode=replay&cycle=20');
    const badge = page.locator('[data-testid="display-reconnecting"]');
    const restarting = running.server.restart();
    await expect.poll(() => badge.count(), { timeout: 20_000, interval: 100 }).toBe(1);
    // the last picture stays up while the server is away
    expect(await kpi(page, 'surveyed')).toBeGreaterThan(0);
    await restarting;
    await expect.poll(() => badge.count(), { timeout: 30_000, interval: 250 }).toBe(0);
    await screenshot(page, 'display-replay-after-restart');
    expect(await page.locator('[data-testid="display-map"]').getAttribute('data-ready')).toBe('true');
    // The only errors allowed: the browser reporting that the server was briefly unreachable, for
    // the display API or for a font subset that new ticker text asked for while it was away.
    const expected =
      /^Failed to load resource: net::ERR_(CONNECTION_REFUSED|CONNECTION_RESET|EMPTY_RESPONSE|INCOMPLETE_CHUNKED_ENCODING)$/;
    const whileAway = (path: string) =>
      path.startsWith('/api/display/') || /^\/assets\/[^/]+\.woff2?$/.test(path);
    const unexpected = recorded.errors.filter(
      (e) => !(expected.test(e.text) && whileAway(new URL(e.url, running.server.url).pathname)),
    );
    expect(unexpected).toEqual([]);
    console.info(`display: ${recorded.errors.length} expected connection errors during the restart`);
    expect(watch.consoleErrors.length).toBe(recorded.errors.length);
    expect(notDisplay(recorded.paths)).toEqual([]);
    await page.close();
  });
});

/** A premise that is not a model site on `at` (its status comes from the office API, not the page). */
async function premiseNotAModelSite(at: string): Promise<number> {
  const office = await signedInFetch(running.server.url);
  for (let id = 1; id < 100; id++) {
    const res = await office(`/api/premises/${id}?at=${at}`);
    if (!res.ok) continue;
    const p = (await res.json()) as { state?: { status: string } };
    if (
      p.state &&
      p.state.status !== 'model' &&
      p.state.status !== 'closed' &&
      p.state.status !== 'converted'
    )
      return id;
  }
  throw new Error('no premise to make a model site');
}
