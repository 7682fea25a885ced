import type { CltResult } from '@mle-lab/worker';
import { MleWidget, type RenderContext } from '../shared/base-widget.ts';
import { sharedClient } from '../shared/client.ts';
import { pythonNumber, seedParam } from '../shared/common-params.ts';
import { createDataTable } from '../shared/data-table.ts';
import { createDensityChart, type DensityChart } from '../shared/density-chart.ts';
import { formatCount, formatNumber } from '../shared/format.ts';
import type { Text } from '../shared/i18n.ts';
import { runLongJob } from '../shared/long-job.ts';
import type { ChoiceParam, NumberParam } from '../shared/params.ts';
import { createProgress, type ProgressView } from '../shared/progress.ts';
import { chartBox, codeBlock, createReadouts, note } from '../shared/readouts.ts';

const TEXT = {
  chart: { zh: 'k 次抽样均值的直方图（密度）与中心极限定理给出的正态密度', en: 'Histogram (density) of the means of k draws with the normal density the CLT predicts' },
  table: { zh: '均值的直方图（密度）', en: 'Histogram of the means (density)' },
  mean: { zh: 'k 次抽样的均值', en: 'mean of k draws' },
  density: { zh: '密度', en: 'density' },
  normal: { zh: '极限正态 N(μ, σ²/k)', en: 'limiting normal N(μ, σ²/k)' },
  sampleMean: { zh: '均值的平均', en: 'average of the means' },
  expectedMean: { zh: 'μ（理论）', en: 'μ (theory)' },
  sampleSd: { zh: '均值的标准差', en: 'sd of the means' },
  expectedSd: { zh: 'σ/√k（理论）', en: 'σ/√k (theory)' },
  m: { zh: '均值个数 m', en: 'means m' },
  binLeft: { zh: '区间左端', en: 'bin left' },
  binRight: { zh: '区间右端', en: 'bin right' },
  code: { zh: '用 numpy 做同一个实验：', en: 'The same experiment in numpy:' },
  caption: {
    zh: '柱：m 个均值的分布；曲线：N(μ, σ²/k)。k 越大，不论来源分布是什么形状，柱子越贴近曲线。',
    en: 'Bars: how the m means are spread; curve: N(μ, σ²/k). As k grows the bars hug the curve, whatever the shape of the source.',
  },
  tooMany: { zh: 'k × m 不能超过 20,000,000（现在是 {n}）：请减小 k 或 m。', en: 'k × m can be at most 20,000,000 (now {n}): lower k or m.' },
} satisfies Record<string, Text>;

const sourceParam: ChoiceParam = {
  kind: 'choice',
  name: 'source',
  label: { zh: '来源分布', en: 'Source distribution' },
  choices: [
    { value: 'uniform', label: { zh: '均匀分布 U[0, 1)', en: 'uniform on [0, 1)' } },
    { value: 'exponential', label: { zh: '指数分布（速率 1）', en: 'exponential (rate 1)' } },
    { value: 'bernoulli', label: { zh: '伯努利分布（成功概率 p）', en: 'Bernoulli (success probability p)' } },
  ],
  default: 'uniform',
};
const kParam: NumberParam = { kind: 'integer', name: 'k', label: { zh: '每个均值的抽样数 k', en: 'Draws per mean k' }, min: 1, max: 1000, step: 1, default: 5, log: true };
const mParam: NumberParam = {
  kind: 'integer',
  name: 'm',
  label: { zh: '重复次数 m', en: 'Repetitions m' },
  min: 100,
  max: 200_000,
  step: 1,
  default: 10_000,
  log: true,
};
const pParam: NumberParam = { kind: 'number', name: 'p', label: { zh: '成功概率 p', en: 'Success probability p' }, min: 0.01, max: 0.99, step: 0.01, default: 0.3 };

const MAX_DRAWS = 20_000_000;
const threeDigits = (v: number) => formatNumber(v, 3);
let instances = 0;

/**
 * `<mle-clt>`: the Central Limit Theorem as an experiment — m means of k draws from a uniform,
 * exponential or Bernoulli source, their histogram, and the normal N(μ, σ²/k) it approaches.
 */
export class Clt extends MleWidget {
  static override widgetName = 'clt';
  static override params = [sourceParam, kParam, mParam, pParam, seedParam];

  private readonly jobKey = `clt-${++instances}`;
  private chart: DensityChart | undefined;
  private chartBox!: HTMLElement;
  private table!: ReturnType<typeof createDataTable>;
  private progress!: ProgressView;
  private status!: HTMLElement;
  private pControls!: HTMLElement;
  private code!: HTMLElement;
  private readouts!: Record<'sampleMean' | 'expectedMean' | 'sampleSd' | 'expectedSd' | 'm', HTMLOutputElement>;
  private result: CltResult | undefined;

  protected build(body: HTMLElement): void {
    const t = (text: Text) => text[this.uiLang];
    const style = document.createElement('style');
    style.textContent = '.controls[hidden] { display: none; }';
    this.pControls = this.controlsFor(['p']);
    this.pControls.hidden = this.state['source'] !== 'bernoulli';
    body.append(style, this.controlsFor(['source', 'k', 'm', 'seed']), this.pControls);
    this.progress = createProgress(this.uiLang);
    const readouts = createReadouts([
      { key: 'sampleMean', label: t(TEXT.sampleMean) },
      { key: 'expectedMean', label: t(TEXT.expectedMean) },
      { key: 'sampleSd', label: t(TEXT.sampleSd) },
      { key: 'expectedSd', label: t(TEXT.expectedSd) },
      { key: 'm', label: t(TEXT.m) },
    ]);
    this.readouts = readouts.outputs;
    this.status = note('', 'legend-note status');
    this.chartBox = chartBox();
    this.table = createDataTable(t(TEXT.table));
    this.code = codeBlock(this.uiLang);
    const actions = this.actionBar(async () => {
      const r = this.result;
      if (!r) return [];
      return [
        { name: 'mean_of_k_draws', values: r.means },
        { name: 'bin_left', values: r.edges.subarray(0, -1) },
        { name: 'bin_right', values: r.edges.subarray(1) },
        { name: 'density', values: r.density },
        { name: 'x', values: r.x },
        { name: 'normal_pdf', values: r.normal },
      ];
    });
    body.append(this.progress.element, readouts.element, this.status, this.chartBox, note(t(TEXT.caption)), this.table.element, actions, note(t(TEXT.code)), this.code);
  }

  protected async render({ isStale }: RenderContext): Promise<void> {
    const { source, k, m, p, seed } = this.state as { source: 'uniform' | 'exponential' | 'bernoulli'; k: number; m: number; p: number; seed: number };
    this.pControls.hidden = source !== 'bernoulli';
    if (k * m > MAX_DRAWS) throw new RangeError(TEXT.tooMany[this.uiLang].replace('{n}', formatCount(k * m, this.uiLang)));
    // Up to 2·10⁷ draws (about half a second): behind the progress bar, which moves as the worker
    // draws the means in chunks; Cancel stops the draw within a time slice; latest wins.
    const outcome = await runLongJob(this.progress, this.jobKey, isStale, (control) => sharedClient().clt({ seed, source, k, m, p }, control));
    if (outcome.status === 'stale') return;
    if (outcome.status === 'cancelled') {
      this.reportCancelled(this.status);
      return;
    }
    const result = outcome.value;
    this.status.textContent = '';
    this.result = result;
    this.draw(result);
    const o = this.readouts;
    o.sampleMean.value = formatNumber(result.sampleMean);
    o.expectedMean.value = formatNumber(result.expectedMean);
    o.sampleSd.value = formatNumber(result.sampleSd);
    o.expectedSd.value = formatNumber(result.expectedSd);
    o.m.value = formatCount(result.m, this.uiLang);
    const draws = { uniform: 'u', exponential: '-np.log1p(-u)', bernoulli: `(u < ${pythonNumber(p)})` }[source];
    this.code.textContent =
      `import numpy as np\n` +
      `u = np.random.RandomState(${seed}).random_sample((${m}, ${k}))\n` +
      `means = (${draws}).mean(axis=1)\n` +
      `print(means.mean(), means.std())   # ${formatNumber(result.sampleMean)} ${formatNumber(result.sampleSd)}`;
  }

  protected override onThemeChange(): void {
    this.chart?.restyle();
  }

  protected override announcement(): string {
    const r = this.result;
    if (!r) return '';
    const f = threeDigits;
    return this.uiLang === 'zh'
      ? `k = ${r.k}：${r.m} 个均值的平均 ${f(r.sampleMean)}（理论 ${f(r.expectedMean)}），标准差 ${f(r.sampleSd)}（理论 ${f(r.expectedSd)}）`
      : `k = ${r.k}: the ${r.m} means average ${f(r.sampleMean)} (theory ${f(r.expectedMean)}) with sd ${f(r.sampleSd)} (theory ${f(r.expectedSd)})`;
  }

  private draw(r: CltResult): void {
    const t = (text: Text) => text[this.uiLang];
    this.chart ??= createDensityChart({
      container: this.chartBox,
      height: 280,
      label: t(TEXT.chart),
      xLabel: t(TEXT.mean),
      yLabel: t(TEXT.density),
      curves: [{ label: t(TEXT.normal), colour: '--mle-truth', width: 2 }],
    });
    this.chart.update({
      x: r.x,
      curves: [r.normal],
      bars: [{ edges: r.edges, heights: r.density, colour: '--mle-bar' }],
      markers: [{ x: r.expectedMean, colour: '--mle-truth', dash: [5, 4], label: 'μ' }],
    });
    this.table.update([
      { name: t(TEXT.binLeft), values: r.edges.subarray(0, -1) },
      { name: t(TEXT.binRight), values: r.edges.subarray(1) },
      { name: t(TEXT.density), values: r.density },
    ]);
  }
}
