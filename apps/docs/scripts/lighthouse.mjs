// Lighthouse (mobile, performance only) on every course page in both languages, against the built
// site: prints a Markdown table of the performance score, Total Blocking Time, Largest Contentful
// Paint and Cumulative Layout Shift. Run by hand after `pnpm --filter @mle-lab/docs run build`:
//
//   node apps/docs/scripts/lighthouse.mjs            # every course page, both languages
//   node apps/docs/scripts/lighthouse.mjs /en/data/  # only the pages named
//
// It builds nothing. dist/ is served on 127.0.0.1 by scripts/static-server.mjs (as in the e2e suite,
// with compression and the CSP), and Lighthouse drives Debian's Chromium (CHROMIUM_PATH) started with
// the project's quiet flags, so nothing leaves the machine. Lighthouse's mobile preset simulates a
// mid-range phone (4× CPU slowdown, slow 4G) from a real load on this machine, so a busy machine
// lowers the scores: run it when the machine is quiet, and take each page's median of RUNS loads.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
import { serveBuiltSite } from './local-site.mjs';

/** The course sections, as in e2e/support/pages.ts. */
const sections = ['data', 'closed-form-mle', 'coin-to-counts', 'density', 'gradient-descent', 'beyond-normal', 'how-sure', 'beyond-mle', 'normal-pdf', 'cross-entropy', 'fit-your-data'];
const RUNS = Number(process.env.RUNS ?? 3);
// REPORT_DIR: also write each load's full Lighthouse result there, for its long tasks and the
// main thread's breakdown (`long-tasks`, `mainthread-work-breakdown`, `bootup-time`).
const reportDir = process.env.REPORT_DIR;
// BLOCK: comma-separated URL patterns the page may not load (e.g. '*/embed/*': the page without its widgets).
const blockedUrlPatterns = process.env.BLOCK ? process.env.BLOCK.split(',') : [];

const paths = process.argv.length > 2 ? process.argv.slice(2) : sections.flatMap((s) => [`/${s}/`, `/en/${s}/`]);
// DIST: another build to serve (default: this app's dist/; local-site.mjs).
if (reportDir) mkdirSync(reportDir, { recursive: true });
const server = await serveBuiltSite();

/** Starts Chromium with a fresh profile and a DevTools port; resolves with the port and a stop function. */
async function startChromium() {
  const profile = mkdtempSync(join(tmpdir(), 'mle-lighthouse-'));
  const child = spawn(chromiumPath, [...chromiumArgs, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise((resolve, reject) => {
    let text = '';
    child.stderr.on('data', (chunk) => {
      text += chunk;
      const match = /DevTools listening on ws:\/\/127\.0\.0\.1:(\d+)\//.exec(text);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`lighthouse.mjs: Chromium exited (${code}) before opening its DevTools port:\n${text}`)));
  });
  return {
    port,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
      rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

const rows = [];
const browser = await startChromium();
try {
  for (const path of paths) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(`${server.url}${path}`, { port: browser.port, onlyCategories: ['performance'], output: 'json', logLevel: 'error', blockedUrlPatterns });
      const lhr = result.lhr;
      if (lhr.runtimeError) throw new Error(`lighthouse.mjs: ${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      if (reportDir) writeFileSync(join(reportDir, `${path.replaceAll('/', '_')}${i}.json`), JSON.stringify(lhr));
      runs.push({
        score: lhr.categories.performance.score,
        tbt: lhr.audits['total-blocking-time'].numericValue,
        lcp: lhr.audits['largest-contentful-paint'].numericValue,
        cls: lhr.audits['cumulative-layout-shift'].numericValue,
        dom: lhr.audits['dom-size-insight']?.numericValue,
        version: lhr.lighthouseVersion,
      });
    }
    // The median run by score, with its own figures (not a mix of runs); of an even number, the lower
    // middle one (of two loads, the worse: the upper middle would report the better of two).
    const byScore = runs.toSorted((a, b) => a.score - b.score);
    const run = byScore[Math.floor((byScore.length - 1) / 2)];
    rows.push({ path, ...run, scores: runs.map((r) => r.score) });
    console.error(`${path}: scores ${runs.map((r) => r.score).join(', ')}; median run TBT ${Math.round(run.tbt)} ms, LCP ${Math.round(run.lcp)} ms, CLS ${run.cls.toFixed(3)}`);
  }
} finally {
  await browser.stop();
  await server.close();
}

console.log(`| page | performance | TBT | LCP | CLS | DOM elements |\n|---|---|---|---|---|---|`);
for (const r of rows) {
  console.log(`| ${r.path} | ${r.score.toFixed(2)} | ${Math.round(r.tbt)} ms | ${(r.lcp / 1000).toFixed(1)} s | ${r.cls.toFixed(3)} | ${r.dom === undefined ? '' : Math.round(r.dom)} |`);
}
console.log(`\nMobile preset (simulated 4× CPU slowdown, slow 4G), median of ${RUNS} by score; Lighthouse ${rows[0]?.version}, ${chromiumPath}.`);
