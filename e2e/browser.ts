import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { findChromium } from '../server/src/system/index.js';

/**
 * Debian's Chromium driven by playwright-core; never a downloaded browser. Fails with what to do
 * when there is no Chromium, so `npm test` cannot pass by skipping the browser tests.
 */
export async function launchChromium(): Promise<BrowserContext> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error('No Chromium found for the end-to-end tests. Install it with "apt-get install -y chromium" or set CHROMIUM_PATH.');
  }
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'revive-chromium-')), {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
