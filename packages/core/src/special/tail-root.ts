// Halley's iteration on u = ln x for ln T(x) = ln t, T a monotone tail probability, safeguarded by a
// bracket that every evaluation narrows (geometric bisection when a step leaves it). Shared by the
// incomplete gamma and beta inverses.

const EPS = 2 ** -52;

/**
 * One evaluation at x: f = ln T(x) − ln t, and its first two derivatives with respect to u = ln x.
 * `f` may be NaN only outside the support.
 */
export interface TailEval {
  f: number;
  d1: number;
  d2: number;
}

/**
 * Solves f(x) = 0 for x in (lo, hi), f increasing in x when `increasing`, starting from `x0`: Halley steps in
 * u = ln x applied as x·e^Δ (so x keeps its full precision), bisection (geometric where the bracket spans
 * more than a factor 4) whenever a step leaves the bracket or after 60 iterations. Returns x to about 2 ulps.
 */
export function solveTail(
  evaluate: (x: number) => TailEval,
  x0: number,
  lo0: number,
  hi0: number,
  increasing: boolean,
): number {
  let lo = lo0;
  let hi = hi0;
  let x = x0;
  for (let iter = 0; iter < 400; iter++) {
    const { f, d1, d2 } = evaluate(x);
    if (f === 0) return x;
    if (f < 0 === increasing) lo = x;
    else hi = x;
    let delta = Number.NaN;
    if (iter < 60 && Number.isFinite(f) && Number.isFinite(d1) && d1 !== 0) {
      delta = -f / d1;
      const denom = 1 + (delta * d2) / (2 * d1);
      if (Number.isFinite(denom) && denom > 0.2) delta /= denom;
      delta = Math.max(-8, Math.min(8, delta));
    }
    let next = Math.abs(delta) < 0.1 ? x + x * Math.expm1(delta) : x * Math.exp(delta);
    if (!(next > lo && next < hi)) {
      if (lo > 0 && hi < Number.POSITIVE_INFINITY) next = hi > 4 * lo ? Math.sqrt(lo) * Math.sqrt(hi) : lo + (hi - lo) / 2;
      else if (lo > 0) next = lo * 16;
      else next = hi / 16;
      if (!(next > lo && next < hi)) return x; // the bracket holds no double between its ends
    }
    if (Math.abs(next - x) <= 2 * EPS * Math.abs(next)) return next;
    x = next;
  }
  return x;
}
