// Halley's iteration on u = ln x for ln T(x) = ln t, T a monotone tail probability, safeguarded by a
// bracket that every evaluation narrows (geometric bisection when a step leaves it). Shared by the
// incomplete gamma and beta inverses.

const EPS = 2 ** -52;
const CONVERGED_STEP = 1e-6;

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
 * The last two evaluations of one evaluator, in two result objects that are rewritten in turn (a
 * caller reads a result before it evaluates again). The inverses evaluate their candidate starts to
 * choose one, and the solver's first evaluation is then the chosen start: the memo saves it.
 */
export class TailMemo {
  private readonly results: [TailEval, TailEval] = [
    { f: Number.NaN, d1: Number.NaN, d2: Number.NaN },
    { f: Number.NaN, d1: Number.NaN, d2: Number.NaN },
  ];
  private readonly xs = [Number.NaN, Number.NaN];
  private next = 0;

  /** The stored result at x, if x is one of the last two points evaluated. */
  find(x: number): TailEval | undefined {
    if (x === this.xs[0]) return this.results[0];
    if (x === this.xs[1]) return this.results[1];
    return undefined;
  }

  /** Stores an evaluation at x (over the older of the two) and returns it. */
  store(x: number, f: number, d1: number, d2: number): TailEval {
    const slot = this.next;
    this.next = 1 - slot;
    const r = slot === 0 ? this.results[0] : this.results[1];
    r.f = f;
    r.d1 = d1;
    r.d2 = d2;
    this.xs[slot] = x;
    return r;
  }
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
    // Halley converges cubically: after a step of |Δu| ≤ 1e−6 the error left is O(1e−18), below an ulp,
    // so the evaluation that would only confirm it is skipped.
    if (Math.abs(delta) <= CONVERGED_STEP && next > lo && next < hi) return next;
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
