import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logSoftmax, logSumExp, softmax } from '../../src/classification/softmax.ts';
import data from '../fixtures/classification.json' with { type: 'json' };
import { expectAllClose, expectClose } from '../support/expect-close.ts';

const num = (v: number | string): number => (v === '-Infinity' ? -Infinity : v === 'Infinity' ? Infinity : Number(v));

describe('softmax, logSoftmax, logSumExp against torch / scipy (classification.json)', () => {
  for (const c of data.softmax.cases) {
    const z = c.logits.map(num);
    it(`logits [${c.logits.join(', ')}]`, () => {
      // torch.softmax(z, 0) and torch.log_softmax(z, 0) in float64.
      expectAllClose(softmax(z), c.softmax, { rel: 1e-14, abs: 1e-300 });
      expectAllClose(logSoftmax(z), c.logSoftmax.map(num), { rel: 1e-14, abs: 1e-15 });
      // scipy.special.logsumexp(z)
      expectClose(logSumExp(z), c.logSumExp, { rel: 1e-15 });
    });
  }

  it('the worked example: logits [3, 1, 0.2] → p ≈ [0.836, 0.113, 0.051]', () => {
    expectAllClose(softmax([3, 1, 0.2]), [0.836, 0.113, 0.051], { abs: 6e-4 });
  });
});

describe('softmax properties (fast-check)', () => {
  const logits = fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 1, maxLength: 20 });

  it('sums to 1 and lies in [0, 1]', () => {
    fc.assert(
      fc.property(logits, (z) => {
        const p = softmax(z);
        let s = 0;
        for (const v of p) {
          expect(v >= 0 && v <= 1).toBe(true);
          s += v;
        }
        expectClose(s, 1, { rel: 0, abs: 1e-14 * z.length });
      }),
    );
  });

  it('is shift-invariant: softmax(z + c) = softmax(z)', () => {
    fc.assert(
      fc.property(logits, fc.double({ min: -1000, max: 1000, noNaN: true }), (z, c) => {
        const shifted = z.map((v) => v + c);
        // z + c rounds each logit by up to ½ulp(|z| + |c|) ≤ 1.2e-13, which moves each p_i by the same relative amount.
        expectAllClose(softmax(shifted), softmax(z), { rel: 1e-12, abs: 1e-300 });
      }),
    );
  });

  it('logSoftmax = log(softmax) where p is not tiny, and logSumExp(z) = z_i − logSoftmax(z)_i', () => {
    fc.assert(
      fc.property(logits, (z) => {
        const p = softmax(z);
        const lp = logSoftmax(z);
        const lse = logSumExp(z);
        for (let i = 0; i < z.length; i++) {
          if ((p[i] as number) > 1e-300) expectClose(lp[i] as number, Math.log(p[i] as number), { rel: 1e-12, abs: 1e-14 });
          expectClose((z[i] as number) - (lp[i] as number), lse, { rel: 1e-14, abs: 1e-12 });
        }
      }),
    );
  });
});

describe('softmax edge cases', () => {
  it('logits of ±1000 neither overflow nor underflow', () => {
    expectAllClose(softmax([1000, 1000]), [0.5, 0.5]);
    expectAllClose(softmax([-1000, -1000, -1000, -1000]), [0.25, 0.25, 0.25, 0.25]);
    expectAllClose(logSoftmax([-1000, 1000]), [-2000, 0]);
    expectClose(logSumExp([1000, 1000]), 1000 + Math.LN2);
    expectClose(logSumExp([-1000, -1000]), -1000 + Math.LN2);
  });

  it('one value: softmax is [1], logSumExp is the value', () => {
    expectAllClose(softmax([42]), [1]);
    expectAllClose(logSoftmax([-7]), [0]);
    expectClose(logSumExp([-7]), -7);
  });

  it('−Infinity is a masked class; all −Infinity is log 0 for logSumExp and an error for softmax', () => {
    expectAllClose(softmax([-Infinity, 0, 0]), [0, 0.5, 0.5]);
    expectAllClose(softmax([-Infinity, -Infinity, 3]), [0, 0, 1]);
    expectAllClose(logSoftmax([-Infinity, 3]), [-Infinity, 0]);
    expect(logSumExp([-Infinity, -Infinity, 3])).toBe(3);
    expect(logSoftmax([-Infinity, 0])[0]).toBe(-Infinity);
    expect(logSumExp([-Infinity, -Infinity])).toBe(-Infinity);
    expect(() => softmax([-Infinity, -Infinity])).toThrow(/softmax: every logit is -Infinity/);
    expect(() => logSoftmax([-Infinity])).toThrow(/logSoftmax: every logit is -Infinity/);
  });

  it('logits offset by 1e9 give the same probabilities as the unshifted ones (up to the rounding of z + 1e9)', () => {
    const z = [0.5, -1.25, 2];
    expectAllClose(softmax(z.map((v) => v + 1e9)), softmax(z), { rel: 1e-6 });
    expectClose(logSumExp(z.map((v) => v + 1e9)) - 1e9, logSumExp(z), { rel: 1e-7 });
  });

  it('throws on empty input, NaN and +Infinity, and non-numbers', () => {
    expect(() => softmax([])).toThrow(RangeError);
    expect(() => softmax([])).toThrow(/softmax: logits is empty/);
    expect(() => logSumExp([])).toThrow(/logSumExp: x is empty/);
    expect(() => softmax([1, Number.NaN])).toThrow(/softmax: logits\[1\] is NaN/);
    expect(() => logSoftmax([Infinity, 1])).toThrow(/logSoftmax: logits\[0\] is Infinity/);
    expect(() => logSumExp([1, Infinity])).toThrow(RangeError);
    expect(() => softmax(['1' as unknown as number])).toThrow(TypeError);
    expect(() => softmax(null as unknown as number[])).toThrow(TypeError);
  });

  it('writes into out without allocating, and checks its length', () => {
    const out = new Float64Array(3);
    expect(softmax([1, 2, 3], out)).toBe(out);
    expect(logSoftmax([1, 2, 3], out)).toBe(out);
    expect(() => softmax([1, 2], out)).toThrow(/softmax: out must be a Float64Array of length 2/);
  });
});
