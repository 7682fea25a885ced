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
  if (remembered !== undefined && remembered.x === x && remembered.length === x.length) return { min: remembered.min, max: remembered.max };
  const n = x.length;
  RUNNING[0] = Number.POSITIVE_INFINITY;
  RUNNING[1] = Number.NEGATIVE_INFINITY;
  for (let from = 0; from < n; from += CHUNK) extremesOf(x, from, Math.min(n, from + CHUNK));
  const min = RUNNING[0] as number;
  const max = RUNNING[1] as number;
  if (remembering > 0) remembered = { x, length: n, min, max };
  return { min, max };
}

/** The last array's extremes while {@link rememberingExtremes} runs (nothing can change the array then). */
let remembered: { x: Float64Array; length: number; min: number; max: number } | undefined;
let remembering = 0;

/**
 * Runs `work` with {@link extremes} remembering the last array it scanned, so that a fit which checks
 * its data's magnitudes and then makes its sample scans a large array once, not twice. Synchronous
 * work cannot see the array change; the memory is dropped when the outermost call returns, so a
 * caller who changes the array between two fits gets its new extremes.
 */
export function rememberingExtremes<T>(work: () => T): T {
  remembering++;
  try {
    return work();
  } finally {
    if (--remembering === 0) remembered = undefined;
  }
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
