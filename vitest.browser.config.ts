import { defineConfig } from 'vitest/config';

// Browser tests: the real server (child process) and Debian's Chromium driven by playwright-core.
// One file at a time: they share one server and its sign-in rate limit.
export default defineConfig({
  test: {
    include: ['test-browser/**/*.test.ts'],
    globalSetup: ['test-browser/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
