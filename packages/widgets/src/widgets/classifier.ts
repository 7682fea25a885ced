import type uPlot from 'uplot';
import type { ClassifierResult } from '@mle-lab/worker';
import { MleWidget, type RenderContext } from '../shared/base-widget.ts';
import { createChart, themedAxes, type Chart } from '../shared/chart.ts';
import { sharedClient } from '../shared/client.ts';
import { seedParam } from '../shared/common-params.ts';
import { createDataTable } from '../shared/data-table.ts';
import { formatCount, formatNumber } from '../shared/format.ts';
import { CLASS_COLOURS, classColour, drawGridImage, drawMarker, nearestCell, paintGrid } from '../shared/grid-canvas.ts';
import type { Text } from '../shared/i18n.ts';
import type { NumberParam } from '../shared/params.ts';
import { createPlaneChart } from '../shared/plane-chart.ts';
import { createProgress, type ProgressView } from '../shared/progress.ts';
import { chartBox } from '../shared/readouts.ts';

const TEXT = {
  regions: { zh: '决策区域：每一点最可能的类别（颜色越深越确定），训练点叠加其上', en: 'Decision regions: the most probable class everywhere (deeper colour, more certain), with the training points on top' },
  regionsTable: { zh: '训练点的坐标与类别', en: 'Training points: coordinates and class' },
  loss: { zh: '每一步的平均交叉熵与对数似然', en: 'Mean cross-entropy and log-likelihood per step' },
  lossTable: { zh: '每一步的平均交叉熵、对数似然与准确率', en: 'Mean cross-entropy, log-likelihood and accuracy per step' },
  step: { zh: '步数', en: 'step' },
  ce: { zh: '平均交叉熵', en: 'mean cross-entropy' },
  ll: { zh: '对数似然 ℓ', en: 'log-likelihood ℓ' },
  accuracy: { zh: '准确率', en: 'accuracy' },
  klass: { zh: '类别', en: 'class' },
  confidence: { zh: '概率', en: 'probability' },
  axisNote: {
    zh: '右轴是左轴乘以 −n：两条曲线完全重合，因为 ℓ = −n · 平均交叉熵——最小化交叉熵就是最大化似然。',
    en: 'The right axis is the left one times −n: the two curves coincide because ℓ = −n · mean cross-entropy — minimising cross-entropy is maximising likelihood.',
  },
  diverged: {
    zh: (step: number) => `训练在第 ${step} 步发散（损失变为非有限值）：学习率太大。下面显示发散前的历史和最后的有限参数。`,
    en: (step: number) => `Training diverged at step ${step} (the loss became non-finite): the learning rate is too large. Shown: the history up to there and the last finite weights.`,
  },
  cancelled: { zh: '训练已取消；显示的是上一次的结果。', en: 'Training cancelled; the previous result is shown.' },
  outside: { zh: '指针在区域之外', en: 'pointer outside the regions' },
};

const classesParam: NumberParam = {
  kind: 'integer',
  name: 'classes',
  label: { zh: '类别数', en: 'Classes' },
  min: 2,
  max: 5,
  step: 1,
  default: 3,
};

const learningRateParam: NumberParam = {
  kind: 'number',
  name: 'lr',
  label: { zh: '学习率 η', en: 'Learning rate η' },
  min: 0.001,
  max: 100,
  step: 0.001,
  default: 0.5,
  log: true,
};

const stepsParam: NumberParam = {
  kind: 'integer',
  name: 'steps',
  label: { zh: '训练步数', en: 'Steps' },
  min: 1,
  max: 100_000,
  step: 1,
  default: 300,
  log: true,
};

let instances = 0;

/**
 * `<mle-classifier>`: softmax regression trained by gradient descent on seeded 2-D blobs; the decision
 * regions with the points on top, and per step the mean cross-entropy and the log-likelihood, which
 * are the same curve up to the factor −n.
 */
export class Classifier extends MleWidget {
  static override widgetName = 'classifier';
  static override params = [seedParam, classesParam, learningRateParam, stepsParam];

  private readonly key = `classifier-${++instances}`;
  private regions: Chart | undefined;
  private regionsBox!: HTMLElement;
  private regionImage: HTMLCanvasElement | undefined;
  private loss: Chart | undefined;
  private lossBox!: HTMLElement;
  private lossRange = { ce: 1, ll: 1 };
  private progress!: ProgressView;
  private cursorLine!: HTMLOutputElement;
  private message!: HTMLElement;
  private regionsTable!: ReturnType<typeof createDataTable>;
  private lossTable!: ReturnType<typeof createDataTable>;
  private readouts!: Record<'ce' | 'll' | 'n' | 'identity' | 'accuracy' | 'steps', HTMLOutputElement>;
  private result: ClassifierResult | undefined;

  protected build(body: HTMLElement): void {
    const t = (text: Text) => text[this.uiLang];
    const style = document.createElement('style');
    style.textContent = '.chart.regions { min-height: 300px; } .warning { color: var(--mle-error); margin: 4px 0; } .warning:empty { display: none; }';
    this.root.append(style);
    body.append(this.controlsFor(['seed', 'classes', 'lr', 'steps']));
    this.progress = createProgress(this.uiLang);
    const readouts = document.createElement('div');
    readouts.className = 'readouts';
    const make = (key: keyof Classifier['readouts'], label: string) => {
      const span = document.createElement('span');
      const output = document.createElement('output');
      output.dataset['readout'] = key;
      span.append(label ? `${label} = ` : '', output);
      readouts.append(span);
      return output;
    };
    this.readouts = {
      steps: make('steps', t(TEXT.step)),
      ce: make('ce', t(TEXT.ce)),
      ll: make('ll', t(TEXT.ll)),
      n: make('n', 'n'),
      identity: make('identity', ''),
      accuracy: make('accuracy', t(TEXT.accuracy)),
    };
    this.message = document.createElement('p');
    this.message.className = 'warning';
    this.message.setAttribute('role', 'status');
    this.regionsBox = chartBox('regions');
    this.cursorLine = document.createElement('output');
    this.cursorLine.className = 'legend-note';
    this.cursorLine.dataset['readout'] = 'cursor';
    this.cursorLine.textContent = t(TEXT.outside);
    this.lossBox = chartBox();
    const note = document.createElement('p');
    note.className = 'legend-note';
    note.textContent = t(TEXT.axisNote);
    this.regionsTable = createDataTable(t(TEXT.regionsTable));
    this.lossTable = createDataTable(t(TEXT.lossTable));
    const actions = this.actionBar(async () => {
      const r = this.result;
      if (!r) return [];
      const x1: number[] = [];
      const x2: number[] = [];
      for (let i = 0; i < r.n; i++) {
        x1.push(r.points[2 * i] as number);
        x2.push(r.points[2 * i + 1] as number);
      }
      return [
        { name: 'x1', values: x1 },
        { name: 'x2', values: x2 },
        { name: 'label', values: r.labels },
        { name: 'step', values: r.history.step },
        { name: 'mean_cross_entropy', values: r.history.meanCrossEntropy },
        { name: 'log_likelihood', values: r.history.logLikelihood },
        { name: 'accuracy', values: r.history.accuracy },
      ];
    });
    body.append(this.progress.element, readouts, this.message, this.regionsBox, this.cursorLine, this.regionsTable.element, this.lossBox, note, this.lossTable.element, actions);
  }

  protected async render({ isStale }: RenderContext): Promise<void> {
    const { seed, classes, lr, steps } = this.state as { seed: number; classes: number; lr: number; steps: number };
    const signal = this.progress.start();
    let result: ClassifierResult;
    try {
      result = await sharedClient().trainClassifier(
        { seed, classes, learningRate: lr, steps },
        { key: this.key, signal, onProgress: (p) => this.progress.update(p.done, p.total ?? steps) },
      );
    } catch (error) {
      if (isStale()) return;
      this.progress.finish();
      if (error instanceof Error && error.name === 'AbortError') {
        this.message.textContent = TEXT.cancelled[this.uiLang];
        this.say(TEXT.cancelled[this.uiLang]);
        return;
      }
      throw error;
    }
    if (isStale()) return;
    this.progress.finish();
    this.result = result;
    this.message.textContent = result.diverged ? TEXT.diverged[this.uiLang](result.iterations) : '';
    this.showNumbers(result);
    this.drawRegions(result);
    this.drawLoss(result);
  }

  private showNumbers(r: ClassifierResult): void {
    const t = (text: Text) => text[this.uiLang];
    const f = r.final;
    this.readouts.steps.value = formatCount(f.step, this.uiLang);
    this.readouts.ce.value = formatNumber(f.meanCrossEntropy, 6);
    this.readouts.ll.value = formatNumber(f.logLikelihood, 4);
    this.readouts.n.value = formatCount(r.n, this.uiLang);
    // Both numbers come from core; the line only lays them side by side: ℓ = −n · CE.
    this.readouts.identity.value = `ℓ = −n · CE: ${formatNumber(f.logLikelihood, 4)} = −${r.n} × ${formatNumber(f.meanCrossEntropy, 6)}`;
    this.readouts.accuracy.value = `${formatNumber(f.accuracy * 100, 1)}%`;
    const x1: number[] = [];
    const x2: number[] = [];
    for (let i = 0; i < r.n; i++) {
      x1.push(r.points[2 * i] as number);
      x2.push(r.points[2 * i + 1] as number);
    }
    this.regionsTable.update([
      { name: 'x₁', values: x1 },
      { name: 'x₂', values: x2 },
      { name: t(TEXT.klass), values: r.labels },
    ]);
    this.lossTable.update([
      { name: t(TEXT.step), values: r.history.step },
      { name: t(TEXT.ce), values: r.history.meanCrossEntropy },
      { name: t(TEXT.ll), values: r.history.logLikelihood },
      { name: t(TEXT.accuracy), values: r.history.accuracy },
    ]);
  }

  private paintRegions(r: ClassifierResult): void {
    const { grid, classes } = r;
    // Deeper colour where the model is surer: the weakest a region gets is at probability 1/C.
    const floor = 1 / classes;
    this.regionImage = paintGrid(grid.x.length, grid.y.length, (k) => {
      const label = grid.labels[k] as number;
      const sure = ((grid.confidence[k] as number) - floor) / (1 - floor);
      const [red, green, blue] = CLASS_COLOURS[label % CLASS_COLOURS.length] as readonly [number, number, number];
      return [red, green, blue, Math.round(255 * (0.12 + 0.38 * Math.max(0, Math.min(1, sure))))];
    });
  }

  private drawRegions(r: ClassifierResult): void {
    this.paintRegions(r);
    const lang = this.uiLang;
    if (!this.regions) {
      this.regions = createPlaneChart({
        container: this.regionsBox,
        height: 300,
        label: TEXT.regions[lang],
        axisLabels: { x: 'x₁', y: 'x₂' },
        ranges: () => {
          const g = this.result?.grid;
          if (!g) return { x: [-5, 5], y: [-5, 5] };
          return { x: [g.x[0] as number, g.x[g.x.length - 1] as number], y: [g.y[0] as number, g.y[g.y.length - 1] as number] };
        },
        under: (u) => {
          const g = this.result?.grid;
          if (g && this.regionImage) drawGridImage(u, this.regionImage, g);
        },
        over: (u, colour) => {
          const res = this.result;
          if (!res) return;
          const { ctx } = u;
          ctx.save();
          ctx.strokeStyle = colour('--mle-fg');
          ctx.lineWidth = devicePixelRatio;
          const radius = 3.2 * devicePixelRatio;
          for (let i = 0; i < res.n; i++) {
            const label = res.labels[i] as number;
            ctx.fillStyle = classColour(label, 0.95);
            drawMarker(ctx, label, u.valToPos(res.points[2 * i] as number, 'x', true), u.valToPos(res.points[2 * i + 1] as number, 'y', true), radius);
            ctx.fill();
            ctx.stroke();
          }
          ctx.restore();
        },
        onCursor: (position) => this.showCursor(position),
      });
    }
    this.regions.setData([[], []]);
  }

  private showCursor(position: { x: number; y: number } | null): void {
    const g = this.result?.grid;
    const cell = g && position ? nearestCell(g, position.x, position.y) : -1;
    if (!g || !position || cell < 0) {
      this.cursorLine.textContent = TEXT.outside[this.uiLang];
      return;
    }
    const klass = TEXT.klass[this.uiLang];
    this.cursorLine.textContent = `x₁ = ${formatNumber(position.x, 2)}, x₂ = ${formatNumber(position.y, 2)} → ${klass} ${g.labels[cell]} (p = ${formatNumber(g.confidence[cell] as number, 3)})`;
  }

  private drawLoss(r: ClassifierResult): void {
    const lang = this.uiLang;
    const data: uPlot.AlignedData = [r.history.step, r.history.meanCrossEntropy, r.history.logLikelihood];
    // Axis extents only: the largest finite loss, and the log-likelihood axis −n times it (flipped)
    // so the two curves land on each other.
    let top = 0;
    for (const v of r.history.meanCrossEntropy) if (Number.isFinite(v) && v > top) top = v;
    top = top > 0 ? top * 1.05 : 1;
    this.lossRange = { ce: top, ll: -r.n * top };
    if (!this.loss) {
      this.loss = createChart({
        container: this.lossBox,
        height: 240,
        label: TEXT.loss[lang],
        data,
        options: (colour) => {
          const [xAxis, yAxis] = themedAxes(colour, { x: TEXT.step[lang], y: TEXT.ce[lang] }) as [uPlot.Axis, uPlot.Axis];
          return {
            scales: {
              x: { time: false },
              ce: { auto: false, range: () => [0, this.lossRange.ce] },
              ll: { auto: false, dir: -1, range: () => [this.lossRange.ll, 0] },
            },
            axes: [
              xAxis,
              { ...yAxis, scale: 'ce' },
              { ...yAxis, scale: 'll', side: 1, label: TEXT.ll[lang], grid: { show: false }, size: 64 },
            ],
            series: [
              { label: TEXT.step[lang], value: (_u, v) => (v == null ? '—' : String(v)) },
              { label: TEXT.ce[lang], scale: 'ce', stroke: colour('--mle-accent'), width: 2, value: (_u, v) => (v == null ? '—' : formatNumber(v, 6)) },
              { label: TEXT.ll[lang], scale: 'll', stroke: colour('--mle-truth'), width: 2, dash: [6, 5], value: (_u, v) => (v == null ? '—' : formatNumber(v, 4)) },
            ],
          };
        },
      });
    }
    this.loss.setData(data);
  }

  protected override onThemeChange(): void {
    this.regions?.restyle();
    this.loss?.restyle();
  }

  protected override announcement(): string {
    const r = this.result;
    if (!r) return '';
    const f = r.final;
    return this.uiLang === 'zh'
      ? `${f.step} 步后：平均交叉熵 ${formatNumber(f.meanCrossEntropy, 4)}，对数似然 ${formatNumber(f.logLikelihood, 2)}，准确率 ${formatNumber(f.accuracy * 100, 1)}%`
      : `After ${f.step} steps: mean cross-entropy ${formatNumber(f.meanCrossEntropy, 4)}, log-likelihood ${formatNumber(f.logLikelihood, 2)}, accuracy ${formatNumber(f.accuracy * 100, 1)}%`;
  }
}
