// How a case's core side is timed once warm: shared by bench/run.ts (BENCH_FRESH=0, every case in its
// process) and bench/fresh.ts (each case in a fresh process of its own, the default).

import type { BenchCase } from './cases/types.ts';

export interface CoreTiming {
  ms: number;
  runs: number;
}

export const quick = process.env['BENCH_QUICK'] === '1';
/** Runs per case (median reported) and the time budget per case that may lower it. */
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

/** The median of up to MAX_RUNS calls after the warm-up. */
export function timeCore(c: BenchCase, x: Float64Array): CoreTiming {
  let first = 0;
  let spent = 0;
  for (let i = 0; i < WARMUP_RUNS && spent < WARMUP_MS; i++) {
    const t0 = performance.now();
    c.core(x);
    const dt = performance.now() - t0;
    if (i === 0) first = dt;
    spent += dt;
  }
  const runs = Math.max(1, Math.min(MAX_RUNS, Math.floor(BUDGET_MS / Math.max(first, 1e-3))));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    c.core(x);
    times.push(performance.now() - t0);
  }
  return { ms: median(times), runs };
}

export function median(values: number[]): number {
  const s = values.toSorted((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

