// Prints when each step towards the first screen's widgets being ready happened on one page load:
// navigation timing, first paint, every script and worker request (from Resource Timing) and the moment
// each widget near the first screen was ready. Run by hand against a built site:
//   node scripts/ready-timeline.mjs /en/data/ [--mobile]
// It builds nothing; DIST serves another build (default: this app's dist/).
import catalogue from '@mle-lab/widgets/catalogue.json' with { type: 'json' };
import { launchChromium, serveBuiltSite, viewportFor } from './local-site.mjs';

const path = process.argv[2] ?? '/en/data/';
const mobile = process.argv.includes('--mobile');
const server = await serveBuiltSite();
// The server compresses each file on its first request: a throwaway load first, so that the load
// measured meets a warm server (as every load but a deploy's first does).
const warm = await launchChromium('timeline-warm');
const warmPage = await warm.newPage();
await warmPage.goto(`${server.url}${path}`, { waitUntil: 'load' });
await warmPage.waitForTimeout(3000);
await warm.close();
const context = await launchChromium('timeline', { viewport: viewportFor(mobile) });
const page = await context.newPage();
const selector = catalogue.map((entry) => entry.tag).join(', ');
// Each widget's ready moment, taken when its data-ready attribute appears.
await page.addInitScript((sel) => {
  const seen = new Map();
  globalThis.__ready = seen;
  new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target;
      if (el instanceof Element && el.matches(sel) && el.getAttribute('data-ready') === 'true' && !seen.has(el)) seen.set(el, performance.now());
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  // The shared worker: when it was created and when its first message arrived.
  const Native = globalThis.Worker;
  globalThis.__worker = {};
  globalThis.Worker = class extends Native {
    constructor(...args) {
      globalThis.__worker.created ??= performance.now();
      super(...args);
      this.addEventListener('message', () => {
        globalThis.__worker.firstMessage ??= performance.now();
      });
    }
  };
}, selector);
await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
await page.waitForFunction(
  (sel) =>
    [...document.querySelectorAll(sel)]
      .filter((w) => w.getBoundingClientRect().top < 2 * innerHeight && w.getBoundingClientRect().bottom > -innerHeight)
      .every((w) => w.getAttribute('data-ready') === 'true' || w.hasAttribute('data-error')),
  selector,
  { timeout: 60_000, polling: 100 },
);
const report = await page.evaluate((sel) => {
  const nav = performance.getEntriesByType('navigation')[0];
  const paint = Object.fromEntries(performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]));
  const resources = performance
    .getEntriesByType('resource')
    .filter((r) => /\.(js|css|woff2?)(\?|$)/.test(r.name))
    .map((r) => ({ name: r.name.replace(location.origin, ''), start: r.startTime, end: r.responseEnd, type: r.initiatorType }));
  const widgets = [...document.querySelectorAll(sel)].map((w) => ({ tag: w.localName, top: Math.round(w.getBoundingClientRect().top + scrollY), ready: globalThis.__ready.get(w) }));
  return { worker: globalThis.__worker, nav: { responseEnd: nav.responseEnd, domInteractive: nav.domInteractive, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd }, paint, resources, widgets };
}, selector);
await context.close();
await server.close();
const ms = (v) => (v === undefined ? '—' : `${Math.round(v)}`.padStart(5));
console.log(`${path} (${mobile ? 'mobile' : 'desktop'})`);
console.log(`  response end ${ms(report.nav.responseEnd)}, DOM interactive ${ms(report.nav.domInteractive)}, DOMContentLoaded ${ms(report.nav.dcl)}, load ${ms(report.nav.load)}, first contentful paint ${ms(report.paint['first-contentful-paint'])}`);
for (const r of report.resources.toSorted((a, b) => a.start - b.start)) console.log(`  ${ms(r.start)} → ${ms(r.end)}  ${r.type.padEnd(6)} ${r.name}`);
console.log(`  worker created ${ms(report.worker.created)}, its first message ${ms(report.worker.firstMessage)}`);
for (const w of report.widgets) console.log(`  ready ${ms(w.ready)}  ${w.tag} at y = ${w.top}`);
