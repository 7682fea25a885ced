import { describe, expect, it } from 'vitest';
import { gaussianFilter1d, gaussianKernel1d, type GaussianFilterMode } from '../../src/signal/gaussian-filter.ts';
import data from '../fixtures/signal.json' with { type: 'json' };
import { expectAllClose, expectClose } from '../support/expect-close.ts';

const signals = data.signals as Record<string, number[]>;

describe('gaussianKernel1d against scipy.ndimage._filters._gaussian_kernel1d', () => {
  for (const c of data.gaussianKernel1d.cases) {
    it(`σ = ${c.sigma}, order ${c.order}, radius ${c.radius}`, () => {
      expectAllClose(gaussianKernel1d(c.sigma, { order: c.order, radius: c.radius }), c.kernel, { rel: 1e-14, abs: 1e-17 });
    });
  }

  it('order 0 sums to 1; radius = ⌊truncate·σ + 0.5⌋', () => {
    const k = gaussianKernel1d(2.3);
    expect(k.length).toBe(2 * Math.floor(4 * 2.3 + 0.5) + 1);
    expectClose(k.reduce((a, b) => a + b, 0), 1, { rel: 1e-15 });
    expect(gaussianKernel1d(1, { truncate: 0 }).length).toBe(1);
  });
});

describe('gaussianFilter1d against scipy.ndimage.gaussian_filter1d (signal.json)', () => {
  for (const c of data.gaussianFilter1d.cases) {
    const extra = 'truncate' in c ? `, truncate ${c.truncate}` : 'radius' in c ? `, radius ${c.radius}` : '';
    it(`${c.signal}: σ = ${c.sigma}, ${c.mode}, order ${c.order}${extra}`, () => {
      const x = signals[c.signal] as number[];
      const y = gaussianFilter1d(x, c.sigma, {
        order: c.order,
        mode: c.mode as GaussianFilterMode,
        cval: c.cval,
        ...('truncate' in c ? { truncate: c.truncate as number } : {}),
        ...('radius' in c ? { radius: c.radius as number } : {}),
      });
      // Same kernel, same extension, same (symmetric-pair) summation order as scipy's correlate1d;
      // derivatives cancel, so they are held to an absolute tolerance scaled by the signal.
      expectAllClose(y, c.output, { rel: 1e-13, abs: 1e-14 });
    });
  }
});

describe('gaussianFilter1d properties', () => {
  it('keeps the sum of the signal with mode wrap and keeps constants with every mode but constant', () => {
    const x = signals['noisy sine'] as number[];
    const y = gaussianFilter1d(x, 3, { mode: 'wrap' });
    expectClose(
      y.reduce((a, b) => a + b, 0),
      x.reduce((a, b) => a + b, 0),
      { rel: 1e-13, abs: 1e-13 },
    );
    for (const mode of ['reflect', 'mirror', 'nearest', 'wrap'] as const) {
      expectAllClose(gaussianFilter1d([2, 2, 2, 2], 1.5, { mode }), [2, 2, 2, 2], { rel: 1e-15 });
    }
  });

  it('order 1 finds the edge of a step: the extreme response sits at the jump', () => {
    const step = Array.from({ length: 40 }, (_, i) => (i < 20 ? 0 : 1));
    const d = gaussianFilter1d(step, 2, { order: 1 });
    let best = 0;
    for (let i = 1; i < d.length; i++) if (Math.abs(d[i]!) > Math.abs(d[best]!)) best = i;
    expect([19, 20]).toContain(best);
  });
});

describe('gaussianFilter1d edge cases', () => {
  it('one value, σ = 0 (a copy), data offset by 1e9', () => {
    expectAllClose(gaussianFilter1d([7.5], 2), [7.5]);
    expectAllClose(gaussianFilter1d([1, 5, 2], 0), [1, 5, 2]);
    const x = signals['noisy sine'] as number[];
    const shifted = gaussianFilter1d(x.map((v) => v + 1e9), 2);
    const plain = gaussianFilter1d(x, 2);
    // the weights sum to 1 ± 1e-16, so the offset adds back with ~ulp(1e9) error
    expectAllClose(
      Array.from(shifted, (v) => v - 1e9),
      plain,
      { abs: 1e-6 },
    );
  });

  it('writes into out', () => {
    const out = new Float64Array(3);
    expect(gaussianFilter1d([1, 2, 3], 1, { out })).toBe(out);
    expect(() => gaussianFilter1d([1, 2, 3], 1, { out: new Float64Array(2) })).toThrow(/out must be a Float64Array of the signal's length \(3\)/);
  });

  it('throws on empty input, NaN, ±Infinity and bad options', () => {
    expect(() => gaussianFilter1d([], 1)).toThrow(/gaussianFilter1d: signal is empty/);
    expect(() => gaussianFilter1d([1, Number.NaN], 1)).toThrow(/gaussianFilter1d: signal\[1\] is NaN/);
    expect(() => gaussianFilter1d([1, -Infinity], 1)).toThrow(/signal\[1\] is -Infinity/);
    expect(() => gaussianFilter1d([1, 2], -1)).toThrow(/gaussianFilter1d: sigma must be ≥ 0, got -1/);
    expect(() => gaussianFilter1d([1, 2], 0, { order: 1 })).toThrow(/sigma must be greater than 0 for a derivative/);
    expect(() => gaussianFilter1d([1, 2], 1, { mode: 'edge' as GaussianFilterMode })).toThrow(/mode must be one of 'reflect', 'mirror', 'nearest', 'constant', 'wrap'/);
    expect(() => gaussianFilter1d([1, 2], 1, { order: -1 })).toThrow(/order must be an integer from 0 to 16/);
    expect(() => gaussianFilter1d([1, 2], 1, { truncate: -1 })).toThrow(/truncate must be ≥ 0/);
    expect(() => gaussianKernel1d(0)).toThrow(/gaussianKernel1d: sigma must be a finite number greater than 0, got 0/);
  });
});
