import type uPlot from 'uplot';
import type { LikelihoodCurves, LikelihoodParameter, LikelihoodSlice, ScoreAt } from '@mle-lab/worker';
import { MleWidget, type RenderContext } from '../shared/base-widget.ts';
import { createChart, themedAxes, type Chart } from '../shared/chart.ts';
import { sharedClient } from '../shared/client.ts';
import { muParam, sampleSizeParam, seedParam, sigmaParam } from '../shared/common-params.ts';
import { createDataTable } from '../shared/data-table.ts';
import { createDatasetCache } from '../shared/dataset.ts';
import { formatNumber } from '../shared/format.ts';
import type { Lang, Text } from '../shared/i18n.ts';
import { createProbe, type Probe } from '../shared/probe.ts';
import { chartBox, createReadouts, note } from '../shared/readouts.ts';

const TEXT = {
  chartMu: { zh: 'σ² 固定为 σ̂² 时的对数似然 ℓ(μ)', en: 'Log-likelihood ℓ(μ) with σ² held at σ̂²' },
  chartSigma2: { zh: 'μ 固定为 μ̂ 时的对数似然 ℓ(σ²)', en: 'Log-likelihood ℓ(σ²) with μ held at μ̂' },
  loglik: { zh: '对数似然 ℓ', en: 'log-likelihood ℓ' },
  probeMu: { zh: '在此 μ 处取斜率', en: 'Slope at μ =' },
  probeSigma2: { zh: '在此 σ² 处取斜率', en: 'Slope at σ² =' },
  tableMu: { zh: 'ℓ(μ) 曲线上的点', en: 'Points on the curve ℓ(μ)' },
  tableSigma2: { zh: 'ℓ(σ²) 曲线上的点', en: 'Points on the curve ℓ(σ²)' },
  scoreMu: { zh: '得分 ∂ℓ/∂μ', en: 'score ∂ℓ/∂μ' },
  scoreSigma2: { zh: '得分 ∂ℓ/∂σ²', en: 'score ∂ℓ/∂σ²' },
  maximum: { zh: '< 0：极大值', en: '< 0: a maximum' },
  notMaximum: { zh: '≥ 0：不是极大值', en: '≥ 0: not a maximum' },
  drag: {
    zh: '在图上拖动（或用滑块）移动取斜率的点：切线的斜率就是得分；在最大值处它为 0。',
    en: 'Drag on a chart (or use the slider) to move the point: the tangent’s slope is the score, and it is 0 at the maximum.',
  },
} satisfies Record<string, Text>;

interface Panel {
  parameter: LikelihoodParameter;
  symbol: string;
  hat: string;
  box: HTMLElement;
  chart: Chart | undefined;
  probe: Probe;
  table: ReturnType<typeof createDataTable>;
  slice: LikelihoodSlice | undefined;
  score: ScoreAt | undefined;
  busy: boolean;
  pending: number | undefined;
}

/** Three decimals, for spoken summaries. */
const formatThree = (v: number) => formatNumber(v, 3);

/** A score readout: the slope and where it was taken. */
const scoreText = (s: ScoreAt | undefined, symbol: string) => (s ? `${formatNumber(s.score, 4)} @ ${symbol} = ${formatNumber(s.value, 4)}` : '—');

type Readout = 'mu' | 'sigma2' | 'loglik' | 'scoreMu' | 'scoreSigma2' | 'curvMu' | 'curvSigma2';

/**
 * `<mle-likelihood-curve>`: the slices ℓ(μ) (σ² at σ̂²) and ℓ(σ²) (μ at μ̂) of the current sample's
 * log-likelihood with the maximum marked; the score at a point the reader drags, drawn as the
 * tangent; and the sign of ℓ'' at the maximum.
 */
export class LikelihoodCurve extends MleWidget {
  static override widgetName = 'likelihood-curve';
  static override params = [seedParam, muParam, sigmaParam, sampleSizeParam];

  private readonly data = createDatasetCache(sharedClient, (client, spec: { seed: number; mu: number; sigma: number; n: number }) => client.generate(spec));
  private panels!: Record<LikelihoodParameter, Panel>;
  private readouts!: Record<Readout, HTMLOutputElement>;
  private curves: LikelihoodCurves | undefined;

  protected build(body: HTMLElement): void {
    const t = (text: Text) => text[this.uiLang];
    const style = document.createElement('style');
    style.textContent = '.chart .u-over { cursor: ew-resize; touch-action: pan-y; }';
    body.append(style, this.controlsFor(['seed', 'mu', 'sigma', 'n']));
    const readouts = createReadouts<Readout>([
      { key: 'mu', label: 'μ̂' },
      { key: 'sigma2', label: 'σ̂²' },
      { key: 'loglik', label: 'ℓ(μ̂, σ̂²)' },
      { key: 'curvMu', label: "ℓ''(μ̂)" },
      { key: 'curvSigma2', label: "ℓ''(σ̂²)" },
      { key: 'scoreMu', label: t(TEXT.scoreMu) },
      { key: 'scoreSigma2', label: t(TEXT.scoreSigma2) },
    ]);
    this.readouts = readouts.outputs;
    const panel = (parameter: LikelihoodParameter, symbol: string, hat: string, probeLabel: Text, tableCaption: Text): Panel => {
      const p: Panel = {
        parameter,
        symbol,
        hat,
        box: chartBox(),
        chart: undefined,
        probe: createProbe(t(probeLabel), (value) => this.requestScore(p, value)),
        table: createDataTable(t(tableCaption)),
        slice: undefined,
        score: undefined,
        busy: false,
        pending: undefined,
      };
      return p;
    };
    this.panels = {
      mu: panel('mu', 'μ', 'μ̂', TEXT.probeMu, TEXT.tableMu),
      sigma2: panel('sigma2', 'σ²', 'σ̂²', TEXT.probeSigma2, TEXT.tableSigma2),
    };
    const probes = document.createElement('div');
    probes.className = 'controls';
    probes.append(this.panels.mu.probe.element, this.panels.sigma2.probe.element);
    const actions = this.actionBar(async () => {
      const c = this.curves;
      if (!c) return [];
      return [
        { name: 'mu', values: c.mu.x },
        { name: 'loglik_mu', values: c.mu.logLikelihood },
        { name: 'sigma2', values: c.sigma2.x },
        { name: 'loglik_sigma2', values: c.sigma2.logLikelihood },
      ];
    });
    body.append(
      readouts.element,
      probes,
      note(t(TEXT.drag)),
      this.panels.mu.box,
      this.panels.mu.table.element,
      this.panels.sigma2.box,
      this.panels.sigma2.table.element,
      actions,
    );
  }

  protected async render({ isStale }: RenderContext): Promise<void> {
    const { seed, mu, sigma, n } = this.state as { seed: number; mu: number; sigma: number; n: number };
    const spec = { seed, mu, sigma, n };
    const { curves, scores } = await this.data.use(spec, async (handle) => {
      const client = sharedClient();
      const c = await client.likelihoodCurves(handle, { points: 201 });
      const probeAt = (s: LikelihoodSlice, probe: Probe) => {
        const v = probe.value();
        const first = s.x[0] as number;
        const last = s.x[s.x.length - 1] as number;
        // Keep the reader's point while it is on the new curve; else start a fifth of the way along.
        return v >= first && v <= last && this.curves ? v : (s.x[Math.round(s.x.length / 5)] as number);
      };
      const at = { mu: probeAt(c.mu, this.panels.mu.probe), sigma2: probeAt(c.sigma2, this.panels.sigma2.probe) };
      const [scoreMu, scoreSigma2] = await Promise.all([
        client.likelihoodScore(handle, { parameter: 'mu', value: at.mu }),
        client.likelihoodScore(handle, { parameter: 'sigma2', value: at.sigma2 }),
      ]);
      return { curves: c, scores: { mu: scoreMu, sigma2: scoreSigma2 } };
    });
    if (isStale()) return;
    this.curves = curves;
    for (const p of [this.panels.mu, this.panels.sigma2]) {
      const slice = curves[p.parameter];
      p.slice = slice;
      p.score = scores[p.parameter];
      const first = slice.x[0] as number;
      const last = slice.x[slice.x.length - 1] as number;
      p.probe.setRange(first, last, (slice.x[1] as number) - first);
      p.probe.set(p.score.value);
      this.drawPanel(p);
    }
    const o = this.readouts;
    o.mu.value = formatNumber(curves.mle.mu);
    o.sigma2.value = formatNumber(curves.mle.sigma2);
    o.loglik.value = formatNumber(curves.mle.logLikelihood, 2);
    o.curvMu.value = this.curvatureText(curves.mu.secondDerivative);
    o.curvSigma2.value = this.curvatureText(curves.sigma2.secondDerivative);
    this.showScores();
  }

  protected override onThemeChange(): void {
    this.panels.mu.chart?.restyle();
    this.panels.sigma2.chart?.restyle();
  }

  protected override announcement(): string {
    const c = this.curves;
    const sm = this.panels.mu.score;
    if (!c || !sm) return '';
    const f = formatThree;
    return this.uiLang === 'zh'
      ? `ℓ(μ) 在 μ̂ = ${f(c.mle.mu)} 处最大，ℓ(σ²) 在 σ̂² = ${f(c.mle.sigma2)} 处最大；μ = ${f(sm.value)} 处的得分为 ${f(sm.score)}`
      : `ℓ(μ) peaks at μ̂ = ${f(c.mle.mu)} and ℓ(σ²) at σ̂² = ${f(c.mle.sigma2)}; the score at μ = ${f(sm.value)} is ${f(sm.score)}`;
  }

  private curvatureText(value: number): string {
    return `${formatNumber(value, 4)} (${value < 0 ? TEXT.maximum[this.uiLang] : TEXT.notMaximum[this.uiLang]})`;
  }

  private showScores(): void {
    this.readouts.scoreMu.value = scoreText(this.panels.mu.score, 'μ');
    this.readouts.scoreSigma2.value = scoreText(this.panels.sigma2.score, 'σ²');
  }

  /** Asks the worker for the score at `value`; while one request runs, only the latest next value waits. */
  private requestScore(p: Panel, value: number): void {
    if (p.busy) {
      p.pending = value;
      return;
    }
    const handle = this.data.current();
    if (!handle) return;
    p.busy = true;
    sharedClient()
      .likelihoodScore(handle, { parameter: p.parameter, value })
      .then((score) => {
        if (handle !== this.data.current()) return;
        p.score = score;
        p.probe.set(score.value);
        p.chart?.plot.redraw(false, false);
        this.showScores();
      })
      .catch((error: unknown) => this.say(error instanceof Error ? error.message : String(error)))
      .finally(() => {
        p.busy = false;
        const next = p.pending;
        p.pending = undefined;
        if (next !== undefined) this.requestScore(p, next);
      });
  }

  private drawPanel(p: Panel): void {
    const slice = p.slice;
    if (!slice) return;
    const lang: Lang = this.uiLang;
    const data: uPlot.AlignedData = [slice.x, slice.logLikelihood];
    if (!p.chart) {
      p.chart = createChart({
        container: p.box,
        height: 260,
        label: (p.parameter === 'mu' ? TEXT.chartMu : TEXT.chartSigma2)[lang],
        data,
        options: (colour) => ({
          scales: { x: { time: false } },
          axes: themedAxes(colour, { x: p.symbol, y: TEXT.loglik[lang] }),
          series: [
            { label: p.symbol, value: (_u, v) => (v == null ? '—' : formatNumber(v, 4)) },
            { label: 'ℓ', stroke: colour('--mle-accent'), width: 2, points: { show: false }, value: (_u, v) => (v == null ? '—' : formatNumber(v, 3)) },
          ],
          hooks: {
            draw: [(u: uPlot) => this.drawOverlay(u, p, colour)],
            ready: [(u: uPlot) => this.attachDrag(u, p)],
          },
        }),
      });
    }
    p.chart.setData(data);
    p.table.update([
      { name: p.symbol, values: slice.x },
      { name: 'ℓ', values: slice.logLikelihood },
    ]);
  }

  /** The maximum (a dashed line and a dot) and the tangent at the reader's point. */
  private drawOverlay(u: uPlot, p: Panel, colour: (name: string) => string): void {
    const slice = p.slice;
    if (!slice) return;
    const { ctx } = u;
    const { left, top, width, height } = u.bbox;
    const dpr = devicePixelRatio;
    const px = (v: number) => u.valToPos(v, 'x', true);
    const py = (v: number) => u.valToPos(v, 'y', true);
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    ctx.strokeStyle = colour('--mle-fit');
    ctx.fillStyle = colour('--mle-fit');
    ctx.lineWidth = 1.5 * dpr;
    ctx.setLineDash([5 * dpr, 4 * dpr]);
    ctx.beginPath();
    ctx.moveTo(px(slice.maximiser), top);
    ctx.lineTo(px(slice.maximiser), top + height);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.beginPath();
    ctx.arc(px(slice.maximiser), py(slice.maximum), 4 * dpr, 0, 2 * Math.PI);
    ctx.fill();
    ctx.font = `${Math.round(11 * dpr)}px system-ui, sans-serif`;
    ctx.textBaseline = 'top';
    ctx.fillText(`${p.hat} = ${formatNumber(slice.maximiser, 3)}`, px(slice.maximiser) + 4 * dpr, top + 2 * dpr);
    const s = p.score;
    if (s) {
      // The tangent: the line through (value, ℓ) with slope = score, drawn over a fifth of the x range each side.
      const first = slice.x[0] as number;
      const last = slice.x[slice.x.length - 1] as number;
      const reach = (last - first) / 5;
      ctx.strokeStyle = colour('--mle-truth');
      ctx.fillStyle = colour('--mle-truth');
      ctx.lineWidth = 2 * dpr;
      ctx.beginPath();
      ctx.moveTo(px(s.value - reach), py(s.logLikelihood - s.score * reach));
      ctx.lineTo(px(s.value + reach), py(s.logLikelihood + s.score * reach));
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(px(s.value), py(s.logLikelihood), 5 * dpr, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.restore();
  }

  /** Pointer drag on the plot (mouse, pen, touch) moves the point; vertical panning still scrolls. */
  private attachDrag(u: uPlot, p: Panel): void {
    const over = u.over;
    let dragging = false;
    const move = (event: PointerEvent) => {
      const slice = p.slice;
      if (!slice) return;
      const rect = over.getBoundingClientRect();
      const first = slice.x[0] as number;
      const last = slice.x[slice.x.length - 1] as number;
      const value = Math.min(last, Math.max(first, u.posToVal(event.clientX - rect.left, 'x')));
      p.probe.set(value);
      this.requestScore(p, value);
    };
    over.addEventListener('pointerdown', (event) => {
      dragging = true;
      try {
        over.setPointerCapture(event.pointerId);
      } catch {
        // A synthetic or already-released pointer cannot be captured; dragging still works inside the plot.
      }
      move(event);
    });
    over.addEventListener('pointermove', (event) => {
      if (dragging) move(event);
    });
    const stop = () => {
      dragging = false;
    };
    over.addEventListener('pointerup', stop);
    over.addEventListener('pointercancel', stop);
  }
}
