import uPlot from 'uplot';
import { createChart, themedAxes, type Chart } from './chart.ts';
import { formatNumber } from './format.ts';

/** Histogram bars in data coordinates: `heights[i]` spans `edges[i]`…`edges[i + 1]`. */
export interface BarLayer {
  edges: ArrayLike<number>;
  heights: ArrayLike<number>;
  /** CSS custom property for the fill, e.g. '--mle-bar'. */
  colour: string;
}

/** A vertical reference line (a true value, an estimate, an average). */
export interface Marker {
  x: number;
  /** CSS custom property for the stroke. */
  colour: string;
  dash?: number[];
  /** Short text drawn at the top of the line. */
  label?: string;
}

/** A vertical stick from 0 up to `height` at `x` (a point's density or probability), with a dot on top. */
export interface Stem {
  x: number;
  height: number;
  /** CSS custom property for the stroke. */
  colour: string;
  /** Drawn thicker (the point the reader is moving). */
  emphasis?: boolean;
}

/** One curve over the shared x grid. */
export interface CurveSeries {
  label: string;
  /** CSS custom property for the stroke. */
  colour: string;
  width?: number;
  dash?: number[];
  /** Digits in the cursor readout. Default 4. */
  digits?: number;
  /** Draw as a step outline: value i holds from x[i] to x[i + 1] (a histogram given by its edges). */
  steps?: boolean;
  /** CSS custom property to fill under the curve. */
  fill?: string;
}

export interface DensityChartOptions {
  container: HTMLElement;
  height: number;
  /** Accessible name of the chart. */
  label: string;
  xLabel: string;
  yLabel: string;
  curves: readonly CurveSeries[];
}

/** What one frame of a density chart shows. */
export interface DensityView {
  x: ArrayLike<number>;
  /** One array per curve (same length as `x`; null entries are gaps), or null to hide the curve. */
  curves: readonly (ArrayLike<number | null | undefined> | null)[];
  bars?: readonly BarLayer[];
  markers?: readonly Marker[];
  stems?: readonly Stem[];
}

export interface DensityChart {
  readonly chart: Chart;
  /** The x range drawn (for a chart below that shares it). */
  xRange(): [number, number];
  update(view: DensityView): void;
  restyle(): void;
  destroy(): void;
}

const stepped = uPlot.paths.stepped?.({ align: 1 });

/** The index nearest to `closest` where series `seriesIndex` has a value (uPlot `cursor.dataIdx`). */
function nearestDefined(u: uPlot, seriesIndex: number, closest: number): number {
  const values = u.data[seriesIndex];
  if (!values || values[closest] != null) return closest;
  for (let step = 1; step < values.length; step++) {
    if (values[closest - step] != null) return closest - step;
    if (values[closest + step] != null) return closest + step;
  }
  return closest;
}

function extent(view: DensityView): { xMin: number; xMax: number; yMax: number } {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMax = 0;
  const seeX = (v: number) => {
    if (Number.isFinite(v)) {
      xMin = Math.min(xMin, v);
      xMax = Math.max(xMax, v);
    }
  };
  const seeY = (v: number | null | undefined) => {
    if (v != null && Number.isFinite(v)) yMax = Math.max(yMax, v);
  };
  for (let i = 0; i < view.x.length; i++) seeX(view.x[i] as number);
  for (const curve of view.curves) if (curve) for (let i = 0; i < curve.length; i++) seeY(curve[i]);
  for (const layer of view.bars ?? []) {
    seeX(layer.edges[0] as number);
    seeX(layer.edges[layer.edges.length - 1] as number);
    for (let i = 0; i < layer.heights.length; i++) seeY(layer.heights[i]);
  }
  for (const marker of view.markers ?? []) seeX(marker.x);
  for (const stem of view.stems ?? []) {
    seeX(stem.x);
    seeY(stem.height);
  }
  if (!(xMax > xMin)) {
    const centre = Number.isFinite(xMin) ? xMin : 0;
    xMin = centre - 1;
    xMax = centre + 1;
  }
  return { xMin, xMax, yMax: yMax > 0 ? yMax : 1 };
}

/**
 * A density chart: histogram bars under any number of curves on one x grid, with vertical marker
 * lines, a cursor readout (uPlot's legend) and theme-aware colours. Shared by every widget that draws
 * data against densities (data explorer, fit overlay, bias simulator, mixture lab).
 */
export function createDensityChart(options: DensityChartOptions): DensityChart {
  let view: DensityView = { x: [], curves: options.curves.map(() => null) };
  let bounds = { xMin: 0, xMax: 1, yMax: 1 };
  const dataOf = (frame: DensityView): uPlot.AlignedData => {
    const n = frame.x.length;
    const empty = () => Array.from({ length: n }, () => null);
    return [
      Array.from(frame.x),
      ...options.curves.map((_, i) => {
        const curve = frame.curves[i];
        return curve ? Array.from(curve, (v) => v ?? null) : empty();
      }),
    ];
  };
  const chart = createChart({
    container: options.container,
    height: options.height,
    label: options.label,
    data: dataOf(view),
    options: (colour) => ({
      scales: {
        x: { time: false, range: () => [bounds.xMin, bounds.xMax] },
        y: { range: () => [0, bounds.yMax * 1.08] },
      },
      axes: themedAxes(colour, { x: options.xLabel, y: options.yLabel }),
      // Curves on different grids (joined with gaps) each report their nearest point of their own.
      cursor: { dataIdx: nearestDefined },
      series: [
        { label: options.xLabel, value: (_u, v) => (v == null ? '—' : formatNumber(v, 3)) },
        ...options.curves.map(
          (c): uPlot.Series => ({
            label: c.label,
            stroke: colour(c.colour),
            width: c.width ?? 2,
            ...(c.dash ? { dash: c.dash } : {}),
            ...(c.fill ? { fill: colour(c.fill) } : {}),
            ...(c.steps && stepped ? { paths: stepped } : {}),
            spanGaps: true,
            points: { show: false },
            value: (_u, v) => (v == null ? '—' : formatNumber(v, c.digits ?? 4)),
          }),
        ),
      ],
      hooks: {
        drawAxes: [
          (u: uPlot) => {
            const { ctx } = u;
            ctx.save();
            const y0 = u.valToPos(0, 'y', true);
            for (const layer of view.bars ?? []) {
              ctx.fillStyle = colour(layer.colour);
              for (let i = 0; i < layer.heights.length; i++) {
                const left = u.valToPos(layer.edges[i] as number, 'x', true);
                const right = u.valToPos(layer.edges[i + 1] as number, 'x', true);
                const top = u.valToPos(layer.heights[i] as number, 'y', true);
                ctx.fillRect(left, top, Math.max(1, right - left - 1), y0 - top);
              }
            }
            for (const stem of view.stems ?? []) {
              const x = u.valToPos(stem.x, 'x', true);
              const top = u.valToPos(stem.height, 'y', true);
              ctx.strokeStyle = colour(stem.colour);
              ctx.fillStyle = colour(stem.colour);
              ctx.lineWidth = (stem.emphasis ? 3 : 1.5) * devicePixelRatio;
              ctx.beginPath();
              ctx.moveTo(x, y0);
              ctx.lineTo(x, top);
              ctx.stroke();
              ctx.beginPath();
              ctx.arc(x, top, (stem.emphasis ? 4 : 3) * devicePixelRatio, 0, 2 * Math.PI);
              ctx.fill();
            }
            ctx.restore();
          },
        ],
        draw: [
          (u: uPlot) => {
            const { ctx } = u;
            const { top, height } = u.bbox;
            ctx.save();
            ctx.font = `${Math.round(11 * devicePixelRatio)}px system-ui, sans-serif`;
            ctx.textBaseline = 'top';
            const markers = view.markers ?? [];
            for (const marker of markers) {
              const x = u.valToPos(marker.x, 'x', true);
              ctx.strokeStyle = colour(marker.colour);
              ctx.lineWidth = 1.5 * devicePixelRatio;
              ctx.setLineDash((marker.dash ?? []).map((d) => d * devicePixelRatio));
              ctx.beginPath();
              ctx.moveTo(x, top);
              ctx.lineTo(x, top + height);
              ctx.stroke();
            }
            // Labels after every line (no line crosses a label), staggered so close markers stay readable.
            for (const [index, marker] of markers.entries()) {
              const x = u.valToPos(marker.x, 'x', true);
              if (marker.label) {
                // On a backing box so the label stays readable over bars and curves; flipped to the
                // line's left when it would run past the plot's right edge.
                const textWidth = ctx.measureText(marker.label).width;
                const pad = 2 * devicePixelRatio;
                const right = u.bbox.left + u.bbox.width;
                const tx = x + 3 * devicePixelRatio + textWidth > right ? x - 3 * devicePixelRatio - textWidth : x + 3 * devicePixelRatio;
                const ty = top + (2 + 14 * index) * devicePixelRatio;
                ctx.fillStyle = colour('--mle-bg');
                ctx.globalAlpha = 0.85;
                ctx.fillRect(tx - pad, ty - pad, textWidth + 2 * pad, 12 * devicePixelRatio + 2 * pad);
                ctx.globalAlpha = 1;
                ctx.fillStyle = colour(marker.colour);
                ctx.fillText(marker.label, tx, ty);
              }
            }
            ctx.restore();
          },
        ],
      },
    }),
  });
  return {
    chart,
    xRange: () => [bounds.xMin, bounds.xMax],
    update(next) {
      view = next;
      bounds = extent(next);
      chart.setData(dataOf(next));
    },
    restyle: () => chart.restyle(),
    destroy: () => chart.destroy(),
  };
}
