// The goodness-of-fit statistics of R fitdistrplus's `gofstat` as pure functions of the sorted data and
// a distribution's cdf, log cdf and log sf (fitdistrplus R/gofstat.R: compute.gofstat.KSCvMAD and
// compute.gofstat.Chi2). goodnessOfFit wires them to a fit; tests check them alone against R and mpmath.

/** The two functions of a fitted distribution the EDF statistics need. */
export interface FittedCdf {
  /** log F(x), accurate where F underflows. */
  logCdf(x: number): number;
  /** log(1 − F(x)), accurate where 1 − F rounds to 0. */
  logSf(x: number): number;
}

export interface EdfStatistics {
  readonly ks: number;
  readonly cvm: number;
  readonly ad: number;
}

/**
 * Kolmogorov–Smirnov, Cramér–von Mises and Anderson–Darling statistics of sorted data x₍₁₎ ≤ … ≤ x₍ₙ₎
 * against a fitted cdf F, exactly as fitdistrplus's gofstat defines them (Fᵢ = F(x₍ᵢ₎)):
 *   KS  = maxᵢ max(|Fᵢ − i/n|, |Fᵢ − (i − 1)/n|)
 *   CvM = 1/(12n) + Σᵢ (Fᵢ − (2i − 1)/(2n))²
 *   AD  = −n − (1/n) Σᵢ (2i − 1)[ln Fᵢ + ln(1 − F₍ₙ₊₁₋ᵢ₎)]
 * with ln Fᵢ and ln(1 − Fᵢ) from logCdf/logSf, so AD stays finite where R's log(1 − F) gives −Inf
 * (a point far in the upper tail). Fᵢ itself is exp(ln Fᵢ) below ½ and −expm1(ln(1 − Fᵢ)) above, both
 * accurate to a few ulp, so each point costs two evaluations, not three. AD is +Infinity only when a point has F = 0 or F = 1 exactly
 * (a point on the edge of a bounded support, such as the uniform's fitted endpoints).
 */
export function edfStatistics(sorted: ArrayLike<number>, dist: FittedCdf): EdfStatistics {
  const n = sorted.length;
  const logF = new Float64Array(n);
  const logS = new Float64Array(n);
  let ks = 0;
  let cvm = 1 / (12 * n);
  let cvmC = 0; // Neumaier compensation
  for (let i = 0; i < n; i++) {
    const x = sorted[i] as number;
    const lf = dist.logCdf(x);
    const ls = dist.logSf(x);
    const f = lf < -Math.LN2 ? Math.exp(lf) : -Math.expm1(ls);
    const up = Math.abs(f - (i + 1) / n);
    const down = Math.abs(f - i / n);
    const d = up > down ? up : down;
    if (d > ks || Number.isNaN(d)) ks = d;
    const r = f - (2 * i + 1) / (2 * n);
    // Neumaier's compensated sum, inline (a [sum, c] pair per value would allocate in this loop).
    const rr = r * r;
    const ct = cvm + rr;
    cvmC += cvm >= rr ? cvm - ct + rr : rr - ct + cvm;
    cvm = ct;
    logF[i] = lf;
    logS[i] = ls;
  }
  let s = 0;
  let sC = 0;
  for (let i = 0; i < n; i++) {
    const term = (2 * i + 1) * ((logF[i] as number) + (logS[n - 1 - i] as number));
    const t = s + term;
    // An infinite term (ln 0 where F is 0 or 1 exactly) makes the sum infinite; keep NaN out of the compensation.
    if (!Number.isFinite(t)) {
      s = t;
      sC = 0;
      continue;
    }
    sC += Math.abs(s) >= Math.abs(term) ? s - t + term : term - t + s;
    s = t;
  }
  return { ks, cvm: cvm + cvmC, ad: -n - (s + sC) / n };
}

export interface ChiSquaredCells {
  /** Upper ends of the cells but the last (data values; the cells are (−∞, b₁], (b₁, b₂], …, (b_k, ∞)). */
  readonly breaks: Float64Array;
  /** Observed counts per cell. */
  readonly observed: Float64Array;
  /** Expected counts n·P(cell) under the fit. */
  readonly expected: Float64Array;
  /** Σ (observed − expected)² / expected. */
  readonly statistic: number;
  /** Cells − 1 − number of estimated parameters (may be ≤ 0: then no p-value). */
  readonly df: number;
}

/**
 * The chi-squared statistic on fitdistrplus's automatic cells (gofstat with no chisqbreaks): meancount =
 * round(n / (4n)^(2/5)); walking up the sorted data, each break is the meancount-th smallest remaining
 * value and the values ≤ it leave, while more than ⌈1.5·meancount⌉ values remain. Cells (−∞, b₁], …,
 * (b_k, ∞) — the last dropped when F(b_k) = 1 and no data lie above b_k. Observed counts are the data
 * in each cell, expected counts n·(F(b_j) − F(b_{j−1})). df = cells − 1 − k for k estimated parameters.
 * Returns null when the sample is too small for two cells (gofstat's "too small to automatically define
 * chisqbreaks").
 */
export function chiSquaredCells(sorted: ArrayLike<number>, cdf: (x: number) => number, estimatedParameters: number): ChiSquaredCells | null {
  const n = sorted.length;
  const meancount = roundHalfEven(n / (4 * n) ** 0.4);
  const keep = Math.ceil(1.5 * meancount);
  const breaks: number[] = [];
  const below: number[] = []; // data count ≤ each break
  let start = 0; // index of the smallest remaining value
  while (n - start > keep) {
    const limit = sorted[start + meancount - 1] as number;
    let j = start + meancount;
    while (j < n && (sorted[j] as number) <= limit) j++;
    breaks.push(limit);
    below.push(j);
    start = j;
  }
  if (breaks.length === 0) return null;
  const k = breaks.length;
  const pBreaks = breaks.map(cdf);
  const lastClosed = pBreaks[k - 1] === 1 && below[k - 1] === n;
  const cells = lastClosed ? k : k + 1;
  const observed = new Float64Array(cells);
  const expected = new Float64Array(cells);
  let prevCount = 0;
  let prevP = 0;
  for (let j = 0; j < k; j++) {
    observed[j] = (below[j] as number) - prevCount;
    expected[j] = ((pBreaks[j] as number) - prevP) * n;
    prevCount = below[j] as number;
    prevP = pBreaks[j] as number;
  }
  if (!lastClosed) {
    observed[k] = n - prevCount;
    expected[k] = (1 - prevP) * n;
  }
  let statistic = 0;
  for (let j = 0; j < cells; j++) {
    const d = (observed[j] as number) - (expected[j] as number);
    statistic += (d * d) / (expected[j] as number);
  }
  return { breaks: Float64Array.from(breaks), observed, expected, statistic, df: cells - 1 - estimatedParameters };
}

/** R's round(): halves go to the even neighbour (IEC 60559). */
function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}
