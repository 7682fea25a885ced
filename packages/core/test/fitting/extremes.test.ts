import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extremes, rememberingExtremes } from '../../src/fitting/extremes.ts';
import { createRandomState, fitDistribution } from '../../src/index.ts';

// The four-lane min/max pass of the large-sample fits (models/location-scale.ts) against Math.min /
// Math.max over the whole array.

describe('extremes', () => {
  it('gives Math.min and Math.max of the values, NaN included (fast-check)', () => {
    const value = fc.oneof(fc.double(), fc.constant(NaN), fc.constant(Infinity), fc.constant(-Infinity));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 40 }), (x) => {
        const e = extremes(Float64Array.from(x));
        expect(e.min).toBe(Math.min(...x));
        expect(e.max).toBe(Math.max(...x));
      }),
    );
  });
  it('edge cases: one value, a NaN in the last lane or the tail, an empty array', () => {
    expect(extremes(Float64Array.of(3))).toEqual({ min: 3, max: 3 });
    expect(extremes(Float64Array.of(1, 2, 3, NaN, 5)).min).toBeNaN();
    expect(extremes(Float64Array.of(1, 2, 3, 4, NaN)).max).toBeNaN();
    expect(extremes(new Float64Array(0))).toEqual({ min: Infinity, max: -Infinity });
  });

  it('remembers the last array only while rememberingExtremes runs, nested calls included', () => {
    const x = Float64Array.of(1, 5, 3);
    rememberingExtremes(() => {
      expect(extremes(x)).toEqual({ min: 1, max: 5 });
      x[1] = 9; // not something a fit does; shows that the scan is not repeated inside
      expect(rememberingExtremes(() => extremes(x))).toEqual({ min: 1, max: 5 });
      expect(extremes(x.subarray(0, 2))).toEqual({ min: 1, max: 9 });
    });
    expect(extremes(x)).toEqual({ min: 1, max: 9 });
  });
  it('a large sample changed between two fits is fitted as it is then', () => {
    const x = createRandomState(7).normal(0, 1, 20000);
    const before = fitDistribution(x, 'logistic');
    for (let i = 0; i < x.length; i++) x[i] = 100 + 3 * (x[i] as number);
    const after = fitDistribution(x, 'logistic');
    // A logistic fit is equivariant: location 100 + 3μ, scale 3s (to the fits' convergence).
    expect(after.estimates['location']).toBeCloseTo(100 + 3 * (before.estimates['location'] as number), 8);
    expect(after.estimates['scale']).toBeCloseTo(3 * (before.estimates['scale'] as number), 8);
  });
});
