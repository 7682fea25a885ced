import type { RandomState } from '../random/random-state.ts';

// The contract every distribution family implements (DESIGN.md, "Any family, any data, full
// inference" → "Families"). Names and parametrisations are R's. One module per family in this folder;
// `registry.ts` maps FAMILY_NAMES to them.

/** The fifteen family names, R's spelling (fitdistrplus users know them). */
export type FamilyName =
  | 'normal'
  | 'lognormal'
  | 'exponential'
  | 'gamma'
  | 'weibull'
  | 'beta'
  | 'logistic'
  | 'laplace'
  | 'cauchy'
  | 'uniform'
  | 'poisson'
  | 'geometric'
  | 'negativeBinomial'
  | 'binomial'
  | 'bernoulli';

export type FamilyKind = 'continuous' | 'discrete';

/** Parameter values by name, e.g. `{ shape: 2, rate: 0.5 }`. */
export type FamilyParams = Readonly<Record<string, number>>;

/**
 * Where a parameter lives. 'real': any finite number; 'positive': > 0; 'probability': [0, 1] as the
 * family allows (each family says whether the ends are included); 'count': a non-negative integer.
 */
export type ParameterDomain = 'real' | 'positive' | 'probability' | 'count';

export interface FamilyParameter {
  readonly name: string;
  readonly domain: ParameterDomain;
  /** True when the parameter is never estimated and must be given (binomial's size). */
  readonly fixedOnly?: boolean;
  /** One short line for tables and tooltips. */
  readonly description: string;
}

/** The support [lower, upper] of a distribution with given parameters (ends may be ±Infinity). */
export interface Support {
  readonly lower: number;
  readonly upper: number;
}

/**
 * A loop behind an array function: out[i] = f(x[i], params) for every i, where f is the family's
 * scalar method, with the parameters read once and the constants hoisted out of the loop. The array
 * functions (`familyCdfArray`, `familyPpfArray`) call it only after checking `params` (the family's
 * support is not NaN) and `out` (a Float64Array of x's length), so it need not check them again. Its
 * values are the scalar method's, bit for bit: the two share one formula (a core function both call) —
 * except for a ppf solved by iteration (the gamma's), which starts each point from its neighbours'
 * answers and agrees with the scalar ppf to the inverse's accuracy (a few ulps, times its conditioning).
 */
export type ArrayKernel = (x: ArrayLike<number>, params: FamilyParams, out: Float64Array) => Float64Array;

/** A family's optional array kernels (see `ArrayKernel`); a missing one maps the scalar method. */
export interface FamilyArrayKernels {
  readonly cdf?: ArrayKernel;
  readonly ppf?: ArrayKernel;
}

/**
 * A distribution family. Scalar functions return NaN for parameters outside their domain (scipy's
 * policy) and never throw; `sample` throws a RangeError/TypeError naming the function, the
 * parameter, its value and what is allowed. For a discrete family `logPdf`/`pdf` are the log pmf/pmf
 * (0 / −Infinity off the integer support), `cdf(x)` is P(X ≤ x) for any real x, and `ppf(p)` is the
 * smallest support point whose cdf reaches p (scipy's rule).
 */
export interface Family {
  readonly name: FamilyName;
  readonly kind: FamilyKind;
  /** The parameters in R's order. */
  readonly parameters: readonly FamilyParameter[];
  /** The support for given parameters, or NaN ends for invalid parameters. */
  support(params: FamilyParams): Support;
  logPdf(x: number, params: FamilyParams): number;
  pdf(x: number, params: FamilyParams): number;
  cdf(x: number, params: FamilyParams): number;
  /** The survival function 1 − cdf, computed directly so the upper tail keeps its digits. */
  sf(x: number, params: FamilyParams): number;
  /** log cdf, accurate where cdf underflows (needed by Anderson–Darling and profile tails). */
  logCdf(x: number, params: FamilyParams): number;
  /** log sf, accurate where sf underflows. */
  logSf(x: number, params: FamilyParams): number;
  /** The quantile function: inverse of cdf, p in [0, 1]. */
  ppf(p: number, params: FamilyParams): number;
  /** The inverse survival function: ppf(1 − q) computed without losing the upper tail. */
  isf(q: number, params: FamilyParams): number;
  mean(params: FamilyParams): number;
  variance(params: FamilyParams): number;
  /** `size` draws from numpy's legacy sampler for this family (see each module for the call). */
  sample(rs: RandomState, params: FamilyParams, size: number): Float64Array;
  /** Optional tight loops for the array functions, for speed only (same values as the scalar methods). */
  readonly arrayKernels?: FamilyArrayKernels;
}
