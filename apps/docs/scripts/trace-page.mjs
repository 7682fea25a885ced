// Records a Chromium performance trace of one page load and prints each main-thread task over a
// threshold with what it spent its time on (style, layout, script, parse, paint), for finding jank.
// Run by hand against a built site: node scripts/trace-page.mjs /en/gradient-descent/ [--mobile]
// It builds nothing; serve dist/ as the e2e suite does.
import { writeFileSync } from 'node:fs';
import catalogue from '@mle-lab/widgets/catalogue.json' with { type: 'json' };
import { launchChromium, serveBuiltSite, viewportFor } from './local-site.mjs';

const path = process.argv[2] ?? '/en/gradient-descent/';
const mobile = process.argv.includes('--mobile');
const threshold = Number(process.env.TRACE_MIN_MS ?? 30);
// DIST: another build to serve (default: this app's dist/).
const server = await serveBuiltSite();
const context = await launchChromium('trace', { viewport: viewportFor(mobile) });
const page = await context.newPage();
// Style sheets added to every page before its first paint: the HTML is rewritten on its way in (an init
// script runs before the document has an element to append a <style> to, and its append failed
// silently: every INJECT_CSS comparison before 2026-12-06 evening measured the page unchanged).
// --no-cv forces content-visibility: visible on the article's blocks; INJECT_CSS adds any sheet (for
// comparing a CSS change without a build).
const injected = [
  ...(process.argv.includes('--no-cv') ? ['.sl-markdown-content > * { content-visibility: visible !important; }'] : []),
  ...(process.env.INJECT_CSS ? [process.env.INJECT_CSS] : []),
];
if (injected.length > 0) {
  await page.route(
    (url) => url.origin === server.url,
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      const html = (await response.text()).replace('</head>', `<style>${injected.join('\n')}</style></head>`);
      if (!html.includes(injected[0])) throw new Error('trace-page: no </head> to put the injected style sheet before');
      return route.fulfill({ response, body: html });
    },
  );
}
// INJECT_JS: a script run before the page's own (for trying a change without a build).
if (process.env.INJECT_JS) await page.addInitScript(process.env.INJECT_JS);
const cdp = await context.newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
await cdp.send('Tracing.start', {
  traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading'] },
  transferMode: 'ReportEvents',
});
await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
// A cheap check every 100 ms, so that the waiting adds no long task of its own to the trace.
await page.waitForFunction(
  // The widgets near the first screen (within a viewport's height): the others build when the reader
  // scrolls to them.
  (selector) =>
    [...document.querySelectorAll(selector)]
      .filter((w) => w.getBoundingClientRect().top < 2 * innerHeight && w.getBoundingClientRect().bottom > -innerHeight)
      .every((w) => w.getAttribute('data-ready') === 'true' || w.hasAttribute('data-error')),
  catalogue.map((entry) => entry.tag).join(', '),
  { timeout: 60_000, polling: 100 },
);
const ready = await page.evaluate(() => performance.now());
await page.waitForTimeout(1500);
await cdp.send('Tracing.end');
await done;
const stats = await page.evaluate(() => ({ elements: document.querySelectorAll('*').length }));
await context.close();
await server.close();
if (process.env.TRACE_OUT) writeFileSync(process.env.TRACE_OUT, JSON.stringify({ traceEvents: events }));

// Main thread of the renderer: the thread that ran the navigation's ParseHTML.
const parse = events.find((e) => e.name === 'ParseHTML');
const main = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid);
const nav = events.find((e) => e.name === 'navigationStart' && e.pid === parse.pid) ?? parse;
const tasks = main.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur / 1000 >= threshold);
const kinds = ['ParseHTML', 'UpdateLayoutTree', 'Layout', 'FunctionCall', 'EvaluateScript', 'v8.compile', 'Paint', 'PrePaint', 'Layerize', 'ParseAuthorStyleSheet', 'TimerFire', 'FireAnimationFrame', 'v8.run', 'EventDispatch', 'HitTest', 'IntersectionObserverController::computeIntersections', 'UpdateLayer', 'ScheduleStyleRecalculation', 'InvalidateLayout', 'MajorGC', 'MinorGC', 'V8.GC_MC_BACKGROUND'];
console.log(`${path} ${mobile ? 'mobile' : 'desktop'}${process.argv.includes('--no-cv') ? ' (no content-visibility)' : ''}: ${stats.elements} elements, first screen's widgets ready at ${Math.round(ready)} ms`);
for (const t of tasks) {
  const inside = main.filter((e) => e.ph === 'X' && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e !== t);
  const by = {};
  for (const e of inside) if (kinds.includes(e.name)) by[e.name] = (by[e.name] ?? 0) + e.dur / 1000;
  const top = inside.filter((e) => e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'TimerFire');
  const where = top.slice(0, 3).map((e) => e.args?.data?.url?.split('/').slice(-2).join('/') + (e.args?.data?.functionName ? `:${e.args.data.functionName}` : '')).join(', ');
  console.log(
    `  task at ${Math.round((t.ts - nav.ts) / 1000)} ms, ${Math.round(t.dur / 1000)} ms: ${Object.entries(by)
      .filter(([, v]) => v >= 2)
      .map(([k, v]) => `${k} ${Math.round(v)}`)
      .join(', ')}${where ? ` [${where}]` : ''}`,
  );
}

// Self time by event over the whole load (children subtracted), the top ten.
const xs = main.filter((e) => e.ph === 'X' && e.dur !== undefined).toSorted((a, b) => a.ts - b.ts || b.dur - a.dur);
const self = new Map();
const stack = [];
for (const e of xs) {
  while (stack.length > 0 && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
  const parent = stack.at(-1);
  if (parent) self.set(parent, (self.get(parent) ?? parent.dur) - e.dur);
  stack.push(e);
}
const totals = {};
for (const e of xs) if (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask') totals[e.name] = (totals[e.name] ?? 0) + (self.get(e) ?? e.dur) / 1000;
const busy = xs.filter((e) => e.name === 'RunTask').reduce((s, e) => s + e.dur / 1000, 0);
console.log(`  main thread busy ${Math.round(busy)} ms; self time: ${Object.entries(totals).toSorted((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')}`);

// Work done, independent of how busy the machine is: elements styled and layout objects laid out.
const styled = main.filter((e) => e.name === 'UpdateLayoutTree').reduce((n, e) => n + (e.args?.elementCount ?? 0), 0);
const laidOut = main.filter((e) => e.name === 'Layout').reduce((n, e) => n + (e.args?.beginData?.dirtyObjects ?? 0), 0);
console.log(`  work: ${styled} elements styled, ${laidOut} layout objects laid out`);
if (process.env.TRACE_LAYOUTS) for (const e of main.filter((x) => x.name === 'Layout' || x.name === 'UpdateLayoutTree')) if ((e.args?.beginData?.dirtyObjects ?? e.args?.elementCount ?? 0) > 300) console.log(`    ${Math.round((e.ts - nav.ts) / 1000)} ${e.name} ${Math.round(e.dur / 1000)} ms ${JSON.stringify(e.args?.beginData ?? e.args)}`);
