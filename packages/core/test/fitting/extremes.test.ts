import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extremes } from '../../src/fitting/extremes.ts';

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
});
