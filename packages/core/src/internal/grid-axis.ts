import { fillLinspace } from '../array/linspace.ts';
import { checkFinite, checkInteger } from './validate.ts';

/** An evenly spaced axis of `n` points from `min` to `max` inclusive (numpy `linspace(min, max, n)`). */
export interface GridAxis {
  /** First point. */
  min: number;
  /** Last point (inclusive); may equal `min` only when n = 1. */
  max: number;
  /** Number of points, an integer ≥ 1. */
  n: number;
}

/**
 * The points of a grid axis, bit-for-bit `numpy.linspace(min, max, n)`: min + i·step with
 * step = (max − min)/(n − 1), and the last point set to `max` exactly.
 */
export function gridAxisPoints(fn: string, name: string, axis: GridAxis): Float64Array {
  if (axis === null || typeof axis !== 'object') {
    throw new TypeError(`${fn}: ${name} must be an object { min, max, n }`);
  }
  const min = checkFinite(fn, `${name}.min`, axis.min);
  const max = checkFinite(fn, `${name}.max`, axis.max);
  const n = checkInteger(fn, `${name}.n`, axis.n, 1, 1e8);
  if (n > 1 && !(max > min)) {
    throw new RangeError(`${fn}: ${name}.max (${max}) must be greater than ${name}.min (${min}) when ${name}.n > 1`);
  }
  if (n === 1) return Float64Array.of(min);
  // The public linspace's kernel: max > min here, so its step never underflows to 0 unless the
  // span is subnormal, where numpy (and the kernel) take the (i/div)·span path.
  return fillLinspace(new Float64Array(n), min, max, true);
}
