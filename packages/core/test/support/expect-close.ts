import { expect } from 'vitest';

export interface Tolerance {
  /** Relative tolerance, scaled by |expected|. Default 1e-12. */
  rel?: number;
  /** Absolute tolerance. Default 0. */
  abs?: number;
}

function describeMismatch(actual: number, expected: number, tol: Required<Tolerance>, where: string): string {
  const err = Math.abs(actual - expected);
  return `${where}expected ${expected}, got ${actual} (|diff| ${err.toExponential(3)} > abs ${tol.abs} + rel ${tol.rel}·|expected|)`;
}

function closeEnough(actual: number, expected: number, tol: Required<Tolerance>): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= tol.abs + tol.rel * Math.abs(expected);
}

/**
 * Asserts |actual − expected| ≤ abs + rel·|expected| (numpy's `isclose` with the roles made explicit).
 * NaN matches only NaN and ±Infinity only itself.
 */
export function expectClose(actual: number, expected: number, tolerance: Tolerance = {}): void {
  const tol = { rel: tolerance.rel ?? 1e-12, abs: tolerance.abs ?? 0 };
  if (!closeEnough(actual, expected, tol)) {
    expect.fail(describeMismatch(actual, expected, tol, ''));
  }
}

/** `expectClose` element by element; lengths must match. Reports the first failing index. */
export function expectAllClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tolerance: Tolerance = {},
): void {
  const tol = { rel: tolerance.rel ?? 1e-12, abs: tolerance.abs ?? 0 };
  if (actual.length !== expected.length) {
    expect.fail(`length: expected ${expected.length}, got ${actual.length}`);
  }
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i] as number;
    const e = expected[i] as number;
    if (!closeEnough(a, e, tol)) expect.fail(describeMismatch(a, e, tol, `[${i}] `));
  }
}

/**
 * Asserts `lower ≤ upper` up to a computed function's own accuracy: `lower ≤ upper + abs + rel·max(|lower|, |upper|)`.
 * A function accurate to a few ulps cannot be exactly monotone between arguments closer than its error (scipy's
 * `gammainc` and `gammaincinv` are not either: 595 and 4,205-odd reversals in 5·10⁴ pairs a few ulps apart), so
 * monotonicity properties allow exactly the accuracy the function documents, and no more.
 */
export function expectOrdered(lower: number, upper: number, tolerance: Tolerance = {}): void {
  const tol = { rel: tolerance.rel ?? 0, abs: tolerance.abs ?? 0 };
  const slack = tol.abs + tol.rel * Math.max(Math.abs(lower), Math.abs(upper));
  if (!(lower <= upper + slack)) {
    expect.fail(`expected ${lower} ≤ ${upper} (up to abs ${tol.abs} + rel ${tol.rel}·max): reversed by ${(lower - upper).toExponential(3)}`);
  }
}
