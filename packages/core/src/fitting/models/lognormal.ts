import { neumaierSum } from '../../stats/sum.ts';
import type { LikelihoodModel } from '../model.ts';
import { checkValues, outsideSupport } from '../model.ts';
import type { CentredStats } from './normal.ts';
import { centredStats, normalClosedForm, normalDerivatives, normalLogLik } from './normal.ts';

// lognormal {meanlog, sdlog}: the normal likelihood of ln x, minus the Jacobian Σ ln x.

interface LognormalStats extends CentredStats {
  readonly sumLog: number;
}

export const lognormalModel: LikelihoodModel<LognormalStats> = {
  family: 'lognormal',
  kind: 'continuous',
  parameters: [
    { name: 'meanlog', domain: 'real', transform: 'identity' },
    { name: 'sdlog', domain: 'positive', transform: 'log' },
  ],
  prepare(fn, x, _theta, free) {
    const n = checkValues(fn, x, free[1] === true ? 2 : 1, 'lognormal');
    const logs = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = x[i] as number;
      if (!(v > 0)) outsideSupport(fn, 'lognormal', v, i, 'only values > 0');
      logs[i] = Math.log(v);
    }
    return { ...centredStats(logs), sumLog: neumaierSum(logs) };
  },
  count: (s) => s.n,
  logLikelihood: (s, t) => normalLogLik(s, t[0] as number, t[1] as number) - s.sumLog,
  derivatives: (s, t, g, h) => normalDerivatives(s, t[0] as number, t[1] as number, g, h),
  closedForm(s, theta, free) {
    normalClosedForm('fitDistribution', 'lognormal', s, theta, free);
    return { method: 'closed-form' };
  },
  starts: (s) => [Float64Array.of(s.mean, Math.sqrt(s.ss / s.n) || 1)],
  stepSize: (_s, t) => t[1] as number,
};
