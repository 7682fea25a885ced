import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/fast-check-seed.ts'],
    // The packed-package test installs a tarball into a scratch project: give it room.
    testTimeout: 60_000,
  },
});
