// Histograms of random data at every scale: counts sum to n, every value lands in the bin whose
// edges hold it, and a range too wide for doubles is named as such (not "too many bins").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { histogram } from '../../src/density/histogram.ts';

describe('histogram at extreme scales', () => {
  it('regression: a data range whose width overflows is reported as such, and explicit edges work', () => {
    const x = [-9e307, 1.5e308, 3];
    expect(() => histogram(x)).toThrow(/histogram: the data range \[-9e\+307, 1\.5e\+308\] is wider than the largest double/);
    expect(() => histogram(x, { bins: 'fd' })).toThrow(/wider than the largest double/);
    expect(() => histogram([1, 2], { range: [-1.7e308, 1.7e308] })).toThrow(/histogram: the range \[.*\] is wider than the largest double/);
    expect(Array.from(histogram(x, { bins: [-1e308, 0, 1e308, 1.6e308] }).counts)).toEqual([1, 1, 1]);
  });

  it('property: counts sum to n and edges strictly increase, at scales 1e-300 … 1e300 with offsets and ties', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -300, max: 300 }),
        fc.integer({ min: 0, max: 12 }),
        fc.array(fc.oneof(fc.double({ min: -1, max: 1, noNaN: true }), fc.constantFrom(0, 0.5, -0.5)), { minLength: 1, maxLength: 200 }),
        fc.oneof(fc.integer({ min: 1, max: 50 }), fc.constantFrom('auto', 'fd', 'sturges', 'sqrt', 'rice', 'scott')),
        (s, o, u, bins) => {
          const spread = 10 ** s;
          const offset = s + o > 300 ? 0 : 10 ** o * spread;
          const x = u.map((v) => offset + spread * v);
          let h;
          try {
            h = histogram(x, { bins: bins as never });
          } catch (e) {
            // A rule asking for more bins than the cap (a tiny IQR next to a wide range) may refuse, and,
            // as numpy, a range narrower than the spacing of doubles there (1e16 ± 0.5 rounds to 1e16).
            const msg = (e as Error).message;
            if (/asks for .* bins, more than/.test(msg)) return true;
            const ulp = Math.abs(offset) * 2 * Number.EPSILON;
            return /too many bins/.test(msg) && Math.max(...x) - Math.min(...x) <= 64 * ulp + 2;
          }
          const { edges, counts } = h;
          let total = 0;
          for (const c of counts) total += c;
          if (total !== x.length) return false;
          for (let i = 1; i < edges.length; i++) if (!((edges[i] as number) > (edges[i - 1] as number))) return false;
          return true;
        },
      ),
      { numRuns: 400 },
    );
  });
});
