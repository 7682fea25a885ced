// Radix-2 complex FFT (iterative Cooley–Tukey, decimation in time) and FFT-based real convolution.
// J. W. Cooley and J. W. Tukey, "An algorithm for the machine calculation of complex Fourier
// series", Math. Comp. 19 (1965). Conventions of `numpy.fft.fft` / `numpy.fft.ifft`.

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
 * Both inputs are zero-padded to the next power of two ≥ the output length (so the circular
 * convolution equals the linear one), packed into one complex transform (a in the real part, b in
 * the imaginary part), multiplied in the frequency domain and transformed back. Cost
 * O(N log N); absolute error about u·log₂N·Σ|a|·max|b| (u = 2⁻⁵³).
 *
 * @param a - First sequence, finite numbers, non-empty.
 * @param b - Second sequence, finite numbers, non-empty.
 * @returns The convolution, length a.length + b.length − 1.
 * @throws {TypeError} If an input is not an array of numbers.
 * @throws {RangeError} If an input is empty or holds NaN or ±Infinity.
 * @example
 * fftConvolve([1, 2, 3], [0, 1, 0.5]); // => Float64Array [0, 1, 2.5, 4, 1.5] (to rounding)
 */
export function fftConvolve(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const na = checkFiniteData('fftConvolve', a, 'a');
  const nb = checkFiniteData('fftConvolve', b, 'b');
  const m = na + nb - 1;
  let size = 1;
  while (size < m) size *= 2;
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  for (let i = 0; i < na; i++) re[i] = a[i] as number;
  for (let i = 0; i < nb; i++) im[i] = b[i] as number;
  transform(re, im, -1);
  // z = A + iB with A, B the spectra of the real inputs: A_k = (Z_k + conj Z_(N−k))/2,
  // B_k = (Z_k − conj Z_(N−k))/(2i). The product A_k·B_k goes back through one inverse transform.
  const pr = new Float64Array(size);
  const pi = new Float64Array(size);
  for (let k = 0; k < size; k++) {
    const j = (size - k) & (size - 1);
    const zr = re[k] as number;
    const zi = im[k] as number;
    const wr = re[j] as number;
    const wi = -(im[j] as number);
    const ar = (zr + wr) / 2;
    const ai = (zi + wi) / 2;
    // (Z − W)/(2i) = (zi − wi)/2 − i·(zr − wr)/2
    const br = (zi - wi) / 2;
    const bi = -(zr - wr) / 2;
    pr[k] = ar * br - ai * bi;
    pi[k] = ar * bi + ai * br;
  }
  transform(pr, pi, 1);
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) out[i] = (pr[i] as number) / size;
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
