/**
 * Picks at most `maxPoints` evenly spaced indices of a history of length `length`, always keeping the
 * first and the last, for drawing. (Index selection only: the values themselves come from core.)
 */
export function decimationIndices(length: number, maxPoints: number): Uint32Array {
  if (!Number.isInteger(maxPoints) || maxPoints < 2) {
    throw new RangeError(`decimate: maxPoints must be an integer ≥ 2, got ${String(maxPoints)}`);
  }
  if (length <= maxPoints) return Uint32Array.from({ length }, (_, i) => i);
  const out = new Uint32Array(maxPoints);
  const step = (length - 1) / (maxPoints - 1);
  for (let i = 0; i < maxPoints; i++) out[i] = Math.round(i * step);
  out[maxPoints - 1] = length - 1;
  return out;
}

/** The decimated copy of each series (all of the same length), plus the kept indices. */
export function decimateSeries<K extends string>(
  series: Record<K, ArrayLike<number>>,
  length: number,
  maxPoints: number,
): Record<K, Float64Array> & { index: Float64Array } {
  const keep = decimationIndices(length, maxPoints);
  const out = { index: Float64Array.from(keep) } as Record<K, Float64Array> & { index: Float64Array };
  for (const name of Object.keys(series) as K[]) {
    const source = series[name];
    const values = new Float64Array(keep.length);
    for (let i = 0; i < keep.length; i++) values[i] = source[keep[i] as number] as number;
    (out as Record<K, Float64Array>)[name] = values;
  }
  return out;
}
