import type { JointDensity as JointDensityResult } from '@mle-lab/worker';
import { MleWidget, type RenderContext } from '../shared/base-widget.ts';
import type { Chart } from '../shared/chart.ts';
import { sharedClient } from '../shared/client.ts';
import { createColourScale, type ColourScale } from '../shared/colour-scale.ts';
import { createDataTable } from '../shared/data-table.ts';
import { formatNumber } from '../shared/format.ts';
import { contourSegments, drawContourSegments, drawGridImage, nearestCell, paintGrid, viridis } from '../shared/grid-canvas.ts';
import type { Lang, Text } from '../shared/i18n.ts';
import type { NumberParam } from '../shared/params.ts';
import { createPlaneChart } from '../shared/plane-chart.ts';
import { renderTurn } from '../shared/render-queue.ts';
import { chartBox, createReadouts, note } from '../shared/readouts.ts';
import { fillTemplate } from '../shared/series.ts';
import { cssColor } from '../shared/theme.ts';

const TEXT = {
  heat: { zh: '二维正态联合密度 f(x₁, x₂) 的热图与等高线', en: 'Heat map and contours of the bivariate normal density f(x₁, x₂)' },
  surface: {
    zh: '联合密度的三维曲面（方位角 {az}°，仰角 {el}°）。拖动或用方向键旋转，Home 键复位。',
    en: 'The joint density as a 3-D surface (azimuth {az}°, elevation {el}°). Drag or use the arrow keys to turn it; Home resets it.',
  },
  hint: { zh: '拖动曲面或聚焦后用方向键旋转。', en: 'Drag the surface, or focus it and use the arrow keys, to turn it.' },
  table: { zh: '联合密度在粗网格上的值（行：x₂，列：x₁）', en: 'The joint density on a coarse grid (rows: x₂, columns: x₁)' },
  contours: {
    zh: '等高线位于峰值的 10%、30%、50%、70%、90%：它们随峰值移动，只显示形状。',
    en: 'Contours at 10%, 30%, 50%, 70% and 90% of the peak: they move with the peak and show the shape only.',
  },
  scaleLabel: { zh: '密度 f(x₁, x₂)', en: 'density f(x₁, x₂)' },
  scaleDescribe: {
    zh: '颜色刻度：密度从 0 到 {max}；峰值 f(0, 0) = {peak}',
    en: 'Colour scale: density from 0 to {max}; peak f(0, 0) = {peak}',
  },
  scaleNote: {
    zh: '热图的颜色和曲面的高度用同一个固定刻度（0 到 {max}，密度单位），不随滑块改变：峰值 {peak} 在刻度的 {pct}% 处。',
    en: 'The heat map’s colours and the surface’s heights share one fixed scale (0 to {max}, in density units) that the sliders do not change: the peak {peak} is at {pct}% of it.',
  },
  scaleClipped: {
    zh: '峰值 {peak} 超出固定刻度的上限 {max}：高于 {max} 的部分被截断，在热图中都是最亮的颜色，在曲面上被削平。',
    en: 'The peak {peak} is above the fixed scale’s top, {max}: everything above {max} is clipped, drawn in the brightest colour on the map and cut flat on the surface.',
  },
  peak: { zh: '峰值 f(0, 0)', en: 'peak f(0, 0)' },
  var1: { zh: 'Σ₁₁ = σ₁²', en: 'Σ₁₁ = σ₁²' },
  cov: { zh: 'Σ₁₂ = ρσ₁σ₂', en: 'Σ₁₂ = ρσ₁σ₂' },
  var2: { zh: 'Σ₂₂ = σ₂²', en: 'Σ₂₂ = σ₂²' },
  cursor: { zh: '光标处 f(x₁, x₂)', en: 'f(x₁, x₂) at the cursor' },
  rowHead: { zh: 'x₂ \\ x₁', en: 'x₂ \\ x₁' },
} satisfies Record<string, Text>;

const sigma1Param: NumberParam = {
  kind: 'number',
  name: 'sigma1',
  label: { zh: '标准差 σ₁', en: 'Std σ₁' },
  // σ ≥ 0.01, not any σ > 0: σ = 1e-300 squares to 0 and the covariance is no longer positive definite.
  min: 0.01,
  max: 5,
  step: 0.05,
  default: 1,
};
const sigma2Param: NumberParam = { ...sigma1Param, name: 'sigma2', label: { zh: '标准差 σ₂', en: 'Std σ₂' } };
// ρ = ±1 is a degenerate (singular) normal; the control stops just short of it.
const rhoParam: NumberParam = { kind: 'number', name: 'rho', label: { zh: '相关系数 ρ', en: 'Correlation ρ' }, min: -0.99, max: 0.99, step: 0.01, default: 0.5 };

const CONTOUR_LEVELS = [0.1, 0.3, 0.5, 0.7, 0.9];
/**
 * The top of the colour and height scale, in density units, fixed so that the sliders change what is
 * drawn: the peak 1/(2πσ₁σ₂√(1−ρ²)) is 0.159 at σ₁ = σ₂ = 1, ρ = 0 and 0.510 at ρ = ±0.95. Higher values
 * (|ρ| > 0.964 at σ₁ = σ₂ = 1, or small σ) are clipped at the top colour and height, and the note says so.
 */
const SCALE_MAX = 0.6;
const SCALE_TICKS = [0, 0.2, 0.4, 0.6];
/** A density as a height or colour position on the fixed scale: 0 … 1, clipped at the top. */
const onScale = (density: number) => Math.min(1, density / SCALE_MAX);
/** Every how many grid points a wireframe line is drawn. */
const WIRE_STRIDE = 2;
const DEG = Math.PI / 180;

const EXTRA_CSS = `
.pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 12px; }
.heat { max-width: 340px; margin: 0 auto; }
.surface { display: block; width: 100%; aspect-ratio: 4 / 3; max-height: 320px; touch-action: none; cursor: grab; border-radius: 4px; }
.surface:active { cursor: grabbing; }
.surface:focus-visible { outline: 2px solid var(--mle-accent); outline-offset: 2px; }
`;

/**
 * A wireframe of a density grid on a canvas, turned by pointer drag and the arrow keys (an orthographic
 * view; projecting points for drawing is the only arithmetic here).
 */
class SurfaceView {
  readonly canvas: HTMLCanvasElement;
  private azimuth = -35 * DEG;
  private elevation = 30 * DEG;
  private field: JointDensityResult | undefined;
  private drag: { x: number; y: number } | undefined;
  private frame = 0;
  private readonly host: Element;
  private readonly lang: Lang;

  constructor(host: Element, lang: Lang) {
    this.host = host;
    this.lang = lang;
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'surface';
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'img');
    this.canvas.addEventListener('pointerdown', (event) => {
      this.drag = { x: event.clientX, y: event.clientY };
      // Synthetic events (tests, assistive tools) may carry no capturable pointer.
      if (this.canvas.hasPointerCapture(event.pointerId) === false) {
        try {
          this.canvas.setPointerCapture(event.pointerId);
        } catch {
          // Dragging still works while the pointer stays over the canvas.
        }
      }
    });
    this.canvas.addEventListener('pointermove', (event) => {
      if (!this.drag) return;
      this.turn((event.clientX - this.drag.x) * 0.6 * DEG, (event.clientY - this.drag.y) * 0.4 * DEG);
      this.drag = { x: event.clientX, y: event.clientY };
    });
    const stop = () => {
      this.drag = undefined;
    };
    this.canvas.addEventListener('pointerup', stop);
    this.canvas.addEventListener('pointercancel', stop);
    this.canvas.addEventListener('keydown', (event) => {
      const moves: Record<string, [number, number]> = {
        ArrowLeft: [-10 * DEG, 0],
        ArrowRight: [10 * DEG, 0],
        ArrowUp: [0, 5 * DEG],
        ArrowDown: [0, -5 * DEG],
      };
      const move = moves[event.key];
      if (move) this.turn(move[0], move[1]);
      else if (event.key === 'Home') this.setAngles(-35 * DEG, 30 * DEG);
      else return;
      event.preventDefault();
    });
    new ResizeObserver(() => this.draw()).observe(this.canvas);
    this.describe();
  }

  /** The view angles in whole degrees (azimuth in [0, 360), elevation in [0, 90]). */
  angles(): { azimuth: number; elevation: number } {
    const az = Math.round(this.azimuth / DEG) % 360;
    return { azimuth: az < 0 ? az + 360 : az, elevation: Math.round(this.elevation / DEG) };
  }

  setAngles(azimuth: number, elevation: number): void {
    this.azimuth = azimuth;
    this.elevation = Math.min(90 * DEG, Math.max(0, elevation));
    this.describe();
    // One redraw per frame however fast the pointer moves or a key repeats.
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  turn(dAzimuth: number, dElevation: number): void {
    this.setAngles(this.azimuth + dAzimuth, this.elevation + dElevation);
  }

  show(field: JointDensityResult): void {
    this.field = field;
    this.draw();
  }

  private describe(): void {
    const { azimuth, elevation } = this.angles();
    this.canvas.setAttribute('aria-label', fillTemplate(TEXT.surface[this.lang], { az: String(azimuth), el: String(elevation) }));
    this.canvas.dataset['azimuth'] = String(azimuth);
    this.canvas.dataset['elevation'] = String(elevation);
  }

  draw(): void {
    const field = this.field;
    const ctx = this.canvas.getContext('2d');
    const width = this.canvas.clientWidth;
    const height = this.canvas.clientHeight;
    if (!field || !ctx || width === 0 || height === 0) return;
    const dpr = devicePixelRatio || 1;
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = cssColor(this.host, '--mle-bg');
    ctx.fillRect(0, 0, width, height);
    const nx = field.x.length;
    const ny = field.y.length;
    const half = Math.abs(field.x[nx - 1] as number);
    const cosA = Math.cos(this.azimuth);
    const sinA = Math.sin(this.azimuth);
    const cosE = Math.cos(this.elevation);
    const sinE = Math.sin(this.elevation);
    const heightScale = 0.9;
    // Orthographic projection: turn about the vertical axis, then tilt towards the viewer.
    const project = (x: number, y: number, t: number): [number, number] => {
      const X = x / half;
      const Y = y / half;
      return [X * cosA - Y * sinA, (X * sinA + Y * cosA) * sinE + t * heightScale * cosE];
    };
    const corners = [-half, half].flatMap((x) => [-half, half].flatMap((y) => [0, 1].map((t) => project(x, y, t))));
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    const [xMin, xMax, yMin, yMax] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const pad = 12;
    const scale = Math.min((width - 2 * pad) / (xMax - xMin), (height - 2 * pad) / Math.max(1e-9, yMax - yMin));
    const toScreen = ([px, py]: [number, number]): [number, number] => [
      width / 2 + (px - (xMin + xMax) / 2) * scale,
      height / 2 - (py - (yMin + yMax) / 2) * scale,
    ];
    // Heights on the fixed scale (SCALE_MAX at the top of the box), not on this density's own peak.
    const level = (i: number, j: number) => onScale(field.z[j * nx + i] as number);
    const point = (i: number, j: number) => toScreen(project(field.x[i] as number, field.y[j] as number, level(i, j)));
    // The floor and its edge labels.
    ctx.strokeStyle = cssColor(this.host, '--mle-border');
    ctx.lineWidth = 1;
    ctx.beginPath();
    const floor = [
      [-half, -half],
      [half, -half],
      [half, half],
      [-half, half],
    ] as const;
    floor.forEach(([x, y], k) => {
      const [sx, sy] = toScreen(project(x, y, 0));
      if (k === 0) ctx.moveTo(sx, sy);
      else ctx.lineTo(sx, sy);
    });
    ctx.closePath();
    ctx.stroke();
    ctx.fillStyle = cssColor(this.host, '--mle-muted');
    ctx.font = '12px system-ui, sans-serif';
    const [lx1, ly1] = toScreen(project(half * 1.12, 0, 0));
    const [lx2, ly2] = toScreen(project(0, half * 1.12, 0));
    ctx.fillText('x₁', lx1 - 6, ly1 + 4);
    ctx.fillText('x₂', lx2 - 6, ly2 + 4);
    this.drawHeightAxis(ctx, project, toScreen, half, { sinA, cosA, width });
    // The surface as quads painted far to near (the painter's algorithm hides what is behind),
    // each filled with the colour of its height and outlined as a wireframe.
    const depth = (i: number, j: number) => {
      const X = (field.x[i] as number) / half;
      const Y = (field.y[j] as number) / half;
      return -(X * sinA + Y * cosA) * cosE + level(i, j) * heightScale * sinE;
    };
    const quads: { i: number; j: number; d: number }[] = [];
    for (let j = 0; j + WIRE_STRIDE < ny; j += WIRE_STRIDE) {
      for (let i = 0; i + WIRE_STRIDE < nx; i += WIRE_STRIDE) {
        quads.push({ i, j, d: depth(i + WIRE_STRIDE / 2, j + WIRE_STRIDE / 2) });
      }
    }
    quads.sort((p, q) => p.d - q.d);
    ctx.lineWidth = 0.6;
    ctx.strokeStyle = cssColor(this.host, '--mle-bg');
    for (const { i, j } of quads) {
      const quad = [point(i, j), point(i + WIRE_STRIDE, j), point(i + WIRE_STRIDE, j + WIRE_STRIDE), point(i, j + WIRE_STRIDE)];
      const t = (level(i, j) + level(i + WIRE_STRIDE, j) + level(i + WIRE_STRIDE, j + WIRE_STRIDE) + level(i, j + WIRE_STRIDE)) / 4;
      const [r, g, b] = viridis(t);
      ctx.fillStyle = `rgb(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)})`;
      ctx.beginPath();
      quad.forEach(([sx, sy], k) => (k === 0 ? ctx.moveTo(sx, sy) : ctx.lineTo(sx, sy)));
      ctx.closePath();
      ctx.fill();
      ctx.stroke();
    }
    // The highest density drawn (clipped at the scale's top), for readers of the DOM and for tests.
    let top = 0;
    for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) top = Math.max(top, level(i, j));
    this.canvas.dataset['plottedMax'] = String(top * SCALE_MAX);
  }

  /**
   * The fixed height scale: a vertical axis at the floor's farthest corner, with ticks in density units.
   * Drawn before the surface, so the surface hides it where the surface is in front.
   */
  private drawHeightAxis(
    ctx: CanvasRenderingContext2D,
    project: (x: number, y: number, t: number) => [number, number],
    toScreen: (p: [number, number]) => [number, number],
    half: number,
    view: { sinA: number; cosA: number; width: number },
  ): void {
    let corner: [number, number] = [-half, half];
    let farthest = -Infinity;
    for (const x of [-half, half]) {
      for (const y of [-half, half]) {
        // The farthest corner is the one deepest into the screen (largest rotated depth coordinate).
        const away = x * view.sinA + y * view.cosA;
        if (away > farthest) {
          farthest = away;
          corner = [x, y];
        }
      }
    }
    const [cx, cy] = corner;
    const [bx, by] = toScreen(project(cx, cy, 0));
    const [tx, ty] = toScreen(project(cx, cy, 1));
    ctx.strokeStyle = cssColor(this.host, '--mle-muted');
    ctx.fillStyle = cssColor(this.host, '--mle-muted');
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(bx, by);
    ctx.lineTo(tx, ty);
    ctx.stroke();
    // Labels on the outer side of the axis, unless that side has no room for them.
    const room = 30;
    const left = bx < view.width / 2 ? bx >= room : view.width - bx < room;
    const side = left ? -1 : 1;
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = left ? 'right' : 'left';
    ctx.textBaseline = 'middle';
    for (const value of SCALE_TICKS) {
      const [sx, sy] = toScreen(project(cx, cy, value / SCALE_MAX));
      ctx.beginPath();
      ctx.moveTo(sx, sy);
      ctx.lineTo(sx + 4 * side, sy);
      ctx.stroke();
      ctx.fillText(formatNumber(value, 1), sx + 6 * side, sy);
    }
    ctx.textAlign = 'start';
    ctx.textBaseline = 'alphabetic';
  }
}

/**
 * `<mle-joint-density>`: the centred bivariate normal with σ₁, σ₂ and ρ as a heat map with contours
 * (cursor readout of f(x₁, x₂)) and as a wireframe surface the reader can turn, both on one fixed
 * density scale (a colour bar, an axis on the surface) so that the peak visibly rises and falls.
 */
export class JointDensity extends MleWidget {
  static override widgetName = 'joint-density';
  static override params = [sigma1Param, sigma2Param, rhoParam];

  private heat: Chart | undefined;
  private heatBox!: HTMLElement;
  private surface!: SurfaceView;
  private table!: ReturnType<typeof createDataTable>;
  private readouts!: Record<'peak' | 'var1' | 'cov' | 'var2' | 'cursor', HTMLOutputElement>;
  private scale!: ColourScale;
  private scaleNote!: HTMLElement;
  private result: JointDensityResult | undefined;
  private image: HTMLCanvasElement | undefined;
  private contours: number[][] = [];

  protected build(body: HTMLElement): void {
    const t = (text: Text) => text[this.uiLang];
    const style = document.createElement('style');
    style.textContent = EXTRA_CSS;
    body.append(style, this.controlsFor(['sigma1', 'sigma2', 'rho']));
    const readouts = createReadouts([
      { key: 'peak', label: t(TEXT.peak) },
      { key: 'var1', label: t(TEXT.var1) },
      { key: 'cov', label: t(TEXT.cov) },
      { key: 'var2', label: t(TEXT.var2) },
      { key: 'cursor', label: t(TEXT.cursor) },
    ]);
    this.readouts = readouts.outputs;
    this.readouts.cursor.value = '—';
    const pair = document.createElement('div');
    pair.className = 'pair';
    this.heatBox = chartBox('heat');
    const surfaceBox = document.createElement('div');
    this.surface = new SurfaceView(this, this.uiLang);
    surfaceBox.append(this.surface.canvas, note(t(TEXT.hint)));
    const heatFigure = document.createElement('div');
    heatFigure.append(this.heatBox, note(t(TEXT.contours)));
    pair.append(heatFigure, surfaceBox);
    const max = formatNumber(SCALE_MAX, 1);
    this.scale = createColourScale({
      label: t(TEXT.scaleLabel),
      max: SCALE_MAX,
      ticks: SCALE_TICKS,
      digits: 1,
      colour: viridis,
      describe: (peak) => fillTemplate(t(TEXT.scaleDescribe), { max, peak: formatNumber(peak) }),
    });
    this.scaleNote = note('', 'legend-note', 'scale');
    this.table = createDataTable(t(TEXT.table));
    const actions = this.actionBar(async () => {
      const r = this.result;
      if (!r) return [];
      const nx = r.x.length;
      return [
        { name: 'x1', values: Float64Array.from(r.z, (_v, k) => r.x[k % nx] as number) },
        { name: 'x2', values: Float64Array.from(r.z, (_v, k) => r.y[Math.floor(k / nx)] as number) },
        { name: 'density', values: r.z },
      ];
    });
    body.append(readouts.element, pair, this.scale.element, this.scaleNote, this.table.element, actions);
  }

  protected async render({ isStale }: RenderContext): Promise<void> {
    const { sigma1, sigma2, rho } = this.state as { sigma1: number; sigma2: number; rho: number };
    const result = await sharedClient().jointDensity({ sigma1, sigma2, rho });
    if (isStale()) return;
    this.result = result;
    const o = this.readouts;
    o.peak.value = formatNumber(result.peak);
    o.var1.value = formatNumber(result.cov[0] as number);
    o.cov.value = formatNumber(result.cov[1] as number);
    o.var2.value = formatNumber(result.cov[3] as number);
    this.scale.mark(result.peak);
    const values = { max: formatNumber(SCALE_MAX, 1), peak: formatNumber(result.peak), pct: String(Math.round(100 * onScale(result.peak))) };
    this.scaleNote.textContent = fillTemplate((result.peak > SCALE_MAX ? TEXT.scaleClipped : TEXT.scaleNote)[this.uiLang], values);
    // The heat map (its colours and contours), the surface and the table are a chart's worth of work
    // each: a turn of their own, so no task of the page runs much over 50 ms (in one task they took
    // 75-80 ms at the first render here).
    await renderTurn(this);
    if (isStale()) return;
    this.drawHeat(result);
    await renderTurn(this);
    if (isStale()) return;
    this.surface.show(result);
    await renderTurn(this);
    if (isStale()) return;
    this.updateTable(result);
  }

  protected override onThemeChange(): void {
    this.heat?.restyle();
    this.surface.draw();
  }

  protected override announcement(): string {
    const r = this.result;
    if (!r) return '';
    const { sigma1, sigma2, rho } = this.state as { sigma1: number; sigma2: number; rho: number };
    return this.uiLang === 'zh'
      ? `σ₁ = ${sigma1}，σ₂ = ${sigma2}，ρ = ${rho}：峰值 f(0, 0) = ${formatNumber(r.peak)}，协方差 ${formatNumber(r.cov[1] as number)}`
      : `σ₁ = ${sigma1}, σ₂ = ${sigma2}, ρ = ${rho}: peak f(0, 0) = ${formatNumber(r.peak)}, covariance ${formatNumber(r.cov[1] as number)}`;
  }

  private drawHeat(r: JointDensityResult): void {
    const nx = r.x.length;
    const ny = r.y.length;
    // Colours on the fixed scale, so a higher peak is a brighter centre; the contours follow the shape.
    this.image = paintGrid(nx, ny, (k) => viridis(onScale(r.z[k] as number)));
    const field = { x: r.x, y: r.y, values: r.z };
    this.contours = CONTOUR_LEVELS.map((level) => contourSegments(field, level * r.peak));
    if (!this.heat) {
      const range = () => {
        const x = this.result?.x;
        const y = this.result?.y;
        return {
          x: [x?.[0] ?? -1, x?.[x.length - 1] ?? 1] as const,
          y: [y?.[0] ?? -1, y?.[y.length - 1] ?? 1] as const,
        };
      };
      this.heat = createPlaneChart({
        container: this.heatBox,
        height: 320,
        label: TEXT.heat[this.uiLang],
        axisLabels: { x: 'x₁', y: 'x₂' },
        ranges: range,
        under: (u) => {
          if (this.image && this.result) drawGridImage(u, this.image, this.result);
        },
        over: (u, colour) => {
          if (!this.result) return;
          for (const segments of this.contours) drawContourSegments(u, this.result, segments, colour('--mle-bg'), 1);
        },
        onCursor: (position) => this.showCursor(position),
      });
    }
    this.heat.setData([[], []]);
  }

  private showCursor(position: { x: number; y: number } | null): void {
    const r = this.result;
    const k = r && position ? nearestCell(r, position.x, position.y) : -1;
    if (!r || !position || k < 0) {
      this.readouts.cursor.value = '—';
      return;
    }
    const nx = r.x.length;
    const x1 = formatNumber(r.x[k % nx] as number, 2);
    const x2 = formatNumber(r.y[Math.floor(k / nx)] as number, 2);
    this.readouts.cursor.value = `${formatNumber(r.z[k] as number)} (x₁ = ${x1}, x₂ = ${x2})`;
  }

  private updateTable(r: JointDensityResult): void {
    const nx = r.x.length;
    const ny = r.y.length;
    const stride = Math.max(1, Math.round((nx - 1) / 8));
    const rows: number[] = [];
    for (let j = ny - 1; j >= 0; j -= stride) rows.push(j);
    const columns = [{ name: TEXT.rowHead[this.uiLang], values: rows.map((j) => r.y[j] as number) }];
    for (let i = 0; i < nx; i += stride) {
      columns.push({ name: `x₁ = ${Number((r.x[i] as number).toPrecision(4))}`, values: rows.map((j) => r.z[j * nx + i] as number) });
    }
    this.table.update(columns);
  }
}
