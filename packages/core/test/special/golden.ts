// Shared by the special-function tests: checks a block of special.json (mpmath at 50 digits, the
// source call in each block's "source" and in test/fixtures/special.py) and returns the worst error.

import { expect } from 'vitest';
import data from '../fixtures/special.json' with { type: 'json' };

export interface GoldenBlock {
  source: string;
  args: number[][];
  values: number[];
}

export const special = data as unknown as Record<string, GoldenBlock>;

export function golden(name: string): GoldenBlock {
  const block = special[name];
  if (block === undefined) throw new Error(`special.json has no block ${name}`);
  return block;
}

/** The relative error |actual − expected| / |expected| (the absolute one when expected is 0). */
export function relativeError(actual: number, expected: number): number {
  if (actual === expected) return 0;
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

/**
 * Asserts fn(...args) against every golden value of a block, within rel·|expected| + abs(args) (abs
 * defaults to 0), and returns the worst relative error seen, for the report.
 */
export function expectGolden(
  block: GoldenBlock,
  fn: (...args: number[]) => number,
  rel: number,
  abs: (args: number[]) => number = () => 0,
): number {
  let worst = 0;
  block.args.forEach((args, i) => {
    const expected = block.values[i] as number;
    const actual = fn(...args);
    const err = Math.abs(actual - expected);
    const allowed = rel * Math.abs(expected) + abs(args);
    if (!(err <= allowed)) {
      expect.fail(`${block.source} at (${args.join(', ')}): expected ${expected}, got ${actual} (|diff| ${err.toExponential(3)} > ${allowed.toExponential(3)})`);
    }
    if (abs(args) === 0) worst = Math.max(worst, relativeError(actual, expected));
  });
  return worst;
}
