import { describe, expect, it } from 'vitest';
import { fitDistribution } from '../../src/fitting/fit-distribution.ts';
import { cauchyBins } from '../../src/fitting/models/cauchy-bins.ts';
import { weightedSample } from '../../src/fitting/models/location-scale.ts';
import { createRandomState } from '../../src/random/random-state.ts';
import { engineMaximum } from '../support/engine-maximum.ts';
import { expectClose } from '../support/expect-close.ts';

// A large Cauchy sample's start is the MLE on its histogram in y/(1 + |y|) (models/cauchy-bins.ts);
// Newton over all the values then finishes. The bins must keep every value once, and the fit must
// reach the maximum that fully evaluated Newton iterations reach, whatever the data look like.

describe('cauchyBins: the histogram that starts a large Cauchy fit', () => {
  const x = createRandomState(12).standardCauchy(20000).map((v) => 3 * v + 7);
  it('keeps every value once, as bin means in increasing order within the extent', () => {
    const b = cauchyBins(weightedSample(x, x.length));
    expect(b).toBeDefined();
    const { values, counts } = b as NonNullable<typeof b>;
    expect((counts as Float64Array).reduce((a, c) => a + c, 0)).toBe(x.length);
    let total = 0;
    let plain = 0;
    for (let i = 0; i < values.length; i++) {
      total += (values[i] as number) * ((counts as Float64Array)[i] as number);
      if (i > 0) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1] as number);
    }
    for (const v of x) plain += Math.abs(v);
    expectClose(total, x.reduce((a, v) => a + v, 0), { abs: 1e-12 * plain });
  });
  it('is undefined when a subsample has no spread (heavy ties)', () => {
    const tied = new Float64Array(20000).fill(4);
    tied[5] = 5;
    expect(cauchyBins(weightedSample(tied, tied.length))).toBeUndefined();
  });
  it('a large sample, with far outliers or rounded to a grid, reaches the fully evaluated maximum', () => {
    const y = Float64Array.from(x);
    // (Values beyond ~1e150 would overflow z² in the Cauchy's ℓ, a limit of the likelihood pass.)
    y[0] = -1e120;
    y[1] = 1e140;
    const rounded = x.map((v) => Math.round(v));
    for (const data of [x, y, rounded]) {
      const fit = fitDistribution(data, 'cauchy');
      expect(fit.converged).toBe(true);
      const at = Float64Array.of(fit.estimates['location'] as number, fit.estimates['scale'] as number);
      const full = engineMaximum('cauchy', data, at);
      expectClose(at[0] as number, full.theta[0] as number, { rel: 1e-10 });
      expectClose(at[1] as number, full.theta[1] as number, { rel: 1e-10 });
      expectClose(fit.logLikelihood, full.logLikelihood, { rel: 1e-12 });
    }
  });
});
