// The 1-D heat equation u_t = D·u_xx solved by finite differences (FTCS), and the demonstration that
// diffusing a profile for a time t is smoothing it with the Gaussian heat kernel of variance 2Dt.

import { checkFiniteData, checkNonNegative, checkOneOf, checkPositive, describe } from '../internal/validate.ts';
import { neumaierSum } from '../stats/sum.ts';
import { gaussianFilter1d, type GaussianFilterMode } from './gaussian-filter.ts';

/** What happens at the two ends of the rod. */
export type HeatBoundary =
  /** Zero flux: no heat crosses either end (a ghost cell repeats the end value; scipy mode 'reflect'). */
  | 'insulated'
  /** The ends are joined into a ring (scipy mode 'wrap'). */
  | 'periodic';

/** Options of {@link solveHeat1d}. */
export interface SolveHeatOptions {
  /** Diffusivity D ≥ 0 (length² per unit time). */
  diffusivity: number;
  /** How long to diffuse, t ≥ 0. */
  time: number;
  /** Cell width dx > 0. */
  dx: number;
  /**
   * Largest time step. Must satisfy D·dt/dx² ≤ 1/2 (FTCS is unstable beyond); it is shrunk to
   * t/⌈t/dt⌉ so the last step ends exactly at `time`. Default: the step with D·dt/dx² ≤ 1/6 (see
   * {@link solveHeat1d}).
   */
  dt?: number;
  /** Default 'insulated'. */
  boundary?: HeatBoundary;
}

/** The result of {@link solveHeat1d}. */
export interface HeatSolution {
  /** u(x, t) on the cells of u0. */
  u: Float64Array;
  /** Number of time steps taken (0 when time or D is 0). */
  steps: number;
  /** The time step used, time/steps (0 when no step was taken). */
  dt: number;
  /** The mesh ratio r = D·dt/dx² (≤ 1/2). */
  ratio: number;
}

/** Options of {@link gaussianHeatKernel}: those of {@link solveHeat1d}. */
export type GaussianHeatKernelOptions = SolveHeatOptions;

/** A profile diffused by finite differences beside the same profile smoothed by the Gaussian heat kernel. */
export interface GaussianHeatKernel {
  /** The FTCS solution u(x, t) ({@link solveHeat1d}). */
  solution: Float64Array;
  /** u0 smoothed with a Gaussian of standard deviation σ = √(2Dt): `gaussianFilter1d(u0, σ/dx, { mode })`. */
  smoothed: Float64Array;
  /** σ = √(2Dt), in units of x. */
  sigma: number;
  /** max_i |solution_i − smoothed_i|. */
  maxDifference: number;
  /** Σ u0·dx, Σ solution·dx and Σ smoothed·dx: the total heat, which both keep. */
  initialHeat: number;
  heat: number;
  smoothedHeat: number;
  /**
   * The spread of each profile about its centre of heat, Σ (x − m)²·u / Σ u with x_i = i·dx (NaN
   * when the profile has a negative value or no heat, where it is no distribution).
   */
  initialVariance: number;
  variance: number;
  smoothedVariance: number;
  /** initialVariance + 2Dt: variances add under convolution, so this is what heat far from the ends reaches. */
  expectedVariance: number;
  /** The solver's steps, time step and mesh ratio. */
  steps: number;
  dt: number;
  ratio: number;
}

const BOUNDARIES: readonly HeatBoundary[] = ['insulated', 'periodic'];
/** The default mesh ratio bound. At r = 1/6 one step's kernel (r, 1 − 2r, r) has no excess kurtosis. */
const AUTO_RATIO_INVERSE = 6;
/** FTCS is stable for r ≤ 1/2; the slack forgives a dt computed as dx²/(2D) in floating point. */
const MAX_RATIO = 0.5 * (1 + 1e-12);
const MAX_STEPS = 1e7;

/**
 * Solves the 1-D heat equation u_t = D·u_xx on a row of cells by the explicit FTCS scheme (forward
 * in time, centred in space).
 *
 * Each step replaces u_i by u_i + r·(u_{i−1} − 2u_i + u_{i+1}) with r = D·dt/dx², the missing
 * neighbours of the end cells being ghost cells: the end value itself for 'insulated' ends (zero
 * flux, so Σu is kept exactly up to rounding) or the value at the other end for 'periodic' ones.
 * For r ≤ 1/2 every new value is a weighted average of old ones, so the scheme is stable and keeps
 * min u0 ≤ u ≤ max u0; each step adds 2D·dt to the variance of a heat distribution away from the
 * ends. Without `dt`, the solver takes ⌈6·D·t/dx²⌉ steps (r ≤ 1/6): at r = 1/6 the one-step kernel
 * (r, 1 − 2r, r) has the Gaussian's zero fourth cumulant, so the result matches the exact solution
 * to a higher order than at other ratios (at r = 1/2 a single hot cell would split into a comb of
 * alternate zeros). Reference: FTCS in Press et al., *Numerical Recipes* (3rd ed.), §20.2; numpy equivalent
 * `p = np.pad(u, 1, mode='edge'); u = u + r * (p[:-2] - 2 * p[1:-1] + p[2:])`, repeated.
 *
 * @param u0 - The initial temperatures, one per cell (finite, at least one).
 * @param options - diffusivity D ≥ 0, time t ≥ 0, dx > 0, dt (default: automatic), boundary = 'insulated'.
 * @returns u at time t, the number of steps, the step dt = t/steps and the mesh ratio r.
 * @throws {RangeError} If u0 is empty or not finite, D or t is negative, dx or dt is not > 0, the
 *   given dt is unstable (D·dt/dx² > 1/2), or more than 10,000,000 steps would be needed.
 * @throws {TypeError} If u0 is not an array of numbers.
 * @example
 * const { u, steps } = solveHeat1d([0, 0, 1, 0, 0], { diffusivity: 1, time: 0.5, dx: 1 });
 * steps; // => 3 (r = 1/6)
 * u; // => Float64Array [0.060185185185185175, 0.23611111111111113, 0.4074074074074075, 0.23611111111111113, 0.060185185185185175]
 */
export function solveHeat1d(u0: ArrayLike<number>, options: SolveHeatOptions): HeatSolution {
  return solveHeatAs('solveHeat1d', u0, options);
}

/** {@link solveHeat1d} with its errors under the name of the public function `fn` that called it. */
function solveHeatAs(fn: string, u0: ArrayLike<number>, options: SolveHeatOptions): HeatSolution {
  const n = checkFiniteData(fn, u0, 'u0');
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${fn}: options must be an object with diffusivity, time and dx, got ${describe(options)}`);
  }
  const diffusivity = checkNonNegative(fn, 'diffusivity', options.diffusivity);
  const time = checkNonNegative(fn, 'time', options.time);
  const dx = checkPositive(fn, 'dx', options.dx);
  const boundary = checkOneOf(fn, 'boundary', options.boundary ?? 'insulated', BOUNDARIES);
  const scale = diffusivity / (dx * dx);
  let steps: number;
  if (options.dt === undefined) {
    steps = Math.ceil(AUTO_RATIO_INVERSE * scale * time);
  } else {
    const dt = checkPositive(fn, 'dt', options.dt);
    if (scale * dt > MAX_RATIO) {
      throw new RangeError(
        `${fn}: dt = ${dt} is unstable: D·dt/dx² = ${scale * dt} must be ≤ 1/2 (FTCS), so dt must be ≤ ${1 / (2 * scale)}`,
      );
    }
    // A quotient within rounding of an integer takes that many steps, not one more.
    const quotient = time / dt;
    steps = Math.ceil(quotient * (1 - 1e-12));
  }
  if (!(steps <= MAX_STEPS)) {
    throw new RangeError(`${fn}: ${steps.toLocaleString('en-US')} time steps would be needed (at most ${MAX_STEPS.toLocaleString('en-US')}); use a shorter time, a smaller diffusivity or wider cells`);
  }
  const dt = steps > 0 ? time / steps : 0;
  const r = diffusivity * dt / (dx * dx);
  let u = Float64Array.from(u0);
  let next = new Float64Array(n);
  const last = n - 1;
  const periodic = boundary === 'periodic';
  for (let s = 0; s < steps; s++) {
    // Same expression (and so the same roundings) at the ends as inside, with a ghost value for the
    // missing neighbour: numpy's np.pad(u, 1, mode='edge' | 'wrap') followed by one vector update.
    const first = u[0] as number;
    const end = u[last] as number;
    const left = periodic ? end : first;
    const right = periodic ? first : end;
    if (n === 1) {
      next[0] = first + r * (left - 2 * first + right);
    } else {
      next[0] = first + r * (left - 2 * first + (u[1] as number));
      for (let i = 1; i < last; i++) {
        const here = u[i] as number;
        next[i] = here + r * ((u[i - 1] as number) - 2 * here + (u[i + 1] as number));
      }
      next[last] = end + r * ((u[last - 1] as number) - 2 * end + right);
    }
    const swap = u;
    u = next;
    next = swap;
  }
  return { u, steps, dt, ratio: r };
}

/**
 * Diffuses a profile with {@link solveHeat1d} and smooths the same profile with a Gaussian of
 * variance 2Dt, showing that the two agree: the Gaussian N(0, 2Dt) is the heat kernel, the
 * fundamental solution of u_t = D·u_xx.
 *
 * Formula: u(x, t) = ∫ u0(y)·φ(x − y; 0, 2Dt) dy, computed as
 * `gaussianFilter1d(u0, √(2Dt)/dx, { mode })` — mode 'reflect' for insulated ends (heat reflected at
 * a wall is the method of images) and 'wrap' for periodic ones. The finite-difference solution
 * differs from it by the discretisation error, which shrinks as σ = √(2Dt) grows against dx, plus
 * the filter's truncation at 4σ. Variances of heat distributions add under convolution, so away
 * from the ends the profile's variance grows from σ₀² to σ₀² + 2Dt (exactly so for FTCS).
 *
 * @param u0 - The initial temperatures, one per cell (finite, at least one).
 * @param options - diffusivity D ≥ 0, time t ≥ 0, dx > 0, dt (default: automatic), boundary = 'insulated'.
 * @returns Both profiles, σ, their largest difference, the total heat and the variances.
 * @throws {RangeError} As {@link solveHeat1d}.
 * @throws {TypeError} If u0 is not an array of numbers.
 * @example
 * const u0 = Array.from({ length: 201 }, (_, i) => (i === 100 ? 10 : 0)); // unit heat in one cell of width 0.1
 * const h = gaussianHeatKernel(u0, { diffusivity: 0.5, time: 1, dx: 0.1 });
 * h.sigma; // => 1
 * h.variance; // => 1.0000000000000002 (0 + 2Dt)
 * h.maxDifference; // => 0.00008925… (against a peak of 0.3989)
 */
export function gaussianHeatKernel(u0: ArrayLike<number>, options: GaussianHeatKernelOptions): GaussianHeatKernel {
  const solved = solveHeatAs('gaussianHeatKernel', u0, options);
  const { diffusivity, time, dx } = options;
  const mode: GaussianFilterMode = (options.boundary ?? 'insulated') === 'periodic' ? 'wrap' : 'reflect';
  const sigma = Math.sqrt(2 * diffusivity * time);
  const smoothed = gaussianFilter1d(u0, sigma / dx, { mode });
  const solution = solved.u;
  let maxDifference = 0;
  for (let i = 0; i < solution.length; i++) {
    maxDifference = Math.max(maxDifference, Math.abs((solution[i] as number) - (smoothed[i] as number)));
  }
  const initialVariance = profileVariance(u0, dx);
  return {
    solution,
    smoothed,
    sigma,
    maxDifference,
    initialHeat: neumaierSum(u0) * dx,
    heat: neumaierSum(solution) * dx,
    smoothedHeat: neumaierSum(smoothed) * dx,
    initialVariance,
    variance: profileVariance(solution, dx),
    smoothedVariance: profileVariance(smoothed, dx),
    expectedVariance: initialVariance + 2 * diffusivity * time,
    steps: solved.steps,
    dt: solved.dt,
    ratio: solved.ratio,
  };
}

/** Σ (x − m)²·u / Σ u at x_i = i·dx (two passes, in cell units), or NaN for a negative or heatless profile. */
function profileVariance(u: ArrayLike<number>, dx: number): number {
  const n = u.length;
  const total = neumaierSum(u);
  if (!(total > 0)) return Number.NaN;
  let first = 0;
  for (let i = 0; i < n; i++) {
    const v = u[i] as number;
    if (v < 0) return Number.NaN;
    first += i * v;
  }
  const m = first / total;
  let second = 0;
  for (let i = 0; i < n; i++) second += (i - m) * (i - m) * (u[i] as number);
  return (second / total) * dx * dx;
}
