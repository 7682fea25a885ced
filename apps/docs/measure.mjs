import { chromium } from 'playwright-core';
import { startStaticServer } from '/work/main/scripts/static-server.mjs';
import { chromiumArgs } from '/work/main/scripts/chromium.mjs';
import catalogue from '@mle-lab/widgets/catalogue.json' with { type: 'json' };
const s = await startStaticServer({ root: '/work/main/apps/docs/dist', port: 0 });
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
for (const e of catalogue) {
  const row = [e.tag];
  for (const [w, path] of [[1280, `/en/${e.section}/`], [360, `/en/${e.section}/`], [800, `/embed/${e.tag.slice(4)}/?lang=en`], [320, `/embed/${e.tag.slice(4)}/?lang=en`]]) {
    const p = await b.newPage({ viewport: { width: w, height: 900 } });
    await p.goto(s.url + path);
    await p.waitForFunction((t) => [...document.querySelectorAll(t)].every((el) => el.dataset.ready === 'true'), e.tag, { timeout: 30000 });
    await p.waitForTimeout(300);
    const hs = await p.$$eval(e.tag, (els) => els.map((el) => Math.round(el.getBoundingClientRect().height) + '/' + el.getBoundingClientRect().width));
    row.push(`${w}:${hs.join(',')}`);
    await p.close();
  }
  console.log(row.join('  '));
}
await b.close(); await s.close();
