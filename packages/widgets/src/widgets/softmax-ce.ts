import type uPlot from 'uplot';
import type { SoftmaxLossResult } from '@mle-lab/worker';
import { MleWidget, type RenderContext } from '../shared/base-widget.ts';
import { createChart, themedAxes, type Chart } from '../shared/chart.ts';
import { sharedClient } from '../shared/client.ts';
import { pythonNumber } from '../shared/common-params.ts';
import { createControl, type Control } from '../shared/controls.ts';
import { createDataTable } from '../shared/data-table.ts';
import { formatNumber } from '../shared/format.ts';
import { classColour } from '../shared/grid-canvas.ts';
import type { Text } from '../shared/i18n.ts';
import { formatList, type ListParam, type NumberParam } from '../shared/params.ts';
import { chartBox, codeBlock } from '../shared/readouts.ts';

const TEXT = {
  chart: { zh: '每个类别的 softmax 概率 q 与目标分布 p', en: 'Softmax probability q and target distribution p per class' },
  table: { zh: '每个类别的 logit、softmax 概率与目标概率', en: 'Logit, softmax probability and target probability per class' },
  klass: { zh: '类别', en: 'class' },
  logit: { zh: 'logit z', en: 'logit z' },
  prob: { zh: '模型概率 q', en: 'model q' },
  target: { zh: '目标 p', en: 'target p' },
  probability: { zh: '概率', en: 'probability' },
  sliders: { zh: '拖动每个 logit', en: 'Drag each logit' },
  nll: { zh: '负对数似然 −log q_y', en: 'NLL −log q_y' },
  ce: { zh: '交叉熵 H(p, q)', en: 'cross-entropy H(p, q)' },
  entropy: { zh: '目标的熵 H(p)', en: 'entropy of the target H(p)' },
  kl: { zh: 'KL(p ‖ q)', en: 'KL(p ‖ q)' },
  equalHard: {
    zh: '目标是类别下标且不做平滑时，p 是 one-hot 向量：交叉熵 = 负对数似然，H(p) = 0，KL = 交叉熵。',
    en: 'With a class-index target and no smoothing, p is one-hot: cross-entropy = NLL, H(p) = 0 and KL = cross-entropy.',
  },
  smoothed: {
    zh: '标签平滑把 p 混入均匀分布：交叉熵不再等于该类别的负对数似然，但仍有 交叉熵 = H(p) + KL。',
    en: 'Label smoothing mixes the uniform distribution into p: cross-entropy no longer equals the label’s NLL, but cross-entropy = H(p) + KL still holds.',
  },
  soft: {
    zh: '软目标没有单个类别，所以没有单个负对数似然；交叉熵 = −Σ p log q = H(p) + KL。',
    en: 'A soft target has no single class, so no single NLL; cross-entropy = −Σ p log q = H(p) + KL.',
  },
  code: { zh: '用 torch / scipy 得到同样的数：', en: 'The same numbers in torch / scipy:' },
  badTarget: {
    zh: (shown: string, c: number) => `目标（target）不能是 “${shown}”：允许 0–${c - 1} 的类别下标，或 ${c} 个介于 0 与 1 之间、和为 1 的概率。`,
    en: (shown: string, c: number) => `Target (target) cannot be “${shown}”: allowed is a class index from 0 to ${c - 1}, or ${c} probabilities from 0 to 1 that sum to 1.`,
  },
  badSum: {
    zh: (total: string) => `目标（target）作为概率向量时各项之和必须为 1，现为 ${total}。`,
    en: (total: string) => `Target (target) probabilities must sum to 1; these sum to ${total}.`,
  },
};

const logitsParam: ListParam = {
  kind: 'list',
  name: 'logits',
  label: { zh: 'logits（逗号分隔）', en: 'Logits (comma-separated)' },
  minLength: 2,
  maxLength: 10,
  default: [3, 1, 0.2],
};

const targetParam: ListParam = {
  kind: 'list',
  name: 'target',
  label: { zh: '目标：类别下标或概率向量', en: 'Target: class index or probabilities' },
  minLength: 1,
  maxLength: 10,
  min: 0,
  max: 9,
  default: [0],
  describe: {
    zh: '一个类别下标（0、1、…），或每个类别一个概率（介于 0 与 1 之间，和为 1），如 0.7,0.2,0.1',
    en: 'a class index (0, 1, …), or one probability per class (from 0 to 1, summing to 1), e.g. 0.7,0.2,0.1',
  },
};

const smoothingParam: NumberParam = {
  kind: 'number',
  name: 'smoothing',
  label: { zh: '标签平滑 ε', en: 'Label smoothing ε' },
  min: 0,
  max: 1,
  step: 0.01,
  default: 0,
};

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';

/** A class index or a probability vector, checked against the number of logits (no arithmetic). */
function targetFor(raw: readonly number[], classes: number): number | readonly number[] | undefined {
  if (raw.length === 1) {
    const t = raw[0] as number;
    return Number.isInteger(t) && t < classes ? t : undefined;
  }
  if (raw.length !== classes || raw.some((q) => q > 1)) return undefined;
  return raw;
}

/** Draws side-by-side bars: the model's q (class colour) and the target p (outlined). */
function barsHook(get: () => SoftmaxLossResult | undefined, outline: () => string) {
  return (u: uPlot) => {
    const r = get();
    if (!r) return;
    const { ctx } = u;
    ctx.save();
    const y0 = u.valToPos(0, 'y', true);
    for (let i = 0; i < r.probs.length; i++) {
      const left = u.valToPos(i - 0.38, 'x', true);
      const mid = u.valToPos(i, 'x', true);
      const right = u.valToPos(i + 0.38, 'x', true);
      const top = u.valToPos(r.probs[i] as number, 'y', true);
      ctx.fillStyle = classColour(i, 0.85);
      ctx.fillRect(left, top, mid - left - 1, y0 - top);
      const qTop = u.valToPos(r.target[i] as number, 'y', true);
      ctx.fillStyle = classColour(i, 0.2);
      ctx.fillRect(mid + 1, qTop, right - mid - 1, y0 - qTop);
      ctx.strokeStyle = outline();
      ctx.lineWidth = devicePixelRatio;
      ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
      ctx.strokeRect(mid + 1, qTop, right - mid - 1, y0 - qTop);
      ctx.setLineDash([]);
    }
    ctx.restore();
  };
}

/**
 * `<mle-softmax-ce>`: logits → softmax bars → the NLL of the label and the cross-entropy, equal for a
 * one-hot target; a soft or label-smoothed target; the entropy H(p) and KL(p‖q) with CE = H + KL.
 */
export class SoftmaxCe extends MleWidget {
  static override widgetName = 'softmax-ce';
  static override params = [logitsParam, targetParam, smoothingParam];

  private chart: Chart | undefined;
  private chartBox!: HTMLElement;
  private sliderBox!: HTMLElement;
  private sliders: Control[] = [];
  private table!: ReturnType<typeof createDataTable>;
  private readouts!: Record<'probs' | 'nll' | 'ce' | 'entropy' | 'kl' | 'ceMinusH', HTMLOutputElement>;
  private note!: HTMLElement;
  private code!: HTMLElement;
  private result: SoftmaxLossResult | undefined;
  private shownTarget: number | readonly number[] = 0;

  protected build(body: HTMLElement): void {
    const t = (text: Text) => text[this.uiLang];
    body.append(this.controlsFor(['logits', 'target', 'smoothing']));
    this.sliderBox = document.createElement('fieldset');
    this.sliderBox.className = 'controls';
    const legend = document.createElement('legend');
    legend.className = 'sr-only';
    legend.textContent = t(TEXT.sliders);
    this.sliderBox.append(legend);
    const readouts = document.createElement('div');
    readouts.className = 'readouts';
    const make = (key: keyof SoftmaxCe['readouts'], label: string, separator = ' = ') => {
      const span = document.createElement('span');
      const output = document.createElement('output');
      output.dataset['readout'] = key;
      span.append(`${label}${separator}`, output);
      readouts.append(span);
      return output;
    };
    this.readouts = {
      probs: make('probs', 'q'),
      nll: make('nll', t(TEXT.nll)),
      ce: make('ce', t(TEXT.ce)),
      entropy: make('entropy', t(TEXT.entropy)),
      kl: make('kl', t(TEXT.kl)),
      ceMinusH: make('ceMinusH', this.uiLang === 'zh' ? 'KL = 交叉熵 − H(p)' : 'KL = CE − H(p)', this.uiLang === 'zh' ? '：' : ': '),
    };
    this.note = document.createElement('p');
    this.note.className = 'legend-note';
    this.chartBox = chartBox();
    this.table = createDataTable(t(TEXT.table));
    const codeIntro = document.createElement('p');
    codeIntro.className = 'legend-note';
    codeIntro.textContent = t(TEXT.code);
    this.code = codeBlock(this.uiLang);
    const actions = this.actionBar(async () => {
      const r = this.result;
      if (!r) return [];
      const logits = this.state['logits'] as readonly number[];
      return [
        { name: 'class', values: logits.map((_, i) => i) },
        { name: 'logit', values: logits },
        { name: 'softmax_p', values: r.probs },
        { name: 'log_p', values: r.logProbs },
        { name: 'target_q', values: r.target },
      ];
    });
    body.append(this.sliderBox, readouts, this.note, this.chartBox, this.table.element, actions, codeIntro, this.code);
  }

  /** One slider + number input per logit, rebuilt when the number of classes changes. */
  private syncSliders(logits: readonly number[]): void {
    if (this.sliders.length !== logits.length) {
      for (const s of this.sliders) s.element.remove();
      this.sliders = logits.map((_, i) => {
        const spec: NumberParam = {
          kind: 'number',
          name: `z${i}`,
          label: { zh: `logit z${SUBSCRIPTS[i] ?? i}`, en: `logit z${SUBSCRIPTS[i] ?? i}` },
          min: -10,
          max: 10,
          step: 0.1,
          default: 0,
        };
        const control = createControl(spec, this.uiLang, (raw) => {
          const value = raw.trim() === '' ? NaN : Number(raw);
          if (!Number.isFinite(value)) {
            control.setInvalid(true);
            return;
          }
          control.setInvalid(false);
          const next = [...(this.state['logits'] as readonly number[])];
          next[i] = value;
          // Goes through the logits parameter (validation, text field, embed code) like any other change.
          this.setAttribute('logits', formatList(next));
          this.writeUrl();
        });
        this.sliderBox.append(control.element);
        return control;
      });
    }
    logits.forEach((z, i) => this.sliders[i]?.set(z));
  }

  protected async render({ isStale }: RenderContext): Promise<void> {
    const logits = this.state['logits'] as readonly number[];
    const rawTarget = this.state['target'] as readonly number[];
    const smoothing = this.state['smoothing'] as number;
    this.syncSliders(logits);
    const target = targetFor(rawTarget, logits.length);
    // A target that does not fit these logits: draw class 0 meanwhile and say what is allowed.
    let problem: string | undefined;
    if (target === undefined) {
      const shown = formatList(rawTarget);
      problem = TEXT.badTarget[this.uiLang](shown.length > 24 ? `${shown.slice(0, 24)}…` : shown, logits.length);
    }
    const client = sharedClient();
    let result: SoftmaxLossResult;
    try {
      result = await client.softmaxLoss({ logits: [...logits], target: target === undefined ? 0 : typeof target === 'number' ? target : [...target], smoothing });
    } catch (error) {
      if (isStale()) return;
      const message = error instanceof Error ? error.message : String(error);
      if (/sum to 1/.test(message)) {
        result = await client.softmaxLoss({ logits: [...logits], target: 0, smoothing });
        problem = TEXT.badSum[this.uiLang](/sum to ([^\s,;]+)$/.exec(message)?.[1]?.replace(/\.$/, '') ?? '?');
      } else {
        throw error;
      }
    }
    if (isStale()) return;
    this.result = result;
    this.shownTarget = problem === undefined && target !== undefined ? target : 0;
    this.draw(result, logits);
    this.showNumbers(result, logits, smoothing);
    if (problem !== undefined) throw new Error(problem);
  }

  private showNumbers(r: SoftmaxLossResult, logits: readonly number[], smoothing: number): void {
    const t = (text: Text) => text[this.uiLang];
    const digits = 4;
    this.readouts.probs.value = `[${Array.from(r.probs, (p) => formatNumber(p, digits)).join(', ')}]`;
    this.readouts.nll.value = r.nll === null ? '—' : formatNumber(r.nll, digits);
    this.readouts.ce.value = formatNumber(r.crossEntropy, digits);
    this.readouts.entropy.value = formatNumber(r.entropy, digits);
    this.readouts.kl.value = formatNumber(r.kl, digits);
    // KL, CE and H each come from core; the line lays them side by side rather than subtracting here.
    this.readouts.ceMinusH.value = `${formatNumber(r.kl, digits)} = ${formatNumber(r.crossEntropy, digits)} − ${formatNumber(r.entropy, digits)}`;
    const target = this.shownTarget;
    this.note.textContent = typeof target !== 'number' ? t(TEXT.soft) : smoothing > 0 ? t(TEXT.smoothed) : t(TEXT.equalHard);
    const z = `[[${logits.map(pythonNumber).join(', ')}]]`;
    const targetPy = typeof target === 'number' ? `torch.tensor([${target}])` : `torch.tensor([[${target.map(pythonNumber).join(', ')}]])`;
    const p = `[${Array.from(r.target, (v) => String(Number(v.toPrecision(6)))).join(', ')}]`;
    this.code.textContent =
      `import torch, torch.nn.functional as F\n` +
      `from scipy.stats import entropy\n` +
      `z = torch.tensor(${z})\n` +
      `q = F.softmax(z, dim=1)     # [${Array.from(r.probs, (q) => formatNumber(q, digits)).join(', ')}]\n` +
      (typeof target === 'number' ? `F.nll_loss(F.log_softmax(z, dim=1), ${targetPy})  # ${r.nll === null ? '' : formatNumber(r.nll, digits)}\n` : '') +
      `F.cross_entropy(z, ${targetPy}, label_smoothing=${pythonNumber(smoothing)})  # ${formatNumber(r.crossEntropy, digits)}\n` +
      `p = ${p}\n` +
      `entropy(p), entropy(p, q[0].numpy())  # H = ${formatNumber(r.entropy, digits)}, KL = ${formatNumber(r.kl, digits)}`;
    this.table.update([
      { name: t(TEXT.klass), values: logits.map((_, i) => i) },
      { name: t(TEXT.logit), values: logits },
      { name: t(TEXT.prob), values: r.probs },
      { name: t(TEXT.target), values: r.target },
    ]);
  }

  protected override onThemeChange(): void {
    this.chart?.restyle();
  }

  protected override announcement(): string {
    const r = this.result;
    if (!r) return '';
    const q = Array.from(r.probs, (v) => formatNumber(v, 3)).join(', ');
    return this.uiLang === 'zh'
      ? `q = ${q}；交叉熵 ${formatNumber(r.crossEntropy, 3)}，H(p) ${formatNumber(r.entropy, 3)}，KL ${formatNumber(r.kl, 3)}`
      : `q = ${q}; cross-entropy ${formatNumber(r.crossEntropy, 3)}, H(p) ${formatNumber(r.entropy, 3)}, KL ${formatNumber(r.kl, 3)}`;
  }

  private draw(r: SoftmaxLossResult, logits: readonly number[]): void {
    const classes = Float64Array.from(logits, (_, i) => i);
    const data: uPlot.AlignedData = [classes, r.probs, r.target, Float64Array.from(logits)];
    const lang = this.uiLang;
    const count = () => (this.result?.probs.length ?? 3);
    if (!this.chart) {
      this.chart = createChart({
        container: this.chartBox,
        height: 240,
        label: TEXT.chart[lang],
        data,
        options: (colour) => ({
          scales: { x: { time: false, range: () => [-0.6, count() - 0.4] }, y: { range: [0, 1] } },
          axes: [
            {
              ...themedAxes(colour, { x: TEXT.klass[lang] })[0],
              splits: () => Array.from({ length: count() }, (_, i) => i),
              values: (_u, splits) => splits.map((v) => String(v)),
            },
            themedAxes(colour, { y: TEXT.probability[lang] })[1] as uPlot.Axis,
          ],
          series: [
            { label: TEXT.klass[lang], value: (_u, v) => (v == null ? '—' : String(v)) },
            { label: TEXT.prob[lang], stroke: colour('--mle-accent'), paths: () => null, points: { show: false }, value: (_u, v) => (v == null ? '—' : formatNumber(v, 4)) },
            { label: TEXT.target[lang], stroke: colour('--mle-muted'), paths: () => null, points: { show: false }, value: (_u, v) => (v == null ? '—' : formatNumber(v, 4)) },
            { label: TEXT.logit[lang], stroke: colour('--mle-border'), paths: () => null, points: { show: false }, scale: 'z', value: (_u, v) => (v == null ? '—' : formatNumber(v, 3)) },
          ],
          hooks: { drawAxes: [barsHook(() => this.result, () => colour('--mle-fg'))] },
        }),
      });
    }
    this.chart.setData(data);
  }
}
