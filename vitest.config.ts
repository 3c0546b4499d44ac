import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'main/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.test.ts'],
    environment: 'node',
    // Vitest's default leaves a core free (one worker on CI's two): most files wait on servers,
    // SQLite and the browser rather than compute, so every core runs a file (17 → 11 min).
    maxWorkers: availableParallelism(),
    testTimeout: 30_000,
    // expect.poll's own default (1 s) is shorter than a busy CI core's pauses; a poll that
    // succeeds returns at once, so the longer limit only costs failing tests.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 120_000,
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default', './test/plain-summary-reporter.ts'],
  },
});
