import { afterEach, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.js';

describe('launchChromium', () => {
  const saved = process.env.CHROMIUM_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  });

  it('fails with what to install when no Chromium is found, instead of skipping', async () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    await expect(launchChromium()).rejects.toThrow(/apt-get install -y chromium/);
  });
});
