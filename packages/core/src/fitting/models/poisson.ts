import { logGamma } from '../../special/log-gamma.ts';
import type { LikelihoodModel } from '../model.ts';
import type { CountData } from './discrete.ts';
import { countData, xlogy } from './discrete.ts';

// poisson {lambda}: ℓ = Σx ln λ − n λ − Σ ln x!; λ̂ = x̄ (0, a boundary, when every value is 0).

interface PoissonStats extends CountData {
  /** Σ ln x! over the frequency table. */
  readonly sumLogFactorial: number;
}

/** Σ_i ln x_i! over a frequency table. */
export function sumLogFactorial(d: CountData): number {
  let acc = 0;
  for (let i = 0; i < d.values.length; i++) acc += (d.counts[i] as number) * logGamma((d.values[i] as number) + 1);
  return acc;
}

export const poissonModel: LikelihoodModel<PoissonStats> = {
  family: 'poisson',
  kind: 'discrete',
  parameters: [{ name: 'lambda', domain: 'positive', transform: 'log' }],
  prepare(fn, x) {
    const d = countData(fn, 'poisson', x);
    return { ...d, sumLogFactorial: sumLogFactorial(d) };
  },
  count: (s) => s.n,
  logLikelihood(s, t) {
    const lambda = t[0] as number;
    if (!(lambda >= 0) || !Number.isFinite(lambda)) return Number.NEGATIVE_INFINITY;
    return xlogy(s.sum, lambda) - s.n * lambda - s.sumLogFactorial;
  },
  derivatives(s, t, g, h) {
    const lambda = t[0] as number;
    g[0] = s.sum / lambda - s.n;
    h[0] = -s.sum / (lambda * lambda);
  },
  closedForm(s, theta) {
    theta[0] = s.sum / s.n;
    return s.sum === 0
      ? {
          method: 'boundary',
          notes: {
            lambda:
              'on the boundary: lambda = 0 because every value is 0; the observed information is not finite there, so there is no standard error; the profile interval is one-sided',
          },
        }
      : { method: 'closed-form' };
  },
  starts: (s) => [Float64Array.of(Math.max(s.sum / s.n, 0.5))],
};
