import type { Family } from '../families/family.ts';
import { normalPpf } from '../distributions/normal.ts';
import { checkOneOf, describe } from '../internal/validate.ts';
import { chiSquare1Quantile } from './chi-square.ts';
import { extremeScaleOfFit, scaleData, scaleFit, unscaleValue } from './data-scale.ts';
import type { DistributionFit } from './fit-result.ts';
import type { LikelihoodModel } from './model.ts';
import type { PreparedFit } from './prepared-fit.ts';
import { modelFor, prepareFit, restrictedMaximum } from './prepared-fit.ts';
import { bracketedRoot } from './root-bracket.ts';

/** Options of {@link confidenceIntervals}. */
export interface ConfidenceIntervalOptions {
  /** 'profile' (default): the likelihood-ratio interval; 'wald': estimate ± z·SE. */
  readonly method?: 'profile' | 'wald';
  /** The confidence level in (0, 1); default 0.95. */
  readonly level?: number;
}

/** One parameter's interval; an end that the profile never reaches is the domain's edge (0, 1 or ±Infinity). */
export interface ConfidenceInterval {
  readonly lower: number;
  readonly upper: number;
}

/**
 * Confidence intervals for the free parameters of a fit.
 *
 * 'profile': { θ : 2(ℓ̂ − ℓ_p(θ)) ≤ χ²₁(level) } where ℓ_p(θ) is the log-likelihood maximised over the
 * other free parameters with θ held — each end found by stepping out from the estimate until the
 * profile drops below the cut and then by false position on the bracket (warm-starting each inner
 * fit from the last). When the profile never drops that far the end is the edge of the parameter's
 * domain: 0 or Infinity for a positive parameter, 0 or 1 for a probability, ±Infinity on the real
 * line. 'wald': θ̂ ± Φ⁻¹((1 + level)/2)·SE in R's parametrisation (`confint.default`); NaN where the
 * standard error is NaN. R: `confint(fitdist(…))` (profile: `MASS::confint`-style).
 *
 * @param x - The same data the fit was made on.
 * @param fit - The result of `fitDistribution`.
 * @param options - `method` and `level`.
 * @returns `{ [parameter]: { lower, upper } }` for each free parameter.
 * @throws {RangeError} If the level is not in (0, 1), the method is unknown, or x is not the fitted data.
 * @example
 * const x = [1, 2, 3, 4];
 * const ci = confidenceIntervals(x, fitDistribution(x, 'exponential'));
 * ci.rate; // => { lower: 0.1241800123512727, upper: 0.9292293620708875 }
 * confidenceIntervals(x, fitDistribution(x, 'exponential'), { method: 'wald' }).rate;
 * // => { lower: 0.008007203091989268, upper: 0.7919927969080107 }
 */
export function confidenceIntervals(x: ArrayLike<number>, fit: DistributionFit, options: ConfidenceIntervalOptions = {}): Record<string, ConfidenceInterval> {
  const fn = 'confidenceIntervals';
  const method = checkOneOf(fn, 'options.method', options.method ?? 'profile', ['profile', 'wald'] as const);
  const level = options.level ?? 0.95;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) throw new RangeError(`${fn}: options.level must be a number in (0, 1), got ${describe(level)}`);
  const out: Record<string, ConfidenceInterval> = {};
  if (method === 'wald') {
    const z = normalPpf((1 + level) / 2);
    for (const name of fit.parameters) {
      const est = fit.estimates[name] as number;
      const se = fit.standardErrors[name] as number;
      out[name] = { lower: est - z * se, upper: est + z * se };
    }
    return out;
  }
  const c = extremeScaleOfFit(fit, x);
  if (c !== 1) {
    try {
      const scaled = confidenceIntervals(scaleData(x, c), scaleFit(fit, c), options);
      for (const [name, ci] of Object.entries(scaled)) {
        out[name] = { lower: unscaleValue(fit.family, name, ci.lower, c), upper: unscaleValue(fit.family, name, ci.upper, c) };
      }
      return out;
    } catch {
      // The profile on x itself (below) throws the same error, naming the values as given.
    }
  }
  const prep = prepareForFit(fn, x, fit);
  const model = prep.model;
  const thetaHat = Float64Array.from(model.parameters, (p) => fit.estimates[p.name] as number);
  const cut = fit.logLikelihood - chiSquare1Quantile(level) / 2;
  model.parameters.forEach((p, j) => {
    if (!prep.free[j]) return;
    out[p.name] = {
      lower: profileEnd(prep, thetaHat, j, -1, cut, fit.standardErrors[p.name] as number),
      upper: profileEnd(prep, thetaHat, j, 1, cut, fit.standardErrors[p.name] as number),
    };
  });
  return out;
}

/** Re-prepares the data a fit was made on (checking it is the same size). */
export function prepareForFit(fn: string, x: ArrayLike<number>, fit: DistributionFit): PreparedFit {
  if (fit === null || typeof fit !== 'object' || typeof fit.family !== 'string') {
    throw new TypeError(`${fn}: fit must be the result of fitDistribution, got ${describe(fit)}`);
  }
  const model = modelFor(fn, fit.family as Family['name']);
  const prep = prepareFit(fn, x, model, fit.fixed);
  const n = model.count(prep.data);
  if (n !== fit.n) throw new RangeError(`${fn}: x has ${n} values but the fit was made on ${fit.n}; pass the data the fit was made on`);
  return prep;
}

interface Transform {
  to(v: number): number;
  from(u: number): number;
  /** The domain's edge in this direction (what an unbounded end reports). */
  edge: number;
}

function transformFor(model: LikelihoodModel, j: number, dir: number): Transform {
  const p = model.parameters[j] as LikelihoodModel['parameters'][number];
  if (p.transform === 'log') return { to: Math.log, from: Math.exp, edge: dir < 0 ? 0 : Number.POSITIVE_INFINITY };
  if (p.transform === 'logit') {
    return {
      to: (v) => Math.log(v / (1 - v)),
      from: (u) => (u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u))),
      edge: dir < 0 ? 0 : 1,
    };
  }
  return { to: (v) => v, from: (u) => u, edge: dir * Number.POSITIVE_INFINITY };
}

/** One end of the profile interval for parameter j. */
function profileEnd(prep: PreparedFit, thetaHat: Float64Array, j: number, dir: number, cut: number, se: number): number {
  const { model, data } = prep;
  const tr = transformFor(model, j, dir);
  const est = thetaHat[j] as number;
  // An estimate on the domain's edge is that end of the interval.
  if (est === tr.edge) return est;
  let u0 = tr.to(est);
  if (!Number.isFinite(u0)) u0 = Math.sign(u0) * 40;
  const p = model.parameters[j] as LikelihoodModel['parameters'][number];
  const unitSize = p.transform === 'identity' ? (model.stepSize?.(data, thetaHat, j) ?? Math.max(1, Math.abs(est))) : 1;
  const seU = p.transform === 'log' ? se / est : p.transform === 'logit' ? se / (est * (1 - est)) : se;
  let step = Number.isFinite(seU) && seU > 0 ? seU : 0.1 * unitSize;
  let warm: Float64Array = Float64Array.from(thetaHat);
  const profile = (u: number): number => {
    const v = tr.from(u);
    const r = restrictedMaximum(prep, [j], [v], warm);
    if (Number.isFinite(r.logLikelihood) && r.theta.every(Number.isFinite)) warm = r.theta;
    return r.logLikelihood - cut;
  };
  let a = u0;
  let fa = profile(u0);
  for (let k = 0; k < 80; k++) {
    const b = u0 + dir * step;
    const v = tr.from(b);
    if (v === tr.edge || !Number.isFinite(b) || (p.transform === 'identity' && Math.abs(b) > 1e300)) {
      // Reached the domain's edge: check it, else the profile never drops far enough.
      const fEdge = Number.isFinite(tr.edge) ? profile(tr.to(tr.edge)) : fa;
      if (fEdge >= 0) return tr.edge;
      return tr.from(bracketedRoot(profile, a, fa, b, fEdge, 1e-12 * Math.max(1, Math.abs(a))));
    }
    const fb = profile(b);
    if (fb < 0 || Number.isNaN(fb)) {
      return tr.from(bracketedRoot(profile, a, fa, b, Number.isNaN(fb) ? Number.NEGATIVE_INFINITY : fb, 1e-12 * (unitSize + Math.abs(a))));
    }
    a = b;
    fa = fb;
    step *= 2;
  }
  return tr.edge;
}
