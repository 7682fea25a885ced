import type { SimulateEstimatorResult, SimulationFamily } from '@mle-lab/worker';
import type uPlot from 'uplot';
import { MleWidget, type RenderContext } from '../shared/base-widget.ts';
import { createChart, themedAxes, type Chart } from '../shared/chart.ts';
import { sharedClient } from '../shared/client.ts';
import { pythonNumber, seedParam } from '../shared/common-params.ts';
import { createDataTable } from '../shared/data-table.ts';
import { createDensityChart, type DensityChart } from '../shared/density-chart.ts';
import { formatCount, formatNumber } from '../shared/format.ts';
import type { Text } from '../shared/i18n.ts';
import { runLongJob } from '../shared/long-job.ts';
import type { ChoiceParam, NumberParam, TextParam } from '../shared/params.ts';
import { createProgress, type ProgressView } from '../shared/progress.ts';
import { chartBox, codeBlock, createReadouts, note } from '../shared/readouts.ts';
import { cssColor } from '../shared/theme.ts';

const TEXT = {
  histogram: { zh: '各次重复的估计值（直方图，密度）与渐近正态 N(θ, I(θ)⁻¹/n)', en: 'The estimates over the repetitions (histogram, density) beside the asymptotic normal N(θ, I(θ)⁻¹/n)' },
  intervals: { zh: '前 100 个 95% 区间：上为 Wald，下为轮廓似然；红色为未覆盖真值', en: 'The first 100 95% intervals: Wald above, profile below each estimate; misses in red' },
  coverage: { zh: '随重复次数累积的覆盖率', en: 'Running coverage as the repetitions add up' },
  table: { zh: '前 100 次重复的估计值与区间', en: 'The first 100 estimates and intervals' },
  estimate: { zh: '估计值', en: 'estimate' },
  density: { zh: '密度', en: 'density' },
  normal: { zh: '渐近正态', en: 'asymptotic normal' },
  repetition: { zh: '重复次数', en: 'repetitions' },
  coverageAxis: { zh: '覆盖率', en: 'coverage' },
  wald: { zh: 'Wald', en: 'Wald' },
  profile: { zh: '轮廓似然', en: 'profile' },
  nominal: { zh: '名义水平 95%', en: 'nominal 95%' },
  truth: { zh: '真值 θ', en: 'true θ' },
  mean: { zh: '估计均值', en: 'mean estimate' },
  bias: { zh: '偏差', en: 'bias' },
  spread: { zh: '估计的标准差', en: 'std of estimates' },
  theorySe: { zh: '理论标准误 √(I⁻¹/n)', en: 'theory SE √(I⁻¹/n)' },
  coverWald: { zh: 'Wald 覆盖率', en: 'Wald coverage' },
  coverProfile: { zh: '轮廓覆盖率', en: 'profile coverage' },
  misses: { zh: '未覆盖（真值以下 / 以上）', en: 'misses (interval below / above θ)' },
  failed: { zh: '无法拟合的样本', en: 'samples with no fit' },
  sigma2: { zh: 'σ̂² 均值（÷n）', en: 'mean σ̂² (÷n)' },
  sigma2Theory: { zh: '(n−1)σ²/n', en: '(n−1)σ²/n' },
  paramsLabel: { zh: '真实参数', en: 'True parameters' },
  ignored: { zh: '忽略了该分布族没有的参数：', en: 'Ignored, not parameters of this family: ' },
  fallback: { zh: '该分布族没有参数 {p}，改为研究 {q}。', en: 'This family has no parameter {p}; studying {q} instead.' },
  caption: {
    zh: '同一个估计方法，在许多个独立样本上重复：直方图是 θ̂ 的抽样分布，曲线是大样本理论给出的正态近似。小样本时两者可能明显不同，Wald 区间 θ̂ ± 1.96·SE 的未覆盖会偏向一侧或整体不足（如小 p 的硬币），而轮廓似然区间更接近名义水平。',
    en: 'One estimator, repeated over many independent samples: the histogram is θ̂’s sampling distribution and the curve the large-sample normal approximation. For small n they can differ visibly, and the Wald interval θ̂ ± 1.96·SE misses lopsidedly or too often (a coin with small p), while the profile-likelihood interval stays closer to the nominal level.',
  },
  code: { zh: '用 numpy 和 scipy 做同一个实验（数值优化，较慢）：', en: 'The same experiment in numpy and scipy (numerical optimisation, slower):' },
  badParams: { zh: '真实参数 “{v}” 不合法：{why}', en: 'True parameters “{v}” are not valid: {why}' },
} satisfies Record<string, Text>;

interface FamilyInfo {
  label: Text;
  parameters: readonly string[];
  defaults: Record<string, number>;
  /** numpy's legacy sampler call for one sample of size n. */
  numpy: (p: Record<string, number>) => string;
  /** scipy's log-density of x at t (the parameter vector). */
  scipy: string;
}

const FAMILIES: Record<SimulationFamily, FamilyInfo> = {
  exponential: { label: { zh: '指数', en: 'exponential' }, parameters: ['rate'], defaults: { rate: 1 }, numpy: (p) => `rs.exponential(1 / ${pythonNumber(p['rate'] as number)}, n)`, scipy: 'stats.expon.logpdf(x, scale=1 / t[0])' },
  poisson: { label: { zh: '泊松', en: 'Poisson' }, parameters: ['lambda'], defaults: { lambda: 3 }, numpy: (p) => `rs.poisson(${pythonNumber(p['lambda'] as number)}, n)`, scipy: 'stats.poisson.logpmf(x, t[0])' },
  bernoulli: { label: { zh: '伯努利', en: 'Bernoulli' }, parameters: ['prob'], defaults: { prob: 0.3 }, numpy: (p) => `rs.binomial(1, ${pythonNumber(p['prob'] as number)}, n)`, scipy: 'stats.bernoulli.logpmf(x, t[0])' },
  normal: { label: { zh: '正态', en: 'normal' }, parameters: ['mean', 'sd'], defaults: { mean: 0, sd: 1 }, numpy: (p) => `rs.normal(${pythonNumber(p['mean'] as number)}, ${pythonNumber(p['sd'] as number)}, n)`, scipy: 'stats.norm.logpdf(x, t[0], t[1])' },
  gamma: { label: { zh: '伽马', en: 'gamma' }, parameters: ['shape', 'rate'], defaults: { shape: 2, rate: 1 }, numpy: (p) => `rs.gamma(${pythonNumber(p['shape'] as number)}, 1 / ${pythonNumber(p['rate'] as number)}, n)`, scipy: 'stats.gamma.logpdf(x, t[0], scale=1 / t[1])' },
};

/** Names readers and course pages may use for core's parameters. */
const ALIASES: Record<string, string> = { mu: 'mean', sigma: 'sd', p: 'prob', lam: 'lambda' };

const familyParam: ChoiceParam = {
  kind: 'choice',
  name: 'family',
  label: { zh: '分布族', en: 'Family' },
  choices: (Object.keys(FAMILIES) as SimulationFamily[]).map((value) => ({ value, label: FAMILIES[value].label })),
  default: 'exponential',
};

const parameterParam: ChoiceParam = {
  kind: 'choice',
  name: 'parameter',
  label: { zh: '研究的参数', en: 'Parameter studied' },
  choices: ['rate', 'lambda', 'prob', 'mean', 'sd', 'shape'].map((value) => ({ value, label: { zh: value, en: value } })),
  default: 'rate',
};

const paramsParam: TextParam = {
  kind: 'text',
  name: 'params',
  label: TEXT.paramsLabel,
  maxLength: 200,
  default: '',
  describe: { zh: '形如 rate=1 或 mean=0,sd=1 的参数列表', en: 'a list like rate=1 or mean=0,sd=1' },
};

const sizeParam: NumberParam = { kind: 'integer', name: 'n', label: { zh: '每个样本的大小 n', en: 'Sample size n' }, min: 2, max: 10_000, step: 1, default: 10, log: true };
const repetitionsParam: NumberParam = { kind: 'integer', name: 'repetitions', label: { zh: '重复次数', en: 'Repetitions' }, min: 100, max: 100_000, step: 1, default: 10_000, log: true };

/** Parses "rate=1,sd=2" into core's names over the family's defaults; unknown names are returned apart. */
function parseTrueParams(family: SimulationFamily, text: string): { params: Record<string, number>; ignored: string[] } {
  const info = FAMILIES[family];
  const params = { ...info.defaults };
  const ignored: string[] = [];
  for (const part of text.split(/[,;&\s]+/).filter((s) => s !== '')) {
    const [rawName = '', rawValue, ...rest] = part.split('=');
    const name = ALIASES[rawName.trim()] ?? rawName.trim();
    if (rawValue === undefined || rest.length > 0) throw new Error(`“${part.slice(0, 40)}”`);
    if (!info.parameters.includes(name)) {
      ignored.push(rawName.trim().slice(0, 20));
      continue;
    }
    const value = Number(rawValue.trim());
    if (rawValue.trim() === '' || !Number.isFinite(value)) throw new Error(`${name} = “${rawValue.slice(0, 20)}”`);
    params[name] = value;
  }
  return { params, ignored };
}

const percent = (v: number) => `${(100 * v).toFixed(1)}%`;

let instances = 0;

/**
 * `<mle-sampling-lab>`: many samples of size n from a family with known parameters; the sampling
 * distribution of the MLE beside its asymptotic normal, bias and spread against theory, the first 100
 * Wald and profile intervals, and their running coverage against the nominal 95%.
 */
export class SamplingLab extends MleWidget {
  static override widgetName = 'sampling-lab';
  static override params = [familyParam, parameterParam, paramsParam, sizeParam, repetitionsParam, seedParam];

  private readonly jobKey = `sampling-lab-${++instances}`;
  private histogram: DensityChart | undefined;
  private histogramBox!: HTMLElement;
  private intervalsCanvas!: HTMLCanvasElement;
  private coverageChart: Chart | undefined;
  private coverageBox!: HTMLElement;
  private table!: ReturnType<typeof createDataTable>;
  private progress!: ProgressView;
  private status!: HTMLElement;
  private paramsInput!: HTMLInputElement;
  private readouts!: Record<'truth' | 'mean' | 'bias' | 'spread' | 'theorySe' | 'coverWald' | 'coverProfile' | 'missWald' | 'missProfile' | 'failed' | 'sigma2' | 'sigma2Theory', HTMLOutputElement>;
  private sigmaRow!: HTMLElement;
  private code!: HTMLElement;
  private result: SimulateEstimatorResult | undefined;

  private get family(): SimulationFamily {
    return this.state['family'] as SimulationFamily;
  }

  private get parameter(): string {
    const wanted = this.state['parameter'] as string;
    const names = FAMILIES[this.family].parameters;
    return names.includes(wanted) ? wanted : (names[0] as string);
  }

  protected build(body: HTMLElement): void {
    const t = (text: Text) => text[this.uiLang];
    body.append(this.controlsFor(['family', 'parameter']), this.paramsField(), this.controlsFor(['n', 'repetitions', 'seed']));
    this.progress = createProgress(this.uiLang);
    const readouts = createReadouts([
      { key: 'truth', label: t(TEXT.truth) },
      { key: 'mean', label: t(TEXT.mean) },
      { key: 'bias', label: t(TEXT.bias) },
      { key: 'spread', label: t(TEXT.spread) },
      { key: 'theorySe', label: t(TEXT.theorySe) },
      { key: 'coverWald', label: t(TEXT.coverWald) },
      { key: 'coverProfile', label: t(TEXT.coverProfile) },
      { key: 'missWald', label: `${t(TEXT.wald)} ${t(TEXT.misses)}` },
      { key: 'missProfile', label: `${t(TEXT.profile)} ${t(TEXT.misses)}` },
      { key: 'failed', label: t(TEXT.failed) },
    ]);
    const sigma = createReadouts([
      { key: 'sigma2', label: t(TEXT.sigma2) },
      { key: 'sigma2Theory', label: t(TEXT.sigma2Theory) },
    ]);
    this.sigmaRow = sigma.element;
    this.readouts = { ...readouts.outputs, ...sigma.outputs };
    this.status = note('', 'legend-note status', 'status');
    this.histogramBox = chartBox();
    const intervalsBox = chartBox();
    this.intervalsCanvas = document.createElement('canvas');
    this.intervalsCanvas.setAttribute('role', 'img');
    this.intervalsCanvas.setAttribute('aria-label', t(TEXT.intervals));
    this.intervalsCanvas.style.width = '100%';
    this.intervalsCanvas.style.height = '300px';
    intervalsBox.append(this.intervalsCanvas);
    new ResizeObserver(() => this.drawIntervals()).observe(intervalsBox);
    this.coverageBox = chartBox();
    this.table = createDataTable(t(TEXT.table));
    this.code = codeBlock(this.uiLang);
    const actions = this.actionBar(async () => {
      const r = this.result;
      if (!r) return [];
      return [
        { name: 'repetition', values: Float64Array.from(r.estimates, (_v, i) => i + 1) },
        { name: `${r.parameter}_hat`, values: r.estimates },
        { name: 'wald_lower', values: r.kept.waldLower },
        { name: 'wald_upper', values: r.kept.waldUpper },
        { name: 'profile_lower', values: r.kept.profileLower },
        { name: 'profile_upper', values: r.kept.profileUpper },
        { name: 'running_at', values: r.running.at },
        { name: 'running_wald', values: r.running.wald },
        { name: 'running_profile', values: r.running.profile },
      ];
    });
    body.append(
      this.progress.element,
      readouts.element,
      this.sigmaRow,
      this.status,
      this.histogramBox,
      note(t(TEXT.intervals)),
      intervalsBox,
      this.coverageBox,
      note(t(TEXT.caption)),
      this.table.element,
      actions,
      note(t(TEXT.code)),
      this.code,
    );
  }

  /** The text field for `params` (free text: the family decides which names it takes). */
  private paramsField(): HTMLElement {
    const fieldset = document.createElement('fieldset');
    fieldset.className = 'controls';
    const wrapper = document.createElement('div');
    wrapper.className = 'control control-list';
    const label = document.createElement('label');
    label.htmlFor = `${this.jobKey}-params`;
    label.textContent = paramsParam.label[this.uiLang];
    this.paramsInput = document.createElement('input');
    this.paramsInput.type = 'text';
    this.paramsInput.id = `${this.jobKey}-params`;
    this.paramsInput.autocomplete = 'off';
    this.paramsInput.spellcheck = false;
    const hint = document.createElement('span');
    hint.className = 'hint';
    hint.id = `${this.jobKey}-params-hint`;
    hint.textContent = paramsParam.describe[this.uiLang];
    this.paramsInput.setAttribute('aria-describedby', hint.id);
    this.paramsInput.addEventListener('change', () => this.setParam('params', this.paramsInput.value));
    wrapper.append(label, this.paramsInput, hint);
    fieldset.append(wrapper);
    return fieldset;
  }

  protected async render({ isStale }: RenderContext): Promise<void> {
    const t = (text: Text) => text[this.uiLang];
    const family = this.family;
    const parameter = this.parameter;
    const text = this.state['params'] as string;
    if (this.paramsInput.value !== text) this.paramsInput.value = text;
    let parsed: ReturnType<typeof parseTrueParams>;
    try {
      parsed = parseTrueParams(family, text);
    } catch (error) {
      this.paramsInput.setAttribute('aria-invalid', 'true');
      throw new Error(t(TEXT.badParams).replace('{v}', text.slice(0, 40)).replace('{why}', (error as Error).message), { cause: error });
    }
    this.paramsInput.setAttribute('aria-invalid', 'false');
    const { n, repetitions, seed } = this.state as { n: number; repetitions: number; seed: number };
    const outcome = await runLongJob(this.progress, this.jobKey, isStale, (control) =>
      sharedClient().simulateEstimator({ family, params: parsed.params, parameter, n, repetitions, seed }, control),
    );
    if (outcome.status === 'stale') return;
    if (outcome.status === 'cancelled') {
      this.reportCancelled(this.status);
      return;
    }
    const r = outcome.value;
    this.result = r;
    const wanted = this.state['parameter'] as string;
    const notes = [
      wanted === parameter ? '' : t(TEXT.fallback).replace('{p}', wanted).replace('{q}', parameter),
      parsed.ignored.length > 0 ? `${t(TEXT.ignored)}${parsed.ignored.join(', ')}` : '',
    ].filter((s) => s !== '');
    this.status.textContent = notes.join(' ');
    const o = this.readouts;
    const m = r.repetitions;
    o.truth.value = `${r.parameter} = ${formatNumber(r.truth)}`;
    o.mean.value = formatNumber(r.mean);
    o.bias.value = formatNumber(r.mean - r.truth);
    o.spread.value = formatNumber(r.std);
    o.theorySe.value = formatNumber(r.asymptoticSe);
    o.coverWald.value = percent(r.covered.wald / m);
    o.coverProfile.value = percent(r.covered.profile / m);
    o.missWald.value = `${percent(r.missedBelow.wald / m)} / ${percent(r.missedAbove.wald / m)}`;
    o.missProfile.value = `${percent(r.missedBelow.profile / m)} / ${percent(r.missedAbove.profile / m)}`;
    o.failed.value = formatCount(r.failed, this.uiLang);
    this.sigmaRow.hidden = r.sigma2 === null;
    this.sigmaRow.style.display = r.sigma2 === null ? 'none' : '';
    o.sigma2.value = r.sigma2 ? formatNumber(r.sigma2.meanMle) : '—';
    o.sigma2Theory.value = r.sigma2 ? `${formatNumber(r.sigma2.expectedMle)} (σ² = ${formatNumber(r.sigma2.truth)})` : '—';
    this.draw(r);
    this.code.textContent = this.python(r, parsed.params, seed);
  }

  protected override onThemeChange(): void {
    this.histogram?.restyle();
    this.coverageChart?.restyle();
    this.drawIntervals();
  }

  protected override announcement(): string {
    const r = this.result;
    if (!r) return '';
    const m = r.repetitions;
    return this.uiLang === 'zh'
      ? `${formatCount(m, 'zh')} 次重复，n = ${r.n}：估计均值 ${formatNumber(r.mean, 3)}（真值 ${formatNumber(r.truth, 3)}），Wald 覆盖率 ${percent(r.covered.wald / m)}，轮廓覆盖率 ${percent(r.covered.profile / m)}`
      : `${formatCount(m, 'en')} repetitions, n = ${r.n}: mean estimate ${formatNumber(r.mean, 3)} (truth ${formatNumber(r.truth, 3)}), Wald coverage ${percent(r.covered.wald / m)}, profile coverage ${percent(r.covered.profile / m)}`;
  }

  private draw(r: SimulateEstimatorResult): void {
    const t = (text: Text) => text[this.uiLang];
    this.histogram ??= createDensityChart({
      container: this.histogramBox,
      height: 260,
      label: t(TEXT.histogram),
      xLabel: t(TEXT.estimate),
      yLabel: t(TEXT.density),
      curves: [{ label: t(TEXT.normal), colour: '--mle-truth' }],
    });
    this.histogram.update({
      x: r.normal.x,
      curves: [r.normal.density],
      bars: [{ edges: r.histogram.edges, heights: r.histogram.density, colour: '--mle-bar' }],
      markers: [
        { x: r.truth, colour: '--mle-truth', label: 'θ' },
        { x: r.mean, colour: '--mle-accent', dash: [4, 3], label: t(TEXT.mean) },
      ],
    });
    const data: uPlot.AlignedData = [Array.from(r.running.at), Array.from(r.running.wald), Array.from(r.running.profile), Array.from(r.running.at, () => r.level)];
    if (!this.coverageChart) {
      this.coverageChart = createChart({
        container: this.coverageBox,
        height: 200,
        label: t(TEXT.coverage),
        data,
        options: (colour) => ({
          scales: { x: { time: false, distr: 3 }, y: { range: (_u: uPlot, min: number) => [Math.min(min, 0.85), 1] } },
          axes: themedAxes(colour, { x: t(TEXT.repetition), y: t(TEXT.coverageAxis) }),
          series: [
            { label: t(TEXT.repetition) },
            { label: t(TEXT.wald), stroke: colour('--mle-accent'), width: 2, value: (_u, v) => (v == null ? '—' : percent(v)) },
            { label: t(TEXT.profile), stroke: colour('--mle-fit'), width: 2, value: (_u, v) => (v == null ? '—' : percent(v)) },
            { label: t(TEXT.nominal), stroke: colour('--mle-muted'), width: 1, dash: [5, 4], value: (_u, v) => (v == null ? '—' : percent(v)) },
          ],
        }),
      });
    } else this.coverageChart.setData(data);
    this.drawIntervals();
    const k = r.kept;
    this.table.update([
      { name: t(TEXT.estimate), values: k.estimate },
      { name: `${t(TEXT.wald)} −`, values: k.waldLower },
      { name: `${t(TEXT.wald)} +`, values: k.waldUpper },
      { name: `${t(TEXT.profile)} −`, values: k.profileLower },
      { name: `${t(TEXT.profile)} +`, values: k.profileUpper },
    ], k.estimate.length);
  }

  /** The first intervals as horizontal segments (Wald above, profile below each row), misses in red. */
  private drawIntervals(): void {
    const r = this.result;
    const canvas = this.intervalsCanvas;
    if (!r || !canvas) return;
    const dpr = devicePixelRatio;
    const width = Math.max(240, canvas.clientWidth || 600);
    const height = 300;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const colour = (name: string) => cssColor(this.intervalsCanvas, name);
    ctx.fillStyle = colour('--mle-bg');
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    const k = r.kept;
    const count = k.estimate.length;
    if (count === 0) return;
    const finiteEnds = [...k.waldLower, ...k.waldUpper, ...k.profileLower, ...k.profileUpper].filter(Number.isFinite);
    const spread = 4 * r.asymptoticSe;
    let lo = Math.min(r.truth - spread, ...finiteEnds);
    let hi = Math.max(r.truth + spread, ...finiteEnds);
    // Keep far ends (a profile end at the domain's edge) from squashing the picture.
    lo = Math.max(lo, r.truth - 3 * spread);
    hi = Math.min(hi, r.truth + 3 * spread);
    const pad = 8 * dpr;
    const px = (v: number) => pad + ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * (canvas.width - 2 * pad);
    const rowHeight = (canvas.height - 2 * pad) / count;
    const segment = (a: number, b: number, y: number, hit: boolean) => {
      if (!Number.isFinite(a) || !Number.isFinite(b)) return;
      ctx.strokeStyle = colour(hit ? '--mle-muted' : '--mle-error');
      ctx.beginPath();
      ctx.moveTo(px(a), y);
      ctx.lineTo(Math.max(px(b), px(a) + dpr), y);
      ctx.stroke();
    };
    ctx.lineWidth = Math.max(1, Math.min(2 * dpr, rowHeight * 0.35));
    for (let i = 0; i < count; i++) {
      const y = pad + (i + 0.5) * rowHeight;
      const wl = k.waldLower[i] as number;
      const wu = k.waldUpper[i] as number;
      const pl = k.profileLower[i] as number;
      const pu = k.profileUpper[i] as number;
      segment(wl, wu, y - rowHeight * 0.22, wl <= r.truth && r.truth <= wu);
      segment(pl, pu, y + rowHeight * 0.22, pl <= r.truth && r.truth <= pu);
    }
    ctx.strokeStyle = colour('--mle-truth');
    ctx.lineWidth = 1.5 * dpr;
    ctx.beginPath();
    ctx.moveTo(px(r.truth), pad);
    ctx.lineTo(px(r.truth), canvas.height - pad);
    ctx.stroke();
    const misses = (lower: Float64Array, upper: Float64Array) => lower.reduce((s, l, i) => s + (l <= r.truth && r.truth <= (upper[i] as number) ? 0 : 1), 0);
    const label =
      this.uiLang === 'zh'
        ? `前 ${count} 个区间：Wald 有 ${misses(k.waldLower, k.waldUpper)} 个未覆盖真值，轮廓似然有 ${misses(k.profileLower, k.profileUpper)} 个`
        : `The first ${count} intervals: ${misses(k.waldLower, k.waldUpper)} Wald and ${misses(k.profileLower, k.profileUpper)} profile intervals miss the truth`;
    canvas.setAttribute('aria-label', label);
    canvas.dataset['misses'] = `${misses(k.waldLower, k.waldUpper)},${misses(k.profileLower, k.profileUpper)}`;
  }

  private python(r: SimulateEstimatorResult, params: Record<string, number>, seed: number): string {
    const info = FAMILIES[r.family];
    const theta = info.parameters.map((name) => pythonNumber(params[name] as number)).join(', ');
    const j = info.parameters.indexOf(r.parameter);
    return [
      'import numpy as np',
      'from scipy import optimize, stats',
      `rs = np.random.RandomState(${seed})`,
      `theta, j, n, m = np.array([${theta}]), ${j}, ${r.n}, ${r.repetitions}  # [${info.parameters.join(', ')}]`,
      'z, cut = stats.norm.ppf(0.975), stats.chi2.ppf(0.95, 1)',
      'def loglik(t, x):',
      '    with np.errstate(all="ignore"):',
      `        v = ${info.scipy}.sum()`,
      '    return v if np.isfinite(v) else -np.inf',
      'def hess(f, t, h=1e-5):',
      '    e = np.eye(len(t)) * h',
      '    return np.array([[(f(t + a + b) - f(t + a - b) - f(t - a + b) + f(t - a - b)) / (4 * h * h) for b in e] for a in e])',
      'def fit(x, hold=None):  # the MLE, or with t[j] held at theta[j]',
      '    free = lambda u: u if hold is None else np.insert(u, j, hold)',
      '    u0 = theta if hold is None else np.delete(theta, j)',
      '    if len(u0) == 0: return free(u0)',
      "    return free(optimize.minimize(lambda u: -loglik(free(u), x), u0, method='Nelder-Mead', options=dict(xatol=1e-9, fatol=1e-11)).x)",
      'wald = profile = 0',
      'for r in range(m):',
      `    x = ${info.numpy(params)}`,
      '    t = fit(x)',
      '    se = np.sqrt(np.linalg.inv(-hess(lambda s: loglik(s, x), t))[j, j])',
      '    wald += abs(t[j] - theta[j]) <= z * se',
      '    profile += 2 * (loglik(t, x) - loglik(fit(x, theta[j]), x)) <= cut',
      `print(wald / m, profile / m)  # ${percent(r.covered.wald / r.repetitions)}, ${percent(r.covered.profile / r.repetitions)} here`,
    ].join('\n');
  }
}
