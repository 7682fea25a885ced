// Times one benchmark case in a fresh Node process, as a reader's page or worker meets it: the first
// and second calls, before V8 has had time to optimise anything, then its warmed-up median (no other
// case has run in this process, so none has shaped V8's type feedback). Run by bench/run.ts, once
// per case, as `node bench/fresh.ts <case name> <sample file> <case file>`; prints
// {"first": ms, "second": ms, "warm": {"ms": ms, "runs": n}}.
//
// The shared sample comes from a file (float64, little-endian) that run.ts wrote, not from core's
// generator, so that making it does not warm up the code being timed (the legacy normal generator
// is itself a case).

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchCase } from './cases/types.ts';
import { timeCore } from './timing.ts';

const [name, sampleFile, caseFile] = process.argv.slice(2);
if (name === undefined || sampleFile === undefined || caseFile === undefined) {
  throw new Error('usage: node bench/fresh.ts <case name> <sample file> <case file>');
}
const here = dirname(fileURLToPath(import.meta.url));
const mod = (await import(pathToFileURL(join(here, 'cases', caseFile)).href)) as { cases: BenchCase[] };
const c = mod.cases.find((k) => k.name === name);
if (c === undefined) throw new Error(`bench/fresh.ts: no case named ${JSON.stringify(name)} in ${caseFile}`);
const bytes = readFileSync(sampleFile);
const x = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
let t0 = performance.now();
c.core(x);
const first = performance.now() - t0;
t0 = performance.now();
c.core(x);
const second = performance.now() - t0;
// Then the warm-up and the median, as bench/run.ts reports them.
const warm = timeCore(c, x);
process.stdout.write(JSON.stringify({ first, second, warm }));
