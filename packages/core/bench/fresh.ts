// Times one benchmark case in a fresh Node process, as a reader's page or worker meets it: the first
// and second calls, before V8 has had time to optimise anything, then the warm-up; then one call per
// "run" line on stdin, each answered with its time, for bench/run.ts to take turns with the Python
// reference. Run by bench/run.ts, once per case, as
// `node bench/fresh.ts <case name> <sample file> <case file>`; prints
// {"first": ms, "second": ms, "warmFirst": ms} and then one time in ms per line asked for.
//
// The shared sample comes from a file (float64, little-endian) that run.ts wrote, not from core's
// generator, so that making it does not warm up the code being timed (the legacy normal generator
// is itself a case).

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchCase } from './cases/types.ts';
import { timeOnce, warmUp } from './timing.ts';

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
const first = timeOnce(c, x);
const second = timeOnce(c, x);
const warmFirst = warmUp(c, x);
process.stdout.write(`${JSON.stringify({ first, second, warmFirst })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === 'run') process.stdout.write(`${timeOnce(c, x)}\n`);
}
