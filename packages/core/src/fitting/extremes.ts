// The least and greatest value of a large sample, for the fits' location-scale starts and the
// magnitude check of fitDistribution.

/** Values per call of {@link extremesOf}. */
const CHUNK = 4096;
/** The running minimum and maximum of {@link extremes}. */
const RUNNING = new Float64Array(2);

/**
 * The least and greatest value (NaN when any value is NaN), by four interleaved running extremes (a
 * single pair is a chain of dependent Math.min / Math.max, one value at a time: in V8 the four take
 * a third of its time on 1e5 values), a chunk of 4096 values per call of a helper. One call over all
 * the values would run its loop as code compiled on the stack (OSR) before the code after the loop
 * had type feedback, and V8 then left that code at the end of the loop (a deoptimisation) in every
 * call; a helper called many times is compiled whole.
 */
export function extremes(x: Float64Array): { min: number; max: number } {
  const n = x.length;
  RUNNING[0] = Number.POSITIVE_INFINITY;
  RUNNING[1] = Number.NEGATIVE_INFINITY;
  for (let from = 0; from < n; from += CHUNK) extremesOf(x, from, Math.min(n, from + CHUNK));
  return { min: RUNNING[0] as number, max: RUNNING[1] as number };
}

function extremesOf(x: Float64Array, from: number, to: number): void {
  let min0 = RUNNING[0] as number;
  let min1 = min0;
  let max0 = RUNNING[1] as number;
  let max1 = max0;
  let i = from;
  for (; i + 3 < to; i += 4) {
    const a = x[i] as number;
    const b = x[i + 1] as number;
    const c = x[i + 2] as number;
    const d = x[i + 3] as number;
    min0 = Math.min(min0, a, b);
    min1 = Math.min(min1, c, d);
    max0 = Math.max(max0, a, b);
    max1 = Math.max(max1, c, d);
  }
  for (; i < to; i++) {
    min0 = Math.min(min0, x[i] as number);
    max0 = Math.max(max0, x[i] as number);
  }
  RUNNING[0] = Math.min(min0, min1);
  RUNNING[1] = Math.max(max0, max1);
}
