// Benchmark case of the "Beyond the normal" section: EM for a two-component Gaussian mixture
// (target from issue 3: core ≤ 1× scikit-learn). The harness is bench/run.ts.

import { fitGaussianMixture } from '../../src/index.ts';
import type { BenchCase } from './types.ts';

/** The same starting model on both sides: sklearn's weights_init, means_init, precisions_init = 1/variances. */
const init = { weights: [0.5, 0.5], means: [3, 7], variances: [4, 4] };

export const cases: BenchCase[] = [
  {
    name: '50 EM iterations, 2-component mixture',
    referenceLib: 'scikit-learn',
    target: 1,
    // tolerance 0 never stops early, so both sides run exactly 50 E- and M-steps.
    core: (x) => fitGaussianMixture(x, { components: 2, init, maxIterations: 50, tolerance: 0 }),
    // init_params='random_from_data' keeps sklearn from running k-means for a start it then discards.
    reference: [
      'import warnings',
      'from sklearn.mixture import GaussianMixture',
      'with warnings.catch_warnings():',
      "    warnings.simplefilter('ignore')",
      '    GaussianMixture(n_components=2, max_iter=50, tol=0, init_params="random_from_data",',
      '                    weights_init=[0.5, 0.5], means_init=[[3.0], [7.0]],',
      '                    precisions_init=[[[0.25]], [[0.25]]]).fit(x.reshape(-1, 1))',
    ].join('\n'),
  },
];
