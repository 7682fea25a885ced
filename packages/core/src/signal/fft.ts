// Radix-2 complex FFT (iterative Cooley–Tukey, decimation in time) and FFT-based real convolution.
// J. W. Cooley and J. W. Tukey, "An algorithm for the machine calculation of complex Fourier
// series", Math. Comp. 19 (1965). Conventions of `numpy.fft.fft` / `numpy.fft.ifft`.

import { ldexp, scaleExponent } from '../internal/scale.ts';
import { checkArrayLike, checkFiniteData, describe } from '../internal/validate.ts';

/**
 * The discrete Fourier transform of a complex sequence, in place, as `numpy.fft.fft`:
 * X_k = Σⱼ x_j·e^(−2πi·jk/N) for k = 0 … N − 1.
 *
 * The length N must be a power of two (including 1). Twiddle factors are computed directly with
 * `Math.cos`/`Math.sin` for each index (no recurrence), so the error stays O(u·log N)·‖x‖.
 *
 * @param re - Real parts, overwritten with the real parts of X.
 * @param im - Imaginary parts (same length), overwritten with the imaginary parts of X.
 * @throws {TypeError} If `re` or `im` is not a Float64Array.
 * @throws {RangeError} If the lengths differ or are not a power of two.
 * @example
 * const re = Float64Array.of(1, 2, 3, 4);
 * const im = new Float64Array(4);
 * fft(re, im); // re => [10, -2, -2, -2], im => [0, 2, 0, -2]
 */
export function fft(re: Float64Array, im: Float64Array): void {
  checkComplex('fft', re, im);
  transform(re, im, -1);
}

/**
 * The inverse discrete Fourier transform, in place, as `numpy.fft.ifft`:
 * x_j = (1/N)·Σ_k X_k·e^(+2πi·jk/N). `ifft(fft(x))` returns x up to rounding.
 *
 * @param re - Real parts, overwritten.
 * @param im - Imaginary parts, overwritten.
 * @throws {TypeError} If `re` or `im` is not a Float64Array.
 * @throws {RangeError} If the lengths differ or are not a power of two.
 * @example
 * const re = Float64Array.of(10, -2, -2, -2);
 * const im = Float64Array.of(0, 2, 0, -2);
 * ifft(re, im); // re => [1, 2, 3, 4], im => [0, 0, 0, 0]
 */
export function ifft(re: Float64Array, im: Float64Array): void {
  checkComplex('ifft', re, im);
  transform(re, im, 1);
  const n = re.length;
  for (let i = 0; i < n; i++) {
    re[i] = (re[i] as number) / n;
    im[i] = (im[i] as number) / n;
  }
}

/**
 * The full linear convolution of two real sequences through the FFT, as
 * `numpy.convolve(a, b, mode='full')`: c_k = Σⱼ a_j·b_(k−j), length a.length + b.length − 1.
 *
 * Each input is first scaled by a power of two to a largest |value| in [1/2, 1) (exact), then
 * zero-padded to the next power of two N ≥ the output length (so the circular convolution equals
 * the linear one) and transformed on its own; the spectra are multiplied, transformed back, and the
 * result is scaled back by the two powers of two. Transforming each input separately keeps a small
 * input from drowning in the rounding of a large one (packing both into one complex transform
 * would give errors relative to the larger), and the scaling keeps inputs near the ends of the
 * double range (1e±300, subnormals) from over- or underflowing inside the transforms. Cost
 * O(N log N), three transforms.
 *
 * Error bound (normwise, as for any FFT convolution; Higham, "Accuracy and Stability of Numerical
 * Algorithms", §24.1, with accurately computed twiddles): for every k,
 * |ĉ_k − c_k| ≤ 8·u·log₂(2N)·(‖a‖₁·‖b‖₂ + ‖a‖₂·‖b‖₁), u = 2⁻⁵³ — unless the result itself over-
 * or underflows. Typical errors are far smaller (about u·‖a‖₂·‖b‖₂). Entries much smaller than
 * that bound (a tail next to a peak) have no correct digits: use `convolve` (direct summation,
 * error relative to Σⱼ|a_j·b_(k−j)|) when such entries matter.
 *
 * @param a - First sequence, finite numbers, non-empty.
 * @param b - Second sequence, finite numbers, non-empty.
 * @returns The convolution, length a.length + b.length − 1.
 * @throws {TypeError} If an input is not an array of numbers.
 * @throws {RangeError} If an input is empty or holds NaN or ±Infinity.
 * @example
 * fftConvolve([1, 2, 3], [0, 1, 0.5]); // => Float64Array [0, 1, 2.5, 4, 1.5] (to rounding)
 * fftConvolve([1, 2, 3], [1e-20]); // => Float64Array [1e-20, 2e-20, 3e-20] (to rounding)
 */
export function fftConvolve(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const na = checkFiniteData('fftConvolve', a, 'a');
  const nb = checkFiniteData('fftConvolve', b, 'b');
  const m = na + nb - 1;
  let size = 1;
  while (size < m) size *= 2;
  const ea = scaleExponent(a);
  const eb = scaleExponent(b);
  const ar = new Float64Array(size);
  const ai = new Float64Array(size);
  const br = new Float64Array(size);
  const bi = new Float64Array(size);
  for (let i = 0; i < na; i++) ar[i] = ldexp(a[i] as number, -ea);
  for (let i = 0; i < nb; i++) br[i] = ldexp(b[i] as number, -eb);
  transform(ar, ai, -1);
  transform(br, bi, -1);
  for (let k = 0; k < size; k++) {
    const xr = ar[k] as number;
    const xi = ai[k] as number;
    const yr = br[k] as number;
    const yi = bi[k] as number;
    ar[k] = xr * yr - xi * yi;
    ai[k] = xr * yi + xi * yr;
  }
  transform(ar, ai, 1);
  const out = new Float64Array(m);
  // The 1/N of the inverse transform is a power of two too: one exact rescaling, rounded once.
  const e = ea + eb - Math.log2(size);
  for (let i = 0; i < m; i++) out[i] = ldexp(ar[i] as number, e);
  return out;
}

function checkComplex(fn: string, re: unknown, im: unknown): void {
  if (!(re instanceof Float64Array)) throw new TypeError(`${fn}: re must be a Float64Array (transformed in place), got ${describe(re)}`);
  if (!(im instanceof Float64Array)) throw new TypeError(`${fn}: im must be a Float64Array (transformed in place), got ${describe(im)}`);
  checkArrayLike(fn, 're', re);
  const n = re.length;
  if (im.length !== n) throw new RangeError(`${fn}: re and im must have the same length, got ${n} and ${im.length}`);
  if (n === 0 || (n & (n - 1)) !== 0 || n > 2 ** 30) {
    throw new RangeError(`${fn}: the length must be a power of two from 1 to 2**30, got ${n}`);
  }
}

/**
 * Unnormalised in-place radix-2 transform with e^(sign·2πi·jk/N); callers have checked the lengths.
 * Bit-reversal permutation, then log₂N butterfly passes.
 */
function transform(re: Float64Array, im: Float64Array, sign: -1 | 1): void {
  const n = re.length;
  if (n <= 1) return;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const tr = re[i] as number;
      re[i] = re[j] as number;
      re[j] = tr;
      const ti = im[i] as number;
      im[i] = im[j] as number;
      im[j] = ti;
    }
  }
  // Twiddles for the largest stage; stage of length len uses every (n/len)-th one.
  const half = n >> 1;
  const quarter = n >> 2;
  const cos = new Float64Array(half);
  const sin = new Float64Array(half);
  for (let k = 0; k < half; k++) {
    // Reduce 2πk/n to the first octant so that cos and sin of π/4, π/2, … come out exact or
    // symmetric, as in pocketfft's twiddle tables.
    const secondQuadrant = k > quarter;
    const m = secondQuadrant ? k - quarter : k;
    let c = 0;
    let s = 0;
    if (8 * m <= n) {
      const angle = (2 * Math.PI * m) / n;
      c = Math.cos(angle);
      s = Math.sin(angle);
    } else {
      const angle = (2 * Math.PI * (quarter - m)) / n;
      c = Math.sin(angle);
      s = Math.cos(angle);
    }
    cos[k] = secondQuadrant ? -s : c;
    sin[k] = sign * (secondQuadrant ? c : s);
  }
  for (let len = 2; len <= n; len <<= 1) {
    const h = len >> 1;
    const stride = n / len;
    for (let start = 0; start < n; start += len) {
      for (let k = 0; k < h; k++) {
        const wr = cos[k * stride] as number;
        const wi = sin[k * stride] as number;
        const p = start + k;
        const q = p + h;
        const xr = re[q] as number;
        const xi = im[q] as number;
        const tr = wr * xr - wi * xi;
        const ti = wr * xi + wi * xr;
        const ur = re[p] as number;
        const ui = im[p] as number;
        re[p] = ur + tr;
        im[p] = ui + ti;
        re[q] = ur - tr;
        im[q] = ui - ti;
      }
    }
  }
}
