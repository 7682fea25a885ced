// Samples JavaScript (CDP Profiler, 0.2 ms) while one page of the built site loads until every widget near
// its first screen is ready (the others build when the reader scrolls to them), and prints the page's long
// tasks, then each stretch of main-thread work over SEG_MIN_MS (30) with
// the functions that spent its time (self and inclusive; "(program)" is the browser's own work: style,
// layout, paint), then the whole load's top functions. Run by hand against a built site (minified names:
// read them with the chunk's source map):
//   node scripts/profile-page.mjs /en/beyond-normal/ [--mobile]
import catalogue from '@mle-lab/widgets/catalogue.json' with { type: 'json' };
import { launchChromium, serveBuiltSite, viewportFor } from './local-site.mjs';
const path = process.argv[2];
const mobile = process.argv.includes('--mobile');
const server = await serveBuiltSite();
const context = await launchChromium('prof', { viewport: viewportFor(mobile) });
const page = await context.newPage();
await page.addInitScript(() => { window.lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.lt.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true }); });
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
await page.waitForFunction((s) => [...document.querySelectorAll(s)].filter((w) => { const r = w.getBoundingClientRect(); return r.top < 2 * innerHeight && r.bottom > -innerHeight; }).every((w) => w.getAttribute('data-ready') === 'true' || w.hasAttribute('data-error')), catalogue.map((e) => e.tag).join(', '), { timeout: 60000, polling: 100 });
const info = await page.evaluate(() => ({ lt: window.lt, now: performance.now(), origin: performance.timeOrigin }));
const { profile } = await cdp.send('Profiler.stop');
await context.close(); await server.close();
console.log(path, 'ready', Math.round(info.now), 'long tasks', info.lt.map(([s, d]) => `${Math.round(s)}+${Math.round(d)}`).join(' '));
// self time by function within long tasks
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const t0 = profile.startTime; let t = t0;
const self = new Map(); const incl = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i];
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  let n = byId.get(profile.samples[i]);
  const f = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
  self.set(f(n), (self.get(f(n)) ?? 0) + dt);
  const seen = new Set();
  while (n) { const k = f(n); if (!seen.has(k)) { incl.set(k, (incl.get(k) ?? 0) + dt); seen.add(k); } n = byId.get(parent.get(n.id)); }
}
// segments of non-idle samples
{
  let seg = null; const segs = []; let tt = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    tt += profile.timeDeltas[i];
    const n = byId.get(profile.samples[i]);
    const idle = n.callFrame.functionName === '(idle)';
    if (idle) { if (seg) { segs.push(seg); seg = null; } continue; }
    seg ??= { start: tt, end: tt, stacks: [] };
    seg.end = tt;
    const names = []; let m = n; while (m) { const cf = m.callFrame; if (cf.functionName !== '(root)') names.push(`${cf.functionName || '(anon)'}@${cf.url.split('/').pop()}:${cf.lineNumber + 1}:${cf.columnNumber + 1}`); m = byId.get(parent.get(m.id)); }
    seg.stacks.push(names);
  }
  if (seg) segs.push(seg);
  const minMs = Number(process.env.SEG_MIN_MS ?? 30);
  for (const sg of segs) {
    const d = (sg.end - sg.start) / 1000;
    if (d < minMs) continue;
    const selfC = new Map(); const inclC = new Map();
    for (const st of sg.stacks) { selfC.set(st[0], (selfC.get(st[0]) ?? 0) + 1); for (const x of new Set(st)) inclC.set(x, (inclC.get(x) ?? 0) + 1); }
    const per = d / sg.stacks.length;
    const fmt = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${(v * per).toFixed(0)} ${k}`).join(' | ');
    console.log(`SEG at ${((sg.start - profile.startTime) / 1000).toFixed(0)} ms, ${d.toFixed(0)} ms\n   self: ${fmt(selfC)}\n   incl: ${fmt(inclC)}`);
  }
}
const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, v]) => `  ${v.toFixed(1).padStart(7)} ${n}`).join('\n');
console.log('self:\n' + top(self, 30));
console.log('inclusive:\n' + top(incl, 40));
