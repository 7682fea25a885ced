// Benchmark case of the "Where the normal pdf comes from" section: the heat equation's FTCS solver on
// the course's rod (301 cells of width 0.1, insulated ends, all the heat in the middle cell, D = 1,
// t = 4: 2,400 steps at D·dt/dx² = 1/6), the longest run the worker's heatEquation job makes. The
// reference is the same scheme written with numpy, as test/fixtures/heat.py writes it (np.pad for the
// ghost cells, one vectorised update a step). No issue sets a target for it; 1 (as fast as numpy) is used.

import { solveHeat1d } from '../../src/index.ts';
import type { BenchCase } from './types.ts';

const CELLS = 301;
const DX = 0.1;

function pointProfile(): Float64Array {
  const u0 = new Float64Array(CELLS);
  u0[(CELLS - 1) / 2] = 1 / DX;
  return u0;
}

export const cases: BenchCase[] = [
  {
    name: 'heat equation FTCS (301 cells, 2,400 steps)',
    referenceLib: 'numpy',
    target: 1,
    core: () => solveHeat1d(pointProfile(), { diffusivity: 1, time: 4, dx: DX, boundary: 'insulated' }),
    reference: [
      'u = np.zeros(301)',
      'u[150] = 1 / 0.1',
      'r = 1 * (4 / 2400) / (0.1 * 0.1)',
      'for _ in range(2400):',
      "    p = np.pad(u, 1, mode='edge')",
      '    u = u + r * (p[:-2] - 2 * p[1:-1] + p[2:])',
    ].join('\n'),
  },
];
