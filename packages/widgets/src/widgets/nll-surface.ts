import type uPlot from 'uplot';
import type { MleClient, NllSurface as Surface } from '@mle-lab/worker';
import { MleWidget, type RenderContext } from '../shared/base-widget.ts';
import type { Chart } from '../shared/chart.ts';
import { sharedClient } from '../shared/client.ts';
import { muParam, sampleSizeParam, seedParam, sigmaParam } from '../shared/common-params.ts';
import { createDataTable, headerCell } from '../shared/data-table.ts';
import { createDatasetCache } from '../shared/dataset.ts';
import { formatCount, formatNumber } from '../shared/format.ts';
import { contourSegments, drawContourSegments, drawGridImage, nearestCell, paintGrid, viridis } from '../shared/grid-canvas.ts';
import type { Text } from '../shared/i18n.ts';
import { runLongJob } from '../shared/long-job.ts';
import { divergedMessage, FIT_REASONS, lrAdamParam, lrGdParam } from '../shared/optimizer-params.ts';
import { createPlaneChart } from '../shared/plane-chart.ts';
import { createProgress, type ProgressView } from '../shared/progress.ts';
import { renderTurn } from '../shared/render-queue.ts';
import { chartBox, note, outputRow, tableScroll } from '../shared/readouts.ts';

type FitResult = Awaited<ReturnType<MleClient['fit']>>;
type Method = 'gd' | 'adam';
interface Point {
  mu: number;
  logSigma: number;
}

/** The notebook's iteration limit for both optimisers. */
const MAX_ITERATIONS = 20_000;
/** Contour levels: this many, spaced quadratically above the minimum (denser near the optimum). */
const LEVELS = 9;
/** Fixed path colours, chosen to stand out on every viridis shade (with a dark halo). */
const PATH_COLOURS: Record<Method, string> = { gd: '#ff9f1c', adam: '#ffffff' };
const OPTIMUM_COLOUR = '#ff3b30';

const TEXT = {
  chart: {
    zh: '负对数似然 L(μ, log σ)（去掉常数 n·log√(2π)）的热图与等高线，以及梯度下降和 Adam 的路径',
    en: 'Heat map and contours of the negative log-likelihood L(μ, log σ) (constant n·log√(2π) dropped), with the paths of gradient descent and Adam',
  },
  table: { zh: '两条优化路径上的点（μ, log σ）', en: 'Points on the two optimiser paths (μ, log σ)' },
  gd: { zh: '梯度下降', en: 'gradient descent' },
  adam: { zh: 'Adam', en: 'Adam' },
  closed: { zh: '解析解 (μ̂, log σ̂)', en: 'closed form (μ̂, log σ̂)' },
  start: { zh: '起点', en: 'start' },
  method: { zh: '方法', en: 'method' },
  iterations: { zh: '迭代', en: 'iterations' },
  status: { zh: '状态', en: 'status' },
  reset: { zh: '起点复位', en: 'Reset start' },
  hint: {
    zh: '点击或轻触图中任意位置，让两个优化器从那里出发；图获得焦点时可用方向键移动起点。',
    en: 'Click or tap anywhere on the map to start both optimisers there; with the map focused, the arrow keys move the start.',
  },
  caption: {
    zh: 'J = nτ + S·e^(−2τ)/2（τ = log σ）是去掉常数 n·log√(2π) 的负对数似然：两个优化器最小化的、优化器比较中显示的都是它。颜色越亮，L 越大；等高线越靠近中心越密。',
    en: 'J = nτ + S·e^(−2τ)/2 (τ = log σ) is the negative log-likelihood without the constant n·log√(2π): the loss both optimisers minimise and the optimiser race reports. Brighter means a larger L; contours get denser towards the centre.',
  },
  outside: { zh: '指针在图外', en: 'pointer outside the map' },
  startMoved: { zh: '起点移到', en: 'Start moved to' },
} satisfies Record<string, Text>;

let instances = 0;

/**
 * `<mle-nll-surface>`: the normal NLL over (μ, log σ) as a heat map with contours, the closed-form
 * optimum, and the paths gradient descent and Adam take from a start the reader can move.
 */
export class NllSurface extends MleWidget {
  static override widgetName = 'nll-surface';
  static override params = [seedParam, muParam, sigmaParam, sampleSizeParam, lrGdParam, lrAdamParam];

  private readonly jobKey = `nll-surface-${++instances}`;
  private readonly sample = createDatasetCache(sharedClient, (client, spec: { seed: number; mu: number; sigma: number; n: number }) => client.generate(spec));
  private chart: Chart | undefined;
  private chartBox!: HTMLElement;
  private progress!: ProgressView;
  private status!: HTMLElement;
  private cursorLine!: HTMLOutputElement;
  private table!: ReturnType<typeof createDataTable>;
  private cells!: Record<Method | 'closed', Record<'mu' | 'sigma' | 'loss' | 'iterations' | 'status', HTMLOutputElement>>;
  private surface: Surface | undefined;
  private surfaceKey = '';
  private image: HTMLCanvasElement | undefined;
  private contours: number[][] = [];
  private paths: Partial<Record<Method, { mu: number[]; logSigma: number[] }>> = {};
  private results: Partial<Record<Method, FitResult>> = {};
  /** The start the reader chose (click, tap, arrows); undefined: the notebook's default start. */
  private chosenStart: Point | undefined;
  private shownStart: Point | undefined;

  protected build(body: HTMLElement): void {
    const t = (text: Text) => text[this.uiLang];
    const style = document.createElement('style');
    style.textContent = `.surface-chart { min-height: 340px; cursor: crosshair; touch-action: manipulation; }
.surface-chart:focus-visible { outline: 2px solid var(--mle-accent); outline-offset: 2px; }
.key { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 6px 0; font-size: 13px; align-items: center; }
.key span { display: inline-flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 22px; height: 4px; border-radius: 2px; box-shadow: 0 0 0 1px #000; }
.swatch.dot { width: 10px; height: 10px; border-radius: 50%; }
.surface-table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 6px 0; width: 100%; font-size: 13px; }
.surface-table th, .surface-table td { text-align: left; padding: 2px 8px 2px 0; border-bottom: 1px solid var(--mle-border); }
.warning { color: var(--mle-error); margin: 4px 0; }
.warning:empty { display: none; }`;
    this.root.append(style);
    body.append(this.controlsFor(['seed', 'mu', 'sigma', 'n', 'lr-gd', 'lr-adam']));
    this.progress = createProgress(this.uiLang);
    this.status = note('', 'warning');
    this.status.setAttribute('role', 'status');

    const key = document.createElement('div');
    key.className = 'key';
    const swatch = (colour: string, label: string, dot = false) => {
      const span = document.createElement('span');
      const mark = document.createElement('i');
      mark.className = dot ? 'swatch dot' : 'swatch';
      mark.style.background = colour;
      span.append(mark, label);
      key.append(span);
    };
    swatch(PATH_COLOURS.gd, t(TEXT.gd));
    swatch(PATH_COLOURS.adam, t(TEXT.adam));
    swatch(OPTIMUM_COLOUR, t(TEXT.closed), true);
    swatch('transparent', t(TEXT.start), true);
    const reset = document.createElement('button');
    reset.type = 'button';
    reset.textContent = t(TEXT.reset);
    reset.addEventListener('click', () => {
      this.chosenStart = undefined;
      this.scheduleRender();
    });
    key.append(reset);

    const hint = note(t(TEXT.hint));
    hint.id = `${this.jobKey}-hint`;
    this.chartBox = chartBox('surface-chart');
    this.chartBox.tabIndex = 0;
    this.chartBox.setAttribute('aria-describedby', hint.id);
    this.chartBox.setAttribute('aria-keyshortcuts', 'ArrowLeft ArrowRight ArrowUp ArrowDown');
    // Capture: uPlot stops a click it takes for the end of a drag before it bubbles up to here.
    this.chartBox.addEventListener('click', (event) => this.startAtPointer(event), true);
    this.chartBox.addEventListener('keydown', (event) => this.moveStart(event));
    this.cursorLine = document.createElement('output');
    this.cursorLine.className = 'legend-note';
    this.cursorLine.dataset['readout'] = 'cursor';
    this.cursorLine.textContent = t(TEXT.outside);

    const table = document.createElement('table');
    table.className = 'surface-table';
    const head = table.createTHead().insertRow();
    for (const name of [t(TEXT.method), 'μ', 'σ', 'J', t(TEXT.iterations), t(TEXT.status)]) head.append(headerCell(name, 'col'));
    const tbody = table.createTBody();
    const row = (which: Method | 'closed', label: string) =>
      outputRow(tbody, label, ['mu', 'sigma', 'loss', 'iterations', 'status'] as const, (field) => `${which}-${field}`);
    this.cells = { gd: row('gd', t(TEXT.gd)), adam: row('adam', t(TEXT.adam)), closed: row('closed', t(TEXT.closed)) };
    const tableWrap = tableScroll(table, this.uiLang);

    this.table = createDataTable(t(TEXT.table));
    const actions = this.actionBar(async () => {
      const s = this.surface;
      if (!s) return [];
      const columns = [];
      for (const method of ['gd', 'adam'] as const) {
        const path = this.paths[method];
        if (path) columns.push({ name: `${method}_mu`, values: path.mu }, { name: `${method}_log_sigma`, values: path.logSigma });
      }
      // The surface itself, one row per grid point.
      const mu: number[] = [];
      const logSigma: number[] = [];
      for (let j = 0; j < s.logSigma.length; j++) {
        for (let i = 0; i < s.mu.length; i++) {
          mu.push(s.mu[i] as number);
          logSigma.push(s.logSigma[j] as number);
        }
      }
      columns.push({ name: 'grid_mu', values: mu }, { name: 'grid_log_sigma', values: logSigma }, { name: 'grid_loss', values: s.loss });
      return columns;
    });
    body.append(this.progress.element, this.status, key, hint, this.chartBox, this.cursorLine, this.table.element, tableWrap, note(t(TEXT.caption)), actions);
  }

  protected async render({ isStale }: RenderContext): Promise<void> {
    const s = this.state as { seed: number; mu: number; sigma: number; n: number; 'lr-gd': number; 'lr-adam': number };
    const client = sharedClient();
    const spec = { seed: s.seed, mu: s.mu, sigma: s.sigma, n: s.n };
    const dataKey = JSON.stringify(spec);
    const done: Record<Method, number> = { gd: 0, adam: 0 };
    const outcome = await runLongJob(this.progress, this.jobKey, isStale, ({ signal }) =>
      this.sample.use(spec, async (handle) => {
        // The map depends on the data only: computed again when the data change.
        if (dataKey !== this.surfaceKey || !this.surface) {
          this.surface = await client.nllSurface(handle);
          this.surfaceKey = dataKey;
          this.image = undefined;
          if (!this.keepStart(this.surface)) this.chosenStart = undefined;
        }
        const map = this.surface;
        const start = this.chosenStart ?? map.start;
        const fit = (method: Method, learningRate: number) =>
          client.fit(
            handle,
            { method, learningRate, maxIterations: MAX_ITERATIONS, mu0: start.mu, rho0: start.logSigma, maxPoints: 800 },
            {
              key: `${this.jobKey}-${method}`,
              signal,
              onProgress: (p) => {
                done[method] = p.done;
                this.progress.update(done.gd + done.adam, 2 * MAX_ITERATIONS);
              },
            },
          );
        const [a, b] = await Promise.all([fit('gd', s['lr-gd']), fit('adam', s['lr-adam'])]);
        return [map, a, b] as const;
      }),
    );
    if (outcome.status === 'stale') return;
    if (outcome.status === 'cancelled') {
      this.reportCancelled(this.status);
      return;
    }
    const [surface, gd, adam] = outcome.value;
    this.results = { gd, adam };
    const start = this.chosenStart ?? surface.start;
    this.shownStart = start;
    this.paths = { gd: this.pathOf(start, gd), adam: this.pathOf(start, adam) };
    if (!this.image) {
      // Colouring the map and tracing its contours is a chart's worth of work: a turn of its own.
      await renderTurn(this);
      if (isStale()) return;
      this.paint(surface);
      // The readouts and the paths' table (up to 50 rows) in the next turn, not in the map's task.
      await renderTurn(this);
      if (isStale()) return;
    }
    this.showResults(surface, s.n);
    this.draw();
  }

  /** A chosen start survives new learning rates, not new data (the map moves with the data). */
  private keepStart(surface: Surface): boolean {
    const p = this.chosenStart;
    if (!p) return false;
    const mu = surface.mu;
    const ls = surface.logSigma;
    return p.mu >= (mu[0] as number) && p.mu <= (mu[mu.length - 1] as number) && p.logSigma >= (ls[0] as number) && p.logSigma <= (ls[ls.length - 1] as number);
  }

  /** The path in the map's coordinates: the start, then each iterate (its ρ = ln σ, as the axis). */
  private pathOf(start: Point, r: FitResult): { mu: number[]; logSigma: number[] } {
    const mu = [start.mu];
    const logSigma = [start.logSigma];
    for (let k = 0; k < r.history.mu.length; k++) {
      const m = r.history.mu[k] as number;
      const rho = r.history.rho[k] as number;
      if (!Number.isFinite(m) || !Number.isFinite(rho)) break;
      mu.push(m);
      logSigma.push(rho);
    }
    return { mu, logSigma };
  }

  /** Heat map and contour lines: colours and levels spread over the map's range of values. */
  private paint(surface: Surface): void {
    const field = { x: surface.mu, y: surface.logSigma, values: surface.loss };
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of surface.loss) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const span = hi - lo || 1;
    // Square-root scaling of the colours, quadratic spacing of the levels: the bowl's bottom gets detail.
    this.image = paintGrid(surface.mu.length, surface.logSigma.length, (k) => viridis(Math.sqrt(((surface.loss[k] as number) - lo) / span)));
    this.contours = [];
    for (let level = 1; level <= LEVELS; level++) this.contours.push(contourSegments(field, lo + span * (level / (LEVELS + 1)) ** 2));
  }

  private showResults(surface: Surface, n: number): void {
    const lang = this.uiLang;
    const t = (text: Text) => text[lang];
    const messages: string[] = [];
    for (const method of ['gd', 'adam'] as const) {
      const r = this.results[method];
      if (!r) continue;
      const cells = this.cells[method];
      cells.mu.value = formatNumber(r.mu, 6);
      cells.sigma.value = formatNumber(r.sigma, 6);
      cells.loss.value = formatNumber(r.loss, 4);
      cells.iterations.value = formatCount(r.iterations, lang);
      cells.status.value = (FIT_REASONS[r.reason] ?? { zh: r.reason, en: r.reason })[lang];
      if (r.reason === 'diverged') {
        const lr = (this.state[method === 'gd' ? 'lr-gd' : 'lr-adam'] as number) ?? 0;
        messages.push(divergedMessage(lang, t(TEXT[method]), r.iterations, lr, 'sum', n));
      }
    }
    this.status.textContent = messages.join(' ');
    this.cells.closed.mu.value = formatNumber(surface.closedForm.mu, 6);
    this.cells.closed.sigma.value = formatNumber(surface.closedForm.sigma, 6);
    this.cells.closed.loss.value = formatNumber(surface.closedForm.loss, 4);
    this.cells.closed.iterations.value = '—';
    this.cells.closed.status.value = '—';
    const columns = [];
    for (const method of ['gd', 'adam'] as const) {
      const path = this.paths[method];
      if (path) columns.push({ name: `${t(TEXT[method])} μ`, values: path.mu }, { name: `${t(TEXT[method])} log σ`, values: path.logSigma });
    }
    this.table.update(columns);
  }

  private draw(): void {
    if (!this.chart) {
      this.chart = createPlaneChart({
        container: this.chartBox,
        height: 340,
        label: TEXT.chart[this.uiLang],
        axisLabels: { x: 'μ', y: 'log σ' },
        ranges: () => {
          const s = this.surface;
          if (!s) return { x: [0, 1], y: [0, 1] };
          return { x: [s.mu[0] as number, s.mu[s.mu.length - 1] as number], y: [s.logSigma[0] as number, s.logSigma[s.logSigma.length - 1] as number] };
        },
        under: (u) => {
          const s = this.surface;
          if (!s || !this.image) return;
          const field = { x: s.mu, y: s.logSigma };
          drawGridImage(u, this.image, field);
          for (const segments of this.contours) drawContourSegments(u, field, segments, 'rgba(255, 255, 255, 0.55)', 1);
        },
        over: (u) => this.drawOverlay(u),
        onCursor: (position) => this.showCursor(position),
      });
    }
    this.chart.setData([[], []]);
  }

  private drawOverlay(u: uPlot): void {
    const s = this.surface;
    if (!s) return;
    const { ctx } = u;
    const px = (mu: number) => u.valToPos(mu, 'x', true);
    const py = (logSigma: number) => u.valToPos(logSigma, 'y', true);
    const dpr = devicePixelRatio;
    ctx.save();
    ctx.beginPath();
    ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
    ctx.clip();
    for (const method of ['gd', 'adam'] as const) {
      const path = this.paths[method];
      if (!path || path.mu.length === 0) continue;
      ctx.lineJoin = 'round';
      // A dark halo under a light line: visible on every shade of the map.
      for (const [stroke, width] of [['rgba(0, 0, 0, 0.7)', 4], [PATH_COLOURS[method], 2]] as const) {
        ctx.strokeStyle = stroke;
        ctx.lineWidth = width * dpr;
        ctx.beginPath();
        for (let k = 0; k < path.mu.length; k++) {
          const x = px(path.mu[k] as number);
          const y = py(path.logSigma[k] as number);
          if (k === 0) ctx.moveTo(x, y);
          else ctx.lineTo(x, y);
        }
        ctx.stroke();
      }
      ctx.fillStyle = PATH_COLOURS[method];
      const last = path.mu.length - 1;
      ctx.beginPath();
      ctx.arc(px(path.mu[last] as number), py(path.logSigma[last] as number), 3 * dpr, 0, 2 * Math.PI);
      ctx.fill();
    }
    const start = this.shownStart;
    if (start) {
      ctx.lineWidth = 2 * dpr;
      ctx.strokeStyle = '#000';
      ctx.beginPath();
      ctx.arc(px(start.mu), py(start.logSigma), 6 * dpr, 0, 2 * Math.PI);
      ctx.stroke();
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 1.2 * dpr;
      ctx.stroke();
    }
    // The closed-form optimum: a red disc with a white ring.
    ctx.fillStyle = OPTIMUM_COLOUR;
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 1.5 * dpr;
    ctx.beginPath();
    ctx.arc(px(s.closedForm.mu), py(s.closedForm.logSigma), 5 * dpr, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
    ctx.restore();
  }

  private showCursor(position: { x: number; y: number } | null): void {
    const s = this.surface;
    const cell = s && position ? nearestCell({ x: s.mu, y: s.logSigma }, position.x, position.y) : -1;
    if (!s || !position || cell < 0) {
      this.cursorLine.textContent = TEXT.outside[this.uiLang];
      return;
    }
    const i = cell % s.mu.length;
    const j = Math.floor(cell / s.mu.length);
    this.cursorLine.textContent = `μ = ${formatNumber(s.mu[i] as number, 4)}, log σ = ${formatNumber(s.logSigma[j] as number, 4)}: J = ${formatNumber(s.loss[cell] as number, 3)}`;
  }

  /** Click or tap: both optimisers start from the grid point under the pointer. */
  private startAtPointer(event: MouseEvent): void {
    const u = this.chart?.plot;
    const s = this.surface;
    if (!u || !s) return;
    const rect = u.over.getBoundingClientRect();
    const left = event.clientX - rect.left;
    const top = event.clientY - rect.top;
    if (left < 0 || top < 0 || left > rect.width || top > rect.height) return;
    const cell = nearestCell({ x: s.mu, y: s.logSigma }, u.posToVal(left, 'x'), u.posToVal(top, 'y'));
    if (cell < 0) return;
    this.setStart(s, cell % s.mu.length, Math.floor(cell / s.mu.length));
  }

  /** Arrow keys move the start by a few grid points (Shift: further). */
  private moveStart(event: KeyboardEvent): void {
    const s = this.surface;
    if (!s) return;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const start = this.chosenStart ?? s.start;
    const cell = nearestCell({ x: s.mu, y: s.logSigma }, start.mu, start.logSigma);
    if (cell < 0) return;
    const stride = event.shiftKey ? 10 : 3;
    const i = Math.max(0, Math.min(s.mu.length - 1, (cell % s.mu.length) + move[0] * stride));
    const j = Math.max(0, Math.min(s.logSigma.length - 1, Math.floor(cell / s.mu.length) + move[1] * stride));
    this.setStart(s, i, j);
  }

  private setStart(s: Surface, i: number, j: number): void {
    this.chosenStart = { mu: s.mu[i] as number, logSigma: s.logSigma[j] as number };
    this.say(`${TEXT.startMoved[this.uiLang]} μ = ${formatNumber(this.chosenStart.mu, 3)}, log σ = ${formatNumber(this.chosenStart.logSigma, 3)}`);
    this.scheduleRender();
  }

  protected override onThemeChange(): void {
    this.chart?.restyle();
  }

  protected override announcement(): string {
    const { gd, adam } = this.results;
    if (!gd || !adam) return '';
    const lang = this.uiLang;
    const status = (r: FitResult) => (FIT_REASONS[r.reason] ?? { zh: r.reason, en: r.reason })[lang];
    return lang === 'zh'
      ? `梯度下降 ${gd.iterations} 次迭代到 μ = ${formatNumber(gd.mu, 4)}，σ = ${formatNumber(gd.sigma, 4)}（${status(gd)}）；Adam ${adam.iterations} 次迭代到 μ = ${formatNumber(adam.mu, 4)}，σ = ${formatNumber(adam.sigma, 4)}（${status(adam)}）`
      : `Gradient descent took ${gd.iterations} iterations to μ = ${formatNumber(gd.mu, 4)}, σ = ${formatNumber(gd.sigma, 4)} (${status(gd)}); Adam took ${adam.iterations} to μ = ${formatNumber(adam.mu, 4)}, σ = ${formatNumber(adam.sigma, 4)} (${status(adam)})`;
  }
}
