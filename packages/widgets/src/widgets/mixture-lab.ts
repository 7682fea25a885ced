import type uPlot from 'uplot';
import type { MixtureBic, MixtureOverview, MixtureState } from '@mle-lab/worker';
import { MleWidget, type RenderContext } from '../shared/base-widget.ts';
import { createChart, themedAxes, type Chart } from '../shared/chart.ts';
import { sharedClient } from '../shared/client.ts';
import { seedParam } from '../shared/common-params.ts';
import { createDataTable, headerCell } from '../shared/data-table.ts';
import { createDatasetCache } from '../shared/dataset.ts';
import { createDensityChart, type DensityChart } from '../shared/density-chart.ts';
import { formatNumber } from '../shared/format.ts';
import type { Text } from '../shared/i18n.ts';
import type { ChoiceParam, NumberParam } from '../shared/params.ts';
import { createProgress, type ProgressView } from '../shared/progress.ts';
import { runLongJob } from '../shared/long-job.ts';
import { chartBox, codeBlock, createReadouts, note, tableScroll } from '../shared/readouts.ts';

/**
 * The two data sets the lab offers: weights, means and standard deviations (variances = sd²) of the truth.
 * 'bimodal' is the worked example of the beyond-MLE page: 30% N(−2, 1), 70% N(3, 1.5²).
 */
const SHAPES = {
  bimodal: { weights: [0.3, 0.7], means: [-2, 3], sds: [1, 1.5], variances: [1, 2.25] },
  skewed: { weights: [0.7, 0.3], means: [0, 2.5], sds: [1, 2], variances: [1, 4] },
} as const;
type Shape = keyof typeof SHAPES;

const MAX_ITERATIONS = 500;

const TEXT = {
  chart: { zh: '数据直方图、KDE、单个正态的 MLE 与 EM 得到的高斯混合', en: 'Histogram, KDE, the single-normal MLE and the Gaussian mixture from EM' },
  llChart: { zh: '每次 EM 迭代后的对数似然', en: 'Log-likelihood after each EM iteration' },
  bicChart: { zh: 'K = 1 … 4 个分量的 BIC（越小越好）', en: 'BIC for K = 1 … 4 components (smaller is better)' },
  histTable: { zh: '曲线上的点', en: 'Points on the curves' },
  llTable: { zh: '每次迭代的对数似然', en: 'Log-likelihood per iteration' },
  bicTable: { zh: '每个 K 的 BIC', en: 'BIC for each K' },
  components: { zh: '当前模型的各个分量', en: 'Components of the current model' },
  value: { zh: '值', en: 'value' },
  density: { zh: '密度', en: 'density' },
  truth: { zh: '真实密度', en: 'true density' },
  single: { zh: '单个正态（MLE）', en: 'single normal (MLE)' },
  kde: { zh: 'KDE', en: 'KDE' },
  mixture: { zh: '高斯混合（EM）', en: 'Gaussian mixture (EM)' },
  iteration: { zh: '迭代次数', en: 'iteration' },
  loglik: { zh: '对数似然 ℓ', en: 'log-likelihood ℓ' },
  singleLoglik: { zh: '单个正态的 ℓ', en: 'ℓ of one normal' },
  k: { zh: '分量数 K', en: 'components K' },
  bic: { zh: 'BIC', en: 'BIC' },
  bestK: { zh: 'BIC 选择的 K', en: 'K chosen by BIC' },
  step: { zh: 'EM 走一步', en: 'One EM step' },
  run: { zh: '运行到收敛', en: 'Run to convergence' },
  reset: { zh: '重新开始', en: 'Start over' },
  weight: { zh: '权重 w', en: 'weight w' },
  mean: { zh: '均值 μ', en: 'mean μ' },
  variance: { zh: '方差 σ²', en: 'variance σ²' },
  converged: { zh: '已收敛。', en: 'Converged.' },
  limit: { zh: `已到 ${MAX_ITERATIONS} 次迭代。`, en: `Stopped at ${MAX_ITERATIONS} iterations.` },
  cancelled: { zh: '已取消。', en: 'Cancelled.' },
  emNote: {
    zh: 'EM 从 k-means++ 的起点出发：E 步算每个点属于各分量的响应度，M 步用它们重新估计权重、均值和方差；对数似然每一步都不会下降。',
    en: 'EM starts from a k-means++ start: the E-step computes how much each point belongs to each component, the M-step re-estimates weights, means and variances from those responsibilities; the log-likelihood never goes down.',
  },
  code: { zh: '用 scikit-learn 得到同样的拟合：', en: 'The same fit in scikit-learn:' },
} satisfies Record<string, Text>;

const shapeParam: ChoiceParam = {
  kind: 'choice',
  name: 'shape',
  label: { zh: '数据形状', en: 'Data shape' },
  choices: [
    { value: 'bimodal', label: { zh: '双峰', en: 'bimodal' } },
    { value: 'skewed', label: { zh: '偏斜', en: 'skewed' } },
  ],
  default: 'bimodal',
};

const mixtureSizeParam: NumberParam = {
  kind: 'integer',
  name: 'n',
  label: { zh: '样本量 n', en: 'Sample size n' },
  min: 100,
  max: 100_000,
  step: 1,
  default: 1000,
  log: true,
};

const componentsParam: NumberParam = {
  kind: 'integer',
  name: 'components',
  label: { zh: '分量数 K', en: 'Components K' },
  min: 1,
  max: 4,
  step: 1,
  default: 2,
};

let instances = 0;

/** One decimal, for spoken summaries. */
const formatOne = (v: number) => formatNumber(v, 1);

type Readout = 'iteration' | 'loglik' | 'single' | 'bic' | 'bestK';

/**
 * `<mle-mixture-lab>`: bimodal or skewed data where one normal fits badly; its MLE next to a KDE and
 * a Gaussian mixture fitted by EM, stepped one iteration at a time or run to convergence, with the
 * log-likelihood per iteration and BIC for K = 1 … 4.
 */
export class MixtureLab extends MleWidget {
  static override widgetName = 'mixture-lab';
  static override params = [shapeParam, seedParam, mixtureSizeParam, componentsParam];

  private readonly jobKey = `mixture-lab-${++instances}`;
  private readonly data = createDatasetCache(sharedClient, (client, spec: { shape: Shape; seed: number; n: number }) => {
    const { weights, means, sds } = SHAPES[spec.shape];
    return client.generateMixture({ seed: spec.seed, n: spec.n, weights: [...weights], means: [...means], sds: [...sds] });
  });
  private density: DensityChart | undefined;
  private llChart: Chart | undefined;
  private bicChart: Chart | undefined;
  private boxes!: Record<'density' | 'll' | 'bic', HTMLElement>;
  private tables!: Record<'density' | 'll' | 'bic', ReturnType<typeof createDataTable>>;
  private componentRows!: HTMLTableSectionElement;
  private readouts!: Record<Readout, HTMLOutputElement>;
  private buttons!: Record<'step' | 'run' | 'reset', HTMLButtonElement>;
  private progress!: ProgressView;
  private status!: HTMLElement;
  private code!: HTMLElement;
  private overview: MixtureOverview | undefined;
  private bic: MixtureBic | undefined;
  private current: MixtureState | undefined;
  private logLikelihoods: number[] = [];
  private busy = false;
  /** Bumped on every render so a step that finishes after the data changed is dropped. */
  private generation = 0;

  protected build(body: HTMLElement): void {
    const t = (text: Text) => text[this.uiLang];
    const style = document.createElement('style');
    style.textContent = `
.em-buttons { display: flex; flex-wrap: wrap; gap: 6px; margin: 4px 0 8px; }
.em-buttons button:disabled { opacity: 0.55; cursor: default; }
.params-table { border-collapse: collapse; margin: 6px 0; font-variant-numeric: tabular-nums; }
.params-table caption { text-align: left; font-weight: 600; margin-bottom: 4px; }
.params-table th, .params-table td { padding: 2px 10px; border-bottom: 1px solid var(--mle-border); text-align: right; }
`;
    body.append(style, this.controlsFor(['shape', 'seed', 'n', 'components']));
    const buttons = document.createElement('div');
    buttons.className = 'em-buttons';
    const button = (label: string, action: () => Promise<void>) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.addEventListener('click', () => void this.act(action));
      buttons.append(b);
      return b;
    };
    this.buttons = {
      step: button(t(TEXT.step), () => this.step()),
      run: button(t(TEXT.run), () => this.runToConvergence()),
      reset: button(t(TEXT.reset), () => this.reset()),
    };
    this.progress = createProgress(this.uiLang);
    const readouts = createReadouts<Readout>([
      { key: 'iteration', label: t(TEXT.iteration) },
      { key: 'loglik', label: 'ℓ' },
      { key: 'single', label: t(TEXT.singleLoglik) },
      { key: 'bic', label: `${t(TEXT.bic)} (K)` },
      { key: 'bestK', label: t(TEXT.bestK) },
    ]);
    this.readouts = readouts.outputs;
    this.status = note('', 'legend-note status');
    this.boxes = { density: chartBox(), ll: chartBox(), bic: chartBox() };
    this.tables = {
      density: createDataTable(t(TEXT.histTable)),
      ll: createDataTable(t(TEXT.llTable)),
      bic: createDataTable(t(TEXT.bicTable)),
    };
    this.code = codeBlock(this.uiLang);
    const actions = this.actionBar(async () => {
      const handle = this.data.current();
      const o = this.overview;
      const c = this.current;
      if (!handle || !o || !c) return [];
      return [
        { name: 'x', values: await sharedClient().values(handle) },
        { name: 'iteration', values: this.logLikelihoods.map((_v, i) => i) },
        { name: 'log_likelihood', values: this.logLikelihoods },
        { name: 'K', values: this.bic?.components ?? [] },
        { name: 'bic', values: this.bic?.bic ?? [] },
        { name: 'weight', values: c.model.weights },
        { name: 'mean', values: c.model.means },
        { name: 'variance', values: c.model.variances },
      ];
    });
    body.append(
      buttons,
      this.progress.element,
      readouts.element,
      this.status,
      this.boxes.density,
      this.componentsTable(),
      note(t(TEXT.emNote)),
      this.boxes.ll,
      this.boxes.bic,
      this.tables.density.element,
      this.tables.ll.element,
      this.tables.bic.element,
      actions,
      note(t(TEXT.code)),
      this.code,
    );
  }

  private componentsTable(): HTMLElement {
    const t = (text: Text) => text[this.uiLang];
    const table = document.createElement('table');
    table.className = 'params-table';
    table.createCaption().textContent = t(TEXT.components);
    const head = table.createTHead().insertRow();
    for (const label of ['k', t(TEXT.weight), t(TEXT.mean), t(TEXT.variance)]) head.append(headerCell(label, 'col'));
    this.componentRows = table.createTBody();
    return tableScroll(table, this.uiLang);
  }

  protected async render({ isStale }: RenderContext): Promise<void> {
    const generation = ++this.generation;
    const { seed, n, components } = this.state as { seed: number; n: number; components: number };
    const shape = this.state['shape'] as Shape;
    const truth = SHAPES[shape];
    const client = sharedClient();
    const outcome = await runLongJob(this.progress, this.jobKey, isStale, (control) =>
      this.data.use({ shape, seed, n }, async (handle) => {
        const overview = await client.mixtureOverview(handle, {
          truth: { weights: [...truth.weights], means: [...truth.means], variances: [...truth.variances] },
        });
        const [start, bic] = await Promise.all([
          client.mixtureInit(handle, { components, seed, grid: overview.grid }),
          client.mixtureBic(handle, { maxComponents: 4, seed }, control),
        ]);
        return { overview, start, bic };
      }),
    );
    if (outcome.status === 'stale' || generation !== this.generation) return;
    if (outcome.status === 'cancelled') {
      this.status.textContent = TEXT.cancelled[this.uiLang];
      return;
    }
    const result = outcome.value;
    this.overview = result.overview;
    this.bic = result.bic;
    this.current = result.start;
    this.logLikelihoods = [result.start.logLikelihood];
    this.status.textContent = '';
    this.drawAll();
    this.code.textContent =
      `import numpy as np\n` +
      `from sklearn.mixture import GaussianMixture\n` +
      `rs = np.random.RandomState(${seed})\n` +
      `w, mu, sd = np.array(${JSON.stringify(truth.weights)}), np.array(${JSON.stringify(truth.means)}), np.array(${JSON.stringify(truth.sds)})\n` +
      `c = np.searchsorted(np.cumsum(w / w.sum()), rs.random_sample(${n}), side='right')\n` +
      `x = (mu[c] + sd[c] * rs.standard_normal(${n})).reshape(-1, 1)\n` +
      `gm = GaussianMixture(${components}, random_state=${seed}, max_iter=${MAX_ITERATIONS}, tol=1e-6).fit(x)\n` +
      `print(gm.weights_, gm.means_.ravel(), gm.covariances_.ravel())\n` +
      `print([GaussianMixture(k, random_state=${seed}).fit(x).bic(x) for k in range(1, 5)])`;
  }

  /** Runs a button's action with the buttons disabled; errors go to the error line. */
  private async act(action: () => Promise<void>): Promise<void> {
    if (this.busy || !this.current) return;
    this.busy = true;
    for (const b of Object.values(this.buttons)) b.disabled = true;
    try {
      await action();
    } catch (error) {
      this.status.textContent = error instanceof Error ? error.message : String(error);
    } finally {
      this.busy = false;
      this.updateButtons();
    }
  }

  private async step(): Promise<void> {
    const handle = this.data.current();
    const o = this.overview;
    const c = this.current;
    if (!handle || !o || !c) return;
    const generation = this.generation;
    const next = await sharedClient().mixtureStep(handle, { model: c.model, grid: o.grid });
    if (generation !== this.generation) return;
    this.current = next;
    this.logLikelihoods.push(next.logLikelihood);
    this.status.textContent = '';
    this.drawAll();
  }

  private async runToConvergence(): Promise<void> {
    const handle = this.data.current();
    const o = this.overview;
    const c = this.current;
    if (!handle || !o || !c) return;
    const generation = this.generation;
    const remaining = MAX_ITERATIONS - (this.logLikelihoods.length - 1);
    const run = await sharedClient().mixtureRun(handle, { model: c.model, grid: o.grid, maxIterations: Math.max(1, remaining) });
    if (generation !== this.generation) return;
    this.current = run.final;
    // Entry 0 of the run is the model it started from, already in the list.
    this.logLikelihoods.push(...Array.from(run.logLikelihood.subarray(1)));
    this.status.textContent = run.converged ? TEXT.converged[this.uiLang] : TEXT.limit[this.uiLang];
    this.drawAll();
  }

  private async reset(): Promise<void> {
    this.scheduleRender();
  }

  private updateButtons(): void {
    const done = this.logLikelihoods.length - 1 >= MAX_ITERATIONS;
    this.buttons.step.disabled = this.busy || !this.current || done;
    this.buttons.run.disabled = this.busy || !this.current || done;
    this.buttons.reset.disabled = this.busy;
  }

  protected override onThemeChange(): void {
    this.density?.restyle();
    this.llChart?.restyle();
    this.bicChart?.restyle();
  }

  protected override announcement(): string {
    const c = this.current;
    const o = this.overview;
    if (!c || !o) return '';
    const f = formatOne;
    const it = this.logLikelihoods.length - 1;
    return this.uiLang === 'zh'
      ? `第 ${it} 次迭代：混合模型 ℓ = ${f(c.logLikelihood)}，单个正态 ℓ = ${f(o.single.logLikelihood)}；BIC 选择 K = ${this.bestK() ?? '—'}`
      : `Iteration ${it}: mixture ℓ = ${f(c.logLikelihood)}, one normal ℓ = ${f(o.single.logLikelihood)}; BIC chooses K = ${this.bestK() ?? '—'}`;
  }

  /** The K with the smallest BIC. */
  private bestK(): number | undefined {
    const b = this.bic;
    if (!b) return undefined;
    let best = 0;
    for (let i = 1; i < b.bic.length; i++) if ((b.bic[i] as number) < (b.bic[best] as number)) best = i;
    return b.components[best];
  }

  private drawAll(): void {
    const o = this.overview;
    const c = this.current;
    const b = this.bic;
    if (!o || !c || !b) return;
    const t = (text: Text) => text[this.uiLang];
    const iteration = this.logLikelihoods.length - 1;
    const r = this.readouts;
    r.iteration.value = String(iteration);
    r.loglik.value = formatNumber(c.logLikelihood, 2);
    r.single.value = formatNumber(o.single.logLikelihood, 2);
    r.bic.value = formatNumber(c.bic, 2);
    r.bestK.value = String(this.bestK() ?? '—');
    this.updateButtons();

    this.density ??= createDensityChart({
      container: this.boxes.density,
      height: 300,
      label: t(TEXT.chart),
      xLabel: t(TEXT.value),
      yLabel: t(TEXT.density),
      curves: [
        { label: t(TEXT.truth), colour: '--mle-truth', width: 1.5, dash: [2, 3] },
        { label: t(TEXT.single), colour: '--mle-warn', dash: [6, 4] },
        { label: t(TEXT.kde), colour: '--mle-kde' },
        { label: t(TEXT.mixture), colour: '--mle-fit', width: 2.5 },
      ],
    });
    this.density.update({
      x: o.grid,
      curves: [o.truth, o.single.pdf, o.kde.density, c.pdf],
      bars: [{ edges: o.histogram.edges, heights: o.histogram.density, colour: '--mle-bar' }],
      markers: Array.from(c.model.means, (m, i) => ({ x: m, colour: '--mle-fit', dash: [4, 4], label: `μ${i + 1}` })),
    });
    this.componentRows.replaceChildren();
    for (let i = 0; i < c.model.weights.length; i++) {
      const tr = this.componentRows.insertRow();
      for (const text of [String(i + 1), formatNumber(c.model.weights[i] as number), formatNumber(c.model.means[i] as number), formatNumber(c.model.variances[i] as number)]) {
        tr.insertCell().textContent = text;
      }
    }

    const iterations = Float64Array.from(this.logLikelihoods, (_v, i) => i);
    const llData: uPlot.AlignedData = [iterations, Float64Array.from(this.logLikelihoods), Float64Array.from(this.logLikelihoods, () => o.single.logLikelihood)];
    this.llChart ??= createChart({
      container: this.boxes.ll,
      height: 200,
      label: t(TEXT.llChart),
      data: llData,
      options: (colour) => ({
        // Iterations from 0; at least 0…1 so a single point (before any step) is not centred in a 0…100 axis.
        scales: { x: { time: false, range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: themedAxes(colour, { x: t(TEXT.iteration), y: 'ℓ' }),
        series: [
          { label: t(TEXT.iteration), value: (_u, v) => (v == null ? '—' : String(v)) },
          { label: t(TEXT.mixture), stroke: colour('--mle-fit'), width: 2, points: { show: true, size: 5 }, value: (_u, v) => (v == null ? '—' : formatNumber(v, 2)) },
          { label: t(TEXT.single), stroke: colour('--mle-warn'), width: 1.5, dash: [6, 4], points: { show: false }, value: (_u, v) => (v == null ? '—' : formatNumber(v, 2)) },
        ],
      }),
    });
    this.llChart.setData(llData);

    const bicData: uPlot.AlignedData = [b.components, b.bic];
    this.bicChart ??= createChart({
      container: this.boxes.bic,
      height: 200,
      label: t(TEXT.bicChart),
      data: bicData,
      options: (colour) => ({
        scales: { x: { time: false, range: [0.5, 4.5] } },
        axes: [{ ...themedAxes(colour, { x: t(TEXT.k) })[0], splits: () => [1, 2, 3, 4] }, themedAxes(colour, { y: t(TEXT.bic) })[1] as uPlot.Axis],
        series: [
          { label: t(TEXT.k), value: (_u, v) => (v == null ? '—' : String(v)) },
          { label: t(TEXT.bic), stroke: colour('--mle-accent'), width: 2, points: { show: true, size: 8 }, value: (_u, v) => (v == null ? '—' : formatNumber(v, 2)) },
        ],
        hooks: {
          draw: [
            (u: uPlot) => {
              // Ring the K that BIC picks.
              const k = this.bestK();
              const bic = this.bic;
              if (k === undefined || !bic) return;
              const value = bic.bic[k - 1] as number;
              const { ctx } = u;
              ctx.save();
              ctx.strokeStyle = colour('--mle-fit');
              ctx.lineWidth = 2 * devicePixelRatio;
              ctx.beginPath();
              ctx.arc(u.valToPos(k, 'x', true), u.valToPos(value, 'y', true), 9 * devicePixelRatio, 0, 2 * Math.PI);
              ctx.stroke();
              ctx.restore();
            },
          ],
        },
      }),
    });
    this.bicChart.setData(bicData);

    this.tables.density.update([
      { name: t(TEXT.value), values: o.grid },
      ...(o.truth ? [{ name: t(TEXT.truth), values: o.truth }] : []),
      { name: t(TEXT.single), values: o.single.pdf },
      { name: t(TEXT.kde), values: o.kde.density },
      { name: t(TEXT.mixture), values: c.pdf },
    ]);
    this.tables.ll.update([
      { name: t(TEXT.iteration), values: iterations },
      { name: t(TEXT.loglik), values: this.logLikelihoods },
    ]);
    this.tables.bic.update([
      { name: t(TEXT.k), values: b.components },
      { name: t(TEXT.bic), values: b.bic },
    ]);
  }
}
