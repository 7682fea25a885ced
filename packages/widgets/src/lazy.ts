// Lazy definition for the embed bundle: each element's code is fetched the first time that element
// appears on the page, so a page with one widget does not download the other fourteen.
import { defineWidget, type MleWidget } from './shared/base-widget.ts';
import { sharedClient } from './shared/client.ts';
import { renderTurn } from './shared/render-queue.ts';
import { placeholderReserveCss } from './shared/reserve.js';

type WidgetClass = typeof MleWidget & (new () => MleWidget);

/** Every element's module, by tag (the same set as `widgets` in index.ts and catalogue.json). */
export const widgetLoaders: Record<string, () => Promise<WidgetClass>> = {
  'mle-data-explorer': () => import('./widgets/data-explorer.ts').then((m) => m.DataExplorer),
  'mle-likelihood-curve': () => import('./widgets/likelihood-curve.ts').then((m) => m.LikelihoodCurve),
  'mle-fit-overlay': () => import('./widgets/fit-overlay.ts').then((m) => m.FitOverlay),
  'mle-bias-simulator': () => import('./widgets/bias-simulator.ts').then((m) => m.BiasSimulator),
  'mle-mixture-lab': () => import('./widgets/mixture-lab.ts').then((m) => m.MixtureLab),
  'mle-density-1d': () => import('./widgets/density-1d.ts').then((m) => m.Density1d),
  'mle-joint-density': () => import('./widgets/joint-density.ts').then((m) => m.JointDensity),
  'mle-product-vs-log': () => import('./widgets/product-vs-log.ts').then((m) => m.ProductVsLog),
  'mle-gaussian-integral': () => import('./widgets/gaussian-integral.ts').then((m) => m.GaussianIntegral),
  'mle-clt': () => import('./widgets/clt.ts').then((m) => m.Clt),
  'mle-gaussian-uses': () => import('./widgets/gaussian-uses.ts').then((m) => m.GaussianUses),
  'mle-nll-surface': () => import('./widgets/nll-surface.ts').then((m) => m.NllSurface),
  'mle-optimizer-race': () => import('./widgets/optimizer-race.ts').then((m) => m.OptimizerRace),
  'mle-softmax-ce': () => import('./widgets/softmax-ce.ts').then((m) => m.SoftmaxCe),
  'mle-classifier': () => import('./widgets/classifier.ts').then((m) => m.Classifier),
  'mle-likelihood-explorer': () => import('./widgets/likelihood-explorer.ts').then((m) => m.LikelihoodExplorer),
  'mle-likelihood-tests': () => import('./widgets/likelihood-tests.ts').then((m) => m.LikelihoodTests),
  'mle-sampling-lab': () => import('./widgets/sampling-lab.ts').then((m) => m.SamplingLab),
  'mle-fit-lab': () => import('./widgets/fit-lab.ts').then((m) => m.FitLab),
};

function reportLoadFailure(tag: string, error: unknown): void {
  const message = `${tag}: the widget's code could not be loaded (${error instanceof Error ? error.message : String(error)})`;
  for (const element of document.querySelectorAll(tag)) {
    element.setAttribute('data-error', message);
    element.textContent = message;
  }
}

/**
 * Defines each `<mle-…>` element as soon as one is in the document (now or later); elements already
 * in the page upgrade when their definition arrives.
 */
export function defineOnUse(): void {
  if (!document.querySelector('style[data-mle-reserve]')) {
    // Hold each widget's space until its code arrives (pages that include the same rules statically,
    // like the docs site, avoid even the first frame's shift).
    const style = document.createElement('style');
    style.dataset['mleReserve'] = '';
    style.textContent = placeholderReserveCss();
    document.head.append(style);
  }
  const pending = new Set(Object.keys(widgetLoaders));
  let workerStarted = false;
  const load = (tag: string) => {
    const loader = widgetLoaders[tag];
    if (!loader || !pending.delete(tag)) return;
    if (!workerStarted) {
      workerStarted = true;
      // Start the shared worker now (a cheap call spawns it): its 330 kB script loads and compiles on
      // its own thread while the widgets' modules arrive, instead of after the first widget's first render.
      sharedClient()
        .runningJobs()
        .catch(() => undefined);
    }
    // Defined at a turn of its own on the page's render queue (widgets' modules that arrive together are
    // evaluated in one task). Until then each element keeps the space the placeholder rules reserve for
    // it, so nothing shifts. Defining upgrades every element of the tag at once, each adding its style;
    // each builds its body at its own turn, which for one far from the viewport comes when the reader
    // scrolls towards it. So the turn belongs to no element: near elements of a tag must not wait for a
    // far one that happens to come first.
    loader().then(
      (widget) => renderTurn().then(() => defineWidget(widget)),
      (error: unknown) => reportLoadFailure(tag, error),
    );
  };
  // One selector for every tag not yet loaded: a node added to the page costs two queries, not one a
  // tag (with the script loaded async, the parser adds thousands while the page loads).
  let selector = '';
  const scan = (root: Element | Document) => {
    selector ||= [...pending].join(', ');
    if (selector === '') return;
    const found = [...root.querySelectorAll(selector)];
    if (root instanceof Element && root.matches(selector)) found.push(root);
    for (const element of found) {
      if (!pending.has(element.localName)) continue;
      load(element.localName);
      // The set of tags changed: the selector is made again at the next scan.
      selector = '';
    }
  };
  scan(document);
  if (pending.size === 0) return;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) scan(node);
    }
    if (pending.size === 0) observer.disconnect();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}
