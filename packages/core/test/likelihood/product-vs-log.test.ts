import { describe, expect, it } from 'vitest';
import { normalLikelihoodProductVsLog } from '../../src/likelihood/product-vs-log.ts';
import data from '../fixtures/likelihood.json' with { type: 'json' };
import { expectAllClose, expectClose } from '../support/expect-close.ts';

describe('likelihood as a product vs as a sum of logs (likelihood.json)', () => {
  for (const c of data.products) {
    it(`first ${c.count} values under N(${c.mu}, ${c.sigma}²)`, () => {
      const r = normalLikelihoodProductVsLog(data.x.slice(0, c.count), c.mu, c.sigma);
      // np.cumprod(norm.pdf(x, mu, sigma)): the same left-to-right products of ~1-ulp-equal densities;
      // once subnormal (< 2.2e−308) only absolute precision remains.
      expectAllClose(r.product, c.product, { rel: 1e-12, abs: 1e-320 });
      // prefix math.fsum(norm.logpdf(...)), exactly rounded
      expectAllClose(r.logLikelihood, c.logLikelihood, { rel: 1e-15 });
      expect(r.underflowAt).toBe(c.underflowAt ?? undefined);
      expect(r.overflowAt).toBe(c.overflowAt ?? undefined);
    });
  }

  it('densities above 1 (σ = 0.05): the product overflows to +∞ where numpy says', () => {
    const o = data.productOverflow;
    const r = normalLikelihoodProductVsLog(o.x, o.mu, o.sigma);
    // np.argmax(np.isinf(np.cumprod(norm.pdf(x, 0, 0.05)))) + 1
    expect(r.overflowAt).toBe(o.overflowAt);
    expect(r.underflowAt).toBeUndefined();
    expectClose(r.product[o.overflowAt - 2] as number, o.lastFinite, { rel: 1e-11 });
    expect(r.product[o.overflowAt - 1]).toBe(Infinity);
    expect(Number.isFinite(r.logLikelihood[o.x.length - 1])).toBe(true);
    expect(normalLikelihoodProductVsLog([0, 0, 0], 0, 1e-300).overflowAt).toBe(2);
  });

  it('the notebook data underflow to 0 after 362 values while the log-likelihood stays finite', () => {
    const r = normalLikelihoodProductVsLog(data.x, 5, 2);
    expect(r.underflowAt).toBe(362);
    expect(r.product[360]).toBeGreaterThan(0);
    expect(r.product[361]).toBe(0);
    expect(Number.isFinite(r.logLikelihood[999])).toBe(true);
    // where both are meaningful they agree: log(product) = log-likelihood
    expectClose(Math.log(r.product[99] as number), r.logLikelihood[99] as number, { rel: 1e-13 });
  });

  it('TSDoc example', () => {
    const r = normalLikelihoodProductVsLog([0, 0], 0, 1);
    expectAllClose(r.product, [0.3989422804014327, 0.15915494309189535], { rel: 1e-16 });
    expectAllClose(r.logLikelihood, [-0.9189385332046727, -1.8378770664093453], { rel: 1e-16 });
    expect(r.underflowAt).toBeUndefined();
  });

  it('edge cases: empty, one value, NaN, ±Infinity, σ = 0, offset 1e9', () => {
    expect(() => normalLikelihoodProductVsLog([], 0, 1)).toThrow(/^normalLikelihoodProductVsLog: x is empty/);
    const one = normalLikelihoodProductVsLog([1], 0, 1);
    expect(one.product.length).toBe(1);
    expect(() => normalLikelihoodProductVsLog([1, NaN], 0, 1)).toThrow(/x\[1\] is NaN/);
    expect(() => normalLikelihoodProductVsLog([-Infinity], 0, 1)).toThrow(/x\[0\] is -Infinity/);
    expect(() => normalLikelihoodProductVsLog([1], 0, 0)).toThrow(/sigma must be a finite number greater than 0/);
    expect(() => normalLikelihoodProductVsLog([1], NaN, 1)).toThrow(/mu must be a finite number/);
    const far = normalLikelihoodProductVsLog([1e9 + 1, 1e9 - 1], 1e9, 1);
    expectAllClose(far.logLikelihood, normalLikelihoodProductVsLog([1, -1], 0, 1).logLikelihood, { rel: 1e-15 });
    // a single far point underflows the product at once
    expect(normalLikelihoodProductVsLog([0, 40], 0, 1).underflowAt).toBe(2);
  });
});
