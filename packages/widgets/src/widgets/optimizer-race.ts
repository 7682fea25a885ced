import uPlot from 'uplot';
import type { MleClient } from '@mle-lab/worker';
import { MleWidget, type RenderContext } from '../shared/base-widget.ts';
import { createChart, themedAxes, type Chart } from '../shared/chart.ts';
import { sharedClient } from '../shared/client.ts';
import { muParam, pythonNumber, sampleSizeParam, seedParam, sigmaParam } from '../shared/common-params.ts';
import { createDataTable, headerCell } from '../shared/data-table.ts';
import { createDatasetCache } from '../shared/dataset.ts';
import { formatCount, formatNumber } from '../shared/format.ts';
import type { Text } from '../shared/i18n.ts';
import { runLongJob } from '../shared/long-job.ts';
import { divergedMessage, FIT_REASONS as REASONS, iterationsParam, lrAdamParam, lrGdParam, reductionParam } from '../shared/optimizer-params.ts';
import { createProgress, type ProgressView } from '../shared/progress.ts';
import { chartBox, codeBlock, note, outputRow, tableScroll } from '../shared/readouts.ts';

type FitResult = Awaited<ReturnType<MleClient['fit']>>;
type Method = 'gd' | 'adam';

const TEXT = {
  mu: { zh: 'μ 随迭代的变化', en: 'μ against iteration' },
  sigma: { zh: 'σ 随迭代的变化', en: 'σ against iteration' },
  loss: { zh: '负对数似然 J 随迭代的变化', en: 'Negative log-likelihood J against iteration' },
  gap: { zh: '与解析解的差距 J − Ĵ（对数坐标）', en: 'Distance to the closed form, J − Ĵ (log scale)' },
  iteration: { zh: '迭代次数', en: 'iteration' },
  gd: { zh: '梯度下降', en: 'gradient descent' },
  adam: { zh: 'Adam', en: 'Adam' },
  closed: { zh: '解析解', en: 'closed form' },
  method: { zh: '方法', en: 'method' },
  iterations: { zh: '迭代', en: 'iterations' },
  status: { zh: '状态', en: 'status' },
  running: { zh: '运行中…', en: 'running…' },
  tableCaption: { zh: '梯度下降、Adam 与解析解的结果', en: 'Results of gradient descent, Adam and the closed form' },
  chartTable: { zh: (what: string) => `${what}：数据表`, en: (what: string) => `${what}: data table` },
  caption: {
    zh: '损失 J = nτ + S·e^(−2τ)/2（τ = log σ）是去掉常数 n·log√(2π) 的负对数似然，与 NLL 曲面图相同；"mean" 把它除以 n，步长因此与 n 无关。红色虚线为解析解 μ̂ = x̄、σ̂ = √(S/n)。',
    en: 'Loss J = nτ + S·e^(−2τ)/2 (τ = log σ): the negative log-likelihood without the constant n·log√(2π), as on the NLL surface; "mean" divides it by n, so the step size no longer depends on n. Red dashed: the closed form μ̂ = x̄, σ̂ = √(S/n).',
  },
  code: { zh: '笔记本中的同一比较（numpy）：', en: 'The notebook’s comparison (numpy):' },
} satisfies Record<string, Text | { zh: (w: string) => string; en: (w: string) => string }>;

/** Only finite values are drawn (a diverged run's last values are ±Infinity or NaN). */
function finite(values: ArrayLike<number>): (number | null)[] {
  return Array.from(values, (v) => (Number.isFinite(v) ? v : null));
}

/** Powers of ten inside the y scale (every k-th decade when there are many): a log axis's ticks. */
function decades(u: uPlot): number[] {
  const min = u.scales['y']?.min;
  const max = u.scales['y']?.max;
  if (min == null || max == null || !(min > 0) || !(max > min)) return [];
  const lo = Math.ceil(Math.log10(min));
  const hi = Math.floor(Math.log10(max));
  const step = Math.max(1, Math.ceil((hi - lo + 1) / 5));
  const out: number[] = [];
  for (let k = hi; k >= lo; k -= step) out.unshift(10 ** k);
  return out;
}

/** A power of ten as a tick label: 0.01, 100, 1e-6. */
function powerLabel(v: number): string {
  return v >= 1e-3 && v <= 1e4 ? String(Number(v.toPrecision(1))) : v.toExponential(0).replace('e+', 'e');
}

/** The axes of a log-scale chart: ticks at powers of ten only, all kept. */
function logAxes([x, y]: uPlot.Axis[]): uPlot.Axis[] {
  return [x as uPlot.Axis, { ...y, splits: decades, filter: (_u, splits) => splits, values: (_u, splits) => splits.map((v) => (v == null ? '' : powerLabel(v))) }];
}

/** Adds a constant series (the closed form's value as a horizontal line) to aligned data. */
function withLine(data: uPlot.AlignedData, value: number): uPlot.AlignedData {
  return [...data, Array.from({ length: data[0].length }, () => value)] as uPlot.AlignedData;
}

interface RaceChart {
  box: HTMLElement;
  chart: Chart | undefined;
  table: ReturnType<typeof createDataTable>;
  title: Text;
  log: boolean;
}

let instances = 0;

/**
 * `<mle-optimizer-race>`: gradient descent and Adam on the normal NLL, side by side: μ, σ and the loss
 * against iteration with the closed form as a line, and the distance to it on a log scale.
 */
export class OptimizerRace extends MleWidget {
  static override widgetName = 'optimizer-race';
  static override params = [seedParam, muParam, sigmaParam, sampleSizeParam, lrGdParam, lrAdamParam, iterationsParam, reductionParam];

  private readonly jobKey = `optimizer-race-${++instances}`;
  private readonly sample = createDatasetCache(sharedClient, (client, spec: { seed: number; mu: number; sigma: number; n: number }) => client.generate(spec));
  private progress!: ProgressView;
  private status!: HTMLElement;
  private cells!: Record<Method | 'closed', Record<'mu' | 'sigma' | 'loss' | 'iterations' | 'status', HTMLOutputElement>>;
  private charts!: Record<'mu' | 'sigma' | 'loss' | 'gap', RaceChart>;
  private code!: HTMLElement;
  private results: Partial<Record<Method, FitResult>> = {};

  protected build(body: HTMLElement): void {
    const t = (text: Text) => text[this.uiLang];
    const style = document.createElement('style');
    style.textContent = `.race-charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 8px 16px; }
.race-charts figure { margin: 0; min-width: 0; }
.race-charts figcaption { font-weight: 600; font-size: 13px; margin: 4px 0; }
.race-table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 6px 0; width: 100%; font-size: 13px; }
.race-table th, .race-table td { text-align: left; padding: 2px 8px 2px 0; border-bottom: 1px solid var(--mle-border); }
.warning { color: var(--mle-error); margin: 4px 0; }
.warning:empty { display: none; }`;
    this.root.append(style);
    body.append(this.controlsFor(['seed', 'mu', 'sigma', 'n', 'lr-gd', 'lr-adam', 'iterations', 'reduction']));
    this.progress = createProgress(this.uiLang);
    this.status = note('', 'warning');
    this.status.setAttribute('role', 'status');

    const table = document.createElement('table');
    table.className = 'race-table';
    const caption = document.createElement('caption');
    caption.className = 'sr-only';
    caption.textContent = t(TEXT.tableCaption);
    const head = table.createTHead().insertRow();
    for (const name of [t(TEXT.method), 'μ', 'σ', 'J', t(TEXT.iterations), t(TEXT.status)]) head.append(headerCell(name, 'col'));
    table.prepend(caption);
    const tbody = table.createTBody();
    const row = (key: Method | 'closed', label: string) =>
      outputRow(tbody, label, ['mu', 'sigma', 'loss', 'iterations', 'status'] as const, (field) => `${key}-${field}`);
    this.cells = { gd: row('gd', t(TEXT.gd)), adam: row('adam', t(TEXT.adam)), closed: row('closed', t(TEXT.closed)) };
    const tableWrap = tableScroll(table, this.uiLang);

    const grid = document.createElement('div');
    grid.className = 'race-charts';
    const make = (title: Text, log: boolean): RaceChart => {
      const figure = document.createElement('figure');
      const figcaption = document.createElement('figcaption');
      figcaption.textContent = t(title);
      const box = chartBox();
      const dataTable = createDataTable(TEXT.chartTable[this.uiLang](t(title)));
      figure.append(figcaption, box, dataTable.element);
      grid.append(figure);
      return { box, chart: undefined, table: dataTable, title, log };
    };
    this.charts = { mu: make(TEXT.mu, false), sigma: make(TEXT.sigma, false), loss: make(TEXT.loss, false), gap: make(TEXT.gap, true) };
    this.code = codeBlock(this.uiLang);
    const actions = this.actionBar(async () => {
      const columns = [];
      for (const method of ['gd', 'adam'] as const) {
        const h = this.results[method]?.history;
        if (!h) continue;
        columns.push(
          { name: `${method}_iteration`, values: h.iteration },
          { name: `${method}_mu`, values: h.mu },
          { name: `${method}_sigma`, values: h.sigma },
          { name: `${method}_loss`, values: h.loss },
        );
      }
      const closed = this.results.gd?.closedForm ?? this.results.adam?.closedForm;
      if (closed) columns.push({ name: 'closed_form_mu', values: [closed.mu] }, { name: 'closed_form_sigma', values: [closed.sigma] }, { name: 'closed_form_loss', values: [closed.loss] });
      return columns;
    });
    body.append(this.progress.element, this.status, tableWrap, grid, note(t(TEXT.caption)), actions, note(t(TEXT.code)), this.code);
  }

  protected async render({ isStale }: RenderContext): Promise<void> {
    const s = this.state as { seed: number; mu: number; sigma: number; n: number; 'lr-gd': number; 'lr-adam': number; iterations: number; reduction: 'sum' | 'mean' };
    const client = sharedClient();
    const done: Record<Method, number> = { gd: 0, adam: 0 };
    const total = 2 * s.iterations;
    const track = (method: Method) => (p: { done: number; mu?: number | undefined; sigma?: number | undefined; loss?: number | undefined }) => {
      done[method] = p.done;
      this.progress.update(done.gd + done.adam, total);
      const cells = this.cells[method];
      if (p.mu !== undefined) cells.mu.value = formatNumber(p.mu, 6);
      if (p.sigma !== undefined) cells.sigma.value = formatNumber(p.sigma, 6);
      if (p.loss !== undefined) cells.loss.value = formatNumber(p.loss, 4);
      cells.iterations.value = formatCount(p.done, this.uiLang);
      cells.status.value = TEXT.running[this.uiLang];
    };
    const outcome = await runLongJob(this.progress, this.jobKey, isStale, ({ signal }) =>
      this.sample.use({ seed: s.seed, mu: s.mu, sigma: s.sigma, n: s.n }, (handle) =>
        Promise.all([
          client.fit(
            handle,
            { method: 'gd', learningRate: s['lr-gd'], maxIterations: s.iterations, reduction: s.reduction, maxPoints: 1500 },
            { key: `${this.jobKey}-gd`, signal, onProgress: track('gd') },
          ),
          client.fit(
            handle,
            { method: 'adam', learningRate: s['lr-adam'], maxIterations: s.iterations, reduction: s.reduction, maxPoints: 1500 },
            { key: `${this.jobKey}-adam`, signal, onProgress: track('adam') },
          ),
        ]),
      ),
    );
    if (outcome.status === 'stale') return;
    if (outcome.status === 'cancelled') {
      this.showResults();
      this.reportCancelled(this.status);
      return;
    }
    const [gd, adam] = outcome.value;
    this.results = { gd, adam };
    this.showResults();
    const messages: string[] = [];
    if (gd.reason === 'diverged') messages.push(divergedMessage(this.uiLang, TEXT.gd[this.uiLang], gd.iterations, s['lr-gd'], s.reduction, s.n));
    if (adam.reason === 'diverged') messages.push(divergedMessage(this.uiLang, TEXT.adam[this.uiLang], adam.iterations, s['lr-adam'], s.reduction, s.n));
    this.status.textContent = messages.join(' ');
    this.draw(gd, adam);
    this.code.textContent =
      `import numpy as np\n` +
      `np.random.seed(${s.seed})\n` +
      `x = np.random.normal(${pythonNumber(s.mu)}, ${pythonNumber(s.sigma)}, ${s.n})\n` +
      (s.reduction === 'mean' ? `# reduction='mean': divide J and its gradient by n = x.size\n` : '') +
      `gradient_descent_mle_basic(x, lr_mu=${s['lr-gd']}, lr_rho=${s['lr-gd']}, max_iters=${s.iterations})  # μ = ${formatNumber(gd.mu, 6)}\n` +
      `gradient_descent_mle_adam(x, lr_mu=${s['lr-adam']}, lr_rho=${s['lr-adam']}, max_iters=${s.iterations})  # μ = ${formatNumber(adam.mu, 6)}`;
  }

  private showResults(): void {
    const lang = this.uiLang;
    for (const method of ['gd', 'adam'] as const) {
      const r = this.results[method];
      const cells = this.cells[method];
      if (!r) continue;
      cells.mu.value = formatNumber(r.mu, 6);
      cells.sigma.value = formatNumber(r.sigma, 6);
      cells.loss.value = formatNumber(r.loss, 4);
      cells.iterations.value = formatCount(r.iterations, lang);
      cells.status.value = (REASONS[r.reason] ?? { zh: r.reason, en: r.reason })[lang];
    }
    const closed = this.results.gd?.closedForm ?? this.results.adam?.closedForm;
    if (closed) {
      this.cells.closed.mu.value = formatNumber(closed.mu, 6);
      this.cells.closed.sigma.value = formatNumber(closed.sigma, 6);
      this.cells.closed.loss.value = formatNumber(closed.loss, 4);
      this.cells.closed.iterations.value = '—';
      this.cells.closed.status.value = lang === 'zh' ? 'μ̂ = x̄，σ̂² = S/n' : 'μ̂ = x̄, σ̂² = S/n';
    }
  }

  private draw(gd: FitResult, adam: FitResult): void {
    const closed = gd.closedForm;
    // One x axis for both runs (their decimated iterations differ): uPlot.join fills the gaps with null.
    const joined = (pick: (r: FitResult) => ArrayLike<number>) =>
      uPlot.join([
        [Array.from(gd.history.iteration), finite(pick(gd))],
        [Array.from(adam.history.iteration), finite(pick(adam))],
      ] as uPlot.AlignedData[]);
    // L − L̂ from core (the fit's lossGap), drawn as it comes.
    const gapOf = (r: FitResult) => Array.from(r.history.lossGap);
    this.drawChart('mu', withLine(joined((r) => r.history.mu), closed.mu), 'μ', true);
    this.drawChart('sigma', withLine(joined((r) => r.history.sigma), closed.sigma), 'σ', true);
    this.drawChart('loss', withLine(joined((r) => r.history.loss), closed.loss), 'J', true);
    // L − L̂ ≥ 0 at every iterate; values at rounding level (≤ 0) cannot be drawn on a log axis.
    const gap = uPlot.join([
      [Array.from(gd.history.iteration), gapOf(gd).map((v) => (v > 0 && Number.isFinite(v) ? v : null))],
      [Array.from(adam.history.iteration), gapOf(adam).map((v) => (v > 0 && Number.isFinite(v) ? v : null))],
    ] as uPlot.AlignedData[]);
    this.drawChart('gap', gap, 'L − L̂', false);
  }

  private drawChart(which: keyof OptimizerRace['charts'], data: uPlot.AlignedData, yLabel: string, closedLine: boolean): void {
    const entry = this.charts[which];
    const lang = this.uiLang;
    const t = (text: Text) => text[lang];
    const fmt = (digits: number) => (_u: uPlot, v: number | null) => (v == null ? '—' : entry.log ? v.toExponential(2) : formatNumber(v, digits));
    if (!entry.chart) {
      entry.chart = createChart({
        container: entry.box,
        height: 200,
        label: t(entry.title),
        data,
        options: (colour) => ({
          scales: { x: { time: false }, y: entry.log ? { distr: 3, log: 10 } : {} },
          axes: entry.log ? logAxes(themedAxes(colour, { x: t(TEXT.iteration), y: yLabel })) : themedAxes(colour, { x: t(TEXT.iteration), y: yLabel }),
          series: [
            { label: t(TEXT.iteration), value: (_u, v) => (v == null ? '—' : String(v)) },
            { label: t(TEXT.gd), stroke: colour('--mle-accent'), width: 2, spanGaps: true, value: fmt(6) },
            { label: t(TEXT.adam), stroke: colour('--mle-fit'), width: 2, spanGaps: true, value: fmt(6) },
            ...(closedLine ? [{ label: t(TEXT.closed), stroke: colour('--mle-truth'), width: 1.5, dash: [6, 4], value: fmt(6) }] : []),
          ],
        }),
      });
    }
    entry.chart.setData(data);
    const names = ['iteration', t(TEXT.gd), t(TEXT.adam), t(TEXT.closed)];
    entry.table.update(data.map((values, i) => ({ name: names[i] ?? '', values: Array.from(values as ArrayLike<number | null>, (v) => (v == null ? NaN : v)) })));
  }

  protected override onThemeChange(): void {
    for (const entry of Object.values(this.charts)) entry.chart?.restyle();
  }

  protected override announcement(): string {
    const { gd, adam } = this.results;
    if (!gd || !adam) return '';
    const lang = this.uiLang;
    const status = (r: FitResult) => (REASONS[r.reason] ?? { zh: r.reason, en: r.reason })[lang];
    return lang === 'zh'
      ? `梯度下降：${gd.iterations} 次迭代，μ = ${formatNumber(gd.mu, 4)}，σ = ${formatNumber(gd.sigma, 4)}，${status(gd)}；Adam：${adam.iterations} 次迭代，μ = ${formatNumber(adam.mu, 4)}，σ = ${formatNumber(adam.sigma, 4)}，${status(adam)}`
      : `Gradient descent: ${gd.iterations} iterations, μ = ${formatNumber(gd.mu, 4)}, σ = ${formatNumber(gd.sigma, 4)}, ${status(gd)}; Adam: ${adam.iterations} iterations, μ = ${formatNumber(adam.mu, 4)}, σ = ${formatNumber(adam.sigma, 4)}, ${status(adam)}`;
  }
}
