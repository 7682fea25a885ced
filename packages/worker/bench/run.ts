// The worker's overhead: 1e6 samples generated and summarized (histogram, KDE, box statistics, MLE)
// end to end through the Node worker client, and the same core calls made directly in this thread,
// timed side by side in one run (interleaved, median of several). Prints a markdown table.
//
//   node bench/run.ts                 (from packages/worker, after `pnpm build`; Node ≥ 22.18 strips the types)
//   BENCH_QUICK=1 node bench/run.ts   (fewer repetitions)
//
// The direct side makes exactly the core calls src/jobs/summarize.ts makes, in the same order;
// the run checks that both sides return the same numbers.

import {
  boxplotStats,
  createRandomState,
  histogram,
  kdeGrid,
  normalMle,
  normalPdfArray,
} from '@mle-lab/core';
import { createNodeClient } from '@mle-lab/worker/node';
import { cpus } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const quick = process.env['BENCH_QUICK'] === '1';
const RUNS = quick ? 3 : 15;
const WARMUP = quick ? 1 : 3;
const SPEC = { seed: 42, mu: 5, sigma: 2, n: 1_000_000 };
/** What the worker is asked for: its defaults (30 bins, seaborn's KDE grid, box statistics, 200-point curves). */
const OPTIONS = { bins: 30, kde: {}, box: true } as const;
const RATIO_TARGET = 1.1;
const ROUND_TRIP_TARGET_MS = 250;

// The direct side starts every timed run from a fully collected heap (the worker's heap cannot be
// collected from here): if anything, this favours the direct side, so the ratio is conservative.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (() => void) | undefined;

interface Timing {
  generate: number;
  summarize: number;
  total: number;
}

interface Numbers {
  mu: number;
  kdePeak: number;
  median: number;
  lastCount: number;
}

/** The drawing grid of summarize.ts (evenly spaced curve positions). */
function drawingGrid(from: number, to: number, count: number): Float64Array {
  const out = new Float64Array(count);
  const step = (to - from) / (count - 1);
  for (let i = 0; i < count; i++) out[i] = from + i * step;
  out[count - 1] = to;
  return out;
}

/** summarize.ts's core calls, in one thread. */
function direct(): { timing: Timing; numbers: Numbers } {
  const t0 = performance.now();
  const x = createRandomState(SPEC.seed).normal(SPEC.mu, SPEC.sigma, SPEC.n);
  const t1 = performance.now();
  const counts = histogram(x, { bins: OPTIONS.bins });
  const first = counts.edges[0] as number;
  const last = counts.edges[counts.edges.length - 1] as number;
  histogram(x, { bins: OPTIONS.bins, range: [first, last], density: true });
  const mle = normalMle(x);
  const kde = kdeGrid(x, {});
  const box = boxplotStats(x);
  const grid = drawingGrid(first, last, 200);
  normalPdfArray(grid, SPEC.mu, SPEC.sigma);
  normalPdfArray(grid, mle.mu, mle.sigma);
  const t2 = performance.now();
  return {
    timing: { generate: t1 - t0, summarize: t2 - t1, total: t2 - t0 },
    numbers: { mu: mle.mu, kdePeak: Math.max(...kde.density), median: box.median, lastCount: counts.counts[OPTIONS.bins - 1] as number },
  };
}

const client = createNodeClient();

/** The same work through the worker, as a page would ask for it. */
async function viaWorker(): Promise<{ timing: Timing; numbers: Numbers }> {
  const t0 = performance.now();
  const handle = await client.generate(SPEC);
  const t1 = performance.now();
  const s = await client.summarize(handle, OPTIONS);
  const t2 = performance.now();
  await client.release(handle);
  return {
    timing: { generate: t1 - t0, summarize: t2 - t1, total: t2 - t0 },
    numbers: {
      mu: s.mle.mu,
      kdePeak: Math.max(...(s.kde?.density ?? [])),
      median: s.box?.median ?? NaN,
      lastCount: s.histogram.counts[OPTIONS.bins - 1] as number,
    },
  };
}

function median(values: number[]): number {
  const s = values.toSorted((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

// Start the worker and warm both sides' JIT.
await client.runningJobs();
for (let i = 0; i < WARMUP; i++) {
  await viaWorker();
  direct();
}

const workerRuns: Timing[] = [];
const directRuns: Timing[] = [];
const pings: number[] = [];
let workerNumbers: Numbers | undefined;
let directNumbers: Numbers | undefined;
for (let i = 0; i < RUNS; i++) {
  // Interleaved, alternating which side goes first, so drift (thermal, other load) hits both.
  for (const side of i % 2 === 0 ? ['worker', 'direct'] : ['direct', 'worker']) {
    if (side === 'worker') {
      const run = await viaWorker();
      workerRuns.push(run.timing);
      workerNumbers = run.numbers;
    } else {
      gc?.();
      const run = direct();
      directRuns.push(run.timing);
      directNumbers = run.numbers;
    }
  }
  const p0 = performance.now();
  await client.runningJobs();
  pings.push(performance.now() - p0);
}
let mismatch = '';
for (const key of Object.keys(directNumbers ?? {}) as (keyof Numbers)[]) {
  if (workerNumbers?.[key] !== directNumbers?.[key]) mismatch = `${key}: worker ${workerNumbers?.[key]} ≠ direct ${directNumbers?.[key]}`;
}
await client.terminate();

const pick = (runs: Timing[], key: keyof Timing) => median(runs.map((r) => r[key]));
const w = { generate: pick(workerRuns, 'generate'), summarize: pick(workerRuns, 'summarize'), total: pick(workerRuns, 'total') };
const d = { generate: pick(directRuns, 'generate'), summarize: pick(directRuns, 'summarize'), total: pick(directRuns, 'total') };
const ratio = w.total / d.total;
const verdict = (ok: boolean) => (ok ? '✓' : '✗');

console.log(`\n## @mle-lab/worker — 1e6 samples, generate + summarize (histogram, KDE, box, MLE)\n`);
console.log(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}; median of ${RUNS} runs (${WARMUP} warm-up), interleaved; the direct side's heap collected before each run.\n`);
console.log('| step | through the worker (ms) | core directly, one thread (ms) | ratio |');
console.log('|---|---:|---:|---:|');
console.log(`| generate 1e6 (seed 42, N(5, 2²)) | ${ms(w.generate)} | ${ms(d.generate)} | ${(w.generate / d.generate).toFixed(2)} |`);
console.log(`| summarize (30 bins, KDE grid, box, MLE, curves) | ${ms(w.summarize)} | ${ms(d.summarize)} | ${(w.summarize / d.summarize).toFixed(2)} |`);
console.log(`| **end to end** | **${ms(w.total)}** | **${ms(d.total)}** | **${ratio.toFixed(2)}** |`);
console.log('');
console.log(`- worker overhead (ratio): ${ratio.toFixed(3)} — target ≤ ${RATIO_TARGET} ${verdict(ratio <= RATIO_TARGET)}`);
console.log(`- round trip from the caller's side: ${ms(w.total)} ms — target well under ${ROUND_TRIP_TARGET_MS} ms ${verdict(w.total < ROUND_TRIP_TARGET_MS)}`);
console.log(`- an empty call's round trip: ${median(pings).toFixed(2)} ms`);
console.log(`- same numbers on both sides: ${mismatch ? `NO (${mismatch})` : 'yes'}`);
if (mismatch) process.exitCode = 1;
