import { describe } from '../internal/validate.ts';
import { bernoulliFamily } from './bernoulli.ts';
import { betaFamily } from './beta.ts';
import { binomialFamily } from './binomial.ts';
import { cauchyFamily } from './cauchy.ts';
import { exponentialFamily } from './exponential.ts';
import type { Family, FamilyName } from './family.ts';
import { gammaFamily } from './gamma.ts';
import { geometricFamily } from './geometric.ts';
import { laplaceFamily } from './laplace.ts';
import { logisticFamily } from './logistic.ts';
import { lognormalFamily } from './lognormal.ts';
import { negativeBinomialFamily } from './negative-binomial.ts';
import { normalFamily } from './normal.ts';
import { poissonFamily } from './poisson.ts';
import { uniformFamily } from './uniform.ts';
import { weibullFamily } from './weibull.ts';

// The fifteen families by name (DESIGN.md, "Families (core)").

const FAMILIES: Readonly<Record<FamilyName, Family>> = {
  normal: normalFamily,
  lognormal: lognormalFamily,
  exponential: exponentialFamily,
  gamma: gammaFamily,
  weibull: weibullFamily,
  beta: betaFamily,
  logistic: logisticFamily,
  laplace: laplaceFamily,
  cauchy: cauchyFamily,
  uniform: uniformFamily,
  poisson: poissonFamily,
  geometric: geometricFamily,
  negativeBinomial: negativeBinomialFamily,
  binomial: binomialFamily,
  bernoulli: bernoulliFamily,
};

/**
 * The fifteen family names in R's spelling, continuous families first.
 *
 * @example
 * FAMILY_NAMES.length; // => 15
 * FAMILY_NAMES[3]; // => 'gamma'
 */
export const FAMILY_NAMES: readonly FamilyName[] = Object.freeze(Object.keys(FAMILIES) as FamilyName[]);

/**
 * The family with the given name.
 *
 * @param name - One of `FAMILY_NAMES` (R's spelling: 'negativeBinomial', not 'nbinom').
 * @returns The family.
 * @throws {TypeError} If `name` is not a string.
 * @throws {RangeError} If no family has that name; the message lists those there are.
 * @example
 * getFamily('gamma').cdf(1, { shape: 1, rate: 1 }); // => 0.6321205588285578
 * getFamily('gauss'); // throws RangeError: getFamily: no family is named "gauss"; the families are 'normal', …
 */
export function getFamily(name: string): Family {
  if (typeof name !== 'string') {
    throw new TypeError(`getFamily: name must be a string (one of ${list()}), got ${describe(name)}`);
  }
  if (Object.hasOwn(FAMILIES, name)) return FAMILIES[name as FamilyName];
  const near = FAMILY_NAMES.find((n) => n.toLowerCase() === name.toLowerCase());
  const hint = near === undefined ? '' : ` (did you mean '${near}'?)`;
  throw new RangeError(`getFamily: no family is named ${describe(name)}${hint}; the families are ${list()}`);
}

function list(): string {
  return FAMILY_NAMES.map((n) => `'${n}'`).join(', ');
}
