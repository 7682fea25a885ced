// The negative log-likelihood over (μ, ln σ) around the closed-form optimum, for the contour map the
// optimisers' paths are drawn on: the notebook's loss L (constant dropped), the very function GD and Adam
// minimise and `fit` reports. The window, the values and the start all come from core.
import { normalFitStart, normalNllFromStats, normalNllGrid, normalNllWindow, normalSufficientStats } from '@mle-lab/core';
import { getDataset, type DatasetHandle } from '../datasets.ts';
import { withTransfer } from '../transfer.ts';

export interface NllSurfaceOptions {
  /**
   * Half-widths of the window around the closed-form optimum (μ̂, ln σ̂): μ ± `mu`·σ̂ and
   * ln σ ± `logSigma`. Defaults 0.25 and 0.125, which make the contours about round for any n
   * (the NLL's curvature is n/σ̂² along μ and 2n along ln σ) and hold the notebook's GD and Adam paths.
   */
  halfWidth?: { mu?: number; logSigma?: number };
  /** Grid points along μ and along ln σ. Defaults 121 and 101. */
  size?: { mu?: number; logSigma?: number };
}

export interface NllSurface {
  n: number;
  /** The μ axis (columns) and the ln σ axis (rows). */
  mu: Float64Array;
  logSigma: Float64Array;
  /**
   * The notebook's loss L(μ, ρ) = n·ρ + S(μ)·e^(−2ρ)/2 with ρ = ln σ: the negative log-likelihood without
   * the constant n·ln√(2π) (core's `normalNll`, the loss `fit` reports), one row per ln σ.
   */
  loss: Float64Array;
  /** The closed-form optimum: μ̂, σ̂, ln σ̂ and L there (n·ln σ̂ + n/2, `fit`'s `closedForm.loss`). */
  closedForm: { mu: number; sigma: number; logSigma: number; loss: number };
  /** The fits' default start, (mean + 0.1·std, ln std) with std of ddof 0 — the notebook's and core's. */
  start: { mu: number; logSigma: number };
}

function positive(fn: string, name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${fn}: ${name} must be a finite number greater than 0, got ${String(value)}`);
  }
  return value;
}

function gridSize(fn: string, name: string, value: number): number {
  if (!Number.isInteger(value) || value < 2 || value > 1000) {
    throw new RangeError(`${fn}: ${name} must be an integer from 2 to 1,000, got ${String(value)}`);
  }
  return value;
}

export const nllSurfaceJobs = {
  /** The notebook's NLL L on a (μ, ln σ) grid centred on the closed-form MLE (O(1) per point from the sufficient statistics). */
  nllSurface(handle: DatasetHandle, options: NllSurfaceOptions = {}): NllSurface {
    const fn = 'nllSurface';
    const { values } = getDataset(fn, handle);
    const halfMu = positive(fn, 'halfWidth.mu', options.halfWidth?.mu ?? 0.25);
    const halfLogSigma = positive(fn, 'halfWidth.logSigma', options.halfWidth?.logSigma ?? 0.125);
    const nMu = gridSize(fn, 'size.mu', options.size?.mu ?? 121);
    const nLogSigma = gridSize(fn, 'size.logSigma', options.size?.logSigma ?? 101);
    const stats = normalSufficientStats(values);
    // The window around the closed-form optimum, the NLL on it and the fits' default start: core's.
    const window = normalNllWindow(stats, { halfWidth: { mu: halfMu, logSigma: halfLogSigma }, size: { mu: nMu, logSigma: nLogSigma } });
    const grid = normalNllGrid(stats, { mu: window.mu, logSigma: window.logSigma, constant: 'drop' });
    const start = normalFitStart(stats);
    const { mu, sigma, logSigma } = window.optimum;
    return withTransfer({
      n: values.length,
      mu: grid.mu,
      logSigma: grid.logSigma,
      loss: grid.nll,
      closedForm: { mu, sigma, logSigma, loss: normalNllFromStats(stats, mu, logSigma).loss },
      start: { mu: start.mu0, logSigma: start.rho0 },
    });
  },
};
