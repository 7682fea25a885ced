// Benchmark cases of the "Data" section: generating the sample, its histogram, box statistics and
// KDE curve (targets from issue 3). The harness is bench/run.ts.

import { boxplotStats, createRandomState, histogram, kdeGrid } from '../../src/index.ts';
import type { BenchCase } from './types.ts';

export const cases: BenchCase[] = [
  {
    name: 'legacy normal generation (1e6)',
    referenceLib: 'numpy',
    target: 1.5,
    core: () => createRandomState(42).normal(5, 2, 1_000_000),
    reference: 'np.random.RandomState(42).normal(5, 2, 1_000_000)',
  },
  {
    name: '30-bin histogram',
    referenceLib: 'numpy',
    target: 1,
    core: (x) => histogram(x, { bins: 30 }),
    reference: 'np.histogram(x, bins=30)',
  },
  {
    name: 'box statistics',
    referenceLib: 'matplotlib',
    target: 1,
    core: (x) => boxplotStats(x),
    reference: 'matplotlib.cbook.boxplot_stats(x)',
  },
  {
    name: '200-point KDE (binned)',
    referenceLib: 'scipy',
    target: 0.02,
    core: (x) => kdeGrid(x, { gridSize: 200, method: 'binned' }),
    // seaborn's support grid: min − 3h … max + 3h, h = √(kde.covariance).
    reference: [
      'kde = scipy.stats.gaussian_kde(x)',
      'h = float(np.sqrt(kde.covariance[0, 0]))',
      'kde(np.linspace(x.min() - 3 * h, x.max() + 3 * h, 200))',
    ].join('\n'),
  },
];
