import type { FamilyName } from '../../families/family.ts';
import type { LikelihoodModel } from '../model.ts';
import { bernoulliModel } from './bernoulli.ts';
import { cauchyModel } from './cauchy.ts';
import { exponentialModel } from './exponential.ts';
import { geometricModel } from './geometric.ts';
import { laplaceModel } from './laplace.ts';
import { logisticModel } from './logistic.ts';
import { lognormalModel } from './lognormal.ts';
import { normalModel } from './normal.ts';
import { uniformModel } from './uniform.ts';
import { weibullModel } from './weibull.ts';

/** Every family's likelihood model, by R's name. */
export const LIKELIHOOD_MODELS: Partial<Record<FamilyName, LikelihoodModel>> = {
  normal: normalModel,
  lognormal: lognormalModel,
  exponential: exponentialModel,
  weibull: weibullModel,
  logistic: logisticModel,
  laplace: laplaceModel,
  cauchy: cauchyModel,
  uniform: uniformModel,
  geometric: geometricModel,
  bernoulli: bernoulliModel,
};
