// Loader's deviance term bd0(x, np) (Loader 2000, "Fast and accurate computation of binomial
// probabilities"): the atanh series in v = (x − np)/(x + np) near x = np, the definition elsewhere.

/**
 * Loader's bd0(x, np) = x ln(x/np) + np − x ≥ 0, without the cancellation of the direct formula when
 * x is near np (the deviance term of the saddle-point binomial and Poisson densities).
 *
 * Method: with v = (x − np)/(x + np), x ln(x/np) = 2x atanh v, so
 * bd0 = (x − np)v + 2x(v³/3 + v⁵/5 + …), summed while |v| ≤ ½; beyond, the definition, which then
 * cancels by at most a factor 3.
 *
 * @param x - a number ≥ 0 (a count, or any real for the continuous extensions)
 * @param np - the mean, > 0 and finite
 * @returns bd0(x, np); np at x = 0; +Infinity at x = +Infinity; NaN when x < 0, np ≤ 0, np is infinite
 *   or either is NaN
 * @example
 * binomialDeviance(10, 10); // => 0
 * binomialDeviance(11, 10); // => 0.04841197784757346 (11 ln 1.1 − 1)
 */
export function binomialDeviance(x: number, np: number): number {
  if (Number.isNaN(x) || Number.isNaN(np) || x < 0 || !(np > 0) || np === Number.POSITIVE_INFINITY) {
    return Number.NaN;
  }
  if (x === Number.POSITIVE_INFINITY) return x;
  if (x === 0) return np;
  const d = x - np;
  const v = d / (x + np);
  if (Math.abs(v) <= 0.5) {
    const v2 = v * v;
    let term = 2 * x * v;
    let s = 0;
    for (let j = 1; j < 100; j++) {
      term *= v2;
      const next = s + term / (2 * j + 1);
      if (next === s) break;
      s = next;
    }
    return d * v + s;
  }
  const ratio = x / np;
  const logRatio = ratio > 0 && Number.isFinite(ratio) ? Math.log(ratio) : Math.log(x) - Math.log(np);
  return x * logRatio + np - x;
}
