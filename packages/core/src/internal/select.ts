// Selection of order statistics without a full sort (C++ `std::nth_element`, numpy `partition`).
// Floyd–Rivest SELECT, R. W. Floyd and R. L. Rivest, "Algorithm 489", CACM 18(3), 1975, in the
// form d3-array's `quickselect` uses, with a sort fallback that bounds the worst case; and for
// large inputs a distributive (bucket) selection that finds several ranks in two linear passes.

/** Partition rounds after which a range is simply sorted (keeps adversarial inputs O(n log n)). */
const MAX_ROUNDS = 64;

/**
 * Rearranges `a[left..right]` in place so that `a[k]` holds the value a sorted range would have
 * there, every value before it is ≤ `a[k]` and every value after it is ≥ `a[k]`.
 *
 * Expected cost n + min(k, n − k) + o(n) comparisons. Data must not contain NaN.
 *
 * @param a - The values; reordered in place.
 * @param k - The index to settle, in [left, right].
 * @param left - First index of the range (default 0).
 * @param right - Last index of the range (default a.length − 1).
 * @example
 * const a = Float64Array.of(5, 1, 4, 2, 3);
 * selectInPlace(a, 2); a[2]; // => 3
 */
export function selectInPlace(a: Float64Array, k: number, left = 0, right = a.length - 1): void {
  let rounds = 0;
  while (right > left) {
    if (++rounds > MAX_ROUNDS) {
      a.subarray(left, right + 1).sort();
      return;
    }
    if (right - left > 600) {
      // Sample a small range around the expected position of k and select within it first, so
      // the pivot below is almost exactly the k-th value and each round discards most of the range.
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      selectInPlace(a, k, newLeft, newRight);
    }
    const t = a[k] as number;
    let i = left;
    let j = right;
    swap(a, left, k);
    if ((a[right] as number) > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while ((a[i] as number) < t) i++;
      while ((a[j] as number) > t) j--;
    }
    if (a[left] === t) {
      swap(a, left, j);
    } else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

/**
 * Settles every index of `ks` (sorted ascending, within [0, a.length)) as `selectInPlace` does, so
 * that `a[k]` is the k-th smallest value for each of them. Each selection works only on the part
 * of the array between its already-settled neighbours.
 *
 * @param a - The values; reordered in place.
 * @param ks - Indices to settle, ascending (duplicates allowed).
 * @example
 * const a = Float64Array.of(9, 7, 8, 1, 3, 2);
 * selectManyInPlace(a, [1, 4]); [a[1], a[4]]; // => [2, 8]
 */
export function selectManyInPlace(a: Float64Array, ks: ArrayLike<number>): void {
  selectRange(a, ks, 0, ks.length - 1, 0, a.length - 1);
}

function selectRange(a: Float64Array, ks: ArrayLike<number>, kFirst: number, kLast: number, left: number, right: number): void {
  if (kFirst > kLast || left > right) return;
  // Settle the middle requested index first, then each half only needs its own side of the array.
  const mid = (kFirst + kLast) >>> 1;
  const k = ks[mid] as number;
  // A repeated index lies just outside its half's range: it is already settled.
  if (k >= left && k <= right) selectInPlace(a, k, left, right);
  selectRange(a, ks, kFirst, mid - 1, left, k - 1);
  selectRange(a, ks, mid + 1, kLast, k + 1, right);
}

/** Below this many values, selection on a copy beats the two bucket passes. */
const BUCKET_SELECT_MIN = 4096;

/**
 * The values of rank `ranks[i]` (0-based, in [0, n)) of `x` as a sorted copy would hold them,
 * without modifying or sorting `x`. `min` and `max` are the extremes of `x` (finite).
 *
 * For large x: pass 1 counts the values in B equal-width buckets of [min, max] (the bucket index
 * ⌊(v − min)·B/(max − min)⌋ is monotone in v, so buckets are ordered); the cumulative counts give
 * the bucket of each rank and its rank within it; pass 2 copies only those buckets' values, and
 * Floyd–Rivest selection finishes inside them. Heavily skewed data (the wanted buckets holding
 * more than a quarter of x) falls back to selection on a full copy.
 *
 * @param x - Finite values.
 * @param ranks - Ranks to return, any order.
 * @param min - Smallest value of x.
 * @param max - Largest value of x.
 * @returns The order statistics, in the order of `ranks`.
 * @example
 * orderStatistics([5, 1, 4, 2, 3], [0, 2, 4], 1, 5); // => Float64Array [1, 3, 5]
 */
export function orderStatistics(x: ArrayLike<number>, ranks: ArrayLike<number>, min: number, max: number): Float64Array {
  const n = x.length;
  const m = ranks.length;
  const out = new Float64Array(m);
  if (min === max) return out.fill(min);
  let buckets = 256;
  while (buckets < 65536 && buckets * 64 < n) buckets *= 2;
  const scale = buckets / (max - min);
  if (n < BUCKET_SELECT_MIN || !(scale > 0 && scale < Number.POSITIVE_INFINITY)) return selectOnCopy(x, ranks);

  const counts = countBuckets(x, min, scale, buckets);
  // start[b] = number of values in buckets before b.
  const start = new Float64Array(buckets + 1);
  for (let b = 0; b < buckets; b++) start[b + 1] = (start[b] as number) + (counts[b] as number);
  const slot = new Int32Array(buckets).fill(-1);
  const rankBucket = new Int32Array(m);
  let slots = 0;
  let wanted = 0;
  for (let i = 0; i < m; i++) {
    const r = ranks[i] as number;
    // Last bucket b with start[b] ≤ r.
    let lo = 0;
    let hi = buckets;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if ((start[mid] as number) <= r) lo = mid;
      else hi = mid;
    }
    rankBucket[i] = lo;
    if (slot[lo] === -1) {
      slot[lo] = slots++;
      wanted += counts[lo] as number;
    }
  }
  if (wanted * 4 > n) return selectOnCopy(x, ranks);

  // Lay the wanted buckets out back to back in one buffer.
  const offset = new Int32Array(slots + 1);
  for (let b = 0; b < buckets; b++) {
    const s = slot[b] as number;
    if (s >= 0) offset[s + 1] = counts[b] as number;
  }
  for (let s = 0; s < slots; s++) offset[s + 1] = (offset[s + 1] as number) + (offset[s] as number);
  const fill = offset.slice(0, slots);
  const values = new Float64Array(wanted);
  gatherBuckets(x, min, scale, buckets, slot, fill, values);
  for (let i = 0; i < m; i++) {
    const b = rankBucket[i] as number;
    const s = slot[b] as number;
    const left = offset[s] as number;
    const right = (offset[s + 1] as number) - 1;
    const k = left + (ranks[i] as number) - (start[b] as number);
    selectInPlace(values, k, left, right);
    out[i] = values[k] as number;
  }
  return out;
}

function bucketOf(v: number, min: number, scale: number, last: number): number {
  const b = ((v - min) * scale) | 0;
  return b > last ? last : b;
}

function countBuckets(x: ArrayLike<number>, min: number, scale: number, buckets: number): Int32Array {
  const counts = new Int32Array(buckets);
  const last = buckets - 1;
  const n = x.length;
  for (let i = 0; i < n; i++) {
    const b = bucketOf(x[i] as number, min, scale, last);
    counts[b] = (counts[b] as number) + 1;
  }
  return counts;
}

function gatherBuckets(
  x: ArrayLike<number>,
  min: number,
  scale: number,
  buckets: number,
  slot: Int32Array,
  fill: Int32Array,
  values: Float64Array,
): void {
  const last = buckets - 1;
  const n = x.length;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    const s = slot[bucketOf(v, min, scale, last)] as number;
    if (s >= 0) {
      const at = fill[s] as number;
      values[at] = v;
      fill[s] = at + 1;
    }
  }
}

function selectOnCopy(x: ArrayLike<number>, ranks: ArrayLike<number>): Float64Array {
  const work = new Float64Array(x);
  const sorted = Array.from(ranks).toSorted((a, b) => a - b);
  selectManyInPlace(work, sorted);
  const out = new Float64Array(ranks.length);
  for (let i = 0; i < ranks.length; i++) out[i] = work[ranks[i] as number] as number;
  return out;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}
