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
 * (long fits) reach the time limit after one run, which is already thousands of iterations. 60 runs:
 * in a fresh process each new 800 KB typed array first cost ~2.3 ms of page faults on this VM (V8
 * returned the pages of freed ones to the system) for about 40 calls, then 0.1 ms — the Laplace cdf
 * grid took 6 ms a call up to the 40th and 1.2 ms from the 41st, its arithmetic 1.04 ms throughout.
 */
export const WARMUP_RUNS = quick ? 3 : 60;
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

