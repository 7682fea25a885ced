import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxplotStats } from '../../src/density/box-stats.ts';
import { createRandomState } from '../../src/random/random-state.ts';
import { expectClose } from '../support/expect-close.ts';
import data from '../fixtures/density.json' with { type: 'json' };

const datasets = data.datasets as Record<string, number[]>;
const withOutliers = [1, 2, 3, 4, 5, 6, 7, 8, 9, 40];

describe('boxplotStats', () => {
  it('equals matplotlib.cbook.boxplot_stats (whis 1.5, 0, 3) on every golden dataset', () => {
    for (const c of data.box) {
      const x = c.data === 'withOutliers' ? withOutliers : (datasets[c.data] as number[]);
      // matplotlib 3.11: cbook.boxplot_stats(x, whis)[0]; fliers sorted for comparison
      const s = boxplotStats(x, { whis: c.whis });
      expect([s.q1, s.median, s.q3, s.iqr, s.whiskerLow, s.whiskerHigh]).toEqual([c.q1, c.median, c.q3, c.iqr, c.whiskerLow, c.whiskerHigh]);
      expect(Array.from(s.outliers)).toEqual(c.outliers);
      expectClose(s.mean, c.mean, { rel: 1e-15 });
      expect(s.n).toBe(x.length);
    }
  });

  it('equals matplotlib on 1e5 values (selection path)', () => {
    // matplotlib 3.11: cbook.boxplot_stats(u)[0], u = RandomState(9).uniform(-3, 3, 100_000), rebuilt bit for bit
    const s = boxplotStats(createRandomState(9).uniform(-3, 3, 100_000));
    const r = data.boxBig;
    expect([s.q1, s.median, s.q3, s.whiskerLow, s.whiskerHigh]).toEqual([r.q1, r.median, r.q3, r.whiskerLow, r.whiskerHigh]);
    expect(Array.from(s.outliers)).toEqual(r.outliers);
    expectClose(s.mean, r.mean, { rel: 1e-14 });
  });

  it('the TSDoc example', () => {
    const s = boxplotStats(withOutliers);
    expect([s.q1, s.median, s.q3, s.whiskerHigh]).toEqual([3.25, 5.5, 7.75, 9]);
    expect(Array.from(s.outliers)).toEqual([40]);
  });

  it('property: q1 ≤ median ≤ q3, whiskers inside the fences, outliers outside the whiskers, all data counted', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 400 }), fc.double({ min: 0, max: 5, noNaN: true }), (xs, whis) => {
        const s = boxplotStats(xs, { whis });
        expect(s.q1).toBeLessThanOrEqual(s.median);
        expect(s.median).toBeLessThanOrEqual(s.q3);
        expect(s.whiskerLow).toBeLessThanOrEqual(s.q1);
        expect(s.whiskerHigh).toBeGreaterThanOrEqual(s.q3);
        const inside = xs.filter((v) => v >= s.whiskerLow && v <= s.whiskerHigh).length;
        expect(inside + s.outliers.length).toBe(xs.length);
        for (let i = 1; i < s.outliers.length; i++) expect(s.outliers[i] as number).toBeGreaterThanOrEqual(s.outliers[i - 1] as number);
      }),
    );
  });

  it('does not modify its input', () => {
    const x = Float64Array.of(5, 1, 4, 2, 3);
    boxplotStats(x);
    expect(Array.from(x)).toEqual([5, 1, 4, 2, 3]);
  });

  describe('edge cases', () => {
    it('empty input throws (matplotlib returns NaNs)', () => expect(() => boxplotStats([])).toThrow(/boxplotStats: x is empty/));
    it('one value: everything is that value, no outliers', () => {
      const s = boxplotStats([0.7]);
      expect([s.q1, s.median, s.q3, s.iqr, s.whiskerLow, s.whiskerHigh, s.mean, s.n]).toEqual([0.7, 0.7, 0.7, 0, 0.7, 0.7, 0.7, 1]);
      expect(s.outliers.length).toBe(0);
    });
    it('NaN and ±Infinity throw with the index', () => {
      expect(() => boxplotStats([1, Number.NaN])).toThrow(/boxplotStats: x\[1\] is NaN/);
      expect(() => boxplotStats(Float64Array.of(Infinity))).toThrow(/boxplotStats: x\[0\] is Infinity/);
    });
    it('σ = 0: a flat box', () => {
      const s = boxplotStats(new Float64Array(5000).fill(2));
      expect([s.q1, s.q3, s.whiskerLow, s.whiskerHigh, s.outliers.length]).toEqual([2, 2, 2, 2, 0]);
    });
    it('a 1e9 offset (golden above) and bad whis', () => {
      expect(() => boxplotStats([1, 2], { whis: -1 })).toThrow(/boxplotStats: whis must be a finite number ≥ 0, got -1/);
      expect(() => boxplotStats([1, 2], { whis: Number.NaN })).toThrow(RangeError);
    });
  });
});
