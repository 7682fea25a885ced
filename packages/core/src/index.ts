// @mle-lab/core — the public API. Flat named exports, grouped by area (see DESIGN.md).

// ── Random numbers (numpy legacy RandomState) ───────────────────────────────
export { createRandomState } from './random/random-state.ts';
export type { RandomState, RandomStateSnapshot } from './random/random-state.ts';

// ── Descriptive statistics ──────────────────────────────────────────────────
export { sum } from './stats/sum.ts';
export { mean } from './stats/mean.ts';
export { variance, std } from './stats/variance.ts';
export type { VarianceOptions } from './stats/variance.ts';
export { quantile } from './stats/quantile.ts';

// ── Grids and element-wise arrays ───────────────────────────────────────────
export { linspace } from './array/linspace.ts';
export type { LinspaceOptions } from './array/linspace.ts';
export { add, subtract } from './array/elementwise.ts';

// ── Density estimates (histogram, box statistics, KDE) ──────────────────────
export { histogram, histogramBinEdges } from './density/histogram.ts';
export type { Histogram, HistogramBinEdgesOptions, HistogramBinRule, HistogramBins, HistogramOptions } from './density/histogram.ts';
export { latticeBinEdges } from './density/lattice-bin-edges.ts';
export type { LatticeBinEdgesOptions } from './density/lattice-bin-edges.ts';
export { boxplotStats } from './density/box-stats.ts';
export type { BoxplotStats, BoxplotStatsOptions } from './density/box-stats.ts';
export { gaussianKde } from './density/kde.ts';
export type { GaussianKde, GaussianKdeOptions, KdeBandwidth } from './density/kde.ts';
export { kdeGrid, KDE_BINNED_THRESHOLD } from './density/binned-kde.ts';
export type { KdeGrid, KdeGridMethod, KdeGridOptions } from './density/binned-kde.ts';

// ── Distributions ───────────────────────────────────────────────────────────
export { normalPdf, normalLogPdf, normalCdf, normalPpf, normalPdfArray, normalLogPdfArray } from './distributions/normal.ts';
export { multivariateNormalPdf, multivariateNormalLogPdf, multivariateNormalGrid } from './distributions/multivariate-normal.ts';
export { normalIntervalProbability } from './distributions/normal.ts';
export { bivariateNormalCovariance } from './distributions/multivariate-normal.ts';
export type { CovarianceMatrix, MultivariateNormalGrid, MultivariateNormalGridOptions } from './distributions/multivariate-normal.ts';
export type { GridAxis } from './internal/grid-axis.ts';

// ── Likelihood and the closed-form MLE ──────────────────────────────────────
export { normalSufficientStats } from './likelihood/normal-sufficient-stats.ts';
export type { NormalSufficientStats } from './likelihood/normal-sufficient-stats.ts';
export { normalMle } from './likelihood/normal-mle.ts';
export type { NormalMle } from './likelihood/normal-mle.ts';
export { normalNll, normalNllFromStats } from './likelihood/normal-nll.ts';
export type { NormalNll } from './likelihood/normal-nll.ts';
export { normalLogLikelihoodSliceMu, normalLogLikelihoodSliceSigma2, normalLogLikelihoodGrid } from './likelihood/likelihood-curves.ts';
export type { GridPoints, LogLikelihoodGrid, LogLikelihoodGridOptions, LogLikelihoodSlice, NormalLikelihoodData } from './likelihood/likelihood-curves.ts';
export { normalNllGrid } from './likelihood/likelihood-curves.ts';
export type { NllConstant, NllGrid, NllGridOptions } from './likelihood/likelihood-curves.ts';
export { normalLogLikelihoodSliceWindow, normalNllWindow } from './likelihood/likelihood-window.ts';
export type { NormalNllWindow, NormalNllWindowOptions, NormalSliceWindowOptions } from './likelihood/likelihood-window.ts';
export { normalVarianceEstimatorExpectations } from './likelihood/variance-estimator-bias.ts';
export type { NormalVarianceEstimatorExpectations, VarianceEstimatorMoments } from './likelihood/variance-estimator-bias.ts';
export { normalFisherInformation, normalStandardErrors, normalWaldInterval } from './likelihood/fisher.ts';
export type {
  NormalFisherOptions,
  NormalScaleParameter,
  NormalStandardErrors,
  NormalWaldInterval,
  NormalWaldOptions,
  NormalWaldParameter,
} from './likelihood/fisher.ts';
export { normalLikelihoodProductVsLog } from './likelihood/product-vs-log.ts';
export type { LikelihoodProductVsLog } from './likelihood/product-vs-log.ts';

// ── Optimisation (gradient descent, Adam) ───────────────────────────────────
export { fitNormalGd, createNormalGdRun } from './optimize/gradient-descent.ts';
export { normalFitStart } from './optimize/normal-fit-run.ts';
export { adamStep, createAdamState, fitNormalAdam, createNormalAdamRun } from './optimize/adam.ts';
export type { AdamState, AdamStepOptions, NormalAdamOptions } from './optimize/adam.ts';
export type {
  NormalFitHistory,
  NormalFitLearningRate,
  NormalFitOptions,
  NormalFitReason,
  NormalFitResult,
  NormalFitRun,
  NormalFitState,
} from './optimize/normal-fit-run.ts';

// ── Mixtures and sampling experiments ───────────────────────────────────────
export { fitGaussianMixture, emStep, gaussianMixturePdf, gaussianMixtureResponsibilities } from './mixture/gaussian-mixture.ts';
export type {
  EmStepOptions,
  EmStepResult,
  GaussianMixtureFit,
  GaussianMixtureHistory,
  GaussianMixtureInit,
  GaussianMixtureModel,
  GaussianMixtureOptions,
} from './mixture/gaussian-mixture.ts';
export { generateMixtureSample } from './mixture/mixture-sample.ts';
export type { MixtureSample, MixtureSampleOptions } from './mixture/mixture-sample.ts';
export { cltSample, createCltRun } from './mixture/clt.ts';
export type { CltRun, CltSample, CltSampleOptions, CltSource } from './mixture/clt.ts';

// ── Signal: FFT, Gaussian filtering, the heat equation, integration ─────────
export { fft, ifft, fftConvolve } from './signal/fft.ts';
export { gaussianFourierPair } from './signal/gaussian-fourier.ts';
export type { GaussianFourierOptions, GaussianFourierPair } from './signal/gaussian-fourier.ts';
export { gaussianFilter1d, gaussianKernel1d } from './signal/gaussian-filter.ts';
export { gaussianEdges } from './signal/gaussian-edges.ts';
export type { GaussianEdges, GaussianEdgesOptions } from './signal/gaussian-edges.ts';
export { solveHeat1d, gaussianHeatKernel } from './signal/heat-equation.ts';
export type { GaussianHeatKernel, GaussianHeatKernelOptions, HeatBoundary, HeatSolution, SolveHeatOptions } from './signal/heat-equation.ts';
export type { GaussianFilterMode, GaussianFilterOptions, GaussianKernelOptions } from './signal/gaussian-filter.ts';
export { convolve, gaussianConvolution } from './signal/convolve.ts';
export type { ConvolveMode, ConvolveOptions, GaussianConvolution, GaussianConvolutionOptions } from './signal/convolve.ts';
export { integrate, gaussianIntegral } from './signal/integrate.ts';
export { gaussianFunctionArray } from './signal/gaussian-function.ts';
export type { GaussianIntegralOptions, GaussianIntegralResult, IntegrateOptions, IntegrateResult } from './signal/integrate.ts';

// ── Classification losses and softmax regression ────────────────────────────
export { softmax, logSoftmax, logSumExp } from './classification/softmax.ts';
export {
  crossEntropy,
  nllLoss,
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  entropy,
  klDivergence,
} from './classification/cross-entropy.ts';
export { labelSmoothingTarget } from './classification/cross-entropy.ts';
export type { CrossEntropyOptions, EntropyOptions } from './classification/cross-entropy.ts';
export {
  trainSoftmaxRegression,
  softmaxRegressionPredict,
  softmaxRegressionDecisionGrid,
  makeBlobs,
} from './classification/softmax-regression.ts';
export type {
  Blobs,
  DecisionGrid,
  DecisionGridOptions,
  MakeBlobsOptions,
  PointsInput,
  SoftmaxRegressionHistory,
  SoftmaxRegressionModel,
  SoftmaxRegressionOptions,
  SoftmaxRegressionResult,
} from './classification/softmax-regression.ts';

// ── Fitting and inference (any family: estimates, standard errors, intervals, tests) ──
export { fitDistribution } from './fitting/fit-distribution.ts';
export type { FitDistributionOptions } from './fitting/fit-distribution.ts';
export type { DistributionFit, FitMethod } from './fitting/fit-result.ts';
export { confidenceIntervals } from './fitting/confidence-intervals.ts';
export type { ConfidenceInterval, ConfidenceIntervalOptions } from './fitting/confidence-intervals.ts';
export { likelihoodTests, likelihoodRatioTest } from './fitting/likelihood-tests.ts';
export type { ChiSquareTest, LikelihoodTests } from './fitting/likelihood-tests.ts';

// ── Special functions (log-gamma, digamma, incomplete gamma and beta; see special/README.md) ──
export { logGamma, logGamma1p } from './special/log-gamma.ts';
export { gammaValue } from './special/gamma-value.ts';
export { digamma } from './special/digamma.ts';
export { trigamma } from './special/trigamma.ts';
export { logBeta } from './special/log-beta.ts';
export { log1pmx } from './special/log1pmx.ts';
export { stirlingError } from './special/stirling-error.ts';
export { binomialDeviance } from './special/binomial-deviance.ts';
export { gammaP, gammaQ, logGammaP, logGammaQ } from './special/incomplete-gamma.ts';

export { betaI, betaIc, logBetaI, logBetaIc } from './special/incomplete-beta.ts';
export { gammaPInv, gammaQInv } from './special/incomplete-gamma-inverse.ts';
export { betaIInv, betaIcInv } from './special/incomplete-beta-inverse.ts';

// ── Distribution families ───────────────────────────────────────────────────
export { FAMILY_NAMES, getFamily } from './families/registry.ts';
export type { Family, FamilyKind, FamilyName, FamilyParameter, FamilyParams, ParameterDomain, Support } from './families/family.ts';
export { normalFamily, standardNormalLogCdf } from './families/normal.ts';
export { lognormalFamily } from './families/lognormal.ts';
export { exponentialFamily } from './families/exponential.ts';
export { gammaFamily } from './families/gamma.ts';
export { weibullFamily } from './families/weibull.ts';
export { betaFamily } from './families/beta.ts';
export { logisticFamily } from './families/logistic.ts';
export { laplaceFamily } from './families/laplace.ts';
export { cauchyFamily } from './families/cauchy.ts';
export { uniformFamily } from './families/uniform.ts';
export { poissonFamily } from './families/poisson.ts';
export { geometricFamily } from './families/geometric.ts';
export { negativeBinomialFamily } from './families/negative-binomial.ts';
export { binomialFamily } from './families/binomial.ts';
export { bernoulliFamily } from './families/bernoulli.ts';
export { familyPdfArray, familyLogPdfArray, familyCdfArray, familySfArray, familyPpfArray } from './families/family-arrays.ts';

// ── Data, goodness of fit and model choice ──────────────────────────────────
export { parseData } from './data/parse-data.ts';
export type { ParseDataError, ParseDataOptions, ParsedData } from './data/parse-data.ts';
export { goodnessOfFit } from './fitting/goodness-of-fit.ts';
export type { BootstrapSummary, ChiSquaredGof, GofStatistic, GoodnessOfFit, GoodnessOfFitOptions } from './fitting/goodness-of-fit.ts';
export { compareFits } from './fitting/compare-fits.ts';
export type { CompareFitsOptions, FailedFit, FitComparison, RankedFit } from './fitting/compare-fits.ts';
export { ecdf, qqPoints, ppPoints, cdfComparison } from './fitting/plot-data.ts';
export type { CdfComparison, CdfComparisonOptions, Ecdf, PlotPoints, PlotPointsOptions } from './fitting/plot-data.ts';
// ── Likelihood pictures (widgets: per-value terms, profile curves and slopes, expected information) ──
export { likelihoodTerms, logLikelihoodTerms } from './fitting/log-likelihood-terms.ts';
export type { LikelihoodTerms } from './fitting/log-likelihood-terms.ts';
export { profileLogLikelihood } from './fitting/profile-log-likelihood.ts';
export type { ProfileLogLikelihood } from './fitting/profile-log-likelihood.ts';
export { asymptoticStandardErrors, fisherInformation } from './fitting/fisher-information.ts';

// ── Family array kernels (issue 11) ─────────────────────────────────────────
export type { ArrayKernel, FamilyArrayKernels } from './families/family.ts';
