import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderStatistics, selectInPlace, selectManyInPlace } from '../../src/internal/select.ts';

describe('selectInPlace', () => {
  it('puts the k-th smallest value at k with smaller values before and larger after', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 2000 }), fc.nat(), (xs, kRaw) => {
        const a = Float64Array.from(xs);
        const k = kRaw % a.length;
        selectInPlace(a, k);
        const sorted = Float64Array.from(xs).toSorted();
        // === rather than toBe: selection need not order −0 and +0, which compare equal.
        expect(a[k] === sorted[k]).toBe(true);
        for (let i = 0; i < k; i++) expect(a[i] as number).toBeLessThanOrEqual(a[k] as number);
        for (let i = k + 1; i < a.length; i++) expect(a[i] as number).toBeGreaterThanOrEqual(a[k] as number);
      }),
    );
  });

  it('survives sorted, reversed and all-equal inputs', () => {
    const n = 5000;
    for (const a of [
      Float64Array.from({ length: n }, (_, i) => i),
      Float64Array.from({ length: n }, (_, i) => n - i),
      new Float64Array(n).fill(1),
      Float64Array.from({ length: n }, (_, i) => i % 2),
    ]) {
      const sorted = a.toSorted();
      for (const k of [0, 1, n >> 1, n - 2, n - 1]) {
        const w = a.slice();
        selectInPlace(w, k);
        expect(w[k]).toBe(sorted[k]);
      }
    }
  });
});

describe('selectManyInPlace', () => {
  it('settles every requested index', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 3000 }), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (xs, raw) => {
        const a = Float64Array.from(xs);
        const ks = raw.map((r) => r % a.length).toSorted((p, q) => p - q);
        selectManyInPlace(a, ks);
        const sorted = Float64Array.from(xs).toSorted();
        for (const k of ks) expect(a[k] === sorted[k]).toBe(true);
      }),
    );
  });
});

describe('orderStatistics', () => {
  it('returns the sorted values at the requested ranks on large inputs of several shapes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4096, max: 30_000 }),
        fc.constantFrom('uniform', 'clustered', 'ties', 'outlier'),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (n, shape, fractions, seed) => {
          let s = seed;
          const next = (): number => {
            s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
            return s / 2 ** 32;
          };
          const x = new Float64Array(n);
          for (let i = 0; i < n; i++) {
            const u = next();
            x[i] = shape === 'uniform' ? u : shape === 'clustered' ? (i % 3 === 0 ? 1000 + u : u * 1e-9) : shape === 'ties' ? Math.floor(u * 5) : u;
          }
          if (shape === 'outlier') x[0] = 1e300;
          let min = Infinity;
          let max = -Infinity;
          for (const v of x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
          const ranks = fractions.map((f) => Math.min(n - 1, Math.floor(f * n)));
          const sorted = x.toSorted();
          const before = x.slice();
          expect(Array.from(orderStatistics(x, ranks, min, max))).toEqual(ranks.map((r) => sorted[r]));
          expect(x).toEqual(before);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('constant data and small inputs', () => {
    expect(Array.from(orderStatistics(new Float64Array(10_000).fill(2), [0, 9999], 2, 2))).toEqual([2, 2]);
    expect(Array.from(orderStatistics([5, 1, 4, 2, 3], [0, 2, 4], 1, 5))).toEqual([1, 3, 5]);
  });

  it('an extent too wide for a finite bucket scale falls back to plain selection', () => {
    const x = Float64Array.from({ length: 5000 }, (_, i) => (i % 2 === 0 ? -1.7e308 : 1.7e308) * (i / 5000));
    const sorted = x.toSorted();
    let min = Infinity;
    let max = -Infinity;
    for (const v of x) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    expect(Array.from(orderStatistics(x, [0, 2500, 4999], min, max))).toEqual([sorted[0], sorted[2500], sorted[4999]]);
  });
});
