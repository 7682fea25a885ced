import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandomState } from '../../src/random/random-state.ts';
import { quantile } from '../../src/stats/quantile.ts';
import { expectAllClose } from '../support/expect-close.ts';
import data from '../fixtures/stats.json' with { type: 'json' };

function rebuild(name: keyof typeof data.big): Float64Array {
  if (name === 'uniform1e5') return createRandomState(3).uniform(-1, 1, 100_000); // bit-identical to numpy
  if (name === 'skewed') {
    const x = new Float64Array(25_001);
    for (let i = 0; i < 20_000; i++) x[i] = ((i * 7919) % 20_000) * 1e-6;
    x[20_000] = 1e6;
    return x;
  }
  return Float64Array.from({ length: 50_000 }, (_, i) => (i * 31) % 7);
}

describe('quantile', () => {
  it('equals numpy.quantile (method linear) to the last bit on the small datasets', () => {
    for (const d of Object.values(data.datasets)) {
      // numpy 2.4: np.quantile(x, ps)
      expect(Array.from(quantile(d.x, data.ps))).toEqual(d.quantile);
      data.ps.forEach((p, i) => expect(quantile(d.x, p)).toBe(d.quantile[i]));
    }
  });

  it('equals numpy.quantile on large inputs (bucket selection, its skewed fallback, many ties)', () => {
    for (const name of Object.keys(data.big) as (keyof typeof data.big)[]) {
      const x = rebuild(name);
      // numpy 2.4: np.quantile(x, ps), np.median(x) for the recipe in the fixture
      expect(Array.from(quantile(x, data.ps))).toEqual(data.big[name].quantile);
      expect(quantile(x, 0.5)).toBe(data.big[name].median);
    }
  });

  it('does not modify its input', () => {
    const x = Float64Array.of(3, 1, 2);
    quantile(x, [0.1, 0.9]);
    expect(Array.from(x)).toEqual([3, 1, 2]);
  });

  it('property: monotone in p, and between min and max', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 10 }),
        (xs, ps) => {
          const sorted = ps.toSorted((a, b) => a - b);
          const q = quantile(xs, sorted);
          for (let i = 1; i < q.length; i++) expect(q[i] as number).toBeGreaterThanOrEqual(q[i - 1] as number);
          // === rather than toBe: −0 and +0 are the same minimum.
          expect(quantile(xs, 0) === Math.min(...xs)).toBe(true);
          expect(quantile(xs, 1) === Math.max(...xs)).toBe(true);
        },
      ),
    );
  });

  it('property: the large-input path agrees with a full sort', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 4096, max: 20_000 }), (seed, n) => {
        const rs = createRandomState(seed);
        // A mixture with a far cluster makes uneven buckets.
        const x = Float64Array.from(rs.normal(0, 1, n), (v, i) => (i % 10 === 0 ? v * 1e-3 + 50 : v));
        const sorted = x.toSorted();
        const ps = [0, 0.01, 0.25, 0.5, 0.75, 0.9, 0.95, 1];
        const want = ps.map((p) => {
          const h = (n - 1) * p;
          const j = Math.floor(h);
          const a = sorted[j] as number;
          const b = sorted[Math.min(j + 1, n - 1)] as number;
          const g = h - j;
          return g >= 0.5 ? b - (b - a) * (1 - g) : a + (b - a) * g;
        });
        expect(Array.from(quantile(x, ps))).toEqual(want);
      }),
      { numRuns: 20 },
    );
  });

  describe('edge cases', () => {
    it('empty input throws', () => expect(() => quantile([], 0.5)).toThrow(/quantile: x is empty/));
    it('one value: every quantile is that value', () => expectAllClose(quantile([7], [0, 0.3, 1]), [7, 7, 7]));
    it('p outside [0, 1] or NaN throws', () => {
      expect(() => quantile([1, 2], 1.5)).toThrow(/quantile: p must be a probability in \[0, 1\], got 1.5/);
      expect(() => quantile([1, 2], -0.1)).toThrow(RangeError);
      expect(() => quantile([1, 2], [0.5, Number.NaN])).toThrow(/quantile: p\[1\]/);
      expect(() => quantile([1, 2], '0.5' as unknown as number)).toThrow(TypeError);
    });
    it('NaN and ±Infinity in the data throw with the index', () => {
      expect(() => quantile([1, Number.NaN], 0.5)).toThrow(/quantile: x\[1\] is NaN/);
      expect(() => quantile(Float64Array.of(Infinity, 1), 0.5)).toThrow(/quantile: x\[0\] is Infinity/);
    });
    it('σ = 0: constant data', () => expect(quantile(new Float64Array(10_000).fill(2.5), 0.37)).toBe(2.5));
    it('a 1e9 offset keeps its digits', () => {
      const d = data.datasets.offset1e9;
      expect(Array.from(quantile(d.x, data.ps))).toEqual(d.quantile);
    });
    it('an empty p array gives an empty result', () => expect(quantile([1, 2], []).length).toBe(0));
  });
});
