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
    // A loaded machine (other suites running) makes a sign-in or a password change take over a second.
    expect: { poll: { timeout: 5_000 } },
    hookTimeout: 180_000,
  },
});
