import type uPlot from 'uplot';
import type { DatasetHandle, Summary } from '@mle-lab/worker';
import { MleWidget, type RenderContext } from '../shared/base-widget.ts';
import { createChart, themedAxes, type Chart } from '../shared/chart.ts';
import { sharedClient } from '../shared/client.ts';
import { binsParam, muParam, pythonNumber, sampleSizeParam, seedParam, sigmaParam } from '../shared/common-params.ts';
import { formatCount, formatNumber } from '../shared/format.ts';

const TEXT = {
  chart: { zh: '直方图（密度）与真实、MLE 概率密度曲线', en: 'Histogram (density) with the true and the MLE pdf' },
  truth: { zh: '真实 pdf', en: 'true pdf' },
  fit: { zh: 'MLE pdf', en: 'MLE pdf' },
  value: { zh: '值', en: 'value' },
  density: { zh: '密度', en: 'density' },
  code: { zh: '用 numpy 得到同一组数据：', en: 'The same data in numpy:' },
};

/** Draws histogram bars (in data coordinates) under the series. */
function barsHook(getBars: () => Summary['histogram'] | undefined, fill: () => string) {
  return (u: uPlot) => {
    const bars = getBars();
    if (!bars) return;
    const { ctx } = u;
    ctx.save();
    ctx.fillStyle = fill();
    const y0 = u.valToPos(0, 'y', true);
    for (let i = 0; i < bars.density.length; i++) {
      const left = u.valToPos(bars.edges[i] as number, 'x', true);
      const right = u.valToPos(bars.edges[i + 1] as number, 'x', true);
      const top = u.valToPos(bars.density[i] as number, 'y', true);
      ctx.fillRect(left, top, Math.max(1, right - left - 1), y0 - top);
    }
    ctx.restore();
  };
}

/**
 * `<mle-data-explorer>`: seeded normal data as a density histogram with the true pdf and the MLE pdf
 * over it, the estimates μ̂, σ̂², σ̂, and the numpy lines that draw the same sample.
 */
export class DataExplorer extends MleWidget {
  static override widgetName = 'data-explorer';
  static override params = [seedParam, muParam, sigmaParam, sampleSizeParam, binsParam];

  private chart: Chart | undefined;
  private chartBox!: HTMLElement;
  private readouts!: Record<'mu' | 'sigma2' | 'sigma' | 'n', HTMLOutputElement>;
  private code!: HTMLElement;
  private handle: DatasetHandle | undefined;
  private handleKey = '';
  private summary: Summary | undefined;
  /** Top of the y axis: the tallest bar or curve (read by uPlot's range callback on each setData). */
  private yMax = 1;

  protected build(body: HTMLElement): void {
    const t = (text: { zh: string; en: string }) => text[this.lang];
    body.append(this.controlsFor(['seed', 'mu', 'sigma', 'n', 'bins']));
    const readouts = document.createElement('div');
    readouts.className = 'readouts';
    const make = (key: string, label: string) => {
      const span = document.createElement('span');
      const output = document.createElement('output');
      output.dataset['readout'] = key;
      span.append(`${label} = `, output);
      readouts.append(span);
      return output;
    };
    this.readouts = { mu: make('mu', 'μ̂'), sigma2: make('sigma2', 'σ̂²'), sigma: make('sigma', 'σ̂'), n: make('n', 'n') };
    this.chartBox = document.createElement('div');
    this.chartBox.className = 'chart';
    const codeIntro = document.createElement('p');
    codeIntro.className = 'legend-note';
    codeIntro.textContent = t(TEXT.code);
    this.code = document.createElement('pre');
    this.code.className = 'code';
    body.append(readouts, this.chartBox, codeIntro, this.code);
  }

  protected async render({ isStale }: RenderContext): Promise<void> {
    const client = sharedClient();
    const { seed, mu, sigma, n, bins } = this.state as { seed: number; mu: number; sigma: number; n: number; bins: string | number };
    const key = `${seed}|${mu}|${sigma}|${n}`;
    if (key !== this.handleKey || !this.handle) {
      const next = await client.generate({ seed, mu, sigma, n });
      if (this.handle) void client.release(this.handle);
      this.handle = next;
      this.handleKey = key;
    }
    const binsValue = typeof bins === 'string' && /^\d+$/.test(bins) ? Number(bins) : bins;
    const summary = await client.summarize(this.handle, { bins: binsValue as 'auto' | 'fd' | 'sturges' | number });
    if (isStale()) return;
    this.summary = summary;
    this.draw(summary);
    this.readouts.mu.value = formatNumber(summary.mle.mu);
    this.readouts.sigma2.value = formatNumber(summary.mle.sigma2);
    this.readouts.sigma.value = formatNumber(summary.mle.sigma);
    this.readouts.n.value = formatCount(summary.n, this.lang);
    const binsPy = typeof binsValue === 'number' ? String(binsValue) : `'${binsValue}'`;
    this.code.textContent =
      `import numpy as np\n` +
      `np.random.seed(${seed})\n` +
      `data = np.random.normal(${pythonNumber(mu)}, ${pythonNumber(sigma)}, ${n})\n` +
      `mu_hat = data.mean()                              # ${formatNumber(summary.mle.mu)}\n` +
      `sigma_hat = np.sqrt(np.mean((data - mu_hat)**2))  # ${formatNumber(summary.mle.sigma)}\n` +
      `plt.hist(data, bins=${binsPy}, density=True)`;
  }

  protected override onThemeChange(): void {
    this.chart?.restyle();
  }

  protected override announcement(): string {
    const s = this.summary;
    if (!s) return '';
    return this.lang === 'zh'
      ? `n = ${s.n}：μ̂ = ${formatNumber(s.mle.mu)}，σ̂ = ${formatNumber(s.mle.sigma)}`
      : `n = ${s.n}: μ̂ = ${formatNumber(s.mle.mu)}, σ̂ = ${formatNumber(s.mle.sigma)}`;
  }

  private draw(summary: Summary): void {
    const { x, truth, mle } = summary.curves;
    const data: uPlot.AlignedData = [x, truth ?? new Float64Array(x.length), mle];
    let yMax = 0;
    for (const v of summary.histogram.density) yMax = Math.max(yMax, v);
    for (const v of data[1] as Float64Array) yMax = Math.max(yMax, v);
    for (const v of mle) yMax = Math.max(yMax, v);
    const lang = this.lang;
    if (!this.chart) {
      this.chart = createChart({
        container: this.chartBox,
        height: 300,
        label: TEXT.chart[lang],
        data,
        options: (colour) => ({
          scales: { x: { time: false }, y: { range: () => [0, this.yMax * 1.08] } },
          axes: themedAxes(colour, { x: TEXT.value[lang], y: TEXT.density[lang] }),
          series: [
            { label: TEXT.value[lang], value: (_u, v) => (v == null ? '—' : formatNumber(v, 3)) },
            { label: TEXT.truth[lang], stroke: colour('--mle-truth'), width: 2, value: (_u, v) => (v == null ? '—' : formatNumber(v, 4)) },
            { label: TEXT.fit[lang], stroke: colour('--mle-fit'), width: 2, dash: [6, 4], value: (_u, v) => (v == null ? '—' : formatNumber(v, 4)) },
          ],
          hooks: { drawAxes: [barsHook(() => this.summary?.histogram, () => colour('--mle-bar'))] },
        }),
      });
    }
    this.yMax = yMax;
    this.chart.setData(data);
  }
}
