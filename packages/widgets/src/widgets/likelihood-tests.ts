import type { TestsAtNull, TestsCurve } from '@mle-lab/worker';
import type uPlot from 'uplot';
import { MleWidget, type RenderContext } from '../shared/base-widget.ts';
import { createChart, themedAxes, type Chart } from '../shared/chart.ts';
import { sharedClient } from '../shared/client.ts';
import { pythonNumber } from '../shared/common-params.ts';
import { createDataTable, headerCell } from '../shared/data-table.ts';
import { formatNumber } from '../shared/format.ts';
import type { Text } from '../shared/i18n.ts';
import type { ChoiceParam, ListParam, NumberParam } from '../shared/params.ts';
import { chartBox, codeBlock, createReadouts, note, outputRow, tableScroll } from '../shared/readouts.ts';

const TEXT = {
  chart: { zh: '对数似然曲线（其余参数已取最大）、Wald 的二次近似、零假设处的切线', en: 'The (profile) log-likelihood, its Wald quadratic and the tangent at the null' },
  table: { zh: '曲线上的点', en: 'Points on the curves' },
  profile: { zh: '对数似然 ℓ', en: 'log-likelihood ℓ' },
  quadratic: { zh: 'Wald 二次近似', en: 'Wald quadratic' },
  tests: { zh: '三种检验（χ²₁ 的渐近 p 值）', en: 'The three tests (asymptotic χ²₁ p-values)' },
  test: { zh: '检验', en: 'test' },
  statistic: { zh: '统计量', en: 'statistic' },
  pValue: { zh: 'p 值', en: 'p-value' },
  wald: { zh: 'Wald：二次近似的下降 ×2', en: 'Wald: twice the quadratic’s drop' },
  lr: { zh: '似然比：真实下降 ×2', en: 'Likelihood ratio: twice the real drop' },
  score: { zh: '得分：零假设处的斜率', en: 'Score: the slope at the null' },
  estimate: { zh: 'MLE', en: 'MLE' },
  se: { zh: '标准误', en: 'standard error' },
  slope: { zh: '零假设处斜率 U', en: 'slope U at the null' },
  caption: {
    zh: '拖动零假设值（或在图上用左右方向键）。绿色竖线：ℓ 从最大值到零假设处的真实下降，似然比统计量是它的两倍；蓝色竖线：二次近似的下降，Wald 统计量是它的两倍；红色线：零假设处的切线，得分检验看它的斜率（按信息量缩放）。三者在大样本下一致，小样本时可能不同。',
    en: 'Drag the null value (or use Left/Right on the chart). Green: the real drop of ℓ from its maximum to the null — the likelihood-ratio statistic is twice it; blue: the quadratic approximation’s drop — the Wald statistic is twice it; red: the tangent at the null — the score test measures its slope (scaled by the information). The three agree in large samples and can differ in small ones.',
  },
  fallback: { zh: '该分布没有参数 {p}，改为检验 {q}。', en: 'This family has no parameter {p}; testing {q} instead.' },
  code: { zh: '用 numpy 和 scipy 得到同样的数（数值导数）：', en: 'The same numbers in numpy and scipy (numerical derivatives):' },
} satisfies Record<string, Text>;

type TestFamily = 'exponential' | 'poisson' | 'bernoulli' | 'normal' | 'gamma';

const FAMILIES: Record<TestFamily, { label: Text; parameters: readonly string[]; preset: readonly number[]; scipy: (t: string) => string }> = {
  exponential: { label: { zh: '指数', en: 'exponential' }, parameters: ['rate'], preset: [0.4, 1.9, 0.7, 3.1, 0.2, 1.2, 0.9, 2.4, 0.5, 1.6], scipy: (t) => `stats.expon.logpdf(x, scale=1 / ${t}[0])` },
  poisson: { label: { zh: '泊松', en: 'Poisson' }, parameters: ['lambda'], preset: [2, 0, 1, 3, 1, 0, 2, 1, 4, 0, 1, 2], scipy: (t) => `stats.poisson.logpmf(x, ${t}[0])` },
  bernoulli: { label: { zh: '伯努利', en: 'Bernoulli' }, parameters: ['prob'], preset: [1, 1, 0, 1, 1, 1, 0, 1, 0, 1], scipy: (t) => `stats.bernoulli.logpmf(x, ${t}[0])` },
  normal: { label: { zh: '正态', en: 'normal' }, parameters: ['mean', 'sd'], preset: [4.1, 5.3, 3.8, 6.2, 5.0, 4.6, 5.9, 4.4], scipy: (t) => `stats.norm.logpdf(x, ${t}[0], ${t}[1])` },
  gamma: { label: { zh: '伽马', en: 'gamma' }, parameters: ['shape', 'rate'], preset: [0.5, 1.2, 2.2, 3.9, 0.8, 1.7, 0.3, 2.8, 1.1, 0.6], scipy: (t) => `stats.gamma.logpdf(x, ${t}[0], scale=1 / ${t}[1])` },
};

const familyParam: ChoiceParam = {
  kind: 'choice',
  name: 'family',
  label: { zh: '分布族', en: 'Family' },
  choices: (Object.keys(FAMILIES) as TestFamily[]).map((value) => ({ value, label: FAMILIES[value].label })),
  default: 'exponential',
};

const parameterParam: ChoiceParam = {
  kind: 'choice',
  name: 'parameter',
  label: { zh: '检验的参数', en: 'Tested parameter' },
  choices: ['rate', 'lambda', 'prob', 'mean', 'sd', 'shape'].map((value) => ({ value, label: { zh: value, en: value } })),
  default: 'rate',
};

const dataParam: ListParam = {
  kind: 'list',
  name: 'data',
  label: { zh: '数据', en: 'Data' },
  minLength: 1,
  maxLength: 5000,
  default: [],
  describe: { zh: '1–5000 个用逗号分隔的数，位于该分布族的支撑集内', en: '1–5,000 comma-separated numbers in the family’s support' },
};

const nullParam: NumberParam = {
  kind: 'number',
  name: 'null',
  label: { zh: '零假设值 θ₀', en: 'Null value θ₀' },
  min: -1e6,
  max: 1e6,
  step: 0.01,
  default: 1,
};

/** Three decimals, for spoken summaries. */
const three = (v: number) => formatNumber(v, 3);

/** A finite value, else a gap. */
const finite = (v: number) => (Number.isFinite(v) ? v : null);

/** A p-value as text: four significant digits, or "< 10⁻¹⁶" style for the tiny ones. */
function formatP(p: number): string {
  if (!Number.isFinite(p)) return '—';
  return p >= 1e-4 ? p.toPrecision(4) : p.toExponential(3).replace('-', '−');
}

/**
 * `<mle-likelihood-tests>`: one (profile) log-likelihood curve and a null value the reader drags; the
 * Wald, likelihood-ratio and score tests drawn on it, with core's statistics and p-values.
 */
export class LikelihoodTests extends MleWidget {
  static override widgetName = 'likelihood-tests';
  static override params = [familyParam, parameterParam, dataParam, nullParam];

  private chart: Chart | undefined;
  private chartBox!: HTMLElement;
  private table!: ReturnType<typeof createDataTable>;
  private cells!: Record<'waldStat' | 'waldP' | 'lrStat' | 'lrP' | 'scoreStat' | 'scoreP', HTMLOutputElement>;
  private readouts!: Record<'estimate' | 'se' | 'slope', HTMLOutputElement>;
  private status!: HTMLElement;
  private code!: HTMLElement;
  private curve: TestsCurve | undefined;
  private curveKey = '';
  private atNull: TestsAtNull | undefined;

  private get family(): TestFamily {
    return this.state['family'] as TestFamily;
  }

  /** The tested parameter: the attribute's if the family has it, else the family's first. */
  private get parameter(): string {
    const wanted = this.state['parameter'] as string;
    const names = FAMILIES[this.family].parameters;
    return names.includes(wanted) ? wanted : (names[0] as string);
  }

  private currentData(): number[] {
    const data = this.state['data'] as readonly number[];
    return data.length > 0 ? [...data] : [...FAMILIES[this.family].preset];
  }

  protected build(body: HTMLElement): void {
    const t = (text: Text) => text[this.uiLang];
    body.append(this.controlsFor(['family', 'parameter', 'data', 'null']));
    const readouts = createReadouts([
      { key: 'estimate', label: t(TEXT.estimate) },
      { key: 'se', label: t(TEXT.se) },
      { key: 'slope', label: t(TEXT.slope) },
    ]);
    this.readouts = readouts.outputs;
    this.status = note('', 'legend-note status', 'status');
    this.chartBox = chartBox();
    this.chartBox.tabIndex = 0;
    this.chartBox.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      const se = this.curve?.standardError ?? 0.1;
      const step = (event.key === 'ArrowRight' ? 1 : -1) * (se / 10) * (event.shiftKey ? 10 : 1);
      this.setParam('null', Number(((this.state['null'] as number) + step).toPrecision(6)));
      event.preventDefault();
    });
    this.attachDrag();
    this.table = createDataTable(t(TEXT.table));
    this.code = codeBlock(this.uiLang);
    const actions = this.actionBar(async () => {
      const c = this.curve;
      const a = this.atNull;
      if (!c || !a) return [];
      return [
        { name: c.parameter, values: c.x },
        { name: 'profile_log_likelihood', values: c.profile },
        { name: 'wald_quadratic', values: c.quadratic },
        { name: 'test', values: ['wald', 'likelihood_ratio', 'score'] },
        { name: 'statistic', values: [a.wald.statistic, a.likelihoodRatio.statistic, a.score.statistic] },
        { name: 'p_value', values: [a.wald.pValue, a.likelihoodRatio.pValue, a.score.pValue] },
        { name: 'null', values: [a.value] },
      ];
    });
    body.append(readouts.element, this.testsTable(), this.status, this.chartBox, note(t(TEXT.caption)), this.table.element, actions, note(t(TEXT.code)), this.code);
  }

  private testsTable(): HTMLElement {
    const t = (text: Text) => text[this.uiLang];
    const style = document.createElement('style');
    style.textContent = `
.estimates { border-collapse: collapse; margin: 8px 0; font-variant-numeric: tabular-nums; width: 100%; }
.estimates caption { text-align: left; font-weight: 600; margin-bottom: 4px; }
.estimates th, .estimates td { padding: 3px 8px; border-bottom: 1px solid var(--mle-border); text-align: right; }
.estimates th:first-child { text-align: left; }
`;
    const table = document.createElement('table');
    table.className = 'estimates';
    table.createCaption().textContent = t(TEXT.tests);
    const head = table.createTHead().insertRow();
    for (const label of [t(TEXT.test), t(TEXT.statistic), t(TEXT.pValue)]) head.append(headerCell(label, 'col'));
    const tbody = table.createTBody();
    const cells = {} as LikelihoodTests['cells'];
    for (const [key, label] of [
      ['wald', TEXT.wald],
      ['lr', TEXT.lr],
      ['score', TEXT.score],
    ] as const) {
      const out = outputRow(tbody, t(label), ['Stat', 'P'] as const, (f) => `${key}${f}`);
      cells[`${key}Stat`] = out.Stat;
      cells[`${key}P`] = out.P;
    }
    this.cells = cells;
    const wrap = tableScroll(table, this.uiLang);
    wrap.prepend(style);
    return wrap;
  }

  protected async render({ isStale }: RenderContext): Promise<void> {
    const t = (text: Text) => text[this.uiLang];
    const family = this.family;
    const parameter = this.parameter;
    const data = this.currentData();
    const value = this.state['null'] as number;
    const client = sharedClient();
    const key = `${family}|${parameter}|${data.join(',')}`;
    const c = this.curve;
    const outside = !c || value < (c.x[0] as number) || value > (c.x[c.x.length - 1] as number);
    if (key !== this.curveKey || outside) {
      const curve = await client.testsCurve({ family, data, parameter, include: value });
      if (isStale()) return;
      this.curve = curve;
      this.curveKey = key;
    }
    const atNull = await client.testsAtNull({ family, data, parameter, value });
    if (isStale()) return;
    this.atNull = atNull;
    const curve = this.curve as TestsCurve;
    const wanted = this.state['parameter'] as string;
    this.status.textContent = wanted === parameter ? '' : t(TEXT.fallback).replace('{p}', wanted).replace('{q}', parameter);
    const cells = this.cells;
    cells.waldStat.value = formatNumber(atNull.wald.statistic);
    cells.waldP.value = formatP(atNull.wald.pValue);
    cells.lrStat.value = formatNumber(atNull.likelihoodRatio.statistic);
    cells.lrP.value = formatP(atNull.likelihoodRatio.pValue);
    cells.scoreStat.value = formatNumber(atNull.score.statistic);
    cells.scoreP.value = formatP(atNull.score.pValue);
    this.readouts.estimate.value = `${parameter} = ${formatNumber(curve.estimates[parameter] as number)}`;
    this.readouts.se.value = formatNumber(curve.standardError);
    this.readouts.slope.value = formatNumber(atNull.slopeAtNull);
    this.draw(curve, atNull);
    this.code.textContent = this.python(family, parameter, data, value, curve);
  }

  private attachDrag(): void {
    let dragging = false;
    const move = (event: PointerEvent) => {
      const u = this.chart?.plot;
      if (!u) return;
      const rect = u.over.getBoundingClientRect();
      const v = u.posToVal(event.clientX - rect.left, 'x');
      if (Number.isFinite(v)) this.setParam('null', Number(v.toPrecision(4)));
    };
    this.chartBox.addEventListener('pointerdown', (event) => {
      if (!this.chart) return;
      dragging = true;
      this.chartBox.setPointerCapture(event.pointerId);
      move(event);
    });
    this.chartBox.addEventListener('pointermove', (event) => {
      if (dragging) move(event);
    });
    const stop = () => {
      dragging = false;
    };
    this.chartBox.addEventListener('pointerup', stop);
    this.chartBox.addEventListener('pointercancel', stop);
  }

  protected override onThemeChange(): void {
    this.chart?.restyle();
  }

  protected override announcement(): string {
    const a = this.atNull;
    if (!a) return '';
    return this.uiLang === 'zh'
      ? `θ₀ = ${String(a.value)}：Wald ${three(a.wald.statistic)}（p ${formatP(a.wald.pValue)}），似然比 ${three(a.likelihoodRatio.statistic)}（p ${formatP(a.likelihoodRatio.pValue)}），得分 ${three(a.score.statistic)}（p ${formatP(a.score.pValue)}）`
      : `θ₀ = ${String(a.value)}: Wald ${three(a.wald.statistic)} (p ${formatP(a.wald.pValue)}), likelihood ratio ${three(a.likelihoodRatio.statistic)} (p ${formatP(a.likelihoodRatio.pValue)}), score ${three(a.score.statistic)} (p ${formatP(a.score.pValue)})`;
  }

  private draw(curve: TestsCurve, a: TestsAtNull): void {
    const t = (text: Text) => text[this.uiLang];
    const data: uPlot.AlignedData = [Array.from(curve.x), Array.from(curve.profile, finite), Array.from(curve.quadratic, finite)];
    let view = { curve, a };
    const overlay = (u: uPlot, colour: (name: string) => string) => {
      const { ctx } = u;
      const { curve: c, a: at } = view;
      const px = (x: number) => u.valToPos(x, 'x', true);
      const py = (y: number) => u.valToPos(y, 'y', true);
      const top = c.logLikelihood;
      const x0 = at.value;
      const quadAt = top - at.wald.statistic / 2;
      const dpr = devicePixelRatio;
      ctx.save();
      ctx.lineWidth = 2 * dpr;
      const line = (x1: number, y1: number, x2: number, y2: number, col: string, dash: number[] = []) => {
        ctx.strokeStyle = colour(col);
        ctx.setLineDash(dash.map((d) => d * dpr));
        ctx.beginPath();
        ctx.moveTo(px(x1), py(y1));
        ctx.lineTo(px(x2), py(y2));
        ctx.stroke();
      };
      const span = (c.x[c.x.length - 1] as number) - (c.x[0] as number);
      // ℓ̂: the maximum, as a horizontal reference.
      line(c.x[0] as number, top, c.x[c.x.length - 1] as number, top, '--mle-border', [4, 4]);
      // The null.
      line(x0, u.scales['y']?.min ?? top, x0, u.scales['y']?.max ?? top, '--mle-muted', [2, 3]);
      // Wald: the quadratic's drop; LR: the real drop (offset so both show).
      const off = span * 0.006;
      if (Number.isFinite(quadAt)) line(x0 - off, top, x0 - off, quadAt, '--mle-accent');
      if (Number.isFinite(at.profileAtNull)) line(x0 + off, top, x0 + off, at.profileAtNull, '--mle-fit');
      // Score: the tangent at the null.
      if (Number.isFinite(at.slopeAtNull) && Number.isFinite(at.profileAtNull)) {
        const h = span * 0.15;
        line(x0 - h, at.profileAtNull - at.slopeAtNull * h, x0 + h, at.profileAtNull + at.slopeAtNull * h, '--mle-truth');
      }
      ctx.restore();
    };
    if (!this.chart) {
      this.chart = createChart({
        container: this.chartBox,
        height: 300,
        label: t(TEXT.chart),
        data,
        options: (colour) => ({
          scales: {
            x: { time: false },
            y: {
              range: (_u: uPlot, min: number, max: number) => {
                const { curve: c, a: at } = view;
                const lowest = Math.min(at.profileAtNull, c.logLikelihood - at.wald.statistic / 2);
                const lo = Math.max(Math.min(min, Number.isFinite(lowest) ? lowest : min), c.logLikelihood - 40);
                return [lo - 0.05 * (max - lo + 1), max + 0.08 * (max - lo + 1)];
              },
            },
          },
          axes: themedAxes(colour, { x: view.curve.parameter, y: 'ℓ' }),
          series: [
            { label: view.curve.parameter, value: (_u, v) => (v == null ? '—' : formatNumber(v, 4)) },
            { label: t(TEXT.profile), stroke: colour('--mle-fg'), width: 2, value: (_u, v) => (v == null ? '—' : formatNumber(v, 4)) },
            { label: t(TEXT.quadratic), stroke: colour('--mle-accent'), width: 1.5, dash: [6, 4], value: (_u, v) => (v == null ? '—' : formatNumber(v, 4)) },
          ],
          hooks: { draw: [(u: uPlot) => overlay(u, colour)] },
        }),
      });
      this.setView = (next) => {
        view = next;
      };
    } else {
      const relabel = this.drawnParameter !== curve.parameter;
      this.setView?.({ curve, a });
      this.chart.setData(data);
      if (relabel) this.chart.restyle();
    }
    this.drawnParameter = curve.parameter;
    this.table.update([
      { name: curve.parameter, values: curve.x },
      { name: t(TEXT.profile), values: curve.profile },
      { name: t(TEXT.quadratic), values: curve.quadratic },
    ]);
  }

  private drawnParameter = '';
  private setView: ((view: { curve: TestsCurve; a: TestsAtNull }) => void) | undefined;

  private python(family: TestFamily, parameter: string, data: readonly number[], value: number, curve: TestsCurve): string {
    const names = FAMILIES[family].parameters;
    const j = names.indexOf(parameter);
    const start = names.map((n) => pythonNumber(Number((curve.estimates[n] as number).toPrecision(8)))).join(', ');
    return [
      'import numpy as np',
      'from scipy import optimize, stats',
      `x = np.array([${data.map((v) => pythonNumber(v)).join(', ')}])`,
      `def loglik(t):  # t = [${names.join(', ')}]`,
      `    return ${FAMILIES[family].scipy('t')}.sum()`,
      'def grad(f, t, h=1e-6):',
      '    return np.array([(f(t + h * e) - f(t - h * e)) / (2 * h) for e in np.eye(len(t))])',
      'def hess(f, t, h=1e-4):',
      '    return np.array([(grad(f, t + h * e) - grad(f, t - h * e)) / (2 * h) for e in np.eye(len(t))])',
      `j, theta0 = ${j}, ${pythonNumber(value)}`,
      `t_hat = optimize.minimize(lambda t: -loglik(t), [${start}], method='Nelder-Mead', options=dict(xatol=1e-10, fatol=1e-12)).x`,
      'def with_null(u):  # the other parameters u, the tested one at theta0',
      '    return np.insert(u, j, theta0)',
      `t_null = with_null(optimize.minimize(lambda u: -loglik(with_null(u)), np.delete(t_hat, j), method='Nelder-Mead').x) if len(t_hat) > 1 else np.array([theta0])`,
      `wald = (t_hat[j] - theta0) ** 2 / np.linalg.inv(-hess(loglik, t_hat))[j, j]  # ${formatNumber(this.atNull?.wald.statistic ?? NaN)}`,
      `lr = 2 * (loglik(t_hat) - loglik(t_null))                                     # ${formatNumber(this.atNull?.likelihoodRatio.statistic ?? NaN)}`,
      'u = grad(loglik, t_null)',
      `score = u @ np.linalg.inv(-hess(loglik, t_null)) @ u                          # ${formatNumber(this.atNull?.score.statistic ?? NaN)}`,
      'print(wald, lr, score, stats.chi2.sf([wald, lr, score], 1))',
    ].join('\n');
  }
}
