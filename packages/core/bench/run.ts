// The benchmark: times every case of bench/cases/*.ts in core and, in the same run, the same work in
// numpy/scipy/scikit-learn/torch/matplotlib (bench/reference.py, one Python process for all cases),
// on the same sample: seed 42, normal(5, 2, 1e6). Prints a markdown table of the ratios.
//
//   node bench/run.ts                 (from packages/core; Node ≥ 22.18 runs the TypeScript directly)
//   BENCH_QUICK=1 node bench/run.ts   (fewer repetitions)
//   node bench/run.ts histogram kde   (only cases whose name contains one of the words)
//   BENCH_FRESH=0 node bench/run.ts   (every case in this process, no fresh-process column)
//
// Each case runs in a fresh Node process of its own (bench/fresh.ts): its second call there is what a
// reader's worker meets before V8 has optimised anything. After both sides' warm-up, the core's calls
// and the reference's are timed in turn, one each per round (the reference first in every other
// round), so that both meet the same stretch of this machine's time: its speed changes by up to 1.6×
// from one second to the next (other tenants of the host), and when every core case was timed before
// every reference, a row's ratio moved with whatever the machine was doing in each phase.
//
// A missing python3 or library never fails the run: that reference column says why it is missing.
// A core case that throws is reported in its row and makes the exit code 1.

import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRandomState } from '../src/index.ts';
import type { BenchCase } from './cases/types.ts';
import { LineChannel } from './channel.ts';
import { MAX_RUNS, WARMUP_MS, WARMUP_RUNS, median, quick, roundsFor, timeOnce, warmUp } from './timing.ts';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2).map((f) => f.toLowerCase());
const fresh = process.env['BENCH_FRESH'] !== '0';

/** A case and the file in bench/cases it comes from (bench/fresh.ts loads it from there). */
interface LoadedCase extends BenchCase {
  file: string;
}

async function loadCases(): Promise<LoadedCase[]> {
  const dir = join(here, 'cases');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && f !== 'types.ts')
    .toSorted();
  const all: LoadedCase[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { cases?: BenchCase[] };
    if (!Array.isArray(mod.cases)) {
      console.error(`bench: ${file} exports no \`cases\` array; skipped`);
      continue;
    }
    all.push(...mod.cases.map((c) => ({ ...c, file })));
  }
  return filters.length === 0 ? all : all.filter((c) => filters.some((f) => c.name.toLowerCase().includes(f)));
}

/**
 * The environment of every timed child process. glibc's malloc serves a block above its mmap threshold
 * (128 KiB at start) with fresh pages from the kernel, page-faulting on first touch every time, until
 * freeing such a block raises the threshold. numpy's temporaries (800 KB each on a 1e5 grid) met that:
 * scipy's norm.cdf on the bench's grid took 23 ms with the default threshold and 2.0–2.1 ms once it was
 * raised — by an earlier case that freed a large array, or by this setting — so the reference swung 8×
 * with the cases run before it. At 32 MiB (glibc's maximum) the reference is timed in its steady
 * state. Node's typed arrays measured the same with and without it (V8 manages their memory itself).
 */
const STEADY_MALLOC = { ...process.env, MALLOC_MMAP_THRESHOLD_: String(32 * 2 ** 20), MALLOC_TRIM_THRESHOLD_: String(64 * 2 ** 20) };

/** The core side of a case, warmed up: its first calls (fresh process only) and one timed call at a time. */
interface CoreSide {
  second: number | undefined;
  warmFirst: number;
  run(): Promise<number>;
  close(): void;
}

/** The case in a fresh Node process of its own (see bench/fresh.ts), once it has warmed up. */
async function freshCore(c: LoadedCase, sampleFile: string): Promise<CoreSide> {
  const child = new LineChannel(process.execPath, [join(here, 'fresh.ts'), c.name, sampleFile, c.file], STEADY_MALLOC);
  try {
    const start = JSON.parse(await child.next()) as { second: number; warmFirst: number };
    return {
      second: start.second,
      warmFirst: start.warmFirst,
      async run() {
        child.send('run');
        return Number(await child.next());
      },
      close: () => child.close(),
    };
  } catch (err) {
    child.close();
    throw err;
  }
}

/** The case in this process (BENCH_FRESH=0). */
function inProcessCore(c: LoadedCase, x: Float64Array): CoreSide {
  const warmFirst = warmUp(c, x);
  return { second: undefined, warmFirst, run: async () => timeOnce(c, x), close: () => {} };
}

/** bench/reference.py, started once: the library versions, and each case's reference loaded and timed on request. */
interface Reference {
  versions: Record<string, string>;
  /** Compiles and runs the case's reference once; its time, or why it cannot run. */
  load(c: BenchCase): Promise<{ first: number } | { error: string }>;
  time(c: BenchCase): Promise<number>;
  close(): void;
}

async function startReference(): Promise<Reference | { unavailable: string }> {
  const python = process.env['PYTHON'] ?? 'python3';
  const channel = new LineChannel(python, [join(here, 'reference.py')], STEADY_MALLOC);
  const ask = async (request: object): Promise<{ first?: number; ms?: number; error?: string }> => {
    channel.send(JSON.stringify(request));
    return JSON.parse(await channel.next()) as { first?: number; ms?: number; error?: string };
  };
  try {
    const { versions } = JSON.parse(await channel.next()) as { versions: Record<string, string> };
    return {
      versions,
      async load(c) {
        try {
          const r = await ask({ op: 'load', name: c.name, reference: c.reference });
          return r.error === undefined ? { first: r.first as number } : { error: r.error };
        } catch (err) {
          // The Python process itself failed (not the reference): every later case says so too.
          return { error: errorText(err) };
        }
      },
      async time(c) {
        const r = await ask({ op: 'time', name: c.name });
        if (r.error !== undefined) throw new Error(r.error);
        return r.ms as number;
      },
      close: () => channel.close(),
    };
  } catch (err) {
    channel.close();
    return { unavailable: `bench/reference.py did not start (${err instanceof Error ? err.message : String(err)})` };
  }
}

/** A case's timings: the core's rounds and second fresh call, the reference's rounds (or why there are none). */
interface CaseResult {
  core: number[] | { error: string };
  second: number | undefined;
  reference: number[] | { error: string };
}

/**
 * Warms both sides up, then times them in turn, round by round (the reference first in every other
 * round); as many rounds as the slower side's warm-up call allows in the budget.
 */
async function timeCase(c: LoadedCase, x: Float64Array, sampleFile: string, reference: Reference | { unavailable: string }): Promise<CaseResult> {
  let core: CoreSide;
  try {
    core = fresh ? await freshCore(c, sampleFile) : inProcessCore(c, x);
  } catch (err) {
    return { core: { error: errorText(err) }, second: undefined, reference: { error: 'not run' } };
  }
  try {
    const loaded = 'unavailable' in reference ? { error: reference.unavailable } : await reference.load(c);
    const ref = 'error' in loaded ? undefined : (reference as Reference);
    const rounds = roundsFor(Math.max(core.warmFirst, 'first' in loaded ? loaded.first : 0));
    const coreTimes: number[] = [];
    const refTimes: number[] = [];
    let refError = 'error' in loaded ? loaded.error : undefined;
    const timeReference = async (): Promise<void> => {
      if (ref === undefined || refError !== undefined) return;
      try {
        refTimes.push(await ref.time(c));
      } catch (err) {
        refError = errorText(err);
      }
    };
    for (let r = 0; r < rounds; r++) {
      if (r % 2 === 1) await timeReference();
      coreTimes.push(await core.run());
      if (r % 2 === 0) await timeReference();
    }
    return { core: coreTimes, second: core.second, reference: refError === undefined ? refTimes : { error: refError } };
  } catch (err) {
    return { core: { error: errorText(err) }, second: core.second, reference: { error: 'not run' } };
  } finally {
    core.close();
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

function formatMs(ms: number): string {
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toFixed(3);
}

function formatRatio(r: number): string {
  return r >= 0.1 ? r.toFixed(2) : r.toPrecision(2);
}

async function main(): Promise<void> {
  const cases = await loadCases();
  if (cases.length === 0) {
    console.log('bench: no cases matched');
    return;
  }
  const x = createRandomState(42).normal(5, 2, 1_000_000);
  // Each case in a process of its own: timed in one process, the cases shared V8's type feedback
  // (familyCdfArray's call sites saw every family), so a case's time depended on which cases ran
  // before it (poisson cdf 0.56 or 5.3 ms).
  const dir = mkdtempSync(join(tmpdir(), 'mle-bench-'));
  const sampleFile = join(dir, 'sample.f64');
  writeFileSync(sampleFile, new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
  const reference = await startReference();
  const results = new Map<string, CaseResult>();
  for (const c of cases) {
    results.set(c.name, await timeCase(c, x, sampleFile, reference));
    process.stderr.write(`bench: done: ${c.name}\n`);
  }
  if (!('unavailable' in reference)) reference.close();
  rmSync(dir, { recursive: true, force: true });

  const cpu = cpus();
  const lines: string[] = [];
  lines.push(
    `Sample: seed 42, normal(5, 2, 1e6). ${quick ? 'Quick mode (BENCH_QUICK=1). ' : ''}After a warm-up (core: up to ${WARMUP_RUNS} runs or ${WARMUP_MS} ms; Python: one run), core and reference are timed in turn, up to ${MAX_RUNS} rounds of one call each (the reference first in every other round). Times in ms: each side's median; ratio: the median of the rounds' ratios.`,
  );
  lines.push(
    `Machine: ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${process.platform}; Node ${process.versions.node}` +
      ('versions' in reference ? `; ${Object.entries(reference.versions).map(([k, v]) => `${k} ${v}`).join(', ')}` : ''),
  );
  if ('unavailable' in reference) lines.push(`Reference unavailable: ${reference.unavailable}. Core times only.`);
  if (fresh) lines.push('Each case runs in a fresh Node process of its own (bench/fresh.ts): "fresh 2nd" is its second call there, "core ms" the median of its rounds; the fresh ratio is to the reference\'s median.');
  else lines.push('BENCH_FRESH=0: every case timed in this one process, one after another (their times can depend on the cases before them).');
  lines.push('');
  lines.push('| case | core ms | fresh 2nd ms | reference ms | ratio | fresh ratio | target | |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | :---: |');
  let failed = false;
  for (const c of cases) {
    const r = results.get(c.name) as CaseResult;
    const freshMs = r.second === undefined ? '–' : formatMs(r.second);
    if ('error' in r.core) {
      failed = true;
      lines.push(`| ${c.name} | error: ${r.core.error} | ${freshMs} | | | | ≤ ${c.target} | ✗ |`);
      continue;
    }
    const coreMs = median(r.core);
    if ('error' in r.reference || r.reference.length === 0) {
      const why = 'error' in r.reference ? `unavailable (${r.reference.error})` : 'unavailable';
      lines.push(`| ${c.name} | ${formatMs(coreMs)} | ${freshMs} | ${c.referenceLib}: ${why} | | | ≤ ${c.target} | – |`);
      continue;
    }
    const refTimes = r.reference;
    const refMs = median(refTimes);
    const ratio = median(r.core.map((t, i) => t / (refTimes[i] as number)));
    const freshRatio = r.second === undefined ? '–' : formatRatio(r.second / refMs);
    lines.push(
      `| ${c.name} | ${formatMs(coreMs)} | ${freshMs} | ${formatMs(refMs)} (${c.referenceLib}) | ${formatRatio(ratio)} | ${freshRatio} | ≤ ${c.target} | ${ratio <= c.target ? '✓' : '✗'} |`,
    );
  }
  console.log(lines.join('\n'));
  if (failed) process.exitCode = 1;
}

await main();
