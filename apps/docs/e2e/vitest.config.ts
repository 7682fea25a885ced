import { defineConfig } from 'vitest/config';

// End-to-end tests: the built site (dist/) served on 127.0.0.1, driven by playwright-core in Chromium.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
