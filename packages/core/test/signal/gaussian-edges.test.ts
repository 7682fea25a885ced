import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gaussianEdges } from '../../src/signal/gaussian-edges.ts';
import type { GaussianFilterMode } from '../../src/signal/gaussian-filter.ts';
import data from '../fixtures/signal.json' with { type: 'json' };
import { expectAllClose, expectClose } from '../support/expect-close.ts';

const signals = data.signals as Record<string, number[]>;

describe('gaussianEdges against scipy.ndimage.gaussian_filter1d(order=1) + scipy.signal.find_peaks (signal.json)', () => {
  for (const c of data.gaussianEdges.cases) {
    it(`${c.signal}: σ = ${c.sigma}, threshold ${c.threshold}, ${c.mode}`, () => {
      const r = gaussianEdges(signals[c.signal] as number[], c.sigma, { threshold: c.threshold, mode: c.mode as GaussianFilterMode });
      expectAllClose(r.response, c.response, { rel: 1e-13, abs: 1e-14 });
      expect(Array.from(r.magnitude)).toEqual(Array.from(r.response, Math.abs));
      expect(Array.from(r.edges)).toEqual(c.edges);
      expectClose(r.height, c.height, { rel: 1e-13, abs: 1e-15 });
      expect(Array.from(r.strength)).toEqual(c.edges.map((j) => r.response[j]));
    });
  }

  it('on the widget’s noisy steps: σ = 1 lets noise through as edges, σ = 6 finds exactly the four jumps', () => {
    const steps = signals['steps'] as number[];
    expect(gaussianEdges(steps, 1).edges.length).toBeGreaterThan(4);
    const wide = gaussianEdges(steps, 6);
    expect(Array.from(wide.edges)).toEqual([80, 160, 240, 319]);
    // Up, down, up, down: the signs of the response follow the levels 0 → 1 → 0.3 → 1.4 → 0.2.
    expect(Array.from(wide.strength, Math.sign)).toEqual([1, -1, 1, -1]);
  });

  it('the TSDoc example', () => {
    expect(Array.from(gaussianEdges([0, 0, 0, 0, 0, 1, 1, 1, 1, 1], 1).edges)).toEqual([4]);
  });
});

const signal = fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 3, maxLength: 80 });
const sigma = fc.double({ min: 0.3, max: 8, noNaN: true });
const threshold = fc.double({ min: 0, max: 1, noNaN: true });

describe('gaussianEdges properties', () => {
  it('every edge is a local maximum of |response| that reaches the height, never the first or last sample', () => {
    fc.assert(
      fc.property(signal, sigma, threshold, (x, s, t) => {
        const r = gaussianEdges(x, s, { threshold: t });
        const a = Array.from(r.response, Math.abs);
        for (const j of r.edges) {
          expect(j).toBeGreaterThan(0);
          expect(j).toBeLessThan(x.length - 1);
          expect(a[j]!).toBeGreaterThanOrEqual(r.height);
          expect(a[j]!).toBeGreaterThanOrEqual(a[j - 1]!);
          expect(a[j]!).toBeGreaterThanOrEqual(a[j + 1]!);
        }
        for (let k = 1; k < r.edges.length; k++) expect(r.edges[k]!).toBeGreaterThan(r.edges[k - 1]!);
      }),
    );
  });

  it('is unchanged by adding a constant and by scaling; flipping the sign flips the strengths only', () => {
    fc.assert(
      fc.property(signal, sigma, fc.integer({ min: -50, max: 50 }), (x, s, c) => {
        // A comfortable threshold, so that rounding in a shifted signal cannot move a peak across it.
        const base = gaussianEdges(x, s, { threshold: 0.5 });
        const ties = Array.from(base.response, Math.abs).some((v, j, a) => j > 0 && Math.abs(v - a[j - 1]!) < 1e-9 * (1 + Math.abs(v)));
        fc.pre(!ties && base.edges.every((j) => Math.abs(Math.abs(base.response[j]!) - base.height) > 1e-9 * (1 + base.height)));
        const flipped = gaussianEdges(x.map((v) => -v), s, { threshold: 0.5 });
        expect(Array.from(flipped.edges)).toEqual(Array.from(base.edges));
        expectAllClose(flipped.strength, Array.from(base.strength, (v) => -v), { rel: 1e-12, abs: 1e-12 });
        const doubled = gaussianEdges(x.map((v) => 2 * v), s, { threshold: 0.5 });
        expect(Array.from(doubled.edges)).toEqual(Array.from(base.edges));
        const lifted = gaussianEdges(x.map((v) => v + c), s, { threshold: 0.5, mode: 'wrap' });
        const wrapped = gaussianEdges(x, s, { threshold: 0.5, mode: 'wrap' });
        expectAllClose(lifted.response, wrapped.response, { abs: 1e-9 });
      }),
    );
  });

  it('threshold 1 keeps only the strongest edge (or a tie of them)', () => {
    fc.assert(
      fc.property(signal, sigma, (x, s) => {
        const r = gaussianEdges(x, s, { threshold: 1 });
        for (const v of r.strength) expect(Math.abs(v)).toBe(r.height);
      }),
    );
  });
});

describe('gaussianEdges edge cases', () => {
  it('a constant signal, one value and data offset by 1e9 have no edges', () => {
    expect(gaussianEdges([3, 3, 3, 3, 3], 1, { threshold: 0 }).edges.length).toBe(0);
    expect(gaussianEdges([7.5], 2).edges.length).toBe(0);
    const steps = signals['steps'] as number[];
    const offset = gaussianEdges(steps.map((v) => v + 1e9), 6);
    expect(Array.from(offset.edges)).toEqual([80, 160, 240, 319]);
  });

  it('throws on empty input, NaN, ±Infinity and bad options, naming itself', () => {
    expect(() => gaussianEdges([], 1)).toThrow(/^gaussianEdges: signal is empty/);
    expect(() => gaussianEdges([1, Number.NaN, 2], 1)).toThrow(/^gaussianEdges: signal\[1\] is NaN/);
    expect(() => gaussianEdges([1, Infinity, 2], 1)).toThrow(/^gaussianEdges: signal\[1\] is Infinity/);
    expect(() => gaussianEdges([1, 2, 3], 0)).toThrow(/^gaussianEdges: sigma must be a finite number greater than 0, got 0/);
    expect(() => gaussianEdges([1, 2, 3], Number.NaN)).toThrow(/^gaussianEdges: sigma/);
    expect(() => gaussianEdges([1, 2, 3], 1, { threshold: 1.5 })).toThrow(/^gaussianEdges: threshold must be from 0 to 1, got 1.5/);
    expect(() => gaussianEdges([1, 2, 3], 1, { mode: 'edge' as GaussianFilterMode })).toThrow(/^gaussianEdges: mode must be one of 'reflect'/);
    expect(() => gaussianEdges([1, 2, 3], 1, { truncate: -1 })).toThrow(/^gaussianEdges: truncate must be ≥ 0/);
    expect(() => gaussianEdges('abc' as unknown as number[], 1)).toThrow(TypeError);
  });
});
