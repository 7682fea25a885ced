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
