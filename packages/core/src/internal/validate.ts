// Input checks shared by every array and fit function. Each error message starts with the public
// function's name, says what was wrong and what is allowed (see DESIGN.md, "Errors").

/** Throws a TypeError unless `x` is array-like with numeric entries; returns its length. */
export function checkArrayLike(fn: string, name: string, x: unknown): number {
  if (x === null || typeof x !== 'object' || typeof (x as ArrayLike<number>).length !== 'number') {
    throw new TypeError(`${fn}: ${name} must be an array or typed array of numbers, got ${describe(x)}`);
  }
  return (x as ArrayLike<number>).length;
}

/**
 * Checks that `x` is a non-empty array of finite numbers. NaN and ±Infinity are never skipped
 * silently: the error names the first offending index.
 */
export function checkFiniteData(fn: string, x: ArrayLike<number>, name = 'x', minLength = 1): number {
  const n = checkArrayLike(fn, name, x);
  if (n < minLength) {
    throw new RangeError(
      minLength === 1
        ? `${fn}: ${name} is empty; at least one value is required`
        : `${fn}: ${name} has ${n} value${n === 1 ? '' : 's'}; at least ${minLength} are required`,
    );
  }
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (typeof v !== 'number') {
      throw new TypeError(`${fn}: ${name}[${i}] is ${describe(v)}; only numbers are allowed`);
    }
    if (!Number.isFinite(v)) {
      throw new RangeError(`${fn}: ${name}[${i}] is ${v}; only finite numbers are allowed (NaN and ±Infinity are not skipped)`);
    }
  }
  return n;
}

/** Checks a finite number option. */
export function checkFinite(fn: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${fn}: ${name} must be a finite number, got ${describe(value)}`);
  }
  return value;
}

/** Checks a number strictly greater than zero (a scale, a learning rate, a tolerance). */
export function checkPositive(fn: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${fn}: ${name} must be a finite number greater than 0, got ${describe(value)}`);
  }
  return value;
}

/** Checks an integer in [min, max]. */
export function checkInteger(fn: string, name: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`;
    throw new RangeError(`${fn}: ${name} must be ${range}, got ${describe(value)}`);
  }
  return value;
}

/** Checks a string option against its allowed values. */
export function checkOneOf<T extends string>(fn: string, name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new RangeError(`${fn}: ${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${describe(value)}`);
  }
  return value as T;
}

/** A short, safe description of a value for error messages. */
export function describe(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** Checks that two arrays have the same length; returns it. */
export function checkSameLength(fn: string, nameA: string, a: ArrayLike<number>, nameB: string, b: ArrayLike<number>): number {
  if (a.length !== b.length) {
    throw new RangeError(`${fn}: ${nameA} and ${nameB} must have the same length, got ${a.length} and ${b.length}`);
  }
  return a.length;
}

/**
 * Checks a non-empty array of logits (or log-probabilities): numbers, no NaN and no +Infinity;
 * −Infinity (a masked class, probability 0) is allowed. Returns the length.
 */
export function checkLogits(fn: string, x: ArrayLike<number>, name = 'logits'): number {
  const n = checkArrayLike(fn, name, x);
  if (n === 0) throw new RangeError(`${fn}: ${name} is empty; at least one value is required`);
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (typeof v !== 'number') throw new TypeError(`${fn}: ${name}[${i}] is ${describe(v)}; only numbers are allowed`);
    if (Number.isNaN(v) || v === Number.POSITIVE_INFINITY) {
      throw new RangeError(`${fn}: ${name}[${i}] is ${v}; only finite numbers or -Infinity are allowed (NaN is not skipped)`);
    }
  }
  return n;
}

/**
 * Checks a non-empty array of finite numbers in [0, max] (probabilities, weights, counts);
 * returns the length.
 */
export function checkNonNegativeData(fn: string, x: ArrayLike<number>, name: string, max = Number.POSITIVE_INFINITY): number {
  const n = checkFiniteData(fn, x, name);
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    if (v < 0 || v > max) {
      const allowed = max === Number.POSITIVE_INFINITY ? 'non-negative numbers' : `numbers from 0 to ${max}`;
      throw new RangeError(`${fn}: ${name}[${i}] is ${v}; only ${allowed} are allowed`);
    }
  }
  return n;
}

/**
 * `x` itself if it is a Float64Array, else a Float64Array copy of it (callers validate first). Hot
 * loops then only ever see one array type, which keeps V8's element access monomorphic.
 */
export function toFloat64(x: ArrayLike<number>): Float64Array {
  return x instanceof Float64Array ? x : Float64Array.from(x);
}

/** Whether `x` is a typed array whose elements are always numbers (any view but DataView and the BigInt arrays). */
export function isNumberTypedArray(x: unknown): x is ArrayLike<number> {
  return ArrayBuffer.isView(x) && !(x instanceof DataView) && !(x instanceof BigInt64Array) && !(x instanceof BigUint64Array);
}

/**
 * `checkFiniteData` in one fast pass that also returns the extent: a typed array skips the
 * per-element type check (its elements are always numbers), and NaN/±Infinity are detected by the
 * min/max scan itself. Errors are exactly those of `checkFiniteData`.
 */
export function checkFiniteExtent(fn: string, x: ArrayLike<number>, name = 'x', minLength = 1): { n: number; min: number; max: number } {
  if (!isNumberTypedArray(x)) checkFiniteData(fn, x, name, minLength);
  const n = x.length;
  if (n < minLength) checkFiniteData(fn, x, name, minLength);
  const extent = scanExtent(x);
  // Math.min/Math.max propagate NaN, so any NaN or ±Infinity leaves a non-finite extent behind.
  if (n > 0 && !(Number.isFinite(extent.min) && Number.isFinite(extent.max))) checkFiniteData(fn, x, name, minLength);
  return { n, min: extent.min, max: extent.max };
}

/**
 * The min/max loop on its own (two interleaved lanes, branch-free Math.min/Math.max), so V8's
 * on-stack replacement of the loop leaves no untried code after it in the caller.
 */
function scanExtent(x: ArrayLike<number>): { min: number; max: number } {
  const n = x.length;
  let min0 = Number.POSITIVE_INFINITY;
  let max0 = Number.NEGATIVE_INFINITY;
  let min1 = Number.POSITIVE_INFINITY;
  let max1 = Number.NEGATIVE_INFINITY;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const v = x[i] as number;
    const w = x[i + 1] as number;
    min0 = Math.min(min0, v);
    max0 = Math.max(max0, v);
    min1 = Math.min(min1, w);
    max1 = Math.max(max1, w);
  }
  if (i < n) {
    const v = x[i] as number;
    min0 = Math.min(min0, v);
    max0 = Math.max(max0, v);
  }
  return { min: Math.min(min0, min1), max: Math.max(max0, max1) };
}

/** Checks a finite number ≥ 0 (a tolerance that may be 0, an epsilon). */
export function checkNonNegative(fn: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${fn}: ${name} must be a finite number ≥ 0, got ${describe(value)}`);
  }
  return value;
}

/**
 * Checks an options argument: undefined (omitted) gives {}, a plain object is returned as it is,
 * and anything else — null, a number, a string, an array — is a TypeError naming the function,
 * instead of a "Cannot read properties of null" from deep inside it.
 */
export function checkOptions<T extends object>(fn: string, options: T | undefined, name = 'options'): T {
  if (options === undefined) return {} as T;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`${fn}: ${name} must be an object (or omitted), got ${describe(options)}`);
  }
  return options;
}

/** `checkOptions` for a required options argument: undefined is a TypeError too. */
export function checkRequiredOptions<T extends object>(fn: string, options: T | undefined, name = 'options'): T {
  if (options === undefined) throw new TypeError(`${fn}: ${name} must be an object, got undefined`);
  return checkOptions(fn, options, name);
}
