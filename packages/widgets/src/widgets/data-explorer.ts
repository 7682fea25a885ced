import uPlot from 'uplot';
import type { Summary } from '@mle-lab/worker';
import { MleWidget, type RenderContext } from '../shared/base-widget.ts';
import { createBoxChart, type BoxChart } from '../shared/box-chart.ts';
import { sharedClient } from '../shared/client.ts';
import { bandwidthParam, binsParam, muParam, numericChoice, pythonNumber, sampleSizeParam, seedParam, sigmaParam } from '../shared/common-params.ts';
import { createDataTable } from '../shared/data-table.ts';
import { createDatasetCache } from '../shared/dataset.ts';
import { createDensityChart, type DensityChart } from '../shared/density-chart.ts';
import { formatCount, formatNumber } from '../shared/format.ts';
import type { Text } from '../shared/i18n.ts';
import { runLongJob } from '../shared/long-job.ts';
import { createProgress, type ProgressView } from '../shared/progress.ts';
import { chartBox, codeBlock, createReadouts, note } from '../shared/readouts.ts';

const TEXT = {
  chart: { zh: '直方图（密度）、KDE 曲线与真实、MLE 概率密度曲线', en: 'Histogram (density) with the KDE curve, the true pdf and the MLE pdf' },
  boxChart: { zh: '箱线图：四分位数、须、离群点与均值', en: 'Box plot: quartiles, whiskers, outliers and the mean' },
  histTable: { zh: '直方图的各个区间与密度', en: 'Histogram bins and densities' },
  curveTable: { zh: '概率密度曲线与 KDE 曲线上的点', en: 'Points on the pdf curves and the KDE curve' },
  boxTable: { zh: '箱线图的统计量', en: 'Box plot statistics' },
  truth: { zh: '真实 pdf', en: 'true pdf' },
  fit: { zh: 'MLE pdf', en: 'MLE pdf' },
  kde: { zh: 'KDE', en: 'KDE' },
  value: { zh: '值', en: 'value' },
  density: { zh: '密度', en: 'density' },
  statistic: { zh: '统计量', en: 'statistic' },
  whiskerLow: { zh: '下须', en: 'lower whisker' },
  whiskerHigh: { zh: '上须', en: 'upper whisker' },
  q1: { zh: 'Q1', en: 'Q1' },
  q3: { zh: 'Q3', en: 'Q3' },
  median: { zh: '中位数', en: 'median' },
  mean: { zh: '均值', en: 'mean' },
  outliers: { zh: '离群点', en: 'outliers' },
  bandwidth: { zh: 'KDE 带宽 h', en: 'KDE bandwidth h' },
  boxNote: {
    zh: '箱体从 Q1 到 Q3，粗线是中位数，须延伸到 1.5·IQR 以内最远的数据点，圆圈是离群点，菱形是均值。',
    en: 'The box runs from Q1 to Q3, the thick line is the median, the whiskers reach the farthest data within 1.5·IQR, circles are outliers and the diamond is the mean.',
  },
  code: { zh: '用 numpy 和 seaborn 画出同样的图：', en: 'The same pictures in numpy and seaborn:' },
} satisfies Record<string, Text>;

let instances = 0;

/**
 * `<mle-data-explorer>`: seeded normal data as a density histogram with a KDE curve, the true pdf and
 * the MLE pdf over it, a box plot below on the same axis, the estimates μ̂, σ̂², σ̂, and the numpy /
 * seaborn lines that draw the same pictures.
 */
export class DataExplorer extends MleWidget {
  static override widgetName = 'data-explorer';
  static override params = [seedParam, muParam, sigmaParam, sampleSizeParam, binsParam, bandwidthParam];

  private chart: DensityChart | undefined;
  private box: BoxChart | undefined;
  private chartBox!: HTMLElement;
  private boxBox!: HTMLElement;
  private tables!: Record<'hist' | 'curves' | 'box', ReturnType<typeof createDataTable>>;
  private readouts!: Record<'mu' | 'sigma2' | 'sigma' | 'n' | 'bandwidth' | 'q1' | 'median' | 'q3', HTMLOutputElement>;
  private code!: HTMLElement;
  private progress!: ProgressView;
  private status!: HTMLElement;
  private readonly jobKey = `data-explorer-${++instances}`;
  private readonly data = createDatasetCache(sharedClient, (client, spec: { seed: number; mu: number; sigma: number; n: number }) => client.generate(spec));
  private summary: Summary | undefined;

  protected build(body: HTMLElement): void {
    const t = (text: Text) => text[this.uiLang];
    body.append(this.controlsFor(['seed', 'mu', 'sigma', 'n', 'bins', 'bandwidth']));
    const readouts = createReadouts([
      { key: 'mu', label: 'μ̂' },
      { key: 'sigma2', label: 'σ̂²' },
      { key: 'sigma', label: 'σ̂' },
      { key: 'n', label: 'n' },
      { key: 'bandwidth', label: t(TEXT.bandwidth) },
      { key: 'q1', label: 'Q1' },
      { key: 'median', label: t(TEXT.median) },
      { key: 'q3', label: 'Q3' },
    ]);
    this.readouts = readouts.outputs;
    this.progress = createProgress(this.uiLang);
    this.status = note('', 'legend-note status');
    this.chartBox = chartBox();
    this.boxBox = chartBox('compact');
    this.tables = {
      hist: createDataTable(t(TEXT.histTable)),
      curves: createDataTable(t(TEXT.curveTable)),
      box: createDataTable(t(TEXT.boxTable)),
    };
    this.code = codeBlock(this.uiLang);
    const actions = this.actionBar(async () => {
      const s = this.summary;
      const handle = this.data.current();
      if (!handle || !s) return [];
      const values = await sharedClient().values(handle);
      return [
        { name: 'x', values },
        { name: 'bin_left', values: s.histogram.edges.subarray(0, -1) },
        { name: 'bin_right', values: s.histogram.edges.subarray(1) },
        { name: 'count', values: s.histogram.counts },
        { name: 'density', values: s.histogram.density },
        { name: 'kde_x', values: s.kde?.x ?? [] },
        { name: 'kde_density', values: s.kde?.density ?? [] },
      ];
    });
    body.append(
      this.progress.element,
      readouts.element,
      this.status,
      this.chartBox,
      this.boxBox,
      note(t(TEXT.boxNote)),
      this.tables.hist.element,
      this.tables.curves.element,
      this.tables.box.element,
      actions,
      note(t(TEXT.code)),
      this.code,
    );
  }

  protected async render({ isStale }: RenderContext): Promise<void> {
    const client = sharedClient();
    const { seed, mu, sigma, n } = this.state as { seed: number; mu: number; sigma: number; n: number };
    const bins = numericChoice(this.state['bins'] as string | number) as 'auto' | 'fd' | 'sturges' | number;
    const bandwidth = numericChoice(this.state['bandwidth'] as string | number) as 'scott' | 'silverman' | number;
    // A million samples take a moment to summarise: behind the progress bar, cancellable, latest wins.
    const outcome = await runLongJob(this.progress, this.jobKey, isStale, (control) =>
      this.data.use({ seed, mu, sigma, n }, (handle) => client.summarize(handle, { bins, kde: { bandwidth, gridSize: 200 }, box: true }, control)),
    );
    if (outcome.status === 'stale') return;
    if (outcome.status === 'cancelled') {
      this.reportCancelled(this.status);
      return;
    }
    const summary = outcome.value;
    this.status.textContent = '';
    this.summary = summary;
    this.draw(summary);
    const o = this.readouts;
    o.mu.value = formatNumber(summary.mle.mu);
    o.sigma2.value = formatNumber(summary.mle.sigma2);
    o.sigma.value = formatNumber(summary.mle.sigma);
    o.n.value = formatCount(summary.n, this.uiLang);
    o.bandwidth.value = summary.kde ? formatNumber(summary.kde.bandwidth) : '—';
    o.q1.value = summary.box ? formatNumber(summary.box.q1) : '—';
    o.median.value = summary.box ? formatNumber(summary.box.median) : '—';
    o.q3.value = summary.box ? formatNumber(summary.box.q3) : '—';
    const binsPy = typeof bins === 'number' ? String(bins) : `'${bins}'`;
    const bwPy = typeof bandwidth === 'number' ? String(bandwidth) : `'${bandwidth}'`;
    const kdeNote = summary.kde ? `# h = ${formatNumber(summary.kde.bandwidth)} (factor ${formatNumber(summary.kde.factor)})` : '';
    this.code.textContent =
      `import numpy as np\n` +
      `import seaborn as sns\n` +
      `np.random.seed(${seed})\n` +
      `data = np.random.normal(${pythonNumber(mu)}, ${pythonNumber(sigma)}, ${n})\n` +
      `mu_hat = data.mean()                              # ${formatNumber(summary.mle.mu)}\n` +
      `sigma_hat = np.sqrt(np.mean((data - mu_hat)**2))  # ${formatNumber(summary.mle.sigma)}\n` +
      `sns.histplot(data, bins=${binsPy}, stat='density')\n` +
      `sns.kdeplot(data, bw_method=${bwPy})  ${kdeNote}\n` +
      `sns.boxplot(x=data, whis=1.5, showmeans=True)`;
  }

  protected override onThemeChange(): void {
    this.chart?.restyle();
    this.box?.restyle();
  }

  protected override announcement(): string {
    const s = this.summary;
    if (!s) return '';
    return this.uiLang === 'zh'
      ? `n = ${s.n}：μ̂ = ${formatNumber(s.mle.mu)}，σ̂ = ${formatNumber(s.mle.sigma)}`
      : `n = ${s.n}: μ̂ = ${formatNumber(s.mle.mu)}, σ̂ = ${formatNumber(s.mle.sigma)}`;
  }

  private draw(summary: Summary): void {
    const t = (text: Text) => text[this.uiLang];
    const { x, truth, mle } = summary.curves;
    // The pdf curves span the histogram; the KDE's grid extends 3 bandwidths further (seaborn's cut).
    // uPlot.join aligns both grids on one x axis, leaving gaps where a curve has no point.
    const kde = summary.kde;
    const grids: uPlot.AlignedData[] = [truth ? [x, truth, mle] : [x, mle]];
    if (kde) grids.push([kde.x, kde.density]);
    const joined = grids.length > 1 ? uPlot.join(grids) : (grids[0] as uPlot.AlignedData);
    let column = 1;
    const jTruth = truth ? joined[column++] : null;
    const jMle = joined[column++] ?? null;
    const jKde = kde ? joined[column++] : null;
    this.chart ??= createDensityChart({
      container: this.chartBox,
      height: 300,
      label: t(TEXT.chart),
      xLabel: t(TEXT.value),
      yLabel: t(TEXT.density),
      curves: [
        { label: t(TEXT.truth), colour: '--mle-truth' },
        { label: t(TEXT.fit), colour: '--mle-fit', dash: [6, 4] },
        { label: t(TEXT.kde), colour: '--mle-kde' },
      ],
    });
    this.chart.update({
      x: joined[0],
      curves: [jTruth ?? null, jMle, jKde ?? null],
      bars: [{ edges: summary.histogram.edges, heights: summary.histogram.density, colour: '--mle-bar' }],
    });
    const box = summary.box;
    if (box) {
      this.box ??= createBoxChart({
        container: this.boxBox,
        height: 120,
        label: t(TEXT.boxChart),
        xLabel: t(TEXT.value),
        range: () => this.chart?.xRange() ?? [0, 1],
        names: {
          whiskerLow: t(TEXT.whiskerLow),
          q1: t(TEXT.q1),
          median: t(TEXT.median),
          mean: t(TEXT.mean),
          q3: t(TEXT.q3),
          whiskerHigh: t(TEXT.whiskerHigh),
          statistic: t(TEXT.statistic),
        },
      });
      this.box.update(box);
    }
    this.boxBox.hidden = !box;
    this.tables.hist.update([
      { name: this.uiLang === 'zh' ? '区间左端' : 'bin left', values: summary.histogram.edges.subarray(0, -1) },
      { name: this.uiLang === 'zh' ? '区间右端' : 'bin right', values: summary.histogram.edges.subarray(1) },
      { name: t(TEXT.density), values: summary.histogram.density },
    ]);
    this.tables.curves.update([
      { name: t(TEXT.value), values: x },
      ...(truth ? [{ name: t(TEXT.truth), values: truth }] : []),
      { name: t(TEXT.fit), values: mle },
      ...(kde ? [{ name: `${t(TEXT.kde)} x`, values: kde.x }, { name: t(TEXT.kde), values: kde.density }] : []),
    ]);
    if (box) {
      this.tables.box.update([
        { name: t(TEXT.whiskerLow), values: [box.whiskerLow] },
        { name: t(TEXT.q1), values: [box.q1] },
        { name: t(TEXT.median), values: [box.median] },
        { name: t(TEXT.q3), values: [box.q3] },
        { name: t(TEXT.whiskerHigh), values: [box.whiskerHigh] },
        { name: t(TEXT.mean), values: [box.mean] },
        { name: t(TEXT.outliers), values: [box.outliers.length] },
      ]);
    }
  }
}
