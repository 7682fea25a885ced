import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cltSample, createCltRun } from '../../src/mixture/clt.ts';
import data from '../fixtures/mixture.json' with { type: 'json' };
import { expectAllClose, expectClose } from '../support/expect-close.ts';

/** Sample skewness (biased, as scipy.stats.skew). */
function skew(x: Float64Array): number {
  const m = x.reduce((a, b) => a + b, 0) / x.length;
  let s2 = 0;
  let s3 = 0;
  for (const v of x) {
    s2 += (v - m) ** 2;
    s3 += (v - m) ** 3;
  }
  return s3 / x.length / (s2 / x.length) ** 1.5;
}

describe('cltSample against numpy (mixture.json)', () => {
  for (const c of data.clt.cases) {
    it(`${c.source}, k = ${c.k}, m = ${c.m}`, () => {
      const r = cltSample({ seed: c.seed, source: c.source as 'uniform', k: c.k, m: c.m, ...(c.p === null ? {} : { p: c.p }) });
      // u = np.random.RandomState(seed).random_sample((m, k)); u.mean(1) | (-np.log1p(-u)).mean(1) | (u < p).mean(1)
      // numpy sums rows pairwise, we sum in order: last-bit differences only.
      expectAllClose(r.means, c.means, { rel: 1e-14 });
    });
  }
});

describe('cltSample theory', () => {
  it('reports μ and σ/√k for each source', () => {
    const u = cltSample({ seed: 1, source: 'uniform', k: 12, m: 10 });
    expect(u.expectedMean).toBe(0.5);
    expectClose(u.expectedSd, Math.sqrt(1 / 12) / Math.sqrt(12), { rel: 1e-15 });
    const e = cltSample({ seed: 1, source: 'exponential', k: 4, m: 10 });
    expect(e.expectedMean).toBe(1);
    expect(e.expectedSd).toBe(0.5);
    const b = cltSample({ seed: 1, source: 'bernoulli', k: 25, m: 10, p: 0.2 });
    expect(b.expectedMean).toBe(0.2);
    expectClose(b.expectedSd, 0.08, { rel: 1e-15 });
  });

  it('the means of many draws match the theory (seeded, so a fixed check, with ~4 standard errors of slack)', () => {
    for (const source of ['uniform', 'exponential'] as const) {
      const r = cltSample({ seed: 42, source, k: 30, m: 20000 });
      // the mean of the means has standard error σ/√(km); the sd of the means has ≈ σ_mean/√(2m)
      expect(Math.abs(r.sampleMean - r.expectedMean)).toBeLessThan(4 * (r.sourceSd / Math.sqrt(30 * 20000)));
      expect(Math.abs(r.sampleSd / r.expectedSd - 1)).toBeLessThan(4 / Math.sqrt(2 * 20000) + 0.01);
    }
  });

  it('the skewness of exponential means shrinks like 2/√k (the CLT at work)', () => {
    const k1 = skew(cltSample({ seed: 3, source: 'exponential', k: 1, m: 40000 }).means);
    const k25 = skew(cltSample({ seed: 3, source: 'exponential', k: 25, m: 40000 }).means);
    expect(Math.abs(k1 - 2)).toBeLessThan(0.3);
    expect(Math.abs(k25 - 0.4)).toBeLessThan(0.1);
  });
});

describe('createCltRun: the same draw in chunks', () => {
  it('steps through the means and gives what cltSample gives, bit for bit', () => {
    const options = { seed: 7, source: 'exponential', k: 13, m: 1000 } as const;
    const run = createCltRun(options);
    expect(run.drawn).toBe(0);
    expect(run.done).toBe(false);
    expect(() => run.result()).toThrow(/^createCltRun: result\(\) was called after 0 of 1000 means; call step\(\) until it returns true first/);
    const seen: number[] = [];
    while (!run.step(300)) seen.push(run.drawn);
    expect(seen).toEqual([300, 600, 900]);
    expect(run.drawn).toBe(1000);
    expect(run.done).toBe(true);
    expect(run.step(5)).toBe(true); // no-op once done
    expect(run.step(0)).toBe(true);
    const whole = cltSample(options);
    const chunked = run.result();
    expect(chunked.means).toEqual(whole.means);
    expect(chunked).toEqual(whole);
    expect(run.result()).toBe(chunked);
  });

  it("the example: np.random.RandomState(0).random_sample((3, 1)).mean(1)", () => {
    const run = createCltRun({ seed: 0, source: 'uniform', k: 1, m: 3 });
    expect(run.step(2)).toBe(false);
    expect(run.step(0)).toBe(false);
    expect(run.drawn).toBe(2);
    expect(run.step()).toBe(true);
    // numpy 2.4: np.random.RandomState(0).random_sample(3)
    expect(Array.from(run.result().means)).toEqual([0.5488135039273248, 0.7151893663724195, 0.6027633760716439]);
  });

  it('matches numpy in chunks too (mixture.json)', () => {
    for (const c of data.clt.cases) {
      const run = createCltRun({ seed: c.seed, source: c.source as 'uniform', k: c.k, m: c.m, ...(c.p === null ? {} : { p: c.p }) });
      while (!run.step(7));
      expectAllClose(run.result().means, c.means, { rel: 1e-14 });
    }
  });

  it('property: any chunk sizes give the one-call sample, value for value', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('uniform', 'exponential', 'bernoulli'),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 20 }),
        (source, k, m, seed, chunks) => {
          const options = { seed, source, k, m, p: 0.3 };
          const run = createCltRun(options);
          for (let i = 0; !run.step(chunks[i % chunks.length] || 1); i++);
          expect(run.result()).toEqual(cltSample(options));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('throws on bad options as cltSample does, under its own name, and on a bad chunk', () => {
    expect(() => createCltRun({ seed: 0, source: 'uniform', k: 0, m: 1 })).toThrow(/^createCltRun: k must be an integer ≥ 1/);
    expect(() => createCltRun({ seed: 0, source: 'bernoulli', k: 1, m: 1 })).toThrow(/^createCltRun: p \(the success probability, from 0 to 1\) is required/);
    expect(() => createCltRun(null as unknown as { seed: 0; source: 'uniform'; k: 1; m: 1 })).toThrow(/^createCltRun: options must be an object/);
    expect(() => createCltRun({ seed: 0.5, source: 'uniform', k: 1, m: 1 })).toThrow(/createRandomState/);
    const run = createCltRun({ seed: 0, source: 'uniform', k: 1, m: 10 });
    expect(() => run.step(-1)).toThrow(/^createCltRun: step\(maxMeans\) needs an integer ≥ 0 or Infinity, got -1/);
    expect(() => run.step(2.5)).toThrow(RangeError);
    expect(() => run.step(Number.NaN)).toThrow(/got NaN/);
    expect(run.drawn).toBe(0);
  });
});

describe('cltSample edge cases', () => {
  it('k = 1 gives the raw draws; Bernoulli p = 0 and p = 1 are constant', () => {
    expect(cltSample({ seed: 0, source: 'bernoulli', k: 5, m: 3, p: 0 }).means.every((v) => v === 0)).toBe(true);
    expect(cltSample({ seed: 0, source: 'bernoulli', k: 5, m: 3, p: 1 }).means.every((v) => v === 1)).toBe(true);
    expect(cltSample({ seed: 0, source: 'bernoulli', k: 5, m: 3, p: 1 }).expectedSd).toBe(0);
    expect(cltSample({ seed: 0, source: 'uniform', k: 1, m: 1 }).means[0]).toBe(0.5488135039273248); // np.random.RandomState(0).random_sample()
  });

  it('throws on bad options', () => {
    expect(() => cltSample({ seed: 0, source: 'cauchy' as 'uniform', k: 1, m: 1 })).toThrow(/cltSample: source must be one of 'uniform', 'exponential', 'bernoulli'/);
    expect(() => cltSample({ seed: 0, source: 'uniform', k: 0, m: 1 })).toThrow(/cltSample: k must be an integer ≥ 1/);
    expect(() => cltSample({ seed: 0, source: 'uniform', k: 1, m: 1.5 })).toThrow(/cltSample: m must be an integer ≥ 1/);
    expect(() => cltSample({ seed: 0, source: 'bernoulli', k: 1, m: 1 })).toThrow(/cltSample: p \(the success probability, from 0 to 1\) is required/);
    expect(() => cltSample({ seed: 0, source: 'bernoulli', k: 1, m: 1, p: 1.5 })).toThrow(/cltSample: p must be from 0 to 1/);
    expect(() => cltSample({ seed: 0, source: 'bernoulli', k: 1, m: 1, p: Number.NaN })).toThrow(/cltSample: p must be a finite number/);
    expect(() => cltSample({ seed: -1, source: 'uniform', k: 1, m: 1 })).toThrow(/createRandomState/);
    expect(() => cltSample(undefined as unknown as { seed: 0; source: 'uniform'; k: 1; m: 1 })).toThrow(/^cltSample: options must be an object \{ seed, source, k, m, p\? \}, got undefined/);
  });
});
