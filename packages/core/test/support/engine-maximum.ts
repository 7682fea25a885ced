import { expect } from 'vitest';
import type { FamilyName } from '../../src/families/family.ts';
import { maximize } from '../../src/fitting/newton.ts';
import { modelFor, prepareFit } from '../../src/fitting/prepared-fit.ts';

/**
 * The general Newton engine's maximum of `family`'s likelihood over the values themselves, from `at`
 * (every step evaluated, no model shortcut): what a fit's own maximiser is checked against.
 */
export function engineMaximum(family: FamilyName, x: Float64Array, at: Float64Array): { theta: Float64Array; logLikelihood: number } {
  const model = modelFor('test', family);
  const prep = prepareFit('test', x, model, {});
  const full = maximize(model, prep.data, Float64Array.from(prep.theta), prep.free, { starts: [at], onlyGiven: true });
  expect(full.converged).toBe(true);
  return full;
}
