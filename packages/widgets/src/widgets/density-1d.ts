import type { Density1d as Density1dResult } from '@mle-lab/worker';
import { MleWidget, type RenderContext } from '../shared/base-widget.ts';
import { sharedClient } from '../shared/client.ts';
import { createDataTable } from '../shared/data-table.ts';
import { createDensityChart, type DensityChart, type Marker } from '../shared/density-chart.ts';
import { formatNumber } from '../shared/format.ts';
import type { Text } from '../shared/i18n.ts';
import type { NumberParam } from '../shared/params.ts';
import { chartBox, createReadouts, note } from '../shared/readouts.ts';
import { fillTemplate as fill, formatScientific, gaps } from '../shared/series.ts';

const TEXT = {
  chart: { zh: '正态概率密度 f(x) 与阴影部分的概率 P(a < X < b)', en: 'The normal pdf f(x) with the probability P(a < X < b) shaded' },
  table: { zh: '概率密度曲线上的点', en: 'Points on the density curve' },
  x: { zh: 'x', en: 'x' },
  density: { zh: '概率密度 f(x)', en: 'density f(x)' },
  pdf: { zh: 'f(x)', en: 'f(x)' },
  area: { zh: 'a 与 b 之间的面积', en: 'area between a and b' },
  peak: { zh: 'f(μ)', en: 'f(μ)' },
  probability: { zh: 'P(a < X < b)', en: 'P(a < X < b)' },
  pdfA: { zh: 'f(a)', en: 'f(a)' },
  pdfB: { zh: 'f(b)', en: 'f(b)' },
  order: { zh: '下限 a（{a}）必须小于上限 b（{b}）：请调小 a 或调大 b。', en: 'The lower bound a ({a}) must be smaller than the upper bound b ({b}): lower a or raise b.' },
  above: {
    zh: 'f(μ) = {peak} 大于 1，而任何概率都不超过 1：密度是“每单位 x 上的概率”，不是概率。只有曲线下的面积才是概率，这里 P(a < X < b) = {p}。',
    en: 'f(μ) = {peak} is larger than 1, yet no probability exceeds 1: a density is probability per unit of x, not a probability. Only areas under the curve are probabilities — here P(a < X < b) = {p}.',
  },
  below: {
    zh: '这里 f(μ) = {peak}。把 σ 调到 {sigma} 以下，μ 处的密度就会超过 1，而 P(a < X < b)（现在是 {p}）永远不会超过 1：密度不是概率，面积才是。',
    en: 'Here f(μ) = {peak}. Make σ smaller than {sigma} and the density at μ passes 1, while P(a < X < b) (now {p}) never can: a density is not a probability; areas are.',
  },
} satisfies Record<string, Text>;

const meanParam: NumberParam = { kind: 'number', name: 'mu', label: { zh: '均值 μ', en: 'Mean μ' }, min: -10, max: 10, step: 0.1, default: 0 };
const sdParam: NumberParam = {
  kind: 'number',
  name: 'sigma',
  label: { zh: '标准差 σ', en: 'Standard deviation σ' },
  // σ ≥ 0.001: smaller, the peak 1/(σ√(2π)) dwarfs everything the chart can show next to it.
  min: 0.001,
  max: 10,
  step: 0.01,
  default: 1,
  log: true,
};
const lowerParam: NumberParam = { kind: 'number', name: 'a', label: { zh: '下限 a', en: 'Lower bound a' }, min: -50, max: 50, step: 0.1, default: -1 };
const upperParam: NumberParam = { kind: 'number', name: 'b', label: { zh: '上限 b', en: 'Upper bound b' }, min: -50, max: 50, step: 0.1, default: 1 };

/** A probability with 4 decimals, or in scientific notation when it is too small for them. */
function formatProbability(p: number): string {
  return p > 0 && p < 5e-5 ? formatScientific(p) : formatNumber(p);
}

/**
 * `<mle-density-1d>`: the normal pdf with μ and σ, the area P(a < X < b) shaded and computed from the
 * cdf, and f(μ) beside it — a density can exceed 1 (small σ), a probability cannot.
 */
export class Density1d extends MleWidget {
  static override widgetName = 'density-1d';
  static override params = [meanParam, sdParam, lowerParam, upperParam];

  private chart: DensityChart | undefined;
  private chartBox!: HTMLElement;
  private table!: ReturnType<typeof createDataTable>;
  private readouts!: Record<'peak' | 'probability' | 'pdfA' | 'pdfB', HTMLOutputElement>;
  private lesson!: HTMLElement;
  private result: Density1dResult | undefined;

  protected build(body: HTMLElement): void {
    const t = (text: Text) => text[this.uiLang];
    body.append(this.controlsFor(['mu', 'sigma', 'a', 'b']));
    const readouts = createReadouts([
      { key: 'peak', label: t(TEXT.peak) },
      { key: 'probability', label: t(TEXT.probability) },
      { key: 'pdfA', label: t(TEXT.pdfA) },
      { key: 'pdfB', label: t(TEXT.pdfB) },
    ]);
    this.readouts = readouts.outputs;
    this.lesson = note('', 'legend-note lesson', 'lesson');
    this.chartBox = chartBox();
    this.table = createDataTable(t(TEXT.table));
    const actions = this.actionBar(async () => {
      const r = this.result;
      if (!r) return [];
      return [
        { name: 'x', values: r.x },
        { name: 'pdf', values: r.pdf },
        { name: 'pdf_in_a_b', values: r.shaded },
        { name: 'quantity', values: ['mu', 'sigma', 'a', 'b', 'f(mu)', 'F(a)', 'F(b)', 'P(a<X<b)'] },
        {
          name: 'value',
          values: [this.state['mu'] as number, this.state['sigma'] as number, this.state['a'] as number, this.state['b'] as number, r.peak, r.cdfA, r.cdfB, r.probability],
        },
      ];
    });
    body.append(readouts.element, this.lesson, this.chartBox, this.table.element, actions);
  }

  protected async render({ isStale }: RenderContext): Promise<void> {
    const { mu, sigma, a, b } = this.state as { mu: number; sigma: number; a: number; b: number };
    if (!(a < b)) {
      const message = fill(TEXT.order[this.uiLang], { a: formatNumber(a, 2), b: formatNumber(b, 2) });
      this.readouts.probability.value = '—';
      throw new RangeError(message);
    }
    const result = await sharedClient().density1d({ mu, sigma, a, b });
    if (isStale()) return;
    this.result = result;
    this.draw(result, a, b, mu);
    const o = this.readouts;
    o.peak.value = formatNumber(result.peak);
    o.probability.value = formatProbability(result.probability);
    o.pdfA.value = formatNumber(result.pdfA);
    o.pdfB.value = formatNumber(result.pdfB);
    const values = { peak: formatNumber(result.peak, 3), p: formatProbability(result.probability), sigma: formatNumber(result.unitPeakSigma) };
    this.lesson.textContent = fill((result.peak > 1 ? TEXT.above : TEXT.below)[this.uiLang], values);
  }

  protected override onThemeChange(): void {
    this.chart?.restyle();
  }

  protected override announcement(): string {
    const r = this.result;
    if (!r) return '';
    const { a, b } = this.state as { a: number; b: number };
    const interval = `P(${formatNumber(a, 2)} < X < ${formatNumber(b, 2)})`;
    return this.uiLang === 'zh'
      ? `${interval} = ${formatProbability(r.probability)}；f(μ) = ${formatNumber(r.peak)}`
      : `${interval} = ${formatProbability(r.probability)}; f(μ) = ${formatNumber(r.peak)}`;
  }

  private draw(r: Density1dResult, a: number, b: number, mu: number): void {
    const t = (text: Text) => text[this.uiLang];
    this.chart ??= createDensityChart({
      container: this.chartBox,
      height: 280,
      label: t(TEXT.chart),
      xLabel: t(TEXT.x),
      yLabel: t(TEXT.density),
      curves: [
        { label: t(TEXT.area), colour: '--mle-accent', fill: '--mle-bar', width: 0 },
        { label: t(TEXT.pdf), colour: '--mle-accent', width: 2 },
      ],
    });
    const first = r.x[0] as number;
    const last = r.x[r.x.length - 1] as number;
    const markers: Marker[] = [{ x: mu, colour: '--mle-muted', dash: [2, 3], label: 'μ' }];
    // A bound far outside the drawn range would stretch the x axis; its side is still shaded.
    if (a >= first) markers.push({ x: a, colour: '--mle-truth', label: 'a' });
    if (b <= last) markers.push({ x: b, colour: '--mle-truth', label: 'b' });
    this.chart.update({ x: r.x, curves: [gaps(r.shaded), r.pdf], markers });
    this.table.update([
      { name: t(TEXT.x), values: r.x },
      { name: t(TEXT.pdf), values: r.pdf },
    ]);
  }
}
