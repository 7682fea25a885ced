import type { FrequencyTable } from '../model.ts';
import { checkValues, frequencyTable, noMle, sortedQuantile } from '../model.ts';

// Data shared by the location–scale families fitted by Newton (logistic, Cauchy): the distinct values
// with their counts, so an iteration costs O(distinct values), and the quartiles for the starts.

export interface LocationScaleData extends FrequencyTable {
  readonly n: number;
  readonly median: number;
  readonly iqr: number;
  /** The largest number of equal values. */
  readonly maxTies: number;
}

export function locationScaleData(fn: string, family: string, x: ArrayLike<number>, scaleFree: boolean): LocationScaleData {
  const n = checkValues(fn, x, scaleFree ? 2 : 1, family);
  const table = frequencyTable(x);
  if (scaleFree && table.values.length === 1) noMle(fn, family, `every value equals ${table.values[0]}, so the scale would be 0`);
  let maxTies = 0;
  for (const c of table.counts) maxTies = Math.max(maxTies, c);
  const q1 = sortedQuantile(table.sorted, 0.25);
  const q3 = sortedQuantile(table.sorted, 0.75);
  return { ...table, n, median: sortedQuantile(table.sorted, 0.5), iqr: q3 - q1, maxTies };
}

/** A positive spread for starts when the IQR is 0 (heavy ties): the mean absolute deviation. */
export function robustSpread(d: LocationScaleData): number {
  if (d.iqr > 0) return d.iqr;
  let s = 0;
  for (let i = 0; i < d.values.length; i++) s += (d.counts[i] as number) * Math.abs((d.values[i] as number) - d.median);
  return s / d.n > 0 ? (2 * s) / d.n : 1;
}
