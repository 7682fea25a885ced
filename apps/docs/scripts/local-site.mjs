// What the hand-run measuring scripts here share: the built site served on 127.0.0.1 as the e2e suite
// and `npm start` serve it (compression, CSP), and Debian's Chromium started by Playwright with the
// project's quiet flags and a fresh profile.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
import { startStaticServer } from '../../../scripts/static-server.mjs';

/** The build to serve: DIST, or this app's dist/. */
export const distDir = process.env.DIST ?? fileURLToPath(new URL('../dist/', import.meta.url));

/** Serves `distDir` on a free port of 127.0.0.1; `server.url` is its origin, `server.close()` stops it. */
export function serveBuiltSite() {
  return startStaticServer({ root: distDir, port: 0 });
}

/** The window the scripts measure in: a phone like Lighthouse's (412×823) or the e2e suite's desktop (1280×900). */
export function viewportFor(mobile) {
  return mobile ? { width: 412, height: 823 } : { width: 1280, height: 900 };
}

/** Headless Chromium with a fresh profile (its directory named after `name`), as a Playwright persistent context. */
export function launchChromium(name, { viewport } = {}) {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), `mle-${name}-`)), {
    executablePath: chromiumPath,
    args: chromiumArgs,
    headless: true,
    ...(viewport ? { viewport } : {}),
  });
}
