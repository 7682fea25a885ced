import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The packed-package test installs a tarball into a scratch project: give it room.
    testTimeout: 60_000,
  },
});
