import type { GaussianIntegralJobResult } from '@mle-lab/worker';
import { MleWidget, type RenderContext } from '../shared/base-widget.ts';
import { sharedClient } from '../shared/client.ts';
import { createDataTable } from '../shared/data-table.ts';
import { createDensityChart, type DensityChart } from '../shared/density-chart.ts';
import { formatNumber } from '../shared/format.ts';
import type { Text } from '../shared/i18n.ts';
import type { NumberParam } from '../shared/params.ts';
import { chartBox, createReadouts, note } from '../shared/readouts.ts';
import { fillTemplate, formatScientific } from '../shared/series.ts';

const TEXT = {
  chart: { zh: '高斯函数 A·e^(−Bx²) 与同一 B 下的正态概率密度', en: 'The Gaussian A·e^(−Bx²) and the normal pdf with the same B' },
  table: { zh: '曲线上的点', en: 'Points on the curves' },
  x: { zh: 'x', en: 'x' },
  y: { zh: '函数值', en: 'value' },
  curve: { zh: 'A·e^(−Bx²)', en: 'A·e^(−Bx²)' },
  pdf: { zh: '√(B/π)·e^(−Bx²)（概率密度）', en: '√(B/π)·e^(−Bx²) (a pdf)' },
  area: { zh: '面积（数值积分）', en: 'area (quadrature)' },
  exactArea: { zh: 'A·√(π/B)', en: 'A·√(π/B)' },
  variance: { zh: '方差（数值积分）', en: 'variance (quadrature)' },
  exactVariance: { zh: '1/(2B)', en: '1/(2B)' },
  normalizingA: { zh: '使其成为密度的 A = √(B/π)', en: 'A that makes it a pdf, √(B/π)' },
  sigma: { zh: 'σ = 1/√(2B)', en: 'σ = 1/√(2B)' },
  makePdf: { zh: '变成概率密度：A = √(B/π)', en: 'Make it a pdf: A = √(B/π)' },
  agreement: {
    zh: '数值积分与闭式解之差：面积 {ea}，方差 {ev}。',
    en: 'Quadrature minus closed form: area {ea}, variance {ev}.',
  },
  isPdf: {
    zh: '面积为 1：A = √(B/π) = {a} 时，这条曲线正是 N(0, σ²) 的概率密度，σ = {s}，即 B = 1/(2σ²)，A = 1/√(2πσ²)。',
    en: 'The area is 1: with A = √(B/π) = {a} this curve is the pdf of N(0, σ²) with σ = {s} — that is, B = 1/(2σ²) and A = 1/√(2πσ²).',
  },
  notPdf: {
    zh: '面积是 {area}，不是 1，所以这还不是概率密度。方差与 A 无关，只由 B 决定：1/(2B) = {v}。按下按钮，令 A = √(B/π) = {a}。',
    en: 'The area is {area}, not 1, so this is not a density yet. The variance does not depend on A, only on B: 1/(2B) = {v}. Press the button to set A = √(B/π) = {a}.',
  },
} satisfies Record<string, Text>;

const aParam: NumberParam = { kind: 'number', name: 'a', label: { zh: '高度 A', en: 'Height A' }, min: 0.01, max: 10, step: 0.01, default: 1, log: true };
const bParam: NumberParam = { kind: 'number', name: 'b', label: { zh: '速率 B', en: 'Rate B' }, min: 0.01, max: 10, step: 0.01, default: 0.5, log: true };

/** A small difference in scientific notation ("0" when exact). */
function formatTiny(value: number): string {
  return value === 0 ? '0' : formatScientific(value, 1);
}

/**
 * `<mle-gaussian-integral>`: A·e^(−Bx²) with A and B free; its area and variance by numerical
 * integration next to the closed forms A·√(π/B) and 1/(2B), and the A = √(B/π) (with B = 1/(2σ²))
 * that makes it the normal pdf — one button away.
 */
export class GaussianIntegral extends MleWidget {
  static override widgetName = 'gaussian-integral';
  static override params = [aParam, bParam];

  private chart: DensityChart | undefined;
  private chartBox!: HTMLElement;
  private table!: ReturnType<typeof createDataTable>;
  private lesson!: HTMLElement;
  private agreement!: HTMLElement;
  private makePdf!: HTMLButtonElement;
  private readouts!: Record<'area' | 'exactArea' | 'variance' | 'exactVariance' | 'normalizingA' | 'sigma', HTMLOutputElement>;
  private result: GaussianIntegralJobResult | undefined;

  protected build(body: HTMLElement): void {
    const t = (text: Text) => text[this.uiLang];
    body.append(this.controlsFor(['a', 'b']));
    this.makePdf = document.createElement('button');
    this.makePdf.type = 'button';
    this.makePdf.className = 'make-pdf';
    this.makePdf.textContent = t(TEXT.makePdf);
    this.makePdf.addEventListener('click', () => {
      const r = this.result;
      if (!r) return;
      // Through the attribute, so the control, the state and the link all follow.
      this.setAttribute('a', String(r.normalizingA));
      this.writeUrl();
    });
    const readouts = createReadouts([
      { key: 'area', label: t(TEXT.area) },
      { key: 'exactArea', label: t(TEXT.exactArea) },
      { key: 'variance', label: t(TEXT.variance) },
      { key: 'exactVariance', label: t(TEXT.exactVariance) },
      { key: 'normalizingA', label: t(TEXT.normalizingA) },
      { key: 'sigma', label: t(TEXT.sigma) },
    ]);
    this.readouts = readouts.outputs;
    this.agreement = note('', 'legend-note', 'agreement');
    this.lesson = note('', 'legend-note lesson', 'lesson');
    this.chartBox = chartBox();
    this.table = createDataTable(t(TEXT.table));
    const actions = this.actionBar(async () => {
      const r = this.result;
      if (!r) return [];
      return [
        { name: 'x', values: r.x },
        { name: 'A_exp_minus_B_x2', values: r.curve },
        { name: 'normal_pdf_same_B', values: r.pdf },
        { name: 'quantity', values: ['A', 'B', 'area_quadrature', 'area_closed_form', 'variance_quadrature', 'variance_closed_form', 'A_pdf', 'sigma'] },
        {
          name: 'value',
          values: [this.state['a'] as number, this.state['b'] as number, r.area, r.exactArea, r.variance, r.exactVariance, r.normalizingA, r.sigma],
        },
      ];
    });
    body.append(this.makePdf, readouts.element, this.agreement, this.lesson, this.chartBox, this.table.element, actions);
  }

  protected async render({ isStale }: RenderContext): Promise<void> {
    const { a, b } = this.state as { a: number; b: number };
    const r = await sharedClient().gaussianIntegral({ a, b });
    if (isStale()) return;
    this.result = r;
    const t = (text: Text) => text[this.uiLang];
    const o = this.readouts;
    o.area.value = formatNumber(r.area, 10);
    o.exactArea.value = formatNumber(r.exactArea, 10);
    o.variance.value = formatNumber(r.variance, 10);
    o.exactVariance.value = formatNumber(r.exactVariance, 10);
    o.normalizingA.value = formatNumber(r.normalizingA, 6);
    o.sigma.value = formatNumber(r.sigma, 6);
    this.agreement.textContent = fillTemplate(t(TEXT.agreement), { ea: formatTiny(r.areaError), ev: formatTiny(r.varianceError) });
    const values = { a: formatNumber(r.normalizingA, 4), s: formatNumber(r.sigma, 4), area: formatNumber(r.area, 4), v: formatNumber(r.exactVariance, 4) };
    this.lesson.textContent = fillTemplate(t(r.isDensity ? TEXT.isPdf : TEXT.notPdf), values);
    this.makePdf.disabled = r.isDensity;
    this.draw(r);
  }

  protected override onThemeChange(): void {
    this.chart?.restyle();
  }

  protected override announcement(): string {
    const r = this.result;
    if (!r) return '';
    return this.uiLang === 'zh'
      ? `面积 ${formatNumber(r.area, 6)}（闭式 ${formatNumber(r.exactArea, 6)}），方差 ${formatNumber(r.variance, 6)}（闭式 ${formatNumber(r.exactVariance, 6)}）`
      : `Area ${formatNumber(r.area, 6)} (closed form ${formatNumber(r.exactArea, 6)}), variance ${formatNumber(r.variance, 6)} (closed form ${formatNumber(r.exactVariance, 6)})`;
  }

  private draw(r: GaussianIntegralJobResult): void {
    const t = (text: Text) => text[this.uiLang];
    this.chart ??= createDensityChart({
      container: this.chartBox,
      height: 260,
      label: t(TEXT.chart),
      xLabel: t(TEXT.x),
      yLabel: t(TEXT.y),
      curves: [
        { label: t(TEXT.curve), colour: '--mle-accent', fill: '--mle-bar', width: 2 },
        { label: t(TEXT.pdf), colour: '--mle-truth', width: 2, dash: [6, 4] },
      ],
    });
    this.chart.update({
      x: r.x,
      curves: [r.curve, r.pdf],
      markers: [
        { x: -r.sigma, colour: '--mle-muted', dash: [2, 3], label: '−σ' },
        { x: r.sigma, colour: '--mle-muted', dash: [2, 3], label: 'σ' },
      ],
    });
    this.table.update([
      { name: t(TEXT.x), values: r.x },
      { name: t(TEXT.curve), values: r.curve },
      { name: t(TEXT.pdf), values: r.pdf },
    ]);
  }
}
