import { describe, expect, it } from 'vitest';
import { confidenceIntervals } from '../../src/fitting/confidence-intervals.ts';
import { fitDistribution } from '../../src/fitting/fit-distribution.ts';
import { createRandomState } from '../../src/random/random-state.ts';

// A seeded coverage study: 95 % profile-likelihood intervals should cover the true parameter about
// 95 % of the time. With R = 2000 repetitions the binomial standard error of the coverage is
// √(0.95·0.05/2000) ≈ 0.0049, so 93–97 % is about ±4 standard errors around 95 %.

const REPS = 2000;

describe('coverage of 95 % profile intervals (seeded, 2000 repetitions)', () => {
  it('exponential, n = 20, rate 1.5: the rate interval covers 93–97 % of the time', () => {
    const rs = createRandomState(20261205);
    let covered = 0;
    for (let r = 0; r < REPS; r++) {
      const x = rs.exponential(1 / 1.5, 20); // np.random.exponential(1/1.5, 20)
      const ci = confidenceIntervals(x, fitDistribution(x, 'exponential'))['rate'] as { lower: number; upper: number };
      if (ci.lower <= 1.5 && 1.5 <= ci.upper) covered++;
    }
    expect(covered / REPS).toBeGreaterThanOrEqual(0.93);
    expect(covered / REPS).toBeLessThanOrEqual(0.97);
  });
  it('gamma, n = 50, shape 2.5, rate 0.8: the shape and rate intervals each cover 93–97 % of the time', () => {
    const rs = createRandomState(50);
    let shapeCovered = 0;
    let rateCovered = 0;
    for (let r = 0; r < REPS; r++) {
      const x = rs.gamma(2.5, 1 / 0.8, 50); // np.random.gamma(2.5, 1/0.8, 50)
      const ci = confidenceIntervals(x, fitDistribution(x, 'gamma'));
      const s = ci['shape'] as { lower: number; upper: number };
      const b = ci['rate'] as { lower: number; upper: number };
      if (s.lower <= 2.5 && 2.5 <= s.upper) shapeCovered++;
      if (b.lower <= 0.8 && 0.8 <= b.upper) rateCovered++;
    }
    for (const c of [shapeCovered, rateCovered]) {
      expect(c / REPS).toBeGreaterThanOrEqual(0.93);
      expect(c / REPS).toBeLessThanOrEqual(0.97);
    }
  });
});
