import { describe, expect, it } from 'vitest';
import { fitDistribution } from '../../src/fitting/fit-distribution.ts';
import data from '../fixtures/fit_audit.json' with { type: 'json' };
import { expectClose } from '../support/expect-close.ts';

// Regressions from the accuracy audit: the exact MLE (mpmath, test/fixtures/fit_audit.py) on counts of
// every magnitude. Before: from counts near 1e8 up μ̂ drifted from x̄ (6e−8), ℓ was 1.4e−5 off (ln Γ
// differences of numbers near 2e10), from 1e10 the fit did not converge, and at 1e14 the standard
// error of μ had no digits (−S/μ² + (n r + S)/(r + μ)² cancelled).
describe('negative binomial fits on counts from 1 to 1e15', () => {
  for (const c of data.negativeBinomial) {
    it(`max count ${Math.max(...c.x)}`, () => {
      const fit = fitDistribution(c.x, 'negativeBinomial');
      expect(fit.converged).toBe(true);
      expectClose(fit.estimates.mu as number, c.mu, { rel: 1e-14 });
      expectClose(fit.estimates.size as number, c.size, { rel: 1e-12 });
      expectClose(fit.logLikelihood, c.logLikelihood, { rel: 1e-12 });
      expectClose(fit.standardErrors.size as number, c.seSize, { rel: 1e-8 });
      expectClose(fit.standardErrors.mu as number, c.seMu, { rel: 1e-8 });
    });
  }
});
