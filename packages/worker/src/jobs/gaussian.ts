// Jobs for the Gaussian itself: the likelihood as a product versus a sum of logs, the Gaussian integral,
// and the Gaussian's other uses (smoothing, convolution, Fourier pair, heat kernel). Every statistical number comes
// from @mle-lab/core (grids, curves, differences and the first 0 or ∞ included); the worker only
// chooses the ranges to draw and crops core's results to them.
import {
  add,
  createRandomState,
  gaussianConvolution,
  gaussianEdges,
  gaussianFilter1d,
  gaussianFourierPair,
  gaussianFunctionArray,
  gaussianHeatKernel,
  gaussianIntegral,
  gaussianKernel1d,
  mean,
  normalLikelihoodProductVsLog,
  linspace,
  normalLogPdfArray,
  normalPdfArray,
  std,
  subtract,
  type GaussianHeatKernel,
} from '@mle-lab/core';
import { withTransfer } from '../transfer.ts';

/** A seeded normal sample whose likelihood at the true (μ, σ) is followed as n grows. */
export interface ProductVsLogSpec {
  seed: number;
  mu: number;
  sigma: number;
  /** Largest n, 1 … 1,000,000. */
  n: number;
}

export interface ProductVsLogResult {
  /** 1, 2, …, n. */
  n: Float64Array;
  /** The sample: numpy's `np.random.seed(seed); np.random.normal(mu, sigma, n)`. */
  x: Float64Array;
  /** product[k] = ∏_{i ≤ k} f(xᵢ) (0 after an underflow, ∞ after an overflow). */
  product: Float64Array;
  /** logSum[k] = Σ_{i ≤ k} log f(xᵢ). */
  logSum: Float64Array;
  /** The first n at which the product is exactly 0, or null. */
  underflowN: number | null;
  /** The first n at which the product is +∞ (densities mostly above 1, σ small), or null. */
  overflowN: number | null;
  /** The last product before it became 0 or ∞ (the one at n, if it never did). */
  lastProduct: number;
  /** The average log density over the n values. */
  meanLogPdf: number;
}

/** The Gaussian function A·e^(−B x²). */
export interface GaussianIntegralSpec {
  a: number;
  b: number;
  /** Points on the curves. Default 301. */
  points?: number;
}

export interface GaussianIntegralJobResult {
  /** x from −4σ to 4σ, σ = 1/√(2B). */
  x: Float64Array;
  /** A·e^(−B x²). */
  curve: Float64Array;
  /** The normal pdf with the same B: √(B/π)·e^(−B x²). */
  pdf: Float64Array;
  /** ∫ A·e^(−B x²) dx by quadrature, and its closed form A·√(π/B). */
  area: number;
  exactArea: number;
  areaError: number;
  /** The variance ∫ x²·f / ∫ f by quadrature, and its closed form 1/(2B). */
  variance: number;
  exactVariance: number;
  varianceError: number;
  /** √(B/π): the A that makes the curve a density. */
  normalizingA: number;
  /** σ = √(1/(2B)): the normal whose pdf this is once A = √(B/π). */
  sigma: number;
  /** Whether the area is 1 (to 1e-12): the curve is then the N(0, σ²) pdf. */
  isDensity: boolean;
}

/** A noisy step signal smoothed by a Gaussian kernel. */
export interface SmoothingSpec {
  seed: number;
  /** Kernel standard deviation in samples, 0.1 … 100. */
  kernel: number;
  /** Samples, 16 … 100,000. Default 400. */
  n?: number;
  /** Standard deviation of the added noise. Default 0.3. */
  noise?: number;
  /** Edge threshold as a fraction of the strongest derivative response, 0 … 1. Default 0.5. */
  threshold?: number;
}

export interface SmoothingResult {
  /** Sample index 0 … n − 1. */
  t: Float64Array;
  /** The clean step signal. */
  clean: Float64Array;
  /** clean + N(0, noise²) noise (numpy: `RandomState(seed).normal(0, noise, n)`). */
  noisy: Float64Array;
  /** `scipy.ndimage.gaussian_filter1d(noisy, kernel)` (mode 'reflect', truncate 4). */
  smoothed: Float64Array;
  /** Taps of the kernel, 2·⌊4σ + 0.5⌋ + 1. */
  taps: number;
  /** Standard deviation of noisy − clean and of smoothed − clean. */
  noiseSd: number;
  residualSd: number;
  /** The derivative-of-Gaussian response `gaussian_filter1d(noisy, kernel, order=1)` (core's `gaussianEdges`). */
  response: Float64Array;
  /** |response|, whose strong local maxima are the edges. */
  edgeMagnitude: Float64Array;
  /** The edges found in the noisy signal (sample indices) and the response there. */
  edges: Float64Array;
  edgeStrength: Float64Array;
  /** The |response| an edge had to reach: threshold · max |response|. */
  edgeHeight: number;
  /** Where the clean signal jumps: the first sample of each new level. */
  trueEdges: Float64Array;
}

/** Two centred Gaussians and their convolution. */
export interface ConvolutionSpec {
  sigma1: number;
  sigma2: number;
}

export interface ConvolutionResult {
  /** The grid, cropped to ±4.5·√(σ₁² + σ₂²). */
  x: Float64Array;
  f: Float64Array;
  g: Float64Array;
  /** The numerical convolution dx·(f ⊛ g). */
  convolution: Float64Array;
  /** N(0, σ₁² + σ₂²). */
  exact: Float64Array;
  variance1: number;
  variance2: number;
  /** The numerical convolution's variance and σ₁² + σ₂². */
  variance: number;
  exactVariance: number;
  /** max |numerical − exact| over the whole grid. */
  maxError: number;
}

/** A normal pdf in time and its Fourier transform. */
export interface FourierSpec {
  /** σ of the Gaussian in time, 0.05 … 10. */
  width: number;
}

export interface FourierResult {
  /** Time grid (|t| ≤ 9) and the N(0, σ²) pdf on it. */
  t: Float64Array;
  signal: Float64Array;
  /** Frequency grid (|f| ≤ 2) and dx·|FFT| there. */
  f: Float64Array;
  spectrum: Float64Array;
  /** The exact transform e^(−2π²σ²f²): a Gaussian of width σ_f = 1/(2πσ). */
  exact: Float64Array;
  sigmaT: number;
  sigmaF: number;
  /** σ·σ_f = 1/(2π), whatever σ. */
  product: number;
  /** max |FFT − exact| over the whole spectrum. */
  maxError: number;
  /** FFT length and sample spacing. */
  size: number;
  dt: number;
}

/** The initial temperature profiles of {@link gaussianJobs.heatEquation}. */
export type HeatProfile =
  /** All the heat (1) in the middle cell. */
  | 'point'
  /** The left half at temperature 1, the right half at 0 (the middle cell at 1/2). */
  | 'step'
  /** Half the heat in each of two cells, at x = −2 and x = 2. */
  | 'spots';

/** An initial temperature profile diffused for a time t and smoothed by the Gaussian of variance 2Dt. */
export interface HeatSpec {
  profile: HeatProfile;
  /** Diffusion time t, 0 … 4. */
  time: number;
  /** Diffusivity D, 0.01 … 1. */
  diffusivity: number;
}

/**
 * Core's {@link GaussianHeatKernel} (the FTCS solution, the Gaussian-smoothed start, σ = √(2Dt), the
 * largest difference, the heat of each, the solver's steps) on the job's rod, with its grid and start.
 */
export type HeatResult = Omit<GaussianHeatKernel, 'initialVariance' | 'variance' | 'smoothedVariance' | 'expectedVariance'> & {
  /** Cell centres: 301 cells of width dx = 0.1 from −15 to 15, insulated at both ends. */
  x: Float64Array;
  /** The initial profile u0. */
  initial: Float64Array;
  /**
   * The spread Σ(x − m)²u/Σu of the initial profile and of the solution, and σ₀² + 2Dt; null for
   * the step, whose heat fills half the rod, so that its spread is set by the rod's length.
   */
  initialVariance: number | null;
  variance: number | null;
  expectedVariance: number | null;
  dx: number;
};

/** Levels of the clean step signal, each held for a fifth of the samples. */
const STEP_LEVELS = [0, 1, 0.3, 1.4, 0.2] as const;
const FFT_SIZE = 4096;
const FFT_DT = 0.025;
/** The rod: 301 cells of width 0.1 on [−15, 15], wide enough that heat from the middle never reaches the ends for 2Dt ≤ 8. */
const HEAT_CELLS = 301;
const HEAT_DX = 0.1;
const HEAT_HALF_WIDTH = 15;
/** The two hot spots sit 20 cells (x = ±2) either side of the middle. */
const HEAT_SPOT_OFFSET = 20;
const HEAT_PROFILES: readonly HeatProfile[] = ['point', 'step', 'spots'];

function finite(fn: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${fn}: ${name} must be a finite number, got ${String(value)}`);
  }
  return value;
}

function integer(fn: string, name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${fn}: ${name} must be an integer from ${min} to ${max.toLocaleString('en-US')}, got ${String(value)}`);
  }
  return value;
}

export const gaussianJobs = {
  /** A seeded noisy step signal and its Gaussian smoothing (core's `gaussianFilter1d`). */
  smoothSignal(spec: SmoothingSpec): SmoothingResult {
    const fn = 'smoothSignal';
    const n = integer(fn, 'n', spec?.n ?? 400, 16, 100_000);
    const kernel = finite(fn, 'kernel', spec.kernel);
    if (kernel < 0.1 || kernel > 100) throw new RangeError(`${fn}: kernel must be from 0.1 to 100 samples, got ${kernel}`);
    const noise = finite(fn, 'noise', spec.noise ?? 0.3);
    const threshold = finite(fn, 'threshold', spec.threshold ?? 0.5);
    if (threshold < 0 || threshold > 1) throw new RangeError(`${fn}: threshold must be from 0 to 1, got ${threshold}`);
    const t = linspace(0, n - 1, n);
    const level = (i: number) => Math.floor((i * STEP_LEVELS.length) / n);
    const clean = Float64Array.from({ length: n }, (_, i) => STEP_LEVELS[level(i)] as number);
    const noisy = add(clean, createRandomState(spec.seed).normal(0, noise, n));
    const smoothed = gaussianFilter1d(noisy, kernel);
    const found = gaussianEdges(noisy, kernel, { threshold });
    return withTransfer({
      t,
      clean,
      noisy,
      smoothed,
      taps: gaussianKernel1d(kernel).length,
      noiseSd: std(subtract(noisy, clean)),
      residualSd: std(subtract(smoothed, clean)),
      response: found.response,
      edgeMagnitude: found.magnitude,
      edges: found.edges,
      edgeStrength: found.strength,
      edgeHeight: found.height,
      trueEdges: Float64Array.from({ length: STEP_LEVELS.length - 1 }, (_, j) => t.findIndex((_v, i) => level(i) === j + 1)),
    });
  },

  /** Two centred Gaussians convolved numerically (core's `gaussianConvolution`): variances add. */
  convolveGaussians(spec: ConvolutionSpec): ConvolutionResult {
    const c = gaussianConvolution({ sigma1: spec?.sigma1, sigma2: spec?.sigma2 });
    const reach = 4.5 * c.exactSigma;
    const keep = (values: Float64Array) => values.filter((_v, j) => Math.abs(c.x[j] as number) <= reach);
    return withTransfer({
      x: keep(c.x),
      f: keep(c.f),
      g: keep(c.g),
      convolution: keep(c.convolution),
      exact: keep(c.exact),
      variance1: c.variance1,
      variance2: c.variance2,
      variance: c.variance,
      exactVariance: c.exactVariance,
      maxError: c.maxError,
    });
  },

  /**
   * The N(0, σ²) pdf sampled in time and its discrete Fourier transform beside the exact transform
   * e^(−2π²σ²f²) — again a Gaussian, of width 1/(2πσ) (core's `gaussianFourierPair`). The sample
   * spacing is fixed, so the axes stay put while σ changes and the reader sees the widths trade off.
   */
  gaussianFourier(spec: FourierSpec): FourierResult {
    const fn = 'gaussianFourier';
    const sigma = finite(fn, 'width', spec?.width);
    if (sigma < 0.05 || sigma > 10) throw new RangeError(`${fn}: width must be from 0.05 to 10, got ${sigma}`);
    const pair = gaussianFourierPair({ sigma, n: FFT_SIZE, dx: FFT_DT });
    const inTime = (_v: number, j: number) => Math.abs(pair.x[j] as number) <= 9;
    const inFrequency = (_v: number, k: number) => Math.abs(pair.frequencies[k] as number) <= 2;
    return withTransfer({
      t: pair.x.filter(inTime),
      signal: pair.signal.filter(inTime),
      f: pair.frequencies.filter(inFrequency),
      spectrum: pair.magnitude.filter(inFrequency),
      exact: pair.analytic.filter(inFrequency),
      sigmaT: sigma,
      sigmaF: pair.spectralSigma,
      product: pair.widthProduct,
      maxError: pair.maxError,
      size: FFT_SIZE,
      dt: FFT_DT,
    });
  },

  /**
   * The area and variance of A·e^(−B x²) by quadrature (core's `gaussianIntegral`), beside the closed
   * forms, and both the curve and the normal pdf with the same B on a grid.
   */
  gaussianIntegral(spec: GaussianIntegralSpec): GaussianIntegralJobResult {
    const fn = 'gaussianIntegral';
    const count = integer(fn, 'points', spec?.points ?? 301, 2, 10_001);
    const g = gaussianIntegral({ A: spec.a, B: spec.b });
    const sigma = g.sigma;
    const x = linspace(-4 * sigma, 4 * sigma, count);
    const pdf = normalPdfArray(x, 0, sigma);
    const curve = gaussianFunctionArray(x, { A: spec.a, B: spec.b });
    return withTransfer({
      x,
      curve,
      pdf,
      area: g.area,
      exactArea: g.exactArea,
      areaError: g.areaError,
      variance: g.variance,
      exactVariance: g.exactVariance,
      varianceError: g.varianceError,
      normalizingA: g.normalizingA,
      sigma,
      isDensity: Math.abs(g.area - 1) <= 1e-12,
    });
  },

  /**
   * An initial temperature profile on an insulated rod, diffused for a time t by finite differences
   * and smoothed by the Gaussian of variance 2Dt (core's `gaussianHeatKernel`): the two agree, because
   * the N(0, 2Dt) density is the heat kernel. About 2,400 steps on 301 cells at most: a millisecond or two.
   */
  heatEquation(spec: HeatSpec): HeatResult {
    const fn = 'heatEquation';
    const profile = spec?.profile;
    if (!HEAT_PROFILES.includes(profile)) {
      throw new RangeError(`${fn}: profile must be one of ${HEAT_PROFILES.map((p) => `'${p}'`).join(', ')}, got ${String(profile)}`);
    }
    const time = finite(fn, 'time', spec.time);
    if (time < 0 || time > 4) throw new RangeError(`${fn}: time must be from 0 to 4, got ${time}`);
    const diffusivity = finite(fn, 'diffusivity', spec.diffusivity);
    if (diffusivity < 0.01 || diffusivity > 1) throw new RangeError(`${fn}: diffusivity must be from 0.01 to 1, got ${diffusivity}`);
    const middle = (HEAT_CELLS - 1) / 2;
    const initial = new Float64Array(HEAT_CELLS);
    if (profile === 'point') {
      initial[middle] = 1 / HEAT_DX;
    } else if (profile === 'spots') {
      initial[middle - HEAT_SPOT_OFFSET] = 0.5 / HEAT_DX;
      initial[middle + HEAT_SPOT_OFFSET] = 0.5 / HEAT_DX;
    } else {
      initial.fill(1, 0, middle);
      initial[middle] = 0.5;
    }
    const h = gaussianHeatKernel(initial, { diffusivity, time, dx: HEAT_DX, boundary: 'insulated' });
    const spread = profile !== 'step';
    return withTransfer({
      x: linspace(-HEAT_HALF_WIDTH, HEAT_HALF_WIDTH, HEAT_CELLS),
      initial,
      solution: h.solution,
      smoothed: h.smoothed,
      sigma: h.sigma,
      maxDifference: h.maxDifference,
      initialHeat: h.initialHeat,
      heat: h.heat,
      smoothedHeat: h.smoothedHeat,
      initialVariance: spread ? h.initialVariance : null,
      variance: spread ? h.variance : null,
      expectedVariance: spread ? h.expectedVariance : null,
      steps: h.steps,
      dt: h.dt,
      ratio: h.ratio,
      dx: HEAT_DX,
    });
  },

  /** The running product of densities and the running sum of log densities of a seeded normal sample. */
  productVsLog(spec: ProductVsLogSpec): ProductVsLogResult {
    const fn = 'productVsLog';
    const count = integer(fn, 'n', spec?.n, 1, 1_000_000);
    const mu = finite(fn, 'mu', spec.mu);
    const sigma = finite(fn, 'sigma', spec.sigma);
    if (sigma <= 0) throw new RangeError(`${fn}: sigma must be a finite number greater than 0, got ${sigma}`);
    const x = createRandomState(spec.seed).normal(mu, sigma, count);
    const { product, logLikelihood, underflowAt, overflowAt } = normalLikelihoodProductVsLog(x, mu, sigma);
    const breakdown = underflowAt ?? overflowAt;
    const lastBefore = breakdown === undefined ? count - 1 : Math.max(0, breakdown - 2);
    return withTransfer({
      n: linspace(1, count, count),
      x,
      product,
      logSum: logLikelihood,
      underflowN: underflowAt ?? null,
      overflowN: overflowAt ?? null,
      lastProduct: product[lastBefore] as number,
      meanLogPdf: mean(normalLogPdfArray(x, mu, sigma)),
    });
  },
};
