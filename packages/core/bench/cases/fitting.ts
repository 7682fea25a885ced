// Benchmark cases of the "Fitting" section (targets from issue 12): fitDistribution on 1e5 values
// against scipy.stats' own `fit` on the same values (loc fixed at 0 where R's family has no location,
// as fitdistrplus fits them). The values are built from the shared sample x = normal(5, 2, 1e6) by
// the same arithmetic on both sides: with z_k = (x[k·1e5 + i] − 5)/2 (independent standard normals),
// gamma/Weibull data χ²₃ = z₀² + z₁² + z₂² (a gamma(1.5, 0.5)), lognormal e^{z₀}, beta
// A/(A + B) with A = z₀² + z₁², B = z₂² + … + z₅² (a beta(1, 2)), logistic data x itself, Cauchy
// 1 + 2·z₀/z₁. Building them is outside the timing.

import { fitDistribution } from '../../src/index.ts';
import type { FamilyName } from '../../src/families/family.ts';
import type { BenchCase } from './types.ts';

const N = 100_000;
type DataName = 'chi3' | 'lognormal' | 'beta' | 'normal' | 'cauchy';
const cache = new Map<DataName, Float64Array>();

function dataFor(x: Float64Array, name: DataName): Float64Array {
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const z = (k: number, i: number) => ((x[k * N + i] as number) - 5) / 2;
  const y = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    if (name === 'chi3') y[i] = z(0, i) ** 2 + z(1, i) ** 2 + z(2, i) ** 2;
    else if (name === 'lognormal') y[i] = Math.exp(z(0, i));
    else if (name === 'beta') {
      const a = z(0, i) ** 2 + z(1, i) ** 2;
      y[i] = a / (a + z(2, i) ** 2 + z(3, i) ** 2 + z(4, i) ** 2 + z(5, i) ** 2);
    } else if (name === 'normal') y[i] = x[i] as number;
    else y[i] = 1 + (2 * z(0, i)) / z(1, i);
  }
  cache.set(name, y);
  return y;
}

const PY_DATA: Record<DataName, string> = {
  chi3: 'z = (x[:600000].reshape(6, 100000) - 5) / 2\ny = z[0]**2 + z[1]**2 + z[2]**2',
  lognormal: 'z = (x[:600000].reshape(6, 100000) - 5) / 2\ny = np.exp(z[0])',
  beta: 'z = (x[:600000].reshape(6, 100000) - 5) / 2\na = z[0]**2 + z[1]**2\ny = a / (a + z[2]**2 + z[3]**2 + z[4]**2 + z[5]**2)',
  normal: 'y = x[:100000]',
  cauchy: 'z = (x[:600000].reshape(6, 100000) - 5) / 2\ny = 1 + 2 * z[0] / z[1]',
};

function fitCase(family: FamilyName, data: DataName, target: number, scipyFit: string): BenchCase {
  return {
    name: `fitDistribution ${family} (1e5)`,
    referenceLib: 'scipy',
    target,
    core: (x) => fitDistribution(dataFor(x, data), family),
    // The data are rebuilt inside the timed block on the Python side too, so time it separately:
    // the reference statement caches y in the namespace on its first (warm-up) run.
    reference: `if '_y_${data}' not in globals():\n${PY_DATA[data].split('\n').map((l) => `    ${l}`).join('\n')}\n    globals()['_y_${data}'] = y\n${scipyFit.replace('Y', `_y_${data}`)}`,
  };
}

export const cases: BenchCase[] = [
  fitCase('gamma', 'chi3', 5, 'scipy.stats.gamma.fit(Y, floc=0)'),
  fitCase('lognormal', 'lognormal', 1, 'scipy.stats.lognorm.fit(Y, floc=0)'),
  fitCase('beta', 'beta', 0.5, 'scipy.stats.beta.fit(Y, floc=0, fscale=1)'),
  fitCase('logistic', 'normal', 0.1, 'scipy.stats.logistic.fit(Y)'),
  fitCase('weibull', 'chi3', 0.02, 'scipy.stats.weibull_min.fit(Y, floc=0)'),
  fitCase('cauchy', 'cauchy', 0.02, 'scipy.stats.cauchy.fit(Y)'),
];
