// The benchmark: times every case of bench/cases/*.ts in core and, in the same run, the same work in
// numpy/scipy/scikit-learn/torch/matplotlib (bench/reference.py, one Python process for all cases),
// on the same sample: seed 42, normal(5, 2, 1e6). Prints a markdown table of the ratios.
//
//   node bench/run.ts                 (from packages/core; Node ≥ 22.18 runs the TypeScript directly)
//   BENCH_QUICK=1 node bench/run.ts   (fewer repetitions)
//   node bench/run.ts histogram kde   (only cases whose name contains one of the words)
//   BENCH_FRESH=0 node bench/run.ts   (skip the fresh-process column)
//
// Besides the warmed-up median, each case is timed in a fresh Node process (bench/fresh.ts): its
// second call there, which is what a reader's worker meets before V8 has optimised anything.
//
// A missing python3 or library never fails the run: that reference column says why it is missing.
// A core case that throws is reported in its row and makes the exit code 1.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRandomState } from '../src/index.ts';
import type { BenchCase } from './cases/types.ts';
import { MAX_RUNS, WARMUP_MS, WARMUP_RUNS, quick, timeCore, type CoreTiming } from './timing.ts';

interface ReferenceReport {
  versions: Record<string, string>;
  results: Record<string, { ms: number; runs: number } | { error: string }>;
}

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

/**
 * A case in a fresh Node process of its own (see bench/fresh.ts): its second call there and its
 * warmed-up median, or why it failed.
 */
function timeFresh(c: LoadedCase, sampleFile: string): { second: number; warm: CoreTiming } | { error: string } {
  const res = spawnSync(process.execPath, [join(here, 'fresh.ts'), c.name, sampleFile, c.file], {
    env: STEADY_MALLOC,
    encoding: 'utf8',
    timeout: 10 * 60 * 1000,
  });
  if (res.status !== 0) return { error: res.stderr.trim().split('\n').pop() ?? `exit ${res.status}` };
  try {
    return JSON.parse(res.stdout) as { second: number; warm: CoreTiming };
  } catch {
    return { error: 'bench/fresh.ts printed no JSON' };
  }
}

function runReferences(cases: BenchCase[]): ReferenceReport | { unavailable: string } {
  const job = JSON.stringify({ quick, cases: cases.map((c) => ({ name: c.name, reference: c.reference })) });
  const python = process.env['PYTHON'] ?? 'python3';
  const res = spawnSync(python, [join(here, 'reference.py')], {
    env: STEADY_MALLOC,
    input: job,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 30 * 60 * 1000,
  });
  if (res.error) return { unavailable: `${python} could not run (${res.error.message})` };
  if (res.status !== 0) {
    const last = res.stderr.trim().split('\n').pop() ?? '';
    return { unavailable: `bench/reference.py exited with ${res.status}${last ? `: ${last}` : ''}` };
  }
  try {
    return JSON.parse(res.stdout) as ReferenceReport;
  } catch {
    return { unavailable: 'bench/reference.py printed no JSON report' };
  }
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
  const core = new Map<string, CoreTiming | { error: string }>();
  const freshTimes = new Map<string, number | { error: string }>();
  if (fresh) {
    // Each case in a process of its own: its second call there, then its warmed-up median. Timed
    // in one process, the cases shared V8's type feedback (familyCdfArray's call sites saw every
    // family), so a case's time depended on which cases ran before it (poisson cdf 0.56 or 5.3 ms).
    const dir = mkdtempSync(join(tmpdir(), 'mle-bench-'));
    const sampleFile = join(dir, 'sample.f64');
    writeFileSync(sampleFile, new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
    for (const c of cases) {
      const t = timeFresh(c, sampleFile);
      freshTimes.set(c.name, 'error' in t ? t : t.second);
      core.set(c.name, 'error' in t ? t : t.warm);
      process.stderr.write(`bench: done in a fresh process: ${c.name}\n`);
    }
    rmSync(dir, { recursive: true, force: true });
  } else {
    for (const c of cases) {
      try {
        core.set(c.name, timeCore(c, x));
      } catch (err) {
        core.set(c.name, { error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
      }
      process.stderr.write(`bench: core done: ${c.name}\n`);
    }
  }
  process.stderr.write('bench: running the Python references…\n');
  const ref = runReferences(cases);

  const cpu = cpus();
  const lines: string[] = [];
  lines.push(
    `Sample: seed 42, normal(5, 2, 1e6). ${quick ? 'Quick mode (BENCH_QUICK=1). ' : ''}Times in ms: the median of up to ${MAX_RUNS} runs after a warm-up (warm-up, core: up to ${WARMUP_RUNS} runs or ${WARMUP_MS} ms; Python: one run).`,
  );
  lines.push(
    `Machine: ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${process.platform}; Node ${process.versions.node}` +
      ('versions' in ref ? `; ${Object.entries(ref.versions).map(([k, v]) => `${k} ${v}`).join(', ')}` : ''),
  );
  if ('unavailable' in ref) lines.push(`Reference unavailable: ${ref.unavailable}. Core times only.`);
  if (fresh) lines.push('Each case runs in a fresh Node process of its own (bench/fresh.ts): "fresh 2nd" is its second call there, "core ms" its median after the warm-up; both ratios are to the same reference time.');
  else lines.push('BENCH_FRESH=0: every case timed in this one process, one after another (their times can depend on the cases before them).');
  lines.push('');
  lines.push('| case | core ms | fresh 2nd ms | reference ms | ratio | fresh ratio | target | |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | :---: |');
  let failed = false;
  for (const c of cases) {
    const t = core.get(c.name);
    const f = freshTimes.get(c.name);
    const freshMs = f === undefined ? '–' : typeof f === 'number' ? formatMs(f) : `error: ${f.error}`;
    const r = 'results' in ref ? ref.results[c.name] : undefined;
    const refLabel = `${c.referenceLib}`;
    if (t === undefined || 'error' in t) {
      failed = true;
      lines.push(`| ${c.name} | error: ${t?.error ?? 'not run'} | ${freshMs} | | | | ≤ ${c.target} | ✗ |`);
      continue;
    }
    if (r === undefined || 'error' in r) {
      const why = r === undefined ? 'unavailable' : `unavailable (${r.error})`;
      lines.push(`| ${c.name} | ${formatMs(t.ms)} | ${freshMs} | ${refLabel}: ${why} | | | ≤ ${c.target} | – |`);
      continue;
    }
    const ratio = t.ms / r.ms;
    const freshRatio = typeof f === 'number' ? formatRatio(f / r.ms) : '–';
    lines.push(
      `| ${c.name} | ${formatMs(t.ms)} | ${freshMs} | ${formatMs(r.ms)} (${refLabel}) | ${formatRatio(ratio)} | ${freshRatio} | ≤ ${c.target} | ${ratio <= c.target ? '✓' : '✗'} |`,
    );
  }
  console.log(lines.join('\n'));
  if (failed) process.exitCode = 1;
}

await main();
