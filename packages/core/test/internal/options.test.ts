// `options: null` (or a number, a string, an array) is a TypeError that names the function, in
// every function with an options object — never "Cannot read properties of null" from inside it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossEntropy, entropy, klDivergence } from '../../src/classification/cross-entropy.ts';
import { boxplotStats } from '../../src/density/box-stats.ts';
import { kdeGrid } from '../../src/density/binned-kde.ts';
import { histogram, histogramBinEdges } from '../../src/density/histogram.ts';
import { gaussianKde } from '../../src/density/kde.ts';
import { checkOptions, checkRequiredOptions } from '../../src/internal/validate.ts';
import { normalFisherInformation, normalWaldInterval } from '../../src/likelihood/fisher.ts';
import { emStep } from '../../src/mixture/gaussian-mixture.ts';
import { convolve } from '../../src/signal/convolve.ts';
import { gaussianEdges } from '../../src/signal/gaussian-edges.ts';
import { gaussianFilter1d, gaussianKernel1d } from '../../src/signal/gaussian-filter.ts';
import { integrate } from '../../src/signal/integrate.ts';
import { std, variance } from '../../src/stats/variance.ts';

const x = [1, 2, 4, 7, 11];
type Call = (options: unknown) => unknown;
/** Every function the issue named, and its siblings with optional options, called with `options`. */
const calls: Record<string, Call> = {
  histogram: (o) => histogram(x, o as never),
  histogramBinEdges: (o) => histogramBinEdges(x, o as never),
  boxplotStats: (o) => boxplotStats(x, o as never),
  variance: (o) => variance(x, o as never),
  std: (o) => std(x, o as never),
  kdeGrid: (o) => kdeGrid(x, o as never),
  gaussianKde: (o) => gaussianKde(x, o as never),
  crossEntropy: (o) => crossEntropy([1, 2, 3], 0, o as never),
  entropy: (o) => entropy([1, 2], o as never),
  klDivergence: (o) => klDivergence([1, 2], [2, 1], o as never),
  convolve: (o) => convolve([1, 2], [3, 4], o as never),
  gaussianFilter1d: (o) => gaussianFilter1d(x, 1, o as never),
  gaussianKernel1d: (o) => gaussianKernel1d(1, o as never),
  gaussianEdges: (o) => gaussianEdges(x, 1, o as never),
  integrate: (o) => integrate(Math.sin, 0, 1, o as never),
  emStep: (o) => emStep(x, { weights: [0.5, 0.5], means: [2, 8], variances: [1, 4] }, o as never),
  normalFisherInformation: (o) => normalFisherInformation(2, o as never),
  normalWaldInterval: (o) => normalWaldInterval(x, o as never),
};

describe('options that are not an object', () => {
  for (const [name, call] of Object.entries(calls)) {
    it(`${name}: null, a number, a string or an array is a TypeError naming ${name}; undefined is the defaults`, () => {
      for (const bad of [null, 3, 'bins', [1]]) {
        expect(() => call(bad)).toThrow(TypeError);
        expect(() => call(bad)).toThrow(new RegExp(`^${name}: options must be an object`));
      }
      expect(() => call(undefined)).not.toThrow();
      expect(() => call({})).not.toThrow();
    });
  }

  it('property: checkOptions accepts exactly plain objects and undefined; checkRequiredOptions also refuses undefined', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const ok = v === undefined || (typeof v === 'object' && v !== null && !Array.isArray(v));
        let threw = false;
        try {
          checkOptions('f', v as object);
        } catch (e) {
          threw = e instanceof TypeError && (e as Error).message.startsWith('f: options must be an object');
          if (!threw) throw e;
        }
        expect(threw).toBe(!ok);
        expect(() => checkRequiredOptions('g', undefined)).toThrow(/^g: options must be an object, got undefined/);
      }),
    );
  });
});
