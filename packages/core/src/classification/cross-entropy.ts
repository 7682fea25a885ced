// Losses for one sample with torch semantics (F.cross_entropy, F.nll_loss, F.binary_cross_entropy,
// F.binary_cross_entropy_with_logits) and scipy.stats.entropy's entropy and relative entropy.

import { checkArrayLike, checkFinite, checkInteger, checkLogits, checkNonNegativeData, checkOptions, checkSameLength, describe } from '../internal/validate.ts';
import { ldexp } from '../internal/scale.ts';
import { scaledSum } from '../stats/sum.ts';
import { logSoftmax } from './softmax.ts';

/** Options of {@link crossEntropy}. */
export interface CrossEntropyOptions {
  /** ε in [0, 1]: the target becomes (1 − ε)·target + ε/C, as torch's `label_smoothing`. Default 0. */
  labelSmoothing?: number;
}

/** Options of {@link entropy} and {@link klDivergence}. */
export interface EntropyOptions {
  /** Logarithm base (e.g. 2 for bits). Default e (nats), as scipy. */
  base?: number;
}

function checkClassIndex(fn: string, target: number, classes: number): number {
  return checkInteger(fn, `target (a class index for ${classes} classes)`, target, 0, classes - 1);
}

function logBaseDivisor(fn: string, options: EntropyOptions | undefined): number {
  const base0 = checkOptions(fn, options).base;
  if (base0 === undefined) return 1;
  const base = checkFinite(fn, 'base', base0);
  if (base <= 0 || base === 1) throw new RangeError(`${fn}: base must be a positive number other than 1, got ${describe(base)}`);
  return Math.log(base);
}

function total(x: ArrayLike<number>, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i] as number;
  return s;
}

/**
 * Normalisation by Σx for non-negative weights, also when Σx overflows: x̂ = x·2^(−exponent)/divisor
 * (exact scaling, one division), and ln Σx for weights whose x̂ underflows.
 */
interface Normaliser {
  divisor: number;
  exponent: number;
  logTotal: number;
}

function normaliser(x: ArrayLike<number>, s: number): Normaliser {
  if (Number.isFinite(s)) return { divisor: s, exponent: 0, logTotal: Math.log(s) };
  const { scaled, exponent } = scaledSum(x);
  return { divisor: scaled, exponent, logTotal: Math.log(scaled) + exponent * Math.LN2 };
}

/** x̂ = x/Σx. */
function normalised(raw: number, z: Normaliser): number {
  return (z.exponent === 0 ? raw : ldexp(raw, -z.exponent)) / z.divisor;
}

/** ln x̂, from x̂ itself when it is a normal number, else from ln x − ln Σx (x̂ underflowed). */
function logNormalised(raw: number, hat: number, z: Normaliser): number {
  return hat >= MIN_NORMAL ? Math.log(hat) : Math.log(raw) - z.logTotal;
}

/** Below this a normalised weight has lost digits to underflow (subnormal): use logarithms. */
const MIN_NORMAL = 2 ** -1022;

/**
 * The cross-entropy of one sample's logits against a class index or a probability vector, as torch.
 *
 * Formula: with log p = logSoftmax(z) and C classes, a class index t gives
 * (1 − ε)·(−log p_t) + (ε/C)·Σ_c (−log p_c); a probability target q gives −Σ_c q̃_c·log p_c with
 * q̃ = (1 − ε)·q + ε/C. Terms whose target weight is 0 count as 0 even where log p_c = −∞ (torch
 * would give NaN there). A probability target is used as given, not renormalised — as torch.
 * Ports `torch.nn.functional.cross_entropy(z[None], t[None])` for one sample.
 *
 * @param logits - The C logits z (−Infinity allowed for a masked class).
 * @param target - A class index in [0, C) or C target probabilities in [0, 1].
 * @param options - `labelSmoothing` ε in [0, 1], default 0.
 * @returns The loss in nats (≥ 0 for a probability target that sums to 1).
 * @throws {RangeError} If the logits are invalid, the index is out of range, the target has another length or an entry outside [0, 1], or ε is outside [0, 1].
 * @throws {TypeError} If an input is not a number or an array of numbers.
 * @example
 * crossEntropy([3, 1, 0.2], 0); // => 0.1791041747850027
 */
export function crossEntropy(logits: ArrayLike<number>, target: number | ArrayLike<number>, options: CrossEntropyOptions = {}): number {
  const fn = 'crossEntropy';
  const c = checkLogits(fn, logits);
  const eps = checkFinite(fn, 'labelSmoothing', checkOptions(fn, options).labelSmoothing ?? 0);
  if (eps < 0 || eps > 1) throw new RangeError(`${fn}: labelSmoothing must be from 0 to 1, got ${eps}`);
  let logp: Float64Array;
  if (typeof target === 'number') {
    const t = checkClassIndex(fn, target, c);
    logp = logSoftmax(logits);
    // 0 − log p rather than −log p, so that a certain class costs +0, not −0.
    const nll = eps < 1 ? (0 - (logp[t] as number)) * (1 - eps) : 0;
    if (eps === 0) return nll;
    let smooth = 0;
    for (let k = 0; k < c; k++) smooth -= logp[k] as number;
    return nll + (eps / c) * smooth;
  }
  checkArrayLike(fn, 'target', target);
  checkSameLength(fn, 'logits', logits, 'target', target);
  checkNonNegativeData(fn, target, 'target', 1);
  logp = logSoftmax(logits);
  let loss = 0;
  for (let k = 0; k < c; k++) {
    const q = smoothed(target[k] as number, eps, c);
    if (q !== 0) loss -= q * (logp[k] as number);
  }
  return loss;
}

/** torch's label smoothing of one target probability: (1 − ε)·q + ε/C, in torch's order of operations. */
function smoothed(q: number, eps: number, classes: number): number {
  return q * (1 - eps) + eps / classes;
}

/**
 * The target distribution torch's cross-entropy uses with label smoothing: the class index (as a
 * one-hot vector) or the probability vector, mixed with the uniform distribution over the C classes.
 *
 * Formula: q̃_c = (1 − ε)·q_c + ε/C, where q is the one-hot vector of a class index or the given
 * probabilities; {@link crossEntropy} with `labelSmoothing: ε` equals −Σ_c q̃_c·log p_c (the same
 * mixing it applies inside), so `entropy(q̃)` and `klDivergence(q̃, p)` split it as H + KL. Ports the
 * target mixing of `torch.nn.functional.cross_entropy(..., label_smoothing=ε)`.
 *
 * @param target - A class index in [0, C), or C probabilities in [0, 1] (used as given, not renormalised).
 * @param classes - The number of classes C, an integer ≥ 1 (the length of a probability target).
 * @param smoothing - ε in [0, 1]. Default 0 (the target itself, as a vector).
 * @returns q̃ as a Float64Array of length C.
 * @throws {RangeError} If C is not an integer ≥ 1, the index is out of range, the vector's length is
 *   not C or an entry is outside [0, 1], or ε is outside [0, 1].
 * @throws {TypeError} If `target` is neither a number nor an array of numbers.
 * @example
 * labelSmoothingTarget(0, 3, 0.1); // => Float64Array [0.9333333333333333, 0.03333333333333333, 0.03333333333333333]
 */
export function labelSmoothingTarget(target: number | ArrayLike<number>, classes: number, smoothing = 0): Float64Array {
  const fn = 'labelSmoothingTarget';
  const c = checkInteger(fn, 'classes', classes, 1);
  const eps = checkFinite(fn, 'smoothing', smoothing);
  if (eps < 0 || eps > 1) throw new RangeError(`${fn}: smoothing must be from 0 to 1, got ${eps}`);
  const out = new Float64Array(c);
  if (typeof target === 'number') {
    const t = checkClassIndex(fn, target, c);
    for (let k = 0; k < c; k++) out[k] = smoothed(k === t ? 1 : 0, eps, c);
    return out;
  }
  const n = checkArrayLike(fn, 'target', target);
  if (n !== c) throw new RangeError(`${fn}: target has ${n} probabilities; ${c} (one per class) are required`);
  checkNonNegativeData(fn, target, 'target', 1);
  for (let k = 0; k < c; k++) out[k] = smoothed(target[k] as number, eps, c);
  return out;
}

/**
 * The negative log-likelihood loss of one sample: minus the log-probability of its class.
 *
 * Formula: −logProbs[t]. Combined with {@link logSoftmax} it is exactly {@link crossEntropy}.
 * Ports `torch.nn.functional.nll_loss(logp[None], t[None])` for one sample.
 *
 * @param logProbs - Log-probabilities of the C classes (−Infinity allowed).
 * @param target - The class index, an integer in [0, C).
 * @returns −logProbs[target].
 * @throws {RangeError} If `logProbs` is empty or holds NaN/+Infinity, or `target` is out of range.
 * @throws {TypeError} If `logProbs` is not an array of numbers.
 * @example
 * nllLoss([-0.17910417478500276, -2.1791041747850026, -2.9791041747850024], 0); // => 0.17910417478500276
 */
export function nllLoss(logProbs: ArrayLike<number>, target: number): number {
  const fn = 'nllLoss';
  const c = checkLogits(fn, logProbs, 'logProbs');
  return 0 - (logProbs[checkClassIndex(fn, target, c)] as number);
}

function asArray(fn: string, name: string, v: number | ArrayLike<number>): ArrayLike<number> {
  if (typeof v === 'number') return [v];
  checkArrayLike(fn, name, v);
  return v;
}

/**
 * The binary cross-entropy of predicted probabilities against targets, with torch's log clamp.
 *
 * Formula: −[y·max(log p, −100) + (1 − y)·max(log(1 − p), −100)], averaged over the entries when
 * arrays are given (torch's default `reduction='mean'`). The clamp keeps p = 0 or 1 finite (≤ 100).
 * Ports `torch.nn.functional.binary_cross_entropy`.
 *
 * @param p - A probability in [0, 1], or an array of them.
 * @param y - The target(s) in [0, 1] (soft targets allowed), same shape as `p`.
 * @returns The (mean) loss in nats.
 * @throws {RangeError} If a value is outside [0, 1] or not finite, an array is empty, or the lengths differ.
 * @throws {TypeError} If an input is not a number or an array of numbers.
 * @example
 * binaryCrossEntropy(0.8, 1); // => 0.2231435513142097
 */
export function binaryCrossEntropy(p: number | ArrayLike<number>, y: number | ArrayLike<number>): number {
  const fn = 'binaryCrossEntropy';
  const ps = asArray(fn, 'p', p);
  const ys = asArray(fn, 'y', y);
  const n = checkNonNegativeData(fn, ps, 'p', 1);
  checkNonNegativeData(fn, ys, 'y', 1);
  checkSameLength(fn, 'p', ps, 'y', ys);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const pi = ps[i] as number;
    const yi = ys[i] as number;
    const logP = Math.max(Math.log(pi), -100);
    const logQ = Math.max(Math.log1p(-pi), -100);
    loss -= yi * logP + (1 - yi) * logQ;
  }
  return loss / n;
}

/**
 * The binary cross-entropy of logits (before the sigmoid) against targets, without overflow.
 *
 * Formula: max(z, 0) − z·y + log1p(exp(−|z|)), i.e. −[y·log σ(z) + (1 − y)·log(1 − σ(z))],
 * averaged over the entries when arrays are given.
 * Ports `torch.nn.functional.binary_cross_entropy_with_logits`.
 *
 * @param z - A finite logit or an array of them.
 * @param y - The target(s) in [0, 1], same shape as `z`.
 * @returns The (mean) loss in nats.
 * @throws {RangeError} If a logit is not finite, a target is outside [0, 1], an array is empty, or the lengths differ.
 * @throws {TypeError} If an input is not a number or an array of numbers.
 * @example
 * binaryCrossEntropyWithLogits(0, 1); // => 0.6931471805599453
 */
export function binaryCrossEntropyWithLogits(z: number | ArrayLike<number>, y: number | ArrayLike<number>): number {
  const fn = 'binaryCrossEntropyWithLogits';
  const zs = asArray(fn, 'z', z);
  const ys = asArray(fn, 'y', y);
  checkNonNegativeData(fn, ys, 'y', 1);
  checkSameLength(fn, 'z', zs, 'y', ys);
  const n = ys.length;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const zi = checkFinite(fn, `z[${i}]`, zs[i]);
    loss += Math.max(zi, 0) - zi * (ys[i] as number) + Math.log1p(Math.exp(-Math.abs(zi)));
  }
  return loss / n;
}

/**
 * The Shannon entropy of a discrete distribution, normalising the input first.
 *
 * Formula: H(p) = −Σ p_i·log p_i with p ← p / Σp and 0·log 0 = 0.
 * Ports `scipy.stats.entropy(pk)` (and `base`).
 *
 * @param p - Non-negative weights, not all zero.
 * @param options - `base` of the logarithm, default e.
 * @returns H(p) ≥ 0 (nats unless `base` is given).
 * @throws {RangeError} If `p` is empty, holds a negative or non-finite value, sums to 0, or `base` is invalid.
 * @throws {TypeError} If `p` is not an array of numbers.
 * @example
 * entropy([1, 1]); // => 0.6931471805599453
 */
export function entropy(p: ArrayLike<number>, options: EntropyOptions = {}): number {
  const fn = 'entropy';
  const n = checkNonNegativeData(fn, p, 'p');
  const divisor = logBaseDivisor(fn, options);
  const s = total(p, n);
  if (s === 0) throw new RangeError(`${fn}: p sums to 0; at least one weight must be positive`);
  const z = normaliser(p, s);
  let h = 0;
  for (let i = 0; i < n; i++) {
    const raw = p[i] as number;
    if (raw === 0) continue;
    const pi = normalised(raw, z);
    // A weight that underflows on normalisation keeps its digits in logarithms.
    h -= pi * logNormalised(raw, pi, z);
  }
  return h / divisor;
}

/**
 * The Kullback–Leibler divergence (relative entropy) of p from q, normalising both first.
 *
 * Formula: D(p‖q) = Σ p_i·log(p_i / q_i) with p ← p/Σp, q ← q/Σq; terms with p_i = 0 are 0 and a
 * term with p_i > 0, q_i = 0 makes the result +Infinity. Cross-entropy = H(p) + D(p‖q). Where
 * p_i/q_i or a normalised weight would over- or underflow (weights from 1e-320 to 1e308), the
 * term is formed from logarithms, log p̂_i − log q̂_i, so the result is +Infinity only when some
 * q_i is exactly 0: D([1, 1e-320] ‖ [1e-320, 1]) = 736.82724…, as scipy.
 * Ports `scipy.stats.entropy(pk, qk)` (elementwise `scipy.special.rel_entr`).
 *
 * @param p - Non-negative weights of the reference distribution, not all zero.
 * @param q - Non-negative weights of the approximating distribution, same length, not all zero.
 * @param options - `base` of the logarithm, default e.
 * @returns D(p‖q) ≥ 0, possibly +Infinity.
 * @throws {RangeError} If an input is empty, holds a negative or non-finite value, sums to 0, the lengths differ, or `base` is invalid.
 * @throws {TypeError} If an input is not an array of numbers.
 * @example
 * klDivergence([0.5, 0.5], [0.9, 0.1]); // => 0.5108256237659907
 * klDivergence([1, 1e-320], [1e-320, 1]); // => 736.8272408909739
 */
export function klDivergence(p: ArrayLike<number>, q: ArrayLike<number>, options: EntropyOptions = {}): number {
  const fn = 'klDivergence';
  const n = checkNonNegativeData(fn, p, 'p');
  checkNonNegativeData(fn, q, 'q');
  checkSameLength(fn, 'p', p, 'q', q);
  const divisor = logBaseDivisor(fn, options);
  const sp = total(p, n);
  const sq = total(q, n);
  if (sp === 0) throw new RangeError(`${fn}: p sums to 0; at least one weight must be positive`);
  if (sq === 0) throw new RangeError(`${fn}: q sums to 0; at least one weight must be positive`);
  const zp = normaliser(p, sp);
  const zq = normaliser(q, sq);
  let d = 0;
  for (let i = 0; i < n; i++) {
    const rawP = p[i] as number;
    if (rawP === 0) continue;
    const rawQ = q[i] as number;
    if (rawQ === 0) return Number.POSITIVE_INFINITY;
    const pi = normalised(rawP, zp);
    const qi = normalised(rawQ, zq);
    const ratio = pi / qi;
    if (pi >= MIN_NORMAL && qi >= MIN_NORMAL && ratio >= MIN_NORMAL && ratio < Number.POSITIVE_INFINITY) {
      d += pi * Math.log(ratio);
    } else {
      // p̂/q̂ (or a normalised weight) over- or underflows: use ln p̂ − ln q̂.
      d += pi * (logNormalised(rawP, pi, zp) - logNormalised(rawQ, qi, zq));
    }
  }
  return d / divisor;
}
