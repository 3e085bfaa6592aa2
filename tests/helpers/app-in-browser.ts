import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser';
import { type RunningServer, startServer } from './server-process';

/**
 * For a browser test file: the real server on a free port with a fresh DATA_DIR, and Chromium,
 * started before the file's tests and stopped after them.
 */
export function appInBrowser(env: Record<string, string> = {}): { server: RunningServer; browser: Browser } {
  const running = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    running.server = await startServer(env);
    running.browser = await launchChromium();
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.server?.stop();
  });
  return running;
}
