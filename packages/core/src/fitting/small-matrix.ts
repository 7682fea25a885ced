// Dense linear algebra for the few parameters of a fit (p ≤ 3): Cholesky factorisation of a
// symmetric positive definite matrix, solves and the inverse. Row-major Float64Arrays.

/**
 * Cholesky factor L (lower, row-major) of a symmetric p×p matrix `a`, or undefined when `a` is not
 * positive definite (a pivot ≤ 0 or not finite).
 */
export function cholesky(a: Float64Array, p: number): Float64Array | undefined {
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let d = a[j * p + j] as number;
    for (let k = 0; k < j; k++) d -= (l[j * p + k] as number) ** 2;
    if (!(d > 0) || !Number.isFinite(d)) return undefined;
    const ljj = Math.sqrt(d);
    l[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j] as number;
      for (let k = 0; k < j; k++) s -= (l[i * p + k] as number) * (l[j * p + k] as number);
      l[i * p + j] = s / ljj;
    }
  }
  return l;
}

/** Solves L Lᵀ x = b for x, given the Cholesky factor L. */
export function choleskySolve(l: Float64Array, p: number, b: ArrayLike<number>): Float64Array {
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= (l[i * p + k] as number) * (y[k] as number);
    y[i] = s / (l[i * p + i] as number);
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = y[i] as number;
    for (let k = i + 1; k < p; k++) s -= (l[k * p + i] as number) * (y[k] as number);
    y[i] = s / (l[i * p + i] as number);
  }
  return y;
}

/** The inverse of a symmetric positive definite matrix, or undefined when it is not one. */
export function spdInverse(a: Float64Array, p: number): Float64Array | undefined {
  const l = cholesky(a, p);
  if (l === undefined) return undefined;
  const inv = new Float64Array(p * p);
  const e = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    e.fill(0);
    e[j] = 1;
    const col = choleskySolve(l, p, e);
    for (let i = 0; i < p; i++) inv[i * p + j] = col[i] as number;
  }
  return inv;
}

/** The sub-matrix of rows and columns `idx`. */
export function subMatrix(a: ArrayLike<number>, p: number, idx: readonly number[]): Float64Array {
  const q = idx.length;
  const out = new Float64Array(q * q);
  for (let i = 0; i < q; i++) {
    for (let j = 0; j < q; j++) out[i * q + j] = a[(idx[i] as number) * p + (idx[j] as number)] as number;
  }
  return out;
}
