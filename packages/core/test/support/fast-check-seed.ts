import fc from 'fast-check';

/**
 * One fixed seed for every property in `npm test`, so a run is reproducible and CI is red only for a real change —
 * the practice Hypothesis recommends for CI (`derandomize`). Exploration is separate and random:
 * `pnpm --filter @mle-lab/core run test:explore` (FC_SEED=random, ten times the default number of runs), or `FC_SEED=<n>` to replay
 * a seed that fast-check printed. Every failure prints its seed and path either way.
 */
const DEFAULT_SEED = 20_261_205;

const requested = process.env['FC_SEED'];
const runs = Number(process.env['FC_RUNS_FACTOR'] ?? '1');
const seed = requested === 'random' ? undefined : requested === undefined ? DEFAULT_SEED : Number(requested);
if (seed !== undefined && !Number.isSafeInteger(seed)) {
  throw new TypeError(`FC_SEED must be an integer or 'random', got '${requested}'`);
}
if (!(Number.isSafeInteger(runs) && runs >= 1)) {
  throw new TypeError(`FC_RUNS_FACTOR must be a positive integer, got '${process.env['FC_RUNS_FACTOR']}'`);
}
fc.configureGlobal({ ...(seed === undefined ? {} : { seed }), numRuns: 100 * runs });
