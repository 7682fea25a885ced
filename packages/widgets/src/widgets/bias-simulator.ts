import type { BiasResult } from '@mle-lab/worker';
import { MleWidget, type RenderContext } from '../shared/base-widget.ts';
import { sharedClient } from '../shared/client.ts';
import { pythonNumber, seedParam, sigmaParam } from '../shared/common-params.ts';
import { createDataTable } from '../shared/data-table.ts';
import { createDensityChart, type DensityChart } from '../shared/density-chart.ts';
import { formatCount, formatNumber } from '../shared/format.ts';
import type { Text } from '../shared/i18n.ts';
import type { NumberParam } from '../shared/params.ts';
import { createProgress, type ProgressView } from '../shared/progress.ts';
import { runLongJob } from '../shared/long-job.ts';
import { chartBox, codeBlock, createReadouts, note } from '../shared/readouts.ts';

const TEXT = {
  chart: { zh: '每次重复的 σ̂²（÷n）与 s²（÷(n−1)）的分布', en: 'Distribution of σ̂² (÷n) and s² (÷(n−1)) over the repetitions' },
  table: { zh: '两个估计量的直方图（每个区间的重复次数）', en: 'Histograms of both estimates (repetitions per bin)' },
  estimate: { zh: '方差估计值', en: 'variance estimate' },
  count: { zh: '重复次数', en: 'repetitions' },
  mle: { zh: 'σ̂²（÷n，MLE）', en: 'σ̂² (÷n, MLE)' },
  unbiased: { zh: 's²（÷(n−1)）', en: 's² (÷(n−1))' },
  truth: { zh: 'σ²', en: 'σ²' },
  expected: { zh: '(n−1)σ²/n', en: '(n−1)σ²/n' },
  meanMle: { zh: 'σ̂² 均值', en: 'mean σ̂²' },
  meanUnbiased: { zh: 's² 均值', en: 'mean s²' },
  code: { zh: '用 numpy 做同一个实验：', en: 'The same experiment in numpy:' },
  caption: {
    zh: '实线：真实方差 σ² 与理论上 σ̂² 的平均 (n−1)σ²/n（虚线）；彩色线：两种估计在所有重复上的平均。',
    en: 'Solid line: the true variance σ²; dashed: the theory’s average of σ̂², (n−1)σ²/n; coloured lines: the averages of both estimates over all repetitions.',
  },
} satisfies Record<string, Text>;

const biasSampleSize: NumberParam = {
  kind: 'integer',
  name: 'n',
  label: { zh: '每个样本的大小 n', en: 'Sample size n' },
  min: 2,
  max: 1000,
  step: 1,
  default: 5,
  log: true,
};

const repetitionsParam: NumberParam = {
  kind: 'integer',
  name: 'repetitions',
  label: { zh: '重复次数', en: 'Repetitions' },
  min: 100,
  max: 100_000,
  step: 1,
  default: 10_000,
  log: true,
};

let instances = 0;

/** Three decimals, for spoken summaries. */
const formatThree = (v: number) => formatNumber(v, 3);

/** A step series needs one value per edge: the last bin's count is repeated at the right edge. */
function stepValues(counts: Float64Array): Float64Array {
  const out = new Float64Array(counts.length + 1);
  out.set(counts);
  out[counts.length] = counts[counts.length - 1] ?? 0;
  return out;
}

/**
 * `<mle-bias-simulator>`: many samples of size n from N(0, σ²); the spread of σ̂² (÷n) and of s²
 * (÷(n−1)) over the repetitions, and their averages against σ² and (n−1)σ²/n.
 */
export class BiasSimulator extends MleWidget {
  static override widgetName = 'bias-simulator';
  static override params = [biasSampleSize, sigmaParam, repetitionsParam, seedParam];

  private readonly jobKey = `bias-simulator-${++instances}`;
  private chart: DensityChart | undefined;
  private chartBox!: HTMLElement;
  private table!: ReturnType<typeof createDataTable>;
  private progress!: ProgressView;
  private status!: HTMLElement;
  private readouts!: Record<'sigma2' | 'expected' | 'meanMle' | 'meanUnbiased' | 'repetitions', HTMLOutputElement>;
  private code!: HTMLElement;
  private result: BiasResult | undefined;

  protected build(body: HTMLElement): void {
    const t = (text: Text) => text[this.uiLang];
    body.append(this.controlsFor(['n', 'sigma', 'repetitions', 'seed']));
    this.progress = createProgress(this.uiLang);
    const readouts = createReadouts([
      { key: 'sigma2', label: t(TEXT.truth) },
      { key: 'expected', label: t(TEXT.expected) },
      { key: 'meanMle', label: t(TEXT.meanMle) },
      { key: 'meanUnbiased', label: t(TEXT.meanUnbiased) },
      { key: 'repetitions', label: t(TEXT.count) },
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
        { name: 'repetition', values: Float64Array.from(r.mle.values, (_v, i) => i + 1) },
        { name: 'sigma2_hat_mle', values: r.mle.values },
        { name: 's2_unbiased', values: r.unbiased.values },
        { name: 'bin_left', values: r.edges.subarray(0, -1) },
        { name: 'bin_right', values: r.edges.subarray(1) },
        { name: 'count_sigma2_hat', values: r.mle.counts },
        { name: 'count_s2', values: r.unbiased.counts },
      ];
    });
    body.append(this.progress.element, readouts.element, this.status, this.chartBox, note(t(TEXT.caption)), this.table.element, actions, note(t(TEXT.code)), this.code);
  }

  protected async render({ isStale }: RenderContext): Promise<void> {
    const { n, sigma, repetitions, seed } = this.state as { n: number; sigma: number; repetitions: number; seed: number };
    const outcome = await runLongJob(this.progress, this.jobKey, isStale, (control) =>
      sharedClient().biasSimulation({ seed, n, sigma, repetitions }, control),
    );
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
    o.sigma2.value = formatNumber(result.sigma2);
    o.expected.value = formatNumber(result.expectedMle);
    o.meanMle.value = formatNumber(result.mle.mean);
    o.meanUnbiased.value = formatNumber(result.unbiased.mean);
    o.repetitions.value = formatCount(result.repetitions, this.uiLang);
    this.code.textContent =
      `import numpy as np\n` +
      `rs = np.random.RandomState(${seed})\n` +
      `x = rs.normal(0.0, ${pythonNumber(sigma)}, size=(${repetitions}, ${n}))  # one sample per row\n` +
      `sigma2_hat = x.var(axis=1)          # ÷n      mean ${formatNumber(result.mle.mean)}\n` +
      `s2 = x.var(axis=1, ddof=1)          # ÷(n−1)  mean ${formatNumber(result.unbiased.mean)}\n` +
      `print(sigma2_hat.mean(), (${n} - 1) * ${pythonNumber(sigma)}**2 / ${n})`;
  }

  protected override onThemeChange(): void {
    this.chart?.restyle();
  }

  protected override announcement(): string {
    const r = this.result;
    if (!r) return '';
    const f = formatThree;
    return this.uiLang === 'zh'
      ? `n = ${r.n}，${r.repetitions} 次重复：σ̂² 均值 ${f(r.mle.mean)}（理论 ${f(r.expectedMle)}），s² 均值 ${f(r.unbiased.mean)}（σ² = ${f(r.sigma2)}）`
      : `n = ${r.n}, ${r.repetitions} repetitions: mean σ̂² ${f(r.mle.mean)} (theory ${f(r.expectedMle)}), mean s² ${f(r.unbiased.mean)} (σ² = ${f(r.sigma2)})`;
  }

  private draw(r: BiasResult): void {
    const t = (text: Text) => text[this.uiLang];
    this.chart ??= createDensityChart({
      container: this.chartBox,
      height: 280,
      label: t(TEXT.chart),
      xLabel: t(TEXT.estimate),
      yLabel: t(TEXT.count),
      curves: [
        { label: t(TEXT.mle), colour: '--mle-accent', fill: '--mle-bar', steps: true, width: 1.5, digits: 0 },
        { label: t(TEXT.unbiased), colour: '--mle-fit', fill: '--mle-bar-alt', steps: true, width: 1.5, digits: 0 },
      ],
    });
    this.chart.update({
      x: r.edges,
      curves: [stepValues(r.mle.counts), stepValues(r.unbiased.counts)],
      markers: [
        { x: r.sigma2, colour: '--mle-truth', label: 'σ²' },
        { x: r.expectedMle, colour: '--mle-truth', dash: [5, 4], label: '(n−1)σ²/n' },
        { x: r.mle.mean, colour: '--mle-accent', dash: [2, 3], label: t(TEXT.meanMle) },
        { x: r.unbiased.mean, colour: '--mle-fit', dash: [2, 3], label: t(TEXT.meanUnbiased) },
      ],
    });
    this.table.update([
      { name: this.uiLang === 'zh' ? '区间左端' : 'bin left', values: r.edges.subarray(0, -1) },
      { name: this.uiLang === 'zh' ? '区间右端' : 'bin right', values: r.edges.subarray(1) },
      { name: t(TEXT.mle), values: r.mle.counts },
      { name: t(TEXT.unbiased), values: r.unbiased.counts },
    ]);
  }
}
