import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { uplotWithoutIntl } from './vite.config.ts';

// Widget tests run in a real Chromium (Vitest browser mode), never in a DOM imitation.
export default defineConfig({
  server: { host: '127.0.0.1' },
  // The widgets are tested with the uPlot they ship with.
  plugins: [uplotWithoutIntl()],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
