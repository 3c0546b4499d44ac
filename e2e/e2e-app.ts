import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { appRoot } from '../server/src/config.js';
import { tempDir } from '../test/helpers/temp-server.js';
import { launchChromium } from './browser.js';
import { startBrowserMode } from './start-browser-mode.js';

/** Screenshots for a person to look at (and of each failure): REVIVE_SHOTS_DIR, else test-results/. */
export const SHOTS = process.env.REVIVE_SHOTS_DIR ?? join(appRoot(), 'test-results');

export interface E2eApp {
  app: { child: ChildProcess; url: string; output: () => string };
  browser: BrowserContext;
  /** The first tab, at the app's home, at the given size. */
  page: Page;
}

/**
 * The prelude of a browser test: `npm start`'s browser mode on a fresh demo data dir, Chromium,
 * one page at `viewport`; a screenshot `e2e-<name>-failed.png` of each page in `pages()` when a test
 * fails; everything closed after. `ready` gets the app once it is up (the test keeps its `page`).
 */
export function e2eApp(name: string, viewport: { width: number; height: number }, ready: (e: E2eApp) => void | Promise<void>, pages?: () => (Page | undefined)[]): void {
  let e: E2eApp | undefined;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const browser = await launchChromium();
    const app = await startBrowserMode(join(tempDir(), 'data'));
    const page = await browser.newPage();
    await page.setViewportSize(viewport);
    await page.goto(app.url);
    e = { app, browser, page };
    await ready(e);
  }, 180_000);

  // A turn runs the real engine; the first one also warms the search index.
  vi.setConfig({ testTimeout: 120_000 });

  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    const shown = pages?.() ?? [e?.page];
    for (const [i, p] of shown.entries()) await p?.screenshot({ path: join(SHOTS, `e2e-${name}${i ? `-${i + 1}` : ''}-failed.png`), fullPage: true });
  });

  afterAll(async () => {
    await e?.browser.close();
    e?.app.child.kill('SIGTERM');
  });
}

/** The admin API from inside the page (its session cookie, its origin); a refusal throws with the status and body. */
export async function pageApi<T>(page: Page, path: string, method = 'GET', body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ path, method, body }) => {
      const res = await fetch(path, { method, headers: { Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    { path, method, body },
  ) as Promise<T>;
}
