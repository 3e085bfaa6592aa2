import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser';
import { type RunningServer, startServer } from './server-process';

/** The first admin's password in browser tests (ADMIN_PASSWORD of the test server). */
export const TEST_ADMIN_PASSWORD = 'test-admin-password-1';

/** A page signed in as `username` (the admin unless said), its session cookie set through the real sign-in. */
export async function signedInPage(
  browser: Browser,
  serverUrl: string,
  options: BrowserContextOptions = {},
  account: { username: string; password: string } = { username: 'admin', password: TEST_ADMIN_PASSWORD },
): Promise<Page> {
  const context = await browser.newContext(options);
  const res = await context.request.post(`${serverUrl}/api/auth/login`, { data: account });
  if (!res.ok())
    throw new Error(`sign-in as ${account.username} failed: ${res.status()} ${await res.text()}`);
  return context.newPage();
}

export interface AppInBrowser {
  server: RunningServer;
  /** Chromium; its newPage() opens a page signed in as the admin. */
  browser: Pick<Browser, 'newPage' | 'close'>;
  /** Chromium itself: pages with nobody signed in, or signed in as another account. */
  chromium: Browser;
}

/**
 * For a browser test file: the real server on a free port with a fresh DATA_DIR (the first admin's
 * password set), and Chromium, started before the file's tests and stopped after them.
 */
export function appInBrowser(env: Record<string, string> = {}): AppInBrowser {
  const running = {} as AppInBrowser;
  beforeAll(async () => {
    running.server = await startServer({ ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, ...env });
    running.chromium = await launchChromium();
    running.browser = {
      newPage: (options?: BrowserContextOptions) =>
        signedInPage(running.chromium, running.server.url, options),
      close: () => running.chromium.close(),
    } as AppInBrowser['browser'];
  });
  afterAll(async () => {
    await running.chromium?.close();
    await running.server?.stop();
  });
  return running;
}
