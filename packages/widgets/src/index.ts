// @mle-lab/widgets — framework-free custom elements, all defined eagerly by `defineAll()`. The embed
// bundle (embed.ts) defines them lazily instead, each when its element first appears.
import { defineWidget } from './shared/base-widget.ts';
import { DataExplorer } from './widgets/data-explorer.ts';
import { BiasSimulator } from './widgets/bias-simulator.ts';
import { FitOverlay } from './widgets/fit-overlay.ts';
import { LikelihoodCurve } from './widgets/likelihood-curve.ts';
import { MixtureLab } from './widgets/mixture-lab.ts';
import { Clt } from './widgets/clt.ts';
import { Density1d } from './widgets/density-1d.ts';
import { GaussianIntegral } from './widgets/gaussian-integral.ts';
import { GaussianUses } from './widgets/gaussian-uses.ts';
import { JointDensity } from './widgets/joint-density.ts';
import { ProductVsLog } from './widgets/product-vs-log.ts';
import { Classifier } from './widgets/classifier.ts';
import { NllSurface } from './widgets/nll-surface.ts';
import { OptimizerRace } from './widgets/optimizer-race.ts';
import { SoftmaxCe } from './widgets/softmax-ce.ts';
import { LikelihoodExplorer } from './widgets/likelihood-explorer.ts';
import { LikelihoodTests } from './widgets/likelihood-tests.ts';
import { SamplingLab } from './widgets/sampling-lab.ts';
import { FitLab } from './widgets/fit-lab.ts';

export { MleWidget, defineWidget, type RenderContext } from './shared/base-widget.ts';
export { DataExplorer };
export { BiasSimulator, FitOverlay, LikelihoodCurve, MixtureLab };
export { Clt, Density1d, GaussianIntegral, GaussianUses, JointDensity, ProductVsLog };
export { Classifier, NllSurface, OptimizerRace, SoftmaxCe };
export { LikelihoodExplorer, LikelihoodTests, SamplingLab };
export { FitLab };
export { sharedClient } from './shared/client.ts';

/** Every widget class, by element name. */
export const widgets = {
  'mle-data-explorer': DataExplorer,
  'mle-likelihood-curve': LikelihoodCurve,
  'mle-fit-overlay': FitOverlay,
  'mle-bias-simulator': BiasSimulator,
  'mle-mixture-lab': MixtureLab,
  'mle-density-1d': Density1d,
  'mle-joint-density': JointDensity,
  'mle-product-vs-log': ProductVsLog,
  'mle-gaussian-integral': GaussianIntegral,
  'mle-clt': Clt,
  'mle-gaussian-uses': GaussianUses,
  'mle-nll-surface': NllSurface,
  'mle-optimizer-race': OptimizerRace,
  'mle-softmax-ce': SoftmaxCe,
  'mle-classifier': Classifier,
  'mle-likelihood-explorer': LikelihoodExplorer,
  'mle-likelihood-tests': LikelihoodTests,
  'mle-sampling-lab': SamplingLab,
  'mle-fit-lab': FitLab,
} as const;

/** Defines every `<mle-…>` element that is not defined yet. */
export function defineAll(): void {
  for (const widget of Object.values(widgets)) defineWidget(widget);
}
