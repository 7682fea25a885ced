import type { FamilyName } from '../../families/family.ts';
import type { LikelihoodModel } from '../model.ts';
import { bernoulliModel } from './bernoulli.ts';
import { betaModel } from './beta.ts';
import { binomialModel } from './binomial.ts';
import { cauchyModel } from './cauchy.ts';
import { exponentialModel } from './exponential.ts';
import { gammaModel } from './gamma.ts';
import { geometricModel } from './geometric.ts';
import { laplaceModel } from './laplace.ts';
import { logisticModel } from './logistic.ts';
import { lognormalModel } from './lognormal.ts';
import { negativeBinomialModel } from './negative-binomial.ts';
import { normalModel } from './normal.ts';
import { poissonModel } from './poisson.ts';
import { uniformModel } from './uniform.ts';
import { weibullModel } from './weibull.ts';

/** Every family's likelihood model, by R's name. */
export const LIKELIHOOD_MODELS: Record<FamilyName, LikelihoodModel> = {
  normal: normalModel,
  lognormal: lognormalModel,
  exponential: exponentialModel,
  gamma: gammaModel,
  weibull: weibullModel,
  beta: betaModel,
  logistic: logisticModel,
  laplace: laplaceModel,
  cauchy: cauchyModel,
  uniform: uniformModel,
  poisson: poissonModel,
  geometric: geometricModel,
  negativeBinomial: negativeBinomialModel,
  binomial: binomialModel,
  bernoulli: bernoulliModel,
};
