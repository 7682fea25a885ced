import { describe, expect, it } from 'vitest';
import { generateMixtureSample } from '../../src/mixture/mixture-sample.ts';
import data from '../fixtures/mixture.json' with { type: 'json' };
import { expectAllClose } from '../support/expect-close.ts';

describe('generateMixtureSample against its numpy equivalent (mixture.json)', () => {
  for (const d of data.datasets) {
    it(d.name, () => {
      const s = generateMixtureSample(d.sample);
      // rs = RandomState(seed); c = searchsorted(cumsum(w / w.sum()), rs.random_sample(n), 'right'); x = mu[c] + sd[c] * rs.standard_normal(n)
      expect(Array.from(s.labels)).toEqual(d.labels);
      // normal draws agree with numpy up to V8/libm log rounding (≈1 ulp of a draw)
      expectAllClose(s.x, d.x, { rel: 1e-15, abs: 4e-15 });
    });
  }
});

describe('generateMixtureSample edge cases', () => {
  it('normalises the weights and never picks a zero-weight component', () => {
    const a = generateMixtureSample({ seed: 5, weights: [2, 0, 6], means: [0, 100, 10], sds: [1, 1, 1], n: 500 });
    const b = generateMixtureSample({ seed: 5, weights: [0.25, 0, 0.75], means: [0, 100, 10], sds: [1, 1, 1], n: 500 });
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(a.labels.includes(1)).toBe(false);
  });

  it('sd 0 puts every value on its mean', () => {
    const s = generateMixtureSample({ seed: 1, weights: [1, 1], means: [-1e9, 1e9], sds: [0, 0], n: 10 });
    expect(s.x.every((v, i) => v === (s.labels[i] === 0 ? -1e9 : 1e9))).toBe(true);
  });

  it('throws on bad options', () => {
    const ok = { seed: 0, weights: [1, 1], means: [0, 1], sds: [1, 1], n: 5 };
    expect(() => generateMixtureSample({ ...ok, weights: [] })).toThrow(/generateMixtureSample: weights is empty/);
    expect(() => generateMixtureSample({ ...ok, weights: [1, -1] })).toThrow(/weights\[1\] is -1; only non-negative numbers/);
    expect(() => generateMixtureSample({ ...ok, weights: [0, 0] })).toThrow(/weights sum to 0/);
    expect(() => generateMixtureSample({ ...ok, means: [0] })).toThrow(/weights and means must have the same length, got 2 and 1/);
    expect(() => generateMixtureSample({ ...ok, sds: [1, Number.NaN] })).toThrow(/sds\[1\] is NaN/);
    expect(() => generateMixtureSample({ ...ok, n: 0 })).toThrow(/n must be an integer ≥ 1/);
  });
});
