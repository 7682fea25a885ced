import type uPlot from 'uplot';
import type { ProductVsLogResult } from '@mle-lab/worker';
import { MleWidget, type RenderContext } from '../shared/base-widget.ts';
import { createChart, themedAxes, type Chart } from '../shared/chart.ts';
import { sharedClient } from '../shared/client.ts';
import { pythonNumber, seedParam } from '../shared/common-params.ts';
import { createDataTable } from '../shared/data-table.ts';
import { formatCount, formatNumber } from '../shared/format.ts';
import type { Text } from '../shared/i18n.ts';
import type { NumberParam } from '../shared/params.ts';
import { chartBox, codeBlock, createReadouts, note } from '../shared/readouts.ts';
import { fillTemplate, formatScientific, powerOfTen } from '../shared/series.ts';

const TEXT = {
  productChart: { zh: '似然的乘积 ∏ f(xᵢ) 随 n 的变化（对数纵轴）', en: 'The likelihood as a product ∏ f(xᵢ) as n grows (log-scale y)' },
  logChart: { zh: '对数似然 Σ log f(xᵢ) 随 n 的变化', en: 'The log-likelihood Σ log f(xᵢ) as n grows' },
  table: { zh: '乘积与对数和（每隔若干个 n 取一行）', en: 'Product and sum of logs (every few n)' },
  n: { zh: '样本量 n', en: 'sample size n' },
  product: { zh: '∏ f(xᵢ)', en: '∏ f(xᵢ)' },
  logSum: { zh: 'Σ log f(xᵢ)', en: 'Σ log f(xᵢ)' },
  underflow: { zh: '乘积变为 0 的 n', en: 'n where the product hits 0' },
  last: { zh: '最后一个可表示的乘积', en: 'last representable product' },
  logAtEnd: { zh: 'n = {n} 时的 Σ log f', en: 'Σ log f at n = {n}' },
  perPoint: { zh: '平均 log f', en: 'mean log f' },
  never: { zh: '未发生', en: 'not within n' },
  underflowNote: {
    zh: '在 n = {n} 时乘积下溢为 0（双精度能表示的最小正数约为 4.9 × 10⁻³²⁴），此后它不再携带任何信息；而对数和仍是一个普通大小的数（{log}），所以实践中总是最大化对数似然。',
    en: 'At n = {n} the product underflows to 0 (the smallest positive double is about 4.9 × 10⁻³²⁴) and carries no information from then on; the sum of logs is still an ordinary number ({log}), which is why one maximises the log-likelihood.',
  },
  overflowNote: {
    zh: '这里每个密度平均大于 1（σ 很小），乘积在 n = {n} 时上溢为 ∞；对数和（{log}）依然正常。',
    en: 'Here the densities are mostly above 1 (small σ), so the product overflows to ∞ at n = {n}; the sum of logs ({log}) is still fine.',
  },
  noUnderflowNote: {
    zh: '在 n ≤ {n} 内乘积没有下溢：每个 log f 平均为 {mean}，接近 0。增大 σ 或 n 就能看到下溢。',
    en: 'The product does not underflow for n ≤ {n}: log f averages {mean}, close to 0. Raise σ or n to see it underflow.',
  },
  gap: { zh: '0 或 ∞（已无法表示）', en: '0 or ∞ (out of range)' },
} satisfies Record<string, Text>;

const muParam: NumberParam = { kind: 'number', name: 'mu', label: { zh: '均值 μ', en: 'Mean μ' }, min: -100, max: 100, step: 0.1, default: 0 };
const sigmaParam: NumberParam = {
  kind: 'number',
  name: 'sigma',
  label: { zh: '标准差 σ', en: 'Standard deviation σ' },
  // σ ≥ 0.001: the bound the other widgets' σ has (what float64 and the charts can show).
  min: 0.001,
  max: 100,
  step: 0.01,
  default: 1,
  log: true,
};
const nParam: NumberParam = { kind: 'integer', name: 'n', label: { zh: '最大样本量 n', en: 'Largest sample size n' }, min: 10, max: 100_000, step: 1, default: 1000, log: true };

/**
 * The y range of the log axis: whole decades around the data, within what a double can hold
 * (10⁻³²³ is the smallest power of ten above 0).
 */
function decadeRange(min: number | null, max: number | null): [number, number] {
  const lo = min != null && min > 0 ? Math.max(-323, Math.floor(Math.log10(min))) : -10;
  let hi = max != null && max > 0 ? Math.min(308, Math.ceil(Math.log10(max))) : 0;
  if (hi <= lo) hi = lo + 1;
  return [10 ** lo, 10 ** hi];
}

/**
 * Ticks of the log axis every 1, 2, 5, 10, … decades (about six of them), labelled 10ᵏ. uPlot rounds
 * tick values before labelling them (10⁻¹⁰⁰ would become 0), so labels come from the exponents kept here.
 */
function decadeTicks(): Pick<uPlot.Axis, 'splits' | 'values'> {
  let exponents: number[] = [];
  return {
    splits: (_u, _axis, min, max) => {
      const lo = Math.ceil(Math.log10(min) - 1e-9);
      const hi = Math.floor(Math.log10(max) + 1e-9);
      const step = [1, 2, 5, 10, 20, 25, 50, 100].find((s) => (hi - lo) / s <= 6) ?? 100;
      exponents = [];
      for (let k = Math.ceil(lo / step) * step; k <= hi; k += step) exponents.push(k);
      return exponents.map((k) => 10 ** k);
    },
    values: (_u, ticks) => ticks.map((_v, i) => powerOfTen(exponents[i] ?? 0)),
  };
}

/**
 * `<mle-product-vs-log>`: the likelihood of a seeded normal sample as a running product of densities
 * (log-scale y) and as a running sum of log densities, with the n at which the product underflows to
 * 0 (or, for small σ, overflows to ∞) while the sum of logs stays an ordinary number.
 */
export class ProductVsLog extends MleWidget {
  static override widgetName = 'product-vs-log';
  static override params = [seedParam, muParam, sigmaParam, nParam];

  private productChart: Chart | undefined;
  private logChart: Chart | undefined;
  private productBox!: HTMLElement;
  private logBox!: HTMLElement;
  private table!: ReturnType<typeof createDataTable>;
  private lesson!: HTMLElement;
  private code!: HTMLElement;
  private logAtEndLabel!: HTMLElement;
  private readouts!: Record<'underflow' | 'last' | 'logAtEnd' | 'perPoint', HTMLOutputElement>;
  private result: ProductVsLogResult | undefined;

  protected build(body: HTMLElement): void {
    const t = (text: Text) => text[this.uiLang];
    body.append(this.controlsFor(['seed', 'mu', 'sigma', 'n']));
    const readouts = createReadouts([
      { key: 'underflow', label: t(TEXT.underflow) },
      { key: 'last', label: t(TEXT.last) },
      { key: 'logAtEnd', label: t(TEXT.logSum) },
      { key: 'perPoint', label: t(TEXT.perPoint) },
    ]);
    this.readouts = readouts.outputs;
    // The third readout's label names the current n.
    this.logAtEndLabel = this.readouts.logAtEnd.parentElement as HTMLElement;
    this.lesson = note('', 'legend-note lesson', 'lesson');
    this.productBox = chartBox();
    this.logBox = chartBox();
    this.table = createDataTable(t(TEXT.table));
    this.code = codeBlock(this.uiLang);
    const actions = this.actionBar(async () => {
      const r = this.result;
      if (!r) return [];
      return [
        { name: 'n', values: r.n },
        { name: 'x_n', values: r.x },
        { name: 'product_of_pdfs', values: Array.from(r.product, (v) => (Number.isFinite(v) ? v : String(v))) },
        { name: 'sum_of_log_pdfs', values: r.logSum },
      ];
    });
    body.append(readouts.element, this.lesson, this.productBox, this.logBox, this.table.element, actions, this.code);
  }

  protected async render({ isStale }: RenderContext): Promise<void> {
    const { seed, mu, sigma, n } = this.state as { seed: number; mu: number; sigma: number; n: number };
    const result = await sharedClient().productVsLog({ seed, mu, sigma, n });
    if (isStale()) return;
    this.result = result;
    this.draw(result);
    const t = (text: Text) => text[this.uiLang];
    const o = this.readouts;
    const last = result.logSum.length - 1;
    const logEnd = result.logSum[last] as number;
    const mean = result.meanLogPdf;
    o.underflow.value = result.underflowN === null ? t(TEXT.never) : formatCount(result.underflowN, this.uiLang);
    o.last.value = formatScientific(result.lastProduct);
    const label = this.logAtEndLabel.firstChild;
    if (label) label.textContent = `${fillTemplate(t(TEXT.logAtEnd), { n: formatCount(n, this.uiLang) })} = `;
    o.logAtEnd.value = formatNumber(logEnd, 2);
    o.perPoint.value = formatNumber(mean);
    const values = { log: formatNumber(logEnd, 2), mean: formatNumber(mean, 3) };
    if (result.underflowN !== null) this.lesson.textContent = fillTemplate(t(TEXT.underflowNote), { ...values, n: formatCount(result.underflowN, this.uiLang) });
    else if (result.overflowN !== null) this.lesson.textContent = fillTemplate(t(TEXT.overflowNote), { ...values, n: formatCount(result.overflowN, this.uiLang) });
    else this.lesson.textContent = fillTemplate(t(TEXT.noUnderflowNote), { ...values, n: formatCount(n, this.uiLang) });
    this.code.textContent =
      `import numpy as np\n` +
      `from scipy.stats import norm\n` +
      `np.random.seed(${seed})\n` +
      `x = np.random.normal(${pythonNumber(mu)}, ${pythonNumber(sigma)}, ${n})\n` +
      `product = np.cumprod(norm.pdf(x, ${pythonNumber(mu)}, ${pythonNumber(sigma)}))      # hits 0.0 at n = ${result.underflowN ?? '—'}\n` +
      `log_lik = np.cumsum(norm.logpdf(x, ${pythonNumber(mu)}, ${pythonNumber(sigma)}))    # ${formatNumber(logEnd, 2)} at n = ${n}`;
  }

  protected override onThemeChange(): void {
    this.productChart?.restyle();
    this.logChart?.restyle();
  }

  protected override announcement(): string {
    const r = this.result;
    if (!r) return '';
    const logEnd = formatNumber(r.logSum[r.logSum.length - 1] as number, 2);
    if (this.uiLang === 'zh') {
      return r.underflowN === null ? `乘积在 n ≤ ${r.n.length} 内没有下溢；对数似然为 ${logEnd}` : `乘积在 n = ${r.underflowN} 时下溢为 0；对数似然为 ${logEnd}`;
    }
    return r.underflowN === null
      ? `The product does not underflow for n ≤ ${r.n.length}; the log-likelihood is ${logEnd}`
      : `The product underflows to 0 at n = ${r.underflowN}; the log-likelihood is ${logEnd}`;
  }

  /** A vertical line at the n where the product breaks down. */
  private breakLine(colour: (name: string) => string) {
    return (u: uPlot) => {
      const r = this.result;
      const at = r?.underflowN ?? r?.overflowN ?? null;
      if (at === null) return;
      const x = u.valToPos(at, 'x', true);
      const { ctx } = u;
      ctx.save();
      ctx.strokeStyle = colour('--mle-truth');
      ctx.setLineDash([5 * devicePixelRatio, 4 * devicePixelRatio]);
      ctx.lineWidth = 1.5 * devicePixelRatio;
      ctx.beginPath();
      ctx.moveTo(x, u.bbox.top);
      ctx.lineTo(x, u.bbox.top + u.bbox.height);
      ctx.stroke();
      ctx.restore();
    };
  }

  private draw(r: ProductVsLogResult): void {
    const t = (text: Text) => text[this.uiLang];
    const ns = Array.from(r.n);
    // 0 and ∞ have no place on a log axis: they are left as gaps after the breakdown line.
    const product = Array.from(r.product, (v) => (v > 0 && Number.isFinite(v) ? v : null));
    const logSum = Array.from(r.logSum);
    if (!this.productChart) {
      this.productChart = createChart({
        container: this.productBox,
        height: 240,
        label: t(TEXT.productChart),
        data: [ns, product],
        options: (colour) => ({
          scales: { x: { time: false }, y: { distr: 3, log: 10, range: (_u, min, max) => decadeRange(min, max) } },
          axes: ((axes) => [
            axes[0] as uPlot.Axis,
            { ...axes[1], ...decadeTicks(), size: 74 },
          ])(themedAxes(colour, { x: t(TEXT.n), y: t(TEXT.product) })),
          series: [
            { label: t(TEXT.n), value: (_u, v) => (v == null ? '—' : String(v)) },
            {
              label: t(TEXT.product),
              stroke: colour('--mle-accent'),
              width: 2,
              points: { show: false },
              value: (_u, v, _s, idx) => (idx == null ? '—' : v == null ? t(TEXT.gap) : formatScientific(v)),
            },
          ],
          hooks: { draw: [this.breakLine(colour)] },
        }),
      });
      this.logChart = createChart({
        container: this.logBox,
        height: 220,
        label: t(TEXT.logChart),
        data: [ns, logSum],
        options: (colour) => ({
          scales: { x: { time: false } },
          axes: themedAxes(colour, { x: t(TEXT.n), y: t(TEXT.logSum) }),
          series: [
            { label: t(TEXT.n), value: (_u, v) => (v == null ? '—' : String(v)) },
            { label: t(TEXT.logSum), stroke: colour('--mle-fit'), width: 2, points: { show: false }, value: (_u, v) => (v == null ? '—' : formatNumber(v, 3)) },
          ],
          hooks: { draw: [this.breakLine(colour)] },
        }),
      });
    }
    this.productChart.setData([ns, product]);
    this.logChart?.setData([ns, logSum]);
    this.table.update([
      { name: t(TEXT.n), values: r.n },
      { name: t(TEXT.product), values: r.product },
      { name: t(TEXT.logSum), values: r.logSum },
    ]);
  }
}
