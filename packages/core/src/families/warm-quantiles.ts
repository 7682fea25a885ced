// Quantiles over an array where neighbouring probabilities are close (a plotted curve, a grid): each
// one is solved from its neighbours' answers, extrapolated linearly in p, so that Halley's first step
// is usually its last — about one evaluation of the cdf a point, where a fresh start takes two to four.
// The gamma and beta families' ppf kernels use it.

/** A neighbour's answer starts the next point when their tail probabilities differ by at most 5 %. */
const NEAR = 0.05;

/** min(p, 1 − p): the probability of the tail that the inverses solve in. */
function tailOf(p: number): number {
  return p <= 0.5 ? p : 1 - p;
}

/**
 * out[i] ← the quantile of p[i], by `fresh(p)` or, when p[i] is in the same tail as the previous
 * probability and within NEAR of its tail probability, by `from(p, start)` with start extrapolated from
 * the last two answers (or the last one). Answers outside (lower, upper) never start another point.
 * The values are `fresh`'s to a few ulps (Halley's last step depends on where it came from), not bit
 * for bit.
 *
 * @param p - Probabilities.
 * @param out - Receives the quantiles, as long as p.
 * @param lower - The support's lower end (an answer must lie above it to start another point).
 * @param upper - The support's upper end (an answer must lie below it).
 * @param fresh - The quantile from the inverse's own start.
 * @param from - The quantile from a given start (anything else than a point inside the support: its own start).
 * @returns out.
 * @example
 * warmQuantiles(linspace(0.01, 0.99, 99), out, 0, Infinity, (q) => gammaPInv(2, q), (q, s) => gammaPInvFrom(2, q, s));
 */
export function warmQuantiles(
  p: ArrayLike<number>,
  out: Float64Array,
  lower: number,
  upper: number,
  fresh: (p: number) => number,
  from: (p: number, start: number) => number,
): Float64Array {
  let p1 = Number.NaN;
  let x1 = Number.NaN;
  let p2 = Number.NaN;
  let x2 = Number.NaN;
  for (let i = 0; i < out.length; i++) {
    const pi = p[i] as number;
    let x: number;
    if (pi > 0 && pi < 1 && x1 > lower && x1 < upper && p1 <= 0.5 === pi <= 0.5 && Math.abs(pi - p1) <= NEAR * Math.min(tailOf(pi), tailOf(p1))) {
      let start = x1;
      if (x2 > lower && x2 < upper && p2 !== p1 && p2 <= 0.5 === pi <= 0.5) {
        const s = x1 + ((x1 - x2) * (pi - p1)) / (p1 - p2);
        if (s > lower && s < upper) start = s;
      }
      x = from(pi, start);
    } else {
      x = fresh(pi);
    }
    p2 = p1;
    x2 = x1;
    p1 = pi;
    x1 = x;
    out[i] = x;
  }
  return out;
}
