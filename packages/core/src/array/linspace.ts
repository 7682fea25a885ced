import { checkFinite, checkInteger, describe } from '../internal/validate.ts';

/** Options of {@link linspace}. */
export interface LinspaceOptions {
  /** Whether `stop` is the last point (true) or lies one step past it (false). Default true, as numpy. */
  endpoint?: boolean;
}

/**
 * Writes numpy's linspace points into `out` (its length is the number of points): start + i·step
 * with step = (stop − start)/div, div = num − 1 with the endpoint and num without; when the step
 * underflows to 0 but the span does not, (i/div)·(stop − start) + start as numpy does; with the
 * endpoint the last point is `stop` exactly. No checks: callers validate.
 */
export function fillLinspace(out: Float64Array, start: number, stop: number, endpoint: boolean): Float64Array {
  const num = out.length;
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  // Everything but the loop comes first, and each loop is a function of its own with nothing after
  // it: V8 compiles a long loop on the stack (OSR) before the code after it has run, and such code
  // deoptimised at that code in every call (the 1e5-point grid of every family benchmark took
  // 0.1 ms, or 4 ms when the deoptimisation repeated).
  let count = num;
  if (endpoint && num > 1) {
    out[num - 1] = stop;
    count = num - 1;
  }
  // num = 1 with the endpoint (div = 0): numpy's step is undefined and the one point is `start`.
  const step = div > 0 ? delta / div : delta;
  if (step === 0 && delta !== 0) fillScaled(out, count, div, delta, start);
  else fillStepped(out, count, step, start);
  return out;
}

/** out[i] = i·step + start for i < count. */
function fillStepped(out: Float64Array, count: number, step: number, start: number): void {
  for (let i = 0; i < count; i++) out[i] = i * step + start;
}

/** out[i] = (i/div)·delta + start for i < count: numpy's form when the step underflows to 0. */
function fillScaled(out: Float64Array, count: number, div: number, delta: number, start: number): void {
  for (let i = 0; i < count; i++) out[i] = (i / div) * delta + start;
}

/**
 * `num` evenly spaced numbers from `start` to `stop`, bit-for-bit as `numpy.linspace`.
 *
 * Formula: xᵢ = start + i·(stop − start)/(num − 1) for i = 0 … num − 1, the last one set to `stop`
 * exactly; with `endpoint: false`, xᵢ = start + i·(stop − start)/num (stop itself excluded). A
 * decreasing range (stop < start) and start = stop are allowed, as in numpy. Ports `numpy.linspace`
 * (numpy/_core/function_base.py), including its order of operations.
 *
 * @param start - The first point, finite.
 * @param stop - The last point (or, with `endpoint: false`, one step past the last), finite.
 * @param num - How many points, an integer from 0 to 10⁸.
 * @param options - `endpoint` (default true).
 * @returns A Float64Array of `num` points.
 * @throws {RangeError} If `start` or `stop` is not finite, or `num` is not an integer in [0, 10⁸].
 * @throws {TypeError} If `options` is not an object or `endpoint` not a boolean.
 * @example
 * linspace(0, 1, 5); // => Float64Array [0, 0.25, 0.5, 0.75, 1]
 * linspace(0, 1, 4, { endpoint: false }); // => Float64Array [0, 0.25, 0.5, 0.75]
 */
export function linspace(start: number, stop: number, num: number, options: LinspaceOptions = {}): Float64Array {
  const fn = 'linspace';
  checkFinite(fn, 'start', start);
  checkFinite(fn, 'stop', stop);
  checkInteger(fn, 'num', num, 0, 1e8);
  if (options === null || typeof options !== 'object') throw new TypeError(`${fn}: options must be an object { endpoint? }, got ${describe(options)}`);
  const endpoint = options.endpoint ?? true;
  if (typeof endpoint !== 'boolean') throw new TypeError(`${fn}: endpoint must be true or false, got ${describe(endpoint)}`);
  return fillLinspace(new Float64Array(num), start, stop, endpoint);
}
