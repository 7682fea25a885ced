import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossEntropy, entropy, klDivergence, labelSmoothingTarget } from '../../src/classification/cross-entropy.ts';
import { logSoftmax, softmax } from '../../src/classification/softmax.ts';
import data from '../fixtures/classification.json' with { type: 'json' };
import { expectAllClose, expectClose } from '../support/expect-close.ts';

describe('labelSmoothingTarget (classification.json: (1 − ε)·q + ε/C, torch cross_entropy)', () => {
  for (const c of data.labelSmoothing.cases) {
    it(`logits ${JSON.stringify(c.logits)}, target ${JSON.stringify(c.target)}, ε = ${c.smoothing}`, () => {
      const q = labelSmoothingTarget(c.target, c.logits.length, c.smoothing);
      // numpy: (1 − eps)·q + eps/C, the same two roundings.
      expectAllClose(q, c.smoothed, { rel: 1e-15, abs: 1e-17 });
      // torch's loss is −Σ q̃·log p with this q̃ (float64), and equals core's crossEntropy.
      const logp = logSoftmax(c.logits);
      let ce = 0;
      for (let k = 0; k < q.length; k++) if ((q[k] as number) !== 0) ce -= (q[k] as number) * (logp[k] as number);
      expectClose(ce, c.crossEntropy, { rel: 1e-14 });
      expectClose(crossEntropy(c.logits, c.target, { labelSmoothing: c.smoothing }), c.crossEntropy, { rel: 1e-14 });
      // cross-entropy = H(q̃) + KL(q̃ ‖ p)
      expectClose(entropy(q) + klDivergence(q, softmax(c.logits)), c.crossEntropy, { rel: 1e-13 });
    });
  }

  it('TSDoc example', () => {
    expect(Array.from(labelSmoothingTarget(0, 3, 0.1))).toEqual([0.9333333333333333, 0.03333333333333333, 0.03333333333333333]);
  });

  it('property: a probability target stays a probability vector', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 10 }), fc.double({ min: 0, max: 1, noNaN: true }), (w, eps) => {
        const total = w.reduce((a, b) => a + b, 0);
        if (!(total > 0)) return;
        const p = w.map((v) => v / total);
        const q = labelSmoothingTarget(p, p.length, eps);
        const sum = q.reduce((a, b) => a + b, 0);
        expect(Math.abs(sum - 1)).toBeLessThan(1e-14);
        for (const v of q) expect(v).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('edge cases: empty, one class, NaN, ±Infinity, bad ε, index out of range', () => {
    expect(() => labelSmoothingTarget([], 0)).toThrow(/^labelSmoothingTarget: classes must be an integer ≥ 1, got 0/);
    expect(Array.from(labelSmoothingTarget(0, 1, 0.5))).toEqual([1]);
    expect(Array.from(labelSmoothingTarget(2, 3))).toEqual([0, 0, 1]);
    expect(() => labelSmoothingTarget([0.5, NaN], 2)).toThrow(/target\[1\] is NaN/);
    expect(() => labelSmoothingTarget([Infinity, 0], 2)).toThrow(/target\[0\] is Infinity/);
    expect(() => labelSmoothingTarget([0.5, 0.5], 3)).toThrow(/^labelSmoothingTarget: target has 2 probabilities; 3 \(one per class\) are required/);
    expect(() => labelSmoothingTarget([1.5, 0], 2)).toThrow(/target\[0\] is 1.5/);
    expect(() => labelSmoothingTarget(3, 3)).toThrow(/target \(a class index for 3 classes\) must be an integer from 0 to 2, got 3/);
    expect(() => labelSmoothingTarget(0, 3, 1.5)).toThrow(/^labelSmoothingTarget: smoothing must be from 0 to 1, got 1.5/);
    expect(() => labelSmoothingTarget(0, 3, NaN)).toThrow(/smoothing must be a finite number/);
    // ε = 1: the uniform distribution whatever the target.
    expect(Array.from(labelSmoothingTarget(1, 4, 1))).toEqual([0.25, 0.25, 0.25, 0.25]);
  });
});
