import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { histogram } from '../../src/density/histogram.ts';
import { latticeBinEdges } from '../../src/density/lattice-bin-edges.ts';
import { cltSample } from '../../src/mixture/clt.ts';
import { expectAllClose } from '../support/expect-close.ts';

const counts = (x: ArrayLike<number>, edges: Float64Array) => Array.from(histogram(x, { bins: edges }).counts);

/** Index of the bin holding v strictly inside (edges[i] < v < edges[i + 1]), searching from bin `from` on; −1 if none. */
function strictBin(edges: Float64Array, v: number, from: number): number {
  for (let i = Math.max(0, from); i + 1 < edges.length; i++) {
    if ((edges[i] as number) < v && v < (edges[i + 1] as number)) return i;
    if (v <= (edges[i] as number)) return -1;
  }
  return -1;
}

/** A lattice origin + j·step and data on it, as the index range it spans. */
const lattice = fc.record({
  step: fc.oneof(
    fc.integer({ min: 1, max: 10_000 }).map((k) => 1 / k), // means of k draws of 0/1
    fc.constantFrom(1, 0.1, 0.25, 3, 1e-3, 1e3),
  ),
  origin: fc.constantFrom(0, 0.5, -7, 1e6),
  j: fc.array(fc.integer({ min: -5000, max: 5000 }), { minLength: 1, maxLength: 200 }),
  maxBins: fc.option(fc.integer({ min: 1, max: 80 }), { nil: undefined }),
});

const onLattice = (origin: number, step: number, j: number) => origin + j * step;
const options = (l: { step: number; origin: number; maxBins: number | undefined }) => ({
  step: l.step,
  origin: l.origin,
  ...(l.maxBins === undefined ? {} : { maxBins: l.maxBins }),
});

describe('latticeBinEdges', () => {
  it("is seaborn's histplot(discrete=True) binning for integers", () => {
    const x = [3, -2, 0, 0, 1, 3, 3];
    const edges = latticeBinEdges(x, { step: 1 });
    // seaborn 0.13.2: seaborn._statistics.Histogram(discrete=True)(np.array([3, -2, 0, 0, 1, 3, 3]))
    //   → heights [1, 0, 2, 1, 0, 3], edges [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5] (= np.arange(-2.5, 4.5))
    expect(Array.from(edges)).toEqual([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5]);
    expect(counts(x, edges)).toEqual([1, 0, 2, 1, 0, 3]);
  });

  it('centres one bin on each value j/k of the means of k coin flips', () => {
    const { means } = cltSample({ seed: 42, source: 'bernoulli', k: 5, m: 10_000, p: 0.3 });
    const edges = latticeBinEdges(means, { step: 1 / 5 });
    expectAllClose(edges, [-0.1, 0.1, 0.3, 0.5, 0.7, 0.9, 1.1], { abs: 1e-15 });
    // numpy 2.4: b = (np.random.RandomState(42).random_sample((10000, 5)) < 0.3).mean(1)
    //            np.bincount(np.round(b * 5).astype(int)) → [1673, 3594, 3073, 1351, 279, 30]
    expect(counts(means, edges)).toEqual([1673, 3594, 3073, 1351, 279, 30]);
  });

  it('groups g = ⌈V / maxBins⌉ lattice values per bin, starting at the smallest', () => {
    // V = 11 values 0 … 10 into at most 4 bins: g = 3, 4 bins over 0–2, 3–5, 6–8, 9–11.
    const x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const edges = latticeBinEdges(x, { step: 1, maxBins: 4 });
    expect(Array.from(edges)).toEqual([-0.5, 2.5, 5.5, 8.5, 11.5]);
    expect(counts(x, edges)).toEqual([3, 3, 3, 2]);
    // maxBins 5 needs g = 3 as well (⌈11/5⌉), which gives 4 bins.
    expect(latticeBinEdges(x, { step: 1, maxBins: 5 })).toHaveLength(5);
    expect(latticeBinEdges(x, { step: 1, maxBins: 11 })).toHaveLength(12);
    expect(latticeBinEdges(x, { step: 1, maxBins: 1 })).toEqual(Float64Array.of(-0.5, 10.5));
  });

  it('takes a lattice origin: half-integers', () => {
    expect(Array.from(latticeBinEdges([0.5, 2.5], { step: 1, origin: 0.5 }))).toEqual([0, 1, 2, 3]);
    // Any lattice point serves as the origin.
    expect(latticeBinEdges([0.5, 2.5], { step: 1, origin: -99.5 })).toEqual(latticeBinEdges([0.5, 2.5], { step: 1, origin: 0.5 }));
  });

  it('property: every lattice value from the minimum to the maximum lies strictly inside a bin, bins ≤ maxBins, edges increase', () => {
    fc.assert(
      fc.property(lattice, (l) => {
        const x = l.j.map((j) => onLattice(l.origin, l.step, j));
        const edges = latticeBinEdges(x, options(l));
        const bins = edges.length - 1;
        expect(bins).toBeLessThanOrEqual(l.maxBins ?? 10_000_000);
        for (let i = 1; i < edges.length; i++) expect(edges[i] as number).toBeGreaterThan(edges[i - 1] as number);
        const lo = Math.min(...l.j);
        const hi = Math.max(...l.j);
        let previous = 0;
        for (let j = lo; j <= hi; j++) {
          const bin = strictBin(edges, onLattice(l.origin, l.step, j), previous);
          // Lattice values fill the bins in order, g to a bin (plain ifs: up to 10⁴ values a case).
          if (bin < 0 || (j === lo ? bin !== 0 : bin !== previous && bin !== previous + 1)) {
            expect.fail(`lattice value j = ${j} is not strictly inside bin ${previous} or ${previous + 1}: got ${bin}`);
          }
          previous = bin;
        }
        expect(previous).toBe(bins - 1);
      }),
    );
  });

  it('property: histogram counts on the edges sum to n', () => {
    fc.assert(
      fc.property(lattice, (l) => {
        const x = l.j.map((j) => onLattice(l.origin, l.step, j));
        expect(counts(x, latticeBinEdges(x, options(l))).reduce((s, c) => s + c, 0)).toBe(x.length);
      }),
    );
  });

  it('property: a full lattice (every value from min to max present) leaves no bin empty; with room, one value per bin', () => {
    fc.assert(
      fc.property(lattice, fc.integer({ min: 1, max: 300 }), (l, span) => {
        const lo = l.j[0] as number;
        const x = Array.from({ length: span }, (_, i) => onLattice(l.origin, l.step, lo + i));
        const edges = latticeBinEdges(x, options(l));
        const c = counts(x, edges);
        expect(c.every((v) => v > 0)).toBe(true);
        if ((l.maxBins ?? Infinity) >= span) expect(c).toEqual(Array.from({ length: span }, () => 1));
        else expect(Math.max(...c)).toBe(Math.ceil(span / (l.maxBins as number)));
      }),
    );
  });

  describe('edge cases', () => {
    it('empty data: the one bin around origin', () => {
      expect(Array.from(latticeBinEdges([], { step: 0.5 }))).toEqual([-0.25, 0.25]);
      expect(Array.from(latticeBinEdges(new Float64Array(0), { step: 1, origin: 3 }))).toEqual([2.5, 3.5]);
    });

    it('one value, or constant data: one bin around it', () => {
      expect(Array.from(latticeBinEdges([0.4], { step: 0.2 }))).toEqual([0.30000000000000004, 0.5]);
      expect(Array.from(latticeBinEdges([7, 7, 7], { step: 1, maxBins: 3 }))).toEqual([6.5, 7.5]);
    });

    it('huge offsets: a lattice of step 1 near 1e9, and step 1e-3 around origin 1e6', () => {
      const x = [1e9 + 1, 1e9 + 3, 1e9 + 3];
      expect(Array.from(latticeBinEdges(x, { step: 1 }))).toEqual([1e9 + 0.5, 1e9 + 1.5, 1e9 + 2.5, 1e9 + 3.5]);
      const y = [1e6 + 0.001, 1e6 + 0.002];
      const edges = latticeBinEdges(y, { step: 1e-3, origin: 1e6 });
      expect(edges).toHaveLength(3);
      expect(counts(y, edges)).toEqual([1, 1]);
    });

    it('values within rounding of the lattice are accepted: sums of 0.1', () => {
      let s = 0;
      const x = [];
      for (let i = 0; i < 30; i++) x.push((s += 0.1)); // 3.0000000000000013 and friends
      expect(counts(x, latticeBinEdges(x, { step: 0.1 }))).toEqual(Array.from({ length: 30 }, () => 1));
    });

    it('NaN and ±Infinity throw with the index', () => {
      expect(() => latticeBinEdges([0, Number.NaN], { step: 1 })).toThrow(/^latticeBinEdges: x\[1\] is NaN; only finite numbers are allowed/);
      expect(() => latticeBinEdges(Float64Array.of(Infinity), { step: 1 })).toThrow(/^latticeBinEdges: x\[0\] is Infinity/);
      expect(() => latticeBinEdges(['1' as unknown as number], { step: 1 })).toThrow(TypeError);
    });

    it('values off the lattice throw, saying how far off (a common slip: step k instead of 1/k)', () => {
      expect(() => latticeBinEdges([0, 0.5], { step: 1 })).toThrow(
        /^latticeBinEdges: x\[1\] = 0.5 is 0.500 steps from the nearest lattice value origin \+ j·step \(origin 0, step 1\); the values must lie on the lattice/,
      );
      expect(() => latticeBinEdges([0.2, 0.4], { step: 5 })).toThrow(/^latticeBinEdges: x\[0\] = 0.2 is 0.0400 steps from the nearest lattice value/);
      expect(() => latticeBinEdges([1.5], { step: 1, origin: 0.25 })).toThrow(RangeError);
    });

    it('bad options say what is allowed', () => {
      expect(() => latticeBinEdges([1], undefined as unknown as { step: number })).toThrow(/^latticeBinEdges: options must be an object \{ step, origin\?, maxBins\? \}, got undefined/);
      expect(() => latticeBinEdges([1], {} as { step: number })).toThrow(/^latticeBinEdges: step must be a finite number greater than 0, got undefined/);
      expect(() => latticeBinEdges([1], { step: 0 })).toThrow(/^latticeBinEdges: step must be a finite number greater than 0, got 0/);
      expect(() => latticeBinEdges([1], { step: -1 })).toThrow(RangeError);
      expect(() => latticeBinEdges([1], { step: Infinity })).toThrow(RangeError);
      expect(() => latticeBinEdges([1], { step: 1, origin: Number.NaN })).toThrow(/^latticeBinEdges: origin must be a finite number, got NaN/);
      expect(() => latticeBinEdges([1], { step: 1, maxBins: 0 })).toThrow(/^latticeBinEdges: maxBins must be an integer from 1 to 10000000, got 0/);
      expect(() => latticeBinEdges([1], { step: 1, maxBins: 2.5 })).toThrow(RangeError);
    });

    it('a step too small for the size of the values throws instead of merging edges', () => {
      expect(() => latticeBinEdges([1e6], { step: 1e-12 })).toThrow(/^latticeBinEdges: step \(1e-12\) is too small for values of magnitude 1000000: \|x\| \+ \|origin\| must be at most 2\^40·step/);
      expect(() => latticeBinEdges([], { step: 1e-12, origin: 1e6 })).toThrow(/too small/);
    });
  });
});
