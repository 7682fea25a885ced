// How a case is timed: shared by bench/run.ts (BENCH_FRESH=0, every case in its process) and
// bench/fresh.ts (each case in a fresh process of its own, the default). The warm-up runs first;
// then run.ts asks for the core's and the reference's calls in turn, one at a time (rounds).

import type { BenchCase } from './cases/types.ts';

export const quick = process.env['BENCH_QUICK'] === '1';
/** Rounds per case (medians reported) and the time budget per side that may lower it. */
export const MAX_RUNS = quick ? 3 : 9;
export const BUDGET_MS = quick ? 2000 : 6000;
/**
 * Warm-up: V8 compiles a hot function in tiers (interpreter, Maglev, TurboFan), so a case is run
 * until it has had WARMUP_RUNS runs or WARMUP_MS of running, whichever comes first. Slow cases
 * (long fits) reach the time limit after one run, which is already thousands of iterations. 150 runs:
 * in a fresh process each new 800 KB typed array first costs ~2.3 ms of page faults on this VM until
 * the first garbage collections have freed enough of them for the allocator to reuse — the Laplace
 * cdf grid took 6 ms a call up to the 40th and 1.2 ms from the 41st (its arithmetic 1.04 ms
 * throughout), and the geometric ppf grid 5–7 ms a call up to the 45th–47th and 0.5–0.9 ms after. With
 * 60 runs the nine timed calls of a cheap case fell on either side of that in different processes
 * (the geometric ppf's median 0.6 or 4.7–7.2 ms).
 */
export const WARMUP_RUNS = quick ? 3 : 150;
export const WARMUP_MS = quick ? 300 : 3000;

/** One call of the case's core side, in ms. */
export function timeOnce(c: BenchCase, x: Float64Array): number {
  const t0 = performance.now();
  c.core(x);
  return performance.now() - t0;
}

/** The warm-up; returns its first call's time (what the round budget is reckoned from). */
export function warmUp(c: BenchCase, x: Float64Array): number {
  let first = 0;
  let spent = 0;
  for (let i = 0; i < WARMUP_RUNS && spent < WARMUP_MS; i++) {
    const dt = timeOnce(c, x);
    if (i === 0) first = dt;
    spent += dt;
  }
  return first;
}

/** How many rounds fit the budget, given each side's first call. */
export function roundsFor(firstMs: number): number {
  return Math.max(1, Math.min(MAX_RUNS, Math.floor(BUDGET_MS / Math.max(firstMs, 1e-3))));
}

export function median(values: number[]): number {
  const s = values.toSorted((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
