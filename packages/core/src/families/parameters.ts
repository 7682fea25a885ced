import { describe } from '../internal/validate.ts';
import type { FamilyParameter, FamilyParams, Support } from './family.ts';

// Shared plumbing of the family modules: reading a parameter from its record, the support of an
// invalid parameter set, and the checks `sample` makes before it draws.

/** The support returned for parameters outside their domain. */
export const NAN_SUPPORT: Support = Object.freeze({ lower: Number.NaN, upper: Number.NaN });

/**
 * A parameter value as a number, or NaN when it is missing or not a number (so every check fails).
 * Callers read the property themselves (`num(params.rate)`): a property read at each family's own
 * call site stays monomorphic, where one shared `params[name]` lookup would see every family's shape.
 */
export function num(value: number | undefined): number {
  return typeof value === 'number' ? value : Number.NaN;
}

/** A parameter's entry in a family's `parameters` list, with what it allows in words for errors. */
export interface ParameterSpec extends FamilyParameter {
  /** What the parameter allows, for error messages ("a finite number > 0"). */
  readonly allowed: string;
  /** Whether a value is allowed (on its own; cross-parameter rules go in `checkSampleArguments`). */
  readonly accepts: (value: number) => boolean;
}

/** A finite number. */
export function realParameter(name: string, description: string): ParameterSpec {
  return { name, domain: 'real', description, allowed: 'a finite number', accepts: Number.isFinite };
}

/** A finite number > 0. */
export function positiveParameter(name: string, description: string): ParameterSpec {
  return { name, domain: 'positive', description, allowed: 'a finite number > 0', accepts: (v) => v > 0 && v < Number.POSITIVE_INFINITY };
}

/** A probability in [0, 1], or in (0, 1] when `zeroAllowed` is false. */
export function probabilityParameter(name: string, description: string, zeroAllowed: boolean): ParameterSpec {
  return zeroAllowed
    ? { name, domain: 'probability', description, allowed: 'a probability from 0 to 1', accepts: (v) => v >= 0 && v <= 1 }
    : { name, domain: 'probability', description, allowed: 'a probability in (0, 1]', accepts: (v) => v > 0 && v <= 1 };
}

/** A non-negative integer, never estimated (binomial's size). */
export function countParameter(name: string, description: string): ParameterSpec {
  return {
    name,
    domain: 'count',
    fixedOnly: true,
    description,
    allowed: 'an integer ≥ 0',
    accepts: (v) => Number.isInteger(v) && v >= 0 && v <= Number.MAX_SAFE_INTEGER,
  };
}

/**
 * Throws unless every parameter is allowed and `size` is a non-negative integer: a TypeError for a
 * missing or non-number value, a RangeError naming the function, the parameter, its value and what
 * is allowed otherwise. `rule` is an optional cross-parameter check returning an error text.
 */
export function checkSampleArguments(
  fn: string,
  specs: readonly ParameterSpec[],
  params: FamilyParams,
  size: number,
  rule?: (params: FamilyParams) => string | undefined,
): void {
  if (params === null || typeof params !== 'object') {
    throw new TypeError(`${fn}: params must be an object with ${specs.map((s) => s.name).join(', ')}, got ${describe(params)}`);
  }
  for (const spec of specs) {
    const v: unknown = params[spec.name];
    if (typeof v !== 'number') {
      throw new TypeError(`${fn}: parameter ${spec.name} must be ${spec.allowed}, got ${describe(v)}`);
    }
    if (!spec.accepts(v)) throw new RangeError(`${fn}: parameter ${spec.name} must be ${spec.allowed}, got ${describe(v)}`);
  }
  const message = rule?.(params);
  if (message !== undefined) throw new RangeError(`${fn}: ${message}`);
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) {
    throw new RangeError(`${fn}: size must be an integer ≥ 0, got ${describe(size)}`);
  }
}
