import type { FamilyParams } from '../families/family.ts';
import { describe } from '../internal/validate.ts';
import { chiSquareSf } from './chi-square.ts';
import { prepareForFit } from './confidence-intervals.ts';
import { extremeScaleOfFit, scaleData, scaleFit, scaleParams } from './data-scale.ts';
import type { DistributionFit } from './fit-result.ts';
import { checkParameterValue, freeIndices, restrictedMaximum } from './prepared-fit.ts';
import { spdInverse, subMatrix } from './small-matrix.ts';

/** A χ² test: the statistic, its degrees of freedom and the asymptotic p-value P(χ²_df ≥ statistic). */
export interface ChiSquareTest {
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
}

/** The three classical tests of one hypothesis. */
export interface LikelihoodTests {
  readonly wald: ChiSquareTest;
  readonly likelihoodRatio: ChiSquareTest;
  readonly score: ChiSquareTest;
  /** The restricted MLE (every parameter, the tested ones at their hypothesised values). */
  readonly restricted: FamilyParams;
}

function chiSquareTest(statistic: number, df: number): ChiSquareTest {
  return { statistic, df, pValue: chiSquareSf(statistic, df) };
}

/**
 * The Wald, likelihood-ratio and score (Rao) tests of H₀: θ_T = θ₀ for some free parameters of a fit.
 *
 * With θ̂ the MLE, θ̃ the MLE under H₀ (the other free parameters maximised out) and I(θ) = −∇²ℓ(θ) the
 * observed information over the fit's free parameters: Wald W = (θ̂_T − θ₀)ᵀ [I(θ̂)⁻¹]_TT⁻¹ (θ̂_T − θ₀);
 * likelihood ratio LR = 2(ℓ(θ̂) − ℓ(θ̃)); score S = U(θ̃)ᵀ I(θ̃)⁻¹ U(θ̃), U the score. Each is χ² with
 * df = the number of tested parameters under H₀. NaN where the model is not regular (a NaN standard
 * error) or the information at θ̃ is not positive definite.
 *
 * @param x - The data the fit was made on.
 * @param fit - The result of `fitDistribution`.
 * @param hypothesis - Values of free parameters under H₀, e.g. `{ shape: 1 }`.
 * @returns `{ wald, likelihoodRatio, score, restricted }`, each test `{ statistic, df, pValue }`.
 * @throws {RangeError} If the hypothesis is empty, names a parameter that is not free in the fit, or
 *   gives a value outside the parameter's domain.
 * @example
 * const x = [1, 2, 3, 4];
 * const t = likelihoodTests(x, fitDistribution(x, 'exponential'), { rate: 1 });
 * t.likelihoodRatio; // => { statistic: 4.669674145006759, df: 1, pValue: 0.03069975175839461 }
 * t.wald.statistic; // => 9 ((0.4 − 1)² / 0.2²)
 * t.score.statistic; // => 9 (U(1)² / I(1) = (−6)² / 4)
 */
export function likelihoodTests(x: ArrayLike<number>, fit: DistributionFit, hypothesis: FamilyParams): LikelihoodTests {
  const fn = 'likelihoodTests';
  const c = extremeScaleOfFit(fit, x);
  if (c !== 1) {
    try {
      // The three statistics do not change when every parameter is multiplied by a constant.
      const scaled = likelihoodTests(scaleData(x, c), scaleFit(fit, c), scaleParams(fit.family, hypothesis, c) as FamilyParams);
      return { ...scaled, restricted: scaleParams(fit.family, scaled.restricted, 1 / c) as FamilyParams };
    } catch {
      // The tests on x itself (below) throw the same error, naming the values as given.
    }
  }
  const prep = prepareForFit(fn, x, fit);
  const { model, data } = prep;
  if (hypothesis === null || typeof hypothesis !== 'object' || Object.keys(hypothesis).length === 0) {
    throw new RangeError(`${fn}: hypothesis must name at least one free parameter and its value, e.g. { ${fit.parameters[0] ?? 'rate'}: 1 }; got ${describe(hypothesis)}`);
  }
  const hold: number[] = [];
  const values: number[] = [];
  for (const [name, value] of Object.entries(hypothesis)) {
    const v = checkParameterValue(fn, model, name, value, 'hypothesis');
    const j = model.parameters.findIndex((p) => p.name === name);
    if (!prep.free[j]) throw new RangeError(`${fn}: hypothesis.${name}: ${name} is fixed in this fit, not estimated, so it cannot be tested`);
    hold.push(j);
    values.push(v);
  }
  const df = hold.length;
  const thetaHat = Float64Array.from(model.parameters, (p) => fit.estimates[p.name] as number);
  const restricted = restrictedMaximum(prep, hold, values, thetaHat);
  const lr = Math.max(0, 2 * (fit.logLikelihood - restricted.logLikelihood));

  // Wald, from the fit's covariance.
  const freeIdx = freeIndices(prep.free);
  const q = freeIdx.length;
  const pos = hold.map((j) => freeIdx.indexOf(j));
  const covT = subMatrix(fit.covariance, q, pos);
  const waldInfo = covT.every(Number.isFinite) ? spdInverse(covT, df) : undefined;
  let wald = Number.NaN;
  if (waldInfo !== undefined) {
    wald = 0;
    for (let a = 0; a < df; a++) {
      for (let b = 0; b < df; b++) {
        wald += ((thetaHat[hold[a] as number] as number) - (values[a] as number)) * (waldInfo[a * df + b] as number) * ((thetaHat[hold[b] as number] as number) - (values[b] as number));
      }
    }
  }

  // Score, with the observed information at the restricted MLE over all the fit's free parameters.
  let score = Number.NaN;
  const p = model.parameters.length;
  if (Number.isFinite(restricted.logLikelihood) && restricted.theta.every(Number.isFinite) && !fit.parameters.some((name) => name in fit.notes)) {
    const grad = new Float64Array(p);
    const hess = new Float64Array(p * p);
    model.derivatives(data, restricted.theta, grad, hess);
    const info = subMatrix(hess, p, freeIdx).map((v) => -v);
    const inv = spdInverse(info, q);
    if (inv !== undefined) {
      // The free parameters not tested have score 0 at θ̃ up to rounding; keep them (the statistic is the full quadratic form).
      const u = freeIdx.map((i) => grad[i] as number);
      score = 0;
      for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) score += (u[a] as number) * (inv[a * q + b] as number) * (u[b] as number);
    }
  }
  const record: Record<string, number> = {};
  model.parameters.forEach((par, i) => {
    record[par.name] = restricted.theta[i] as number;
  });
  return {
    wald: chiSquareTest(wald, df),
    likelihoodRatio: chiSquareTest(lr, df),
    score: chiSquareTest(score, df),
    restricted: record,
  };
}

/**
 * The likelihood-ratio test of a null model nested in an alternative (exponential inside gamma or
 * Weibull, Poisson inside the negative binomial's limit, a fit with a parameter fixed inside the free
 * one): LR = 2(ℓ_alt − ℓ_null), χ² with df = k_alt − k_null.
 *
 * @param nullFit - The restricted fit (fewer free parameters).
 * @param altFit - The larger fit, on the same data.
 * @returns `{ statistic, df, pValue }`; the statistic is clamped at 0.
 * @throws {RangeError} If the fits are on different numbers of values, or the alternative does not
 *   have more free parameters.
 * @example
 * const x = [0.5, 1.2, 2.2, 3.9, 0.8, 1.7];
 * likelihoodRatioTest(fitDistribution(x, 'exponential'), fitDistribution(x, 'weibull'));
 * // => { statistic: 1.922243448441396, df: 1, pValue: 0.16560955479255238 }
 */
export function likelihoodRatioTest(nullFit: DistributionFit, altFit: DistributionFit): ChiSquareTest {
  const fn = 'likelihoodRatioTest';
  for (const [name, f] of [['nullFit', nullFit], ['altFit', altFit]] as const) {
    if (f === null || typeof f !== 'object' || typeof f.logLikelihood !== 'number' || !Array.isArray(f.parameters)) {
      throw new TypeError(`${fn}: ${name} must be the result of fitDistribution, got ${describe(f)}`);
    }
  }
  if (nullFit.n !== altFit.n) throw new RangeError(`${fn}: the fits are on ${nullFit.n} and ${altFit.n} values; nested fits must be on the same data`);
  const df = altFit.parameters.length - nullFit.parameters.length;
  if (df < 1) {
    throw new RangeError(`${fn}: altFit has ${altFit.parameters.length} free parameters and nullFit ${nullFit.parameters.length}; the alternative must have more (pass the nested model first)`);
  }
  return chiSquareTest(Math.max(0, 2 * (altFit.logLikelihood - nullFit.logLikelihood)), df);
}
