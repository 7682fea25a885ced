// Differential tests of the KDE at every scale: the binned grid against the exact one (its
// documented ≤ 1e-3-of-peak bound) and the bandwidth against the exact standard deviation (BigInt
// arithmetic, test/support/exact.ts), on random data of size 1e-300 … 1e300, offsets to 1e12 times
// the spread, ties and subnormals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kdeGrid } from '../../src/density/binned-kde.ts';
import { gaussianKde } from '../../src/density/kde.ts';
import { createRandomState } from '../../src/random/random-state.ts';
import { exactStd } from '../support/exact.ts';
import { expectClose } from '../support/expect-close.ts';

/** Random samples offset + spread·zᵢ, z standard normal or a two-component mixture, some rounded to ties. */
const sample = (minN: number, maxN: number) =>
  fc
    .record({
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      n: fc.integer({ min: minN, max: maxN }),
      s: fc.integer({ min: -300, max: 290 }),
      o: fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 12 })),
      shape: fc.constantFrom('normal', 'bimodal', 'ties'),
    })
    .map(({ seed, n, s, o, shape }) => {
      const rs = createRandomState(seed);
      const z = rs.normal(0, 1, n);
      if (shape === 'bimodal') for (let i = 0; i < n; i += 3) z[i] = (z[i] as number) * 0.2 + 6;
      if (shape === 'ties') for (let i = 0; i < n; i++) z[i] = Math.round((z[i] as number) * 4) / 4;
      const spread = 10 ** s;
      const offset = o < 0 || s + o > 300 ? 0 : 10 ** o * spread;
      return { x: Array.from(z, (v) => offset + spread * v), s, o };
    });

function maxRelativeToPeak(a: Float64Array, b: Float64Array): number {
  let peak = 0;
  let err = 0;
  for (let i = 0; i < a.length; i++) {
    peak = Math.max(peak, b[i] as number);
    err = Math.max(err, Math.abs((a[i] as number) - (b[i] as number)));
  }
  return err / peak;
}

describe('kdeGrid binned against exact at every scale', () => {
  it('regression: data of spread 1e9 and 1e-25 keep the ≤ 1e-3-of-peak bound', () => {
    for (const spread of [1e9, 1e-25]) {
      const rs = createRandomState(11);
      const x = Array.from(rs.normal(0, 1, 2500), (v) => v * spread);
      const binned = kdeGrid(x, { method: 'binned' });
      const exact = kdeGrid(x, { method: 'exact' });
      expect(maxRelativeToPeak(binned.density, exact.density)).toBeLessThan(1e-3);
    }
  });

  it('property: ≤ 1e-3 of the peak for random data at scales 1e-300 … 1e290 and offsets to 1e12', () => {
    fc.assert(
      fc.property(sample(2001, 2600), ({ x }) => {
        const binned = kdeGrid(x);
        const exact = kdeGrid(x, { method: 'exact' });
        expect(binned.method).toBe('binned');
        expect(binned.bandwidth).toBe(exact.bandwidth);
        return maxRelativeToPeak(binned.density, exact.density) <= 1e-3;
      }),
      { numRuns: 25 },
    );
  });
});

describe('gaussianKde bandwidth against the exact standard deviation', () => {
  it('regression: spread past 1e154 or below 1e-154 gets its bandwidth, not "zero variance"', () => {
    const big = [4e200, -2e200, 7e200];
    expectClose(gaussianKde(big).bandwidth, exactStd(big, 1) * 3 ** (-1 / 5), { rel: 1e-14 });
    const tiny = [3e-170, 1e-170, -2e-170, 5e-170];
    expectClose(gaussianKde(tiny).bandwidth, exactStd(tiny, 1) * 4 ** (-1 / 5), { rel: 1e-14 });
    // Distinct subnormals: σ̂ is subnormal but not 0.
    const sub = [5e-324 * 7, 5e-324 * 19, 5e-324 * 40];
    expect(gaussianKde(sub).bandwidth).toBeGreaterThan(0);
  });

  it('says what happened when the bandwidth itself leaves the double range, and "zero variance" only for equal values', () => {
    expect(() => gaussianKde([Number.MAX_VALUE, -Number.MAX_VALUE])).toThrow(/gaussianKde: the bandwidth h = σ̂·factor .* overflows the double range/);
    expect(() => kdeGrid([2e-323, 2e-323, 2e-323])).toThrow(/kdeGrid: x has zero variance \(all 3 values equal 2e-323\)/);
  });

  it('property: bandwidth = exact σ̂ (ddof 1) · factor at every scale', () => {
    fc.assert(
      fc.property(sample(2, 200), ({ x }) => {
        fc.pre(x.some((v) => v !== x[0])); // all equal: the zero-variance error, tested above
        const kde = gaussianKde(x);
        const exact = exactStd(x, 1) * kde.factor;
        return Math.abs(kde.bandwidth - exact) <= 1e-14 * exact;
      }),
      { numRuns: 200 },
    );
  });
});
