// The worker's API: every function runs inside the worker, on data the worker keeps.
// No math here — every number comes from @mle-lab/core. Each group of jobs lives in jobs/<name>.ts.
import { classificationJobs } from './jobs/classification.ts';
import { cltJobs } from './jobs/clt.ts';
import { controlJobs } from './jobs/control.ts';
import { datasetJobs } from './jobs/datasets.ts';
import { fitJobs } from './jobs/fit.ts';
import { fitLabJobs } from './jobs/fit-lab.ts';
import { densityJobs } from './jobs/density.ts';
import { gaussianJobs } from './jobs/gaussian.ts';
import { nllSurfaceJobs } from './jobs/nll-surface.ts';
import { biasJobs } from './jobs/bias.ts';
import { likelihoodJobs } from './jobs/likelihood.ts';
import { mixtureJobs } from './jobs/mixture.ts';
import { likelihoodExplorerJobs } from './jobs/likelihood-explorer.ts';
import { likelihoodTestsJobs } from './jobs/likelihood-tests.ts';
import { simulateEstimatorJobs } from './jobs/simulate-estimator.ts';
import { summarizeJobs } from './jobs/summarize.ts';

export type { DatasetHandle } from './datasets.ts';
export type { GenerateSpec, MixtureSpec } from './jobs/datasets.ts';
export type { Summary, SummarizeOptions, SummarizeKdeOptions, SummaryBox, SummaryKde } from './jobs/summarize.ts';
export type { FitHistory, FitMethod, FitRequest, FitResult } from './jobs/fit.ts';
export type { JobContext, JobProgress } from './job.ts';
export type { Density1d, Density1dSpec, JointDensity, JointDensitySpec } from './jobs/density.ts';
export type { CltResult, CltSource, CltSpec } from './jobs/clt.ts';
export type {
  ConvolutionResult,
  ConvolutionSpec,
  FourierResult,
  FourierSpec,
  GaussianIntegralJobResult,
  GaussianIntegralSpec,
  HeatProfile,
  HeatResult,
  HeatSpec,
  ProductVsLogResult,
  ProductVsLogSpec,
  SmoothingResult,
  SmoothingSpec,
} from './jobs/gaussian.ts';
export type { ClassifierRequest, ClassifierResult, SoftmaxLossRequest, SoftmaxLossResult } from './jobs/classification.ts';
export type { NllSurface, NllSurfaceOptions } from './jobs/nll-surface.ts';
export type { BiasResult, BiasSpec, EstimatorDistribution } from './jobs/bias.ts';
export type {
  EstimateWithError,
  LikelihoodCurveOptions,
  LikelihoodCurves,
  LikelihoodParameter,
  LikelihoodSlice,
  NormalFisherSummary,
  ScoreAt,
} from './jobs/likelihood.ts';
export type {
  BootstrapGof,
  BootstrapGofOptions,
  FamilyFit,
  FitFamiliesOptions,
  FitFamiliesResult,
  LineError,
  LoadTextOptions,
  LoadTextResult,
  ProfileCurve,
  ProfileOptions,
} from './jobs/fit-lab.ts';
export type { ExplorerFamily, LikelihoodExplorerResult, LikelihoodExplorerSpec } from './jobs/likelihood-explorer.ts';
export type { KeptIntervals, SimulateEstimatorResult, SimulateEstimatorSpec, SimulationFamily } from './jobs/simulate-estimator.ts';
export type { TestsAtNull, TestsAtNullSpec, TestsCurve, TestsCurveSpec } from './jobs/likelihood-tests.ts';
export type { MixtureBic, MixtureModel, MixtureOverview, MixtureOverviewOptions, MixtureRun, MixtureState } from './jobs/mixture.ts';

export const api = {
  ...controlJobs,
  ...datasetJobs,
  ...densityJobs,
  ...cltJobs,
  ...gaussianJobs,
  ...summarizeJobs,
  ...fitJobs,
  ...classificationJobs,
  ...nllSurfaceJobs,
  ...biasJobs,
  ...likelihoodJobs,
  ...mixtureJobs,
  ...fitLabJobs,
  ...likelihoodExplorerJobs,
  ...likelihoodTestsJobs,
  ...simulateEstimatorJobs,
};

/** The worker's API object; clients are typed from it (`Remote<MleApi>`). */
export type MleApi = typeof api;
