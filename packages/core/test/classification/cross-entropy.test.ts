import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  entropy,
  klDivergence,
  nllLoss,
} from '../../src/classification/cross-entropy.ts';
import { logSoftmax, softmax } from '../../src/classification/softmax.ts';
import data from '../fixtures/classification.json' with { type: 'json' };
import { expectClose } from '../support/expect-close.ts';

const num = (v: number | string): number => (v === '-Infinity' ? -Infinity : v === 'Infinity' ? Infinity : Number(v));

describe('crossEntropy and nllLoss against torch (classification.json)', () => {
  it('the worked example: logits [3, 1, 0.2], class 0 → NLL = CE ≈ 0.179', () => {
    // numpy: -np.log(np.exp(3) / np.exp([3, 1, 0.2]).sum()); torch: F.cross_entropy(z[None], [0])
    const ce = crossEntropy([3, 1, 0.2], 0);
    expectClose(ce, 0.17910417478500276, { rel: 1e-15 });
    expectClose(nllLoss(logSoftmax([3, 1, 0.2]), 0), ce, { rel: 1e-15 });
    expectClose(ce, 0.179, { abs: 2e-4 });
  });

  for (const c of data.crossEntropy.cases) {
    const label = `logits [${c.logits.join(', ')}], target ${Array.isArray(c.target) ? 'probabilities' : c.target}, ε = ${c.labelSmoothing}`;
    it(label, () => {
      // torch.nn.functional.cross_entropy(z[None], target[None], label_smoothing=ε)
      expectClose(crossEntropy(c.logits, c.target, { labelSmoothing: c.labelSmoothing }), c.loss, { rel: 1e-13, abs: 1e-15 });
      if ('nll' in c && typeof c.target === 'number') {
        // torch.nn.functional.nll_loss(log_softmax(z)[None], [t])
        expectClose(nllLoss(logSoftmax(c.logits), c.target), c.nll, { rel: 1e-13, abs: 1e-15 });
      }
    });
  }
});

describe('binaryCrossEntropy and binaryCrossEntropyWithLogits against torch', () => {
  const bce = data.binaryCrossEntropy;
  it('elementwise and mean, including torch’s clamp of log at −100 (p = 0 or 1, p = 1e-300)', () => {
    bce.p.forEach((p, i) => expectClose(binaryCrossEntropy(p, bce.y[i] as number), bce.each[i] as number, { rel: 1e-13, abs: 1e-15 }));
    expectClose(binaryCrossEntropy(bce.p, bce.y), bce.mean, { rel: 1e-13 });
    expect(binaryCrossEntropy(0, 1)).toBe(100);
  });

  const bl = data.binaryCrossEntropyWithLogits;
  it('with logits, stable at ±800', () => {
    bl.z.forEach((z, i) => expectClose(binaryCrossEntropyWithLogits(z, bl.y[i] as number), bl.each[i] as number, { rel: 1e-13, abs: 1e-15 }));
    expectClose(binaryCrossEntropyWithLogits(bl.z, bl.y), bl.mean, { rel: 1e-13 });
  });

  it('agrees with binaryCrossEntropy(sigmoid(z), y) where the clamp is inactive', () => {
    for (const z of [-5, -0.3, 0, 1.7, 6]) {
      const p = 1 / (1 + Math.exp(-z));
      expectClose(binaryCrossEntropyWithLogits(z, 0.3), binaryCrossEntropy(p, 0.3), { rel: 1e-13 });
    }
  });
});

describe('entropy and klDivergence against scipy.stats.entropy', () => {
  for (const c of data.entropy.cases) {
    it(`p [${c.p.map((v) => +v.toFixed(3)).join(', ')}]`, () => {
      expectClose(entropy(c.p), c.entropy, { rel: 1e-14, abs: 1e-16 }); // scipy.stats.entropy(p)
      expectClose(entropy(c.p, { base: 2 }), c.entropyBase2, { rel: 1e-14, abs: 1e-16 }); // entropy(p, base=2)
      expectClose(klDivergence(c.p, c.q), num(c.kl), { rel: 1e-13, abs: 1e-16 }); // entropy(p, q)
    });
  }
});

describe('information identities (fast-check)', () => {
  const classes = fc.integer({ min: 2, max: 8 });
  const vectors = classes.chain((c) =>
    fc.tuple(
      fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: c, maxLength: c }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: c, maxLength: c }),
      fc.integer({ min: 0, max: c - 1 }),
    ),
  );

  it('CE ≥ 0, KL ≥ 0 and CE(z, q) = H(q) + KL(q ‖ softmax(z)) for a probability target q', () => {
    fc.assert(
      fc.property(vectors, ([z, w]) => {
        const s = w.reduce((a, b) => a + b, 0);
        fc.pre(s > 1e-3);
        const q = w.map((v) => v / s);
        const ce = crossEntropy(z, q);
        const kl = klDivergence(q, softmax(z));
        expect(ce).toBeGreaterThanOrEqual(0);
        expect(kl).toBeGreaterThanOrEqual(-1e-15);
        expect(entropy(q)).toBeGreaterThanOrEqual(0);
        if (Number.isFinite(kl)) expectClose(ce, entropy(q) + kl, { rel: 1e-9, abs: 1e-9 });
      }),
    );
  });

  it('a one-hot probability target gives the same loss as its class index; label smoothing matches (1 − ε)·onehot + ε/C', () => {
    fc.assert(
      fc.property(vectors, fc.double({ min: 0, max: 1, noNaN: true }), ([z, , t], eps) => {
        const onehot = z.map((_, k) => (k === t ? 1 : 0));
        expectClose(crossEntropy(z, onehot), crossEntropy(z, t), { rel: 1e-14, abs: 1e-15 });
        expectClose(crossEntropy(z, onehot, { labelSmoothing: eps }), crossEntropy(z, t, { labelSmoothing: eps }), { rel: 1e-12, abs: 1e-12 });
        expectClose(nllLoss(logSoftmax(z), t), crossEntropy(z, t), { rel: 1e-15, abs: 0 });
      }),
    );
  });
});

describe('loss edge cases', () => {
  it('logits of ±1000: the right class costs 0, the wrong one costs 2000', () => {
    expect(crossEntropy([1000, -1000], 0)).toBe(0);
    expectClose(crossEntropy([1000, -1000], 1), 2000);
  });

  it('one class: the loss is 0', () => {
    expect(crossEntropy([3.5], 0)).toBe(0);
    expect(entropy([5])).toBe(0);
    expect(klDivergence([2], [7])).toBe(0);
  });

  it('a masked (−Infinity) class costs Infinity only when it is the target', () => {
    expect(crossEntropy([-Infinity, 1], 1)).toBe(0);
    expect(crossEntropy([-Infinity, 1], 0)).toBe(Infinity);
    expect(crossEntropy([-Infinity, 1], [0, 1])).toBe(0);
  });

  it('entropy treats 0·log 0 as 0 and KL is Infinity where q = 0 < p', () => {
    expect(entropy([0, 1, 0])).toBe(0);
    expect(klDivergence([0.5, 0.5], [1, 0])).toBe(Infinity);
    expectClose(klDivergence([0, 1], [0.5, 0.5]), Math.LN2);
  });

  it('inputs are normalised like scipy (weights offset by a scale of 1e9 give the same values)', () => {
    expectClose(entropy([1e9, 3e9]), entropy([0.25, 0.75]), { rel: 1e-15 });
    expectClose(klDivergence([1e9, 3e9], [2, 2]), klDivergence([0.25, 0.75], [0.5, 0.5]), { rel: 1e-14 });
  });

  it('throws on a class index out of range, lengths that differ, negative probabilities, NaN, and ε outside [0, 1]', () => {
    expect(() => crossEntropy([1, 2, 3], 3)).toThrow(/crossEntropy: target \(a class index for 3 classes\) must be an integer from 0 to 2, got 3/);
    expect(() => crossEntropy([1, 2, 3], -1)).toThrow(RangeError);
    expect(() => crossEntropy([1, 2, 3], 0.5)).toThrow(RangeError);
    expect(() => crossEntropy([1, 2, 3], [0.5, 0.5])).toThrow(/crossEntropy: logits and target must have the same length, got 3 and 2/);
    expect(() => crossEntropy([1, 2], [1.5, -0.5])).toThrow(/crossEntropy: target\[0\] is 1.5; only numbers from 0 to 1 are allowed/);
    expect(() => crossEntropy([1, 2], 0, { labelSmoothing: 1.5 })).toThrow(/crossEntropy: labelSmoothing must be from 0 to 1/);
    expect(() => crossEntropy([Number.NaN, 2], 0)).toThrow(/crossEntropy: logits\[0\] is NaN/);
    expect(() => crossEntropy([], 0)).toThrow(/crossEntropy: logits is empty/);
    expect(() => nllLoss([-1, -2], 2)).toThrow(/nllLoss: target/);
    expect(() => binaryCrossEntropy(1.2, 1)).toThrow(/binaryCrossEntropy: p\[0\] is 1.2; only numbers from 0 to 1 are allowed/);
    expect(() => binaryCrossEntropy([0.5], [1, 0])).toThrow(/binaryCrossEntropy: p and y must have the same length/);
    expect(() => binaryCrossEntropy([], [])).toThrow(/binaryCrossEntropy: p is empty/);
    expect(() => binaryCrossEntropyWithLogits(Infinity, 1)).toThrow(/binaryCrossEntropyWithLogits: z\[0\] must be a finite number/);
    expect(() => entropy([-0.1, 1.1])).toThrow(/entropy: p\[0\] is -0.1; only non-negative numbers are allowed/);
    expect(() => entropy([0, 0])).toThrow(/entropy: p sums to 0/);
    expect(() => entropy([1, 2], { base: 1 })).toThrow(/entropy: base must be a positive number other than 1/);
    expect(() => entropy([Number.NaN])).toThrow(/entropy: p\[0\] is NaN/);
    expect(() => klDivergence([1, 2], [1, 2, 3])).toThrow(/klDivergence: p and q must have the same length, got 2 and 3/);
    expect(() => klDivergence([1, Infinity], [1, 2])).toThrow(RangeError);
  });
});

