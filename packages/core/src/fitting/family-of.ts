import type { Family } from '../families/family.ts';
import { getFamily } from '../families/registry.ts';
import type { DistributionFit } from './fit-result.ts';

/** The Family object of a fit (its cdf, ppf, sampler), with an error naming `fn` for an unknown name. */
export function familyOf(fn: string, fit: DistributionFit): Family {
  try {
    return getFamily(fit.family);
  } catch {
    throw new RangeError(`${fn}: fit.family ${JSON.stringify(fit.family)} is not a known family`);
  }
}
