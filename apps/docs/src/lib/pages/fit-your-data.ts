// Every number on the "Fit your own data" page, computed by @mle-lab/core when the site is built.
// test/pages.test.ts checks them against scipy (test/fixtures/pages.py).
import { compareFits } from '@mle-lab/core';
import { weibullSample } from './beyond-normal.ts';

/** The worked example: the Weibull sample of the "Beyond the normal" page, as the fit lab's `data`. */
export const exampleData: string = Array.from(weibullSample()).join(',');

const FAMILIES = ['gamma', 'weibull', 'lognormal', 'exponential'] as const;

function ranking() {
  const result = compareFits(weibullSample(), [...FAMILIES], { gof: false });
  const out: Record<string, number> = {};
  for (const r of result.ranked) {
    out[`${r.family}Rank`] = r.rank;
    out[`${r.family}LogLikelihood`] = r.logLikelihood;
    out[`${r.family}Aic`] = r.aic;
    out[`${r.family}DeltaAic`] = r.deltaAic;
    out[`${r.family}Weight`] = r.akaikeWeight;
    out[`${r.family}Bic`] = r.bic;
  }
  return out;
}

export const fitYourData = { ranking: ranking() };
