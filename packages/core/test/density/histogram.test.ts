import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { histogram, histogramBinEdges, type HistogramBins } from '../../src/density/histogram.ts';
import { createRandomState } from '../../src/random/random-state.ts';
import { expectAllClose } from '../support/expect-close.ts';
import data from '../fixtures/density.json' with { type: 'json' };

const datasets = data.datasets as Record<string, number[]>;

interface HistCase {
  data: string;
  bins: number | string | number[];
  range?: number[];
  density?: boolean;
  edges: number[];
  counts: number[];
  densityCounts?: number[];
  source: string;
}

function rangeOf(c: HistCase): readonly [number, number] | undefined {
  return c.range === undefined ? undefined : [c.range[0] as number, c.range[1] as number];
}

describe('histogram', () => {
  it('equals numpy.histogram bit for bit: counts, rules, edge arrays, ranges, density', () => {
    for (const c of data.histogram as HistCase[]) {
      const x = c.data === 'empty' ? [] : (datasets[c.data] as number[]);
      const range = rangeOf(c);
      const options = { bins: c.bins as HistogramBins, density: c.density === true, ...(range ? { range } : {}) };
      // numpy 2.4: the call in c.source
      const h = histogram(x, options);
      expect(Array.from(h.edges), c.source + ' edges on ' + c.data).toEqual(c.edges);
      if (c.density === true) expectAllClose(h.counts, c.counts, { rel: 1e-15 });
      else expect(Array.from(h.counts), c.source + ' counts on ' + c.data).toEqual(c.counts);
      expect(Array.from(histogramBinEdges(x, options))).toEqual(c.edges);
      if (c.densityCounts !== undefined) expectAllClose(histogram(x, { ...options, density: true }).counts, c.densityCounts, { rel: 1e-15 });
    }
  });

  it('equals numpy.histogram on 1e5 values (fast path, 30 / 1000 bins, auto, fd)', () => {
    // numpy 2.4: u = np.random.RandomState(9).uniform(-3, 3, 100_000), rebuilt bit for bit here
    const u = createRandomState(9).uniform(-3, 3, 100_000);
    for (const c of data.histogramBig.cases) {
      const h = histogram(u, { bins: c.bins as HistogramBins });
      expect(Array.from(h.edges)).toEqual(c.edges);
      expect(Array.from(h.counts)).toEqual(c.counts);
    }
  });

  it('puts values that sit exactly on edges where numpy does', () => {
    // Every value is an edge of linspace(0.1, 2.3, 12) with 11 bins: one per bin, the last bin closed.
    const x = datasets['onEdges'] as number[];
    expect(Array.from(histogram(x, { bins: 11 }).counts)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]);
  });

  it('property: counts sum to the number of values in range and are whole numbers', () => {
    fc.assert(
      // Values on a 1/64 lattice: a range of a few subnormals cannot hold distinct edges (numpy
      // refuses it too, tested below).
      fc.property(
        fc.array(fc.integer({ min: -64_000_000, max: 64_000_000 }).map((k) => k / 64), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 1, max: 60 }),
        (xs, bins) => {
          const { counts, edges } = histogram(xs, { bins });
          expect(counts.reduce((s, v) => s + v, 0)).toBe(xs.length);
          for (const v of counts) expect(Number.isInteger(v)).toBe(true);
          for (let i = 1; i < edges.length; i++) expect(edges[i] as number).toBeGreaterThan(edges[i - 1] as number);
          const lo = Math.min(...xs);
          const hi = Math.max(...xs);
          const inside = xs.filter((v) => v >= (lo + hi) / 2 - 1 && v <= (lo + hi) / 2 + 1).length;
          const part = histogram(xs, { bins, range: [(lo + hi) / 2 - 1, (lo + hi) / 2 + 1] });
          expect(part.counts.reduce((s, v) => s + v, 0)).toBe(inside);
        },
      ),
    );
  });

  it('property: density integrates to 1', () => {
    fc.assert(
      // Values on a 1/64 lattice: ranges stay far from the subnormal widths where no bins fit.
      fc.property(fc.array(fc.integer({ min: -64_000, max: 64_000 }).map((k) => k / 64), { minLength: 1, maxLength: 200 }), fc.constantFrom<HistogramBins>(5, 17, 'auto', 'fd', 'sturges'), (xs, bins) => {
        const { counts, edges } = histogram(xs, { bins, density: true });
        let area = 0;
        for (let i = 0; i < counts.length; i++) area += (counts[i] as number) * ((edges[i + 1] as number) - (edges[i] as number));
        expect(Math.abs(area - 1)).toBeLessThan(1e-12);
      }),
    );
  });

  describe('edge cases', () => {
    it('empty input: numpy’s 0 … 1 range and zero counts; density is refused', () => {
      expect(Array.from(histogram([], { bins: 2 }).edges)).toEqual([0, 0.5, 1]);
      expect(() => histogram([], { density: true })).toThrow(/histogram: density is undefined when no value of x falls inside/);
    });
    it('one value: the range widens to v ± 0.5', () => {
      const h = histogram([0.7], { bins: 2 });
      expect(Array.from(h.edges)).toEqual([0.19999999999999996, 0.7, 1.2]);
      expect(Array.from(h.counts)).toEqual([0, 1]);
    });
    it('NaN and ±Infinity throw with the index', () => {
      expect(() => histogram([1, Number.NaN])).toThrow(/histogram: x\[1\] is NaN/);
      expect(() => histogram(Float64Array.of(1, -Infinity))).toThrow(/histogram: x\[1\] is -Infinity/);
      expect(() => histogramBinEdges([Infinity])).toThrow(/histogramBinEdges: x\[0\] is Infinity/);
    });
    it('σ = 0 (constant data) works for counts and rules', () => {
      expect(Array.from(histogram([3, 3, 3], { bins: 'fd' }).counts)).toEqual([3]);
    });
    it('a 1e9 offset keeps distinct edges', () => {
      const x = datasets['offset1e9'] as number[];
      const { counts } = histogram(x, { bins: 30 });
      expect(counts.reduce((s, v) => s + v, 0)).toBe(x.length);
    });
    it('bad bins, ranges and options are rejected with what is allowed', () => {
      expect(() => histogram([1, 2], { bins: 0 })).toThrow(/histogram: bins must be an integer from 1/);
      expect(() => histogram([1, 2], { bins: 2.5 })).toThrow(RangeError);
      expect(() => histogram([1, 2], { bins: 'doane' as HistogramBins })).toThrow(/bins must be a positive integer, an array of edges or one of 'auto'/);
      expect(() => histogram([1, 2], { bins: [1, 1, 2] })).toThrow(/strictly increasing/);
      expect(() => histogram([1, 2], { bins: [1] })).toThrow(/at least 2 edges/);
      expect(() => histogram([1, 2], { bins: [0, Number.NaN] })).toThrow(/bins\[1\] is NaN/);
      expect(() => histogram([1, 2], { range: [3, 1] })).toThrow(/range\[0\] \(3\) must not exceed range\[1\] \(1\)/);
      expect(() => histogram([1, 2], { range: [0, Infinity] })).toThrow(/range must hold two finite numbers/);
      expect(() => histogram([1, 2], { density: 'yes' as unknown as boolean })).toThrow(TypeError);
      expect(() => histogram([0, 1e-322], { bins: 100 })).toThrow(/histogram: too many bins \(100\) for the data range/);
      expect(() => histogram([1, 2], { bins: 1e9 })).toThrow(/bins must be an integer from 1 to 10000000/);
    });
  });
});
