import { checkValues, frequencyTable, outsideSupport } from '../model.ts';
import type { FrequencyTable } from '../model.ts';

// Shared by the discrete families: counts validated as non-negative integers (below `max` when given),
// reduced to a frequency table of distinct values, with n and Σx.

export interface CountData extends FrequencyTable {
  readonly n: number;
  readonly sum: number;
  /** Σx² (exact for the counts real data have). */
  readonly sumSquares: number;
}

export function countData(fn: string, family: string, x: ArrayLike<number>, max = Number.POSITIVE_INFINITY, allowed = 'only non-negative integers (0, 1, 2, …)'): CountData {
  const n = checkValues(fn, x, 1, family);
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    if (!(v >= 0 && v <= max && Number.isInteger(v))) outsideSupport(fn, family, v, i, allowed);
  }
  const table = frequencyTable(x);
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < table.values.length; i++) {
    const v = table.values[i] as number;
    const c = table.counts[i] as number;
    sum += c * v;
    sumSquares += c * v * v;
  }
  return { ...table, n, sum, sumSquares };
}

/** x ln y with 0 ln 0 = 0 (a zero count contributes nothing, even at a boundary estimate). */
export function xlogy(x: number, y: number): number {
  return x === 0 ? 0 : x * Math.log(y);
}

/** The note for a probability estimated at 0 or 1. */
export function boundaryNote(name: string, value: number, why: string): Record<string, string> {
  return {
    [name]: `on the boundary: ${name} = ${value} because ${why}; the observed information is not finite there, so there is no standard error; the profile interval is one-sided`,
  };
}
