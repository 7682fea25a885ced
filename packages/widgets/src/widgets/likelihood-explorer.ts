import type { ExplorerFamily, LikelihoodExplorerResult } from '@mle-lab/worker';
import uPlot from 'uplot';
import { MleWidget, type RenderContext } from '../shared/base-widget.ts';
import { createChart, themedAxes, type Chart } from '../shared/chart.ts';
import { sharedClient } from '../shared/client.ts';
import { pythonNumber } from '../shared/common-params.ts';
import { createDataTable } from '../shared/data-table.ts';
import { createDensityChart, type DensityChart } from '../shared/density-chart.ts';
import { formatNumber } from '../shared/format.ts';
import type { Text } from '../shared/i18n.ts';
import type { ChoiceParam, ListParam, NumberParam } from '../shared/params.ts';
import { chartBox, codeBlock, createReadouts, note } from '../shared/readouts.ts';
import { formatScientific } from '../shared/series.ts';

const TEXT = {
  chart: { zh: '数据点、候选模型的密度曲线，以及每个点的密度（竖线）', en: 'The points, the candidate model’s density and each point’s density (sticks)' },
  trace: { zh: '你试过的参数值处的对数似然 ℓ', en: 'The log-likelihood ℓ at the parameter values you tried' },
  table: { zh: '每个数据点及其在候选模型下的密度', en: 'Each point and its density under the candidate model' },
  value: { zh: '数据值 x', en: 'value x' },
  density: { zh: '密度 / 概率', en: 'density / probability' },
  logDensity: { zh: '对数密度', en: 'log density' },
  curve: { zh: '候选模型', en: 'candidate model' },
  product: { zh: '乘积 L(θ)', en: 'product L(θ)' },
  logLik: { zh: '对数似然 ℓ(θ)', en: 'log-likelihood ℓ(θ)' },
  mle: { zh: 'MLE', en: 'MLE' },
  mleLogLik: { zh: 'MLE 处的 ℓ', en: 'ℓ at the MLE' },
  jump: { zh: '跳到 MLE', en: 'Jump to the MLE' },
  preset: { zh: '恢复预设数据', en: 'Preset points' },
  noMle: { zh: '这些数据下 MLE 不存在：', en: 'No MLE for these points: ' },
  caption: {
    zh: '竖线是每个数据点在当前参数下的密度（离散时是概率），它们的乘积就是似然 L(θ)，对数之和就是 ℓ(θ)。拖动参数，下方的 ℓ 轨迹逐点画出：似然是参数的函数，而不是参数的概率——数据固定不动，变的是 θ；L(θ) 对 θ 积分一般不等于 1。',
    en: 'Each stick is one point’s density (a probability for counts and coins) under the current parameter; their product is the likelihood L(θ) and the sum of their logs is ℓ(θ). Move the parameter and the trace below fills in: the likelihood is a function of the parameter, not a probability of it — the data stay fixed, θ moves, and L(θ) need not integrate to 1 over θ.',
  },
  keys: {
    zh: '在图上：左右方向键移动所选点（Shift 加大步长），[ 和 ] 选择上一个/下一个点；也可以拖动点，或在“数据”框中输入。',
    en: 'On the chart: Left/Right move the selected point (Shift for larger steps), [ and ] select the previous/next point; or drag a point, or type in the Data field.',
  },
  code: { zh: '用 numpy 和 scipy 得到同样的数：', en: 'The same numbers in numpy and scipy:' },
  badData: {
    zh: '模型 {model} 不接受这些数据：',
    en: 'The {model} model does not accept these points: ',
  },
} satisfies Record<string, Text>;

const MODELS: Record<ExplorerFamily, { label: Text; param: string; name: string; symbol: string; rule: Text; preset: number[] }> = {
  bernoulli: { label: { zh: '硬币（伯努利）', en: 'Coin (Bernoulli)' }, param: 'p', name: 'prob', symbol: 'p', rule: { zh: '只能是 0 或 1', en: 'only 0 or 1' }, preset: [1, 1, 0, 1, 1, 1, 0, 1, 0, 1] },
  poisson: { label: { zh: '计数（泊松）', en: 'Counts (Poisson)' }, param: 'lambda', name: 'lambda', symbol: 'λ', rule: { zh: '只能是非负整数', en: 'only non-negative integers' }, preset: [2, 0, 1, 3, 1, 0, 2, 1, 4, 0, 1, 2] },
  exponential: { label: { zh: '等待时间（指数）', en: 'Waiting times (exponential)' }, param: 'rate', name: 'rate', symbol: 'λ', rule: { zh: '只能是非负数', en: 'only non-negative numbers' }, preset: [0.4, 1.9, 0.7, 3.1, 0.2, 1.2, 0.9, 2.4] },
  normal: { label: { zh: '测量值（正态）', en: 'Measurements (normal)' }, param: 'mu', name: 'mean', symbol: 'μ', rule: { zh: '任意有限数', en: 'any finite numbers' }, preset: [4.1, 5.3, 3.8, 6.2, 5.0, 4.6, 5.9] },
};

const modelParam: ChoiceParam = {
  kind: 'choice',
  name: 'model',
  label: { zh: '候选模型', en: 'Candidate model' },
  choices: (Object.keys(MODELS) as ExplorerFamily[]).map((value) => ({ value, label: MODELS[value].label })),
  default: 'normal',
};

const dataParam: ListParam = {
  kind: 'list',
  name: 'data',
  label: { zh: '数据', en: 'Data' },
  minLength: 1,
  maxLength: 30,
  min: -1e6,
  max: 1e6,
  default: [],
  describe: { zh: '1–30 个用逗号分隔的数（硬币：0/1；计数：非负整数；等待时间：非负数）', en: '1–30 comma-separated numbers (coin: 0/1; counts: non-negative integers; waiting times: non-negative)' },
};

const pParam: NumberParam = { kind: 'number', name: 'p', label: { zh: '正面概率 p', en: 'Heads probability p' }, min: 0.001, max: 0.999, step: 0.001, default: 0.5 };
const lambdaParam: NumberParam = { kind: 'number', name: 'lambda', label: { zh: '平均计数 λ', en: 'Mean count λ' }, min: 0.01, max: 100, step: 0.01, default: 2 };
const rateParam: NumberParam = { kind: 'number', name: 'rate', label: { zh: '速率 λ', en: 'Rate λ' }, min: 0.01, max: 100, step: 0.01, default: 1 };
const muParam: NumberParam = { kind: 'number', name: 'mu', label: { zh: '均值 μ', en: 'Mean μ' }, min: -1e6, max: 1e6, step: 0.05, default: 5 };
const sigmaParam: NumberParam = { kind: 'number', name: 'sigma', label: { zh: '标准差 σ', en: 'Std σ' }, min: 0.01, max: 1e6, step: 0.01, default: 1 };

/** The candidate parameters each model shows, by attribute name. */
const CONTROLS: Record<ExplorerFamily, readonly string[]> = { bernoulli: ['p'], poisson: ['lambda'], exponential: ['rate'], normal: ['mu', 'sigma'] };

/** An estimate rounded to 10 significant digits (readable in the control and the URL). */
const round = (v: number) => Number(v.toPrecision(10));

/** Why these points do not fit the model (null when they do). */
function dataProblem(model: ExplorerFamily, data: readonly number[]): number | null {
  for (const v of data) {
    if (model === 'bernoulli' && v !== 0 && v !== 1) return v;
    if (model === 'poisson' && !(Number.isInteger(v) && v >= 0)) return v;
    if (model === 'exponential' && v < 0) return v;
  }
  return null;
}

/**
 * `<mle-likelihood-explorer>`: a handful of points and one candidate model the reader moves; each
 * point's density as a stick, the product and the log-likelihood live, a trace of ℓ against the
 * parameter, and "jump to the MLE".
 */
export class LikelihoodExplorer extends MleWidget {
  static override widgetName = 'likelihood-explorer';
  static override params = [modelParam, dataParam, pParam, lambdaParam, rateParam, muParam, sigmaParam];

  private chart: DensityChart | undefined;
  private chartBox!: HTMLElement;
  private traceChart: Chart | undefined;
  private traceBox!: HTMLElement;
  private table!: ReturnType<typeof createDataTable>;
  private readouts!: Record<'logLik' | 'product' | 'mle' | 'mleLogLik', HTMLOutputElement>;
  private fieldsets: Record<string, HTMLElement> = {};
  private code!: HTMLElement;
  private status!: HTMLElement;
  private jumpButton!: HTMLButtonElement;
  private result: LikelihoodExplorerResult | undefined;
  private points: number[] = [];
  private selected = 0;
  /** ℓ at each value of the moved parameter the reader has tried (cleared when anything else changes). */
  private trace = new Map<number, number>();
  private traceKey = '';

  private get model(): ExplorerFamily {
    return this.state['model'] as ExplorerFamily;
  }

  /** The points shown: the `data` attribute, else the model's preset. */
  private currentData(): number[] {
    const data = this.state['data'] as readonly number[];
    return data.length > 0 ? [...data] : [...MODELS[this.model].preset];
  }

  /** The candidate's parameters in core's names. */
  private candidate(): Record<string, number> {
    const s = this.state as Record<string, number>;
    switch (this.model) {
      case 'bernoulli':
        return { prob: s['p'] as number };
      case 'poisson':
        return { lambda: s['lambda'] as number };
      case 'exponential':
        return { rate: s['rate'] as number };
      default:
        return { mean: s['mu'] as number, sd: s['sigma'] as number };
    }
  }

  protected build(body: HTMLElement): void {
    const t = (text: Text) => text[this.uiLang];
    body.append(this.controlsFor(['model', 'data']));
    for (const name of ['p', 'lambda', 'rate', 'mu', 'sigma']) {
      this.fieldsets[name] = this.controlsFor([name]);
      body.append(this.fieldsets[name] as HTMLElement);
    }
    const buttons = document.createElement('div');
    buttons.className = 'actions';
    this.jumpButton = document.createElement('button');
    this.jumpButton.type = 'button';
    this.jumpButton.textContent = t(TEXT.jump);
    this.jumpButton.addEventListener('click', () => this.jumpToMle());
    const preset = document.createElement('button');
    preset.type = 'button';
    preset.textContent = t(TEXT.preset);
    preset.addEventListener('click', () => this.setParam('data', MODELS[this.model].preset));
    buttons.append(this.jumpButton, preset);
    const readouts = createReadouts([
      { key: 'logLik', label: t(TEXT.logLik) },
      { key: 'product', label: t(TEXT.product) },
      { key: 'mle', label: t(TEXT.mle) },
      { key: 'mleLogLik', label: t(TEXT.mleLogLik) },
    ]);
    this.readouts = readouts.outputs;
    this.status = note('', 'legend-note status', 'status');
    this.chartBox = chartBox();
    this.chartBox.tabIndex = 0;
    this.chartBox.addEventListener('keydown', (event) => this.onKey(event));
    this.attachDrag();
    this.traceBox = chartBox();
    this.table = createDataTable(t(TEXT.table));
    this.code = codeBlock(this.uiLang);
    const actions = this.actionBar(async () => {
      const r = this.result;
      if (!r) return [];
      const trace = [...this.trace.entries()].toSorted((a, b) => a[0] - b[0]);
      return [
        { name: 'x', values: this.points },
        { name: 'density', values: r.density },
        { name: 'log_density', values: r.logDensity },
        { name: `trace_${MODELS[this.model].param}`, values: trace.map((e) => e[0]) },
        { name: 'trace_log_likelihood', values: trace.map((e) => e[1]) },
      ];
    });
    body.append(buttons, readouts.element, this.status, this.chartBox, note(t(TEXT.keys)), this.traceBox, note(t(TEXT.caption)), this.table.element, actions, note(t(TEXT.code)), this.code);
  }

  protected async render({ isStale }: RenderContext): Promise<void> {
    const t = (text: Text) => text[this.uiLang];
    const model = this.model;
    for (const [name, fieldset] of Object.entries(this.fieldsets)) {
      // (the hidden attribute alone loses to the fieldset's display rule)
      fieldset.hidden = !CONTROLS[model].includes(name);
      fieldset.style.display = fieldset.hidden ? 'none' : '';
    }
    const data = this.currentData();
    const bad = dataProblem(model, data);
    if (bad !== null) {
      throw new Error(`${t(TEXT.badData).replace('{model}', t(MODELS[model].label))}${String(bad)} (${t(MODELS[model].rule)})`);
    }
    const params = this.candidate();
    const range = this.plotRange(data, params);
    const result = await sharedClient().likelihoodExplorer({ family: model, data, params, range });
    if (isStale()) return;
    this.points = data;
    this.selected = Math.min(this.selected, data.length - 1);
    this.result = result;
    this.recordTrace(data, result.logLikelihood);
    this.draw(result, range);
    const o = this.readouts;
    o.logLik.value = formatNumber(result.logLikelihood);
    o.product.value = formatScientific(result.likelihood);
    const info = MODELS[model];
    if (result.mle) {
      o.mle.value = Object.entries(result.mle.estimates)
        .map(([k, v]) => `${k === 'sd' ? 'σ' : info.symbol}̂ = ${formatNumber(v)}`)
        .join(', ');
      o.mleLogLik.value = formatNumber(result.mle.logLikelihood);
      this.status.textContent = '';
    } else {
      o.mle.value = '—';
      o.mleLogLik.value = '—';
      this.status.textContent = `${t(TEXT.noMle)}${result.mleProblem}`;
    }
    this.jumpButton.disabled = result.mle === null;
    this.code.textContent = this.python(data, params, result);
  }

  /** The x-range of the density chart: the points and the bulk of the candidate (a plotting choice). */
  private plotRange(data: readonly number[], params: Record<string, number>): [number, number] {
    const lo = Math.min(...data);
    const hi = Math.max(...data);
    if (this.model === 'normal') {
      const mu = params['mean'] as number;
      const sd = params['sd'] as number;
      return [Math.min(lo, mu - 3.5 * sd), Math.max(hi, mu + 3.5 * sd)];
    }
    if (this.model === 'exponential') return [0, Math.max(hi, 4 / (params['rate'] as number))];
    if (this.model === 'poisson') return [0, Math.max(hi, Math.ceil((params['lambda'] as number) * 2 + 4))];
    return [0, 1];
  }

  /** Adds (θ, ℓ) to the trace of the parameter being moved; anything else changing starts a new trace. */
  private recordTrace(data: readonly number[], logLikelihood: number): void {
    // The normal has two: the trace follows whichever of μ and σ changed last.
    if (this.model === 'normal') {
      const mu = this.state['mu'] as number;
      const sigma = this.state['sigma'] as number;
      if (sigma !== this.lastSigma && mu === this.lastMu) this.traceParam = 'sigma';
      else if (mu !== this.lastMu) this.traceParam = 'mu';
      this.lastMu = mu;
      this.lastSigma = sigma;
    } else this.traceParam = CONTROLS[this.model][0] as string;
    const moving = this.traceParam;
    const fixed = CONTROLS[this.model].filter((n) => n !== moving).map((n) => `${n}=${String(this.state[n])}`);
    const key = `${this.model}|${data.join(',')}|${moving}|${fixed.join(',')}`;
    if (key !== this.traceKey) {
      this.trace.clear();
      this.traceKey = key;
    }
    if (Number.isFinite(logLikelihood)) this.trace.set(this.state[moving] as number, logLikelihood);
  }

  private traceParam = 'mu';
  private tracedName = '';

  /** The symbol of the parameter the trace follows. */
  private traceName(): string {
    return this.traceParam === 'sigma' ? 'σ' : MODELS[this.model].symbol;
  }
  private lastMu = Number.NaN;
  private lastSigma = Number.NaN;

  private jumpToMle(): void {
    const mle = this.result?.mle;
    if (!mle) return;
    const e = mle.estimates;
    if (this.model === 'bernoulli') this.setParam('p', Math.min(0.999, Math.max(0.001, round(e['prob'] as number))));
    else if (this.model === 'poisson') this.setParam('lambda', Math.max(0.01, round(e['lambda'] as number)));
    else if (this.model === 'exponential') this.setParam('rate', Math.min(100, round(e['rate'] as number)));
    else {
      this.setParam('mu', round(e['mean'] as number));
      this.setParam('sigma', Math.max(0.01, round(e['sd'] as number)));
    }
  }

  /** Moves point i to x (snapped to what the model allows). */
  private movePoint(i: number, x: number): void {
    const data = this.currentData();
    if (i < 0 || i >= data.length) return;
    let v = x;
    if (this.model === 'bernoulli') v = x < 0.5 ? 0 : 1;
    else if (this.model === 'poisson') v = Math.max(0, Math.round(x));
    else if (this.model === 'exponential') v = Math.max(0, Number(x.toFixed(2)));
    else v = Number(x.toFixed(2));
    if (data[i] === v) return;
    data[i] = v;
    this.setParam('data', data);
  }

  private onKey(event: KeyboardEvent): void {
    const data = this.currentData();
    if (event.key === '[' || event.key === ']') {
      this.selected = (this.selected + (event.key === ']' ? 1 : data.length - 1)) % data.length;
      if (this.result) this.draw(this.result, this.plotRange(data, this.candidate()));
      this.say(`${this.selected + 1}/${data.length}: x = ${String(data[this.selected])}`);
      event.preventDefault();
      return;
    }
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const unit = this.model === 'bernoulli' || this.model === 'poisson' ? 1 : 0.1;
    const step = (event.key === 'ArrowRight' ? 1 : -1) * unit * (event.shiftKey ? 10 : 1);
    this.movePoint(this.selected, (data[this.selected] as number) + step);
    event.preventDefault();
  }

  /** Pointer dragging of the points along the axis (the nearest point within 12 px is picked up). */
  private attachDrag(): void {
    let dragging = -1;
    const toValue = (event: PointerEvent): { x: number; px: number } | undefined => {
      const u = this.chart?.chart.plot;
      if (!u) return undefined;
      const rect = u.over.getBoundingClientRect();
      const px = event.clientX - rect.left;
      return { x: u.posToVal(px, 'x'), px };
    };
    this.chartBox.addEventListener('pointerdown', (event) => {
      const u = this.chart?.chart.plot;
      const at = toValue(event);
      if (!u || !at) return;
      let best = -1;
      let bestDistance = 12;
      this.points.forEach((v, i) => {
        const d = Math.abs(u.valToPos(v, 'x') - at.px);
        if (d < bestDistance) {
          best = i;
          bestDistance = d;
        }
      });
      if (best < 0) return;
      dragging = best;
      this.selected = best;
      this.chartBox.setPointerCapture(event.pointerId);
      event.preventDefault();
    });
    this.chartBox.addEventListener('pointermove', (event) => {
      if (dragging < 0) return;
      const at = toValue(event);
      if (at) this.movePoint(dragging, at.x);
    });
    const stop = () => {
      dragging = -1;
    };
    this.chartBox.addEventListener('pointerup', stop);
    this.chartBox.addEventListener('pointercancel', stop);
  }

  protected override onThemeChange(): void {
    this.chart?.restyle();
    this.traceChart?.restyle();
  }

  protected override announcement(): string {
    const r = this.result;
    if (!r) return '';
    const info = MODELS[this.model];
    const value = this.state[info.param] as number;
    return this.uiLang === 'zh'
      ? `${info.symbol} = ${String(value)}：ℓ = ${formatNumber(r.logLikelihood, 3)}${r.mle ? `；MLE 处 ℓ = ${formatNumber(r.mle.logLikelihood, 3)}` : ''}`
      : `${info.symbol} = ${String(value)}: ℓ = ${formatNumber(r.logLikelihood, 3)}${r.mle ? `; at the MLE ℓ = ${formatNumber(r.mle.logLikelihood, 3)}` : ''}`;
  }

  private draw(r: LikelihoodExplorerResult, range: [number, number]): void {
    const t = (text: Text) => text[this.uiLang];
    const discrete = this.model === 'bernoulli' || this.model === 'poisson';
    this.chart ??= createDensityChart({
      container: this.chartBox,
      height: 260,
      label: t(TEXT.chart),
      xLabel: t(TEXT.value),
      yLabel: t(TEXT.density),
      curves: [{ label: t(TEXT.curve), colour: '--mle-fit' }],
    });
    // A discrete model's probabilities as bars one unit wide around each integer; a density as a curve.
    // (a narrow bar per value: edges x ± 0.2, with an empty bar between neighbours)
    const edges = discrete ? Array.from(r.curve.x).flatMap((x) => [x - 0.2, x + 0.2]) : [];
    const heights = discrete ? Array.from(r.curve.density).flatMap((p, i) => (i === 0 ? [p] : [0, p])) : [];
    this.chart.update({
      x: r.curve.x,
      curves: [discrete ? null : r.curve.density],
      bars: discrete ? [{ edges, heights, colour: '--mle-bar-alt' }] : [],
      stems: this.points.map((x, i) => ({ x, height: r.density[i] as number, colour: i === this.selected ? '--mle-truth' : '--mle-accent', emphasis: i === this.selected })),
      markers: [
        { x: range[0], colour: '--mle-border' },
        { x: range[1], colour: '--mle-border' },
      ],
    });
    const trace = [...this.trace.entries()].toSorted((a, b) => a[0] - b[0]);
    const mle = r.mle;
    const mleAt = mle ? (this.traceParam === 'sigma' ? mle.estimates['sd'] : mle.estimates[MODELS[this.model].name]) : undefined;
    const xs = trace.map((e) => e[0]);
    const ys: (number | null)[] = trace.map((e) => e[1]);
    const mleSeries: (number | null)[] = xs.map(() => null);
    if (mleAt !== undefined && mle && this.model !== 'normal') {
      // The MLE's ℓ as one more point (for the normal the trace's other parameter may not be at its MLE).
      const k = xs.findIndex((x) => x >= mleAt);
      const at = k < 0 ? xs.length : k;
      xs.splice(at, 0, mleAt);
      ys.splice(at, 0, null);
      mleSeries.splice(at, 0, mle.logLikelihood);
    }
    const data: uPlot.AlignedData = [xs, ys, mleSeries];
    if (!this.traceChart) {
      this.traceChart = createChart({
        container: this.traceBox,
        height: 200,
        label: t(TEXT.trace),
        data,
        options: (colour) => ({
          scales: { x: { time: false } },
          axes: themedAxes(colour, { x: this.traceName(), y: 'ℓ' }),
          series: [
            { label: this.traceName(), value: (_u, v) => (v == null ? '—' : formatNumber(v, 3)) },
            { label: 'ℓ', stroke: colour('--mle-accent'), width: 1, points: { show: true, size: 6, fill: colour('--mle-accent') }, value: (_u, v) => (v == null ? '—' : formatNumber(v, 3)) },
            { label: t(TEXT.mleLogLik), stroke: colour('--mle-truth'), width: 0, points: { show: true, size: 9, fill: colour('--mle-truth') }, value: (_u, v) => (v == null ? '—' : formatNumber(v, 3)) },
          ],
        }),
      });
    } else {
      this.traceChart.setData(data);
      // A new trace parameter (σ after μ, another model): rebuild so the axis and legend name it.
      if (this.tracedName !== this.traceName()) this.traceChart.restyle();
    }
    this.tracedName = this.traceName();
    this.table.update([
      { name: t(TEXT.value), values: this.points },
      { name: t(TEXT.density), values: r.density },
      { name: t(TEXT.logDensity), values: r.logDensity },
    ]);
  }

  private python(data: readonly number[], params: Record<string, number>, r: LikelihoodExplorerResult): string {
    const x = `x = np.array([${data.map((v) => pythonNumber(v)).join(', ')}])`;
    const call = {
      bernoulli: `stats.bernoulli.logpmf(x, ${pythonNumber(params['prob'] as number)})`,
      poisson: `stats.poisson.logpmf(x, ${pythonNumber(params['lambda'] as number)})`,
      exponential: `stats.expon.logpdf(x, scale=1 / ${pythonNumber(params['rate'] as number)})`,
      normal: `stats.norm.logpdf(x, ${pythonNumber(params['mean'] as number)}, ${pythonNumber(params['sd'] as number)})`,
    }[this.model];
    const mle = {
      bernoulli: 'x.mean()  # p̂',
      poisson: 'x.mean()  # λ̂',
      exponential: '1 / x.mean()  # λ̂',
      normal: 'x.mean(), x.std()  # μ̂, σ̂ (÷n)',
    }[this.model];
    return [
      'import numpy as np',
      'from scipy import stats',
      x,
      `log_f = ${call}`,
      `print(log_f.sum())        # ℓ = ${formatNumber(r.logLikelihood)}`,
      `print(np.exp(log_f).prod())  # L = ${r.likelihood.toPrecision(6)}`,
      `print(${mle.split('  ')[0]})  ${mle.split('  ')[1] ?? ''}`,
    ].join('\n');
  }
}
