import type uPlot from 'uplot';
import { createChart, themedAxes, type Chart } from './chart.ts';
import { formatNumber } from './format.ts';

/** The numbers a box plot draws (matplotlib's `boxplot_stats`, plus the mean). */
export interface BoxStats {
  q1: number;
  median: number;
  q3: number;
  whiskerLow: number;
  whiskerHigh: number;
  outliers: ArrayLike<number>;
  mean: number;
}

/** Names of the five statistics and the mean, for the cursor readout. */
export interface BoxNames {
  whiskerLow: string;
  q1: string;
  median: string;
  mean: string;
  q3: string;
  whiskerHigh: string;
  statistic: string;
}

export interface BoxChartOptions {
  container: HTMLElement;
  height: number;
  label: string;
  xLabel: string;
  names: BoxNames;
  /** The x range to share with the chart above it. */
  range: () => [number, number];
}

export interface BoxChart {
  readonly chart: Chart;
  update(stats: BoxStats): void;
  restyle(): void;
  destroy(): void;
}

/**
 * The distinct device-pixel columns of `values` under the mapping `px`, in first-seen order: where to
 * draw one marker each however many values share a column.
 *
 * @example
 * outlierColumns([1, 1.001, 5], (v) => v * 10); // => [10, 50]
 */
export function outlierColumns(values: ArrayLike<number>, px: (v: number) => number): number[] {
  const seen = new Set<number>();
  for (let i = 0; i < values.length; i++) seen.add(Math.round(px(values[i] as number)));
  return [...seen];
}

/**
 * A horizontal box plot drawn by a uPlot draw hook: box from Q1 to Q3, the median, whiskers, outliers
 * as circles and the mean as a diamond. The cursor snaps to the nearest statistic and names it.
 */
export function createBoxChart(options: BoxChartOptions): BoxChart {
  let stats: BoxStats | undefined;
  let names: string[] = [];
  const dataOf = (s: BoxStats | undefined): uPlot.AlignedData => {
    if (!s) return [[], []];
    const keys = ['whiskerLow', 'q1', 'median', 'mean', 'q3', 'whiskerHigh'] as const;
    const points = keys.map((k) => ({ x: s[k], name: options.names[k] })).toSorted((a, b) => a.x - b.x);
    names = points.map((p) => p.name);
    return [points.map((p) => p.x), points.map(() => 0)];
  };
  const chart = createChart({
    container: options.container,
    height: options.height,
    label: options.label,
    data: dataOf(undefined),
    options: (colour) => {
      // The y axis draws nothing but takes the same room as the density chart's (size and label), so
      // both charts map x to the same pixels and the box lines up under the histogram.
      const [xAxis, yAxis] = themedAxes(colour, { x: options.xLabel, y: ' ' });
      return {
        scales: { x: { time: false, range: () => options.range() }, y: { range: [-1, 1] } },
        axes: [
          { ...xAxis, size: 36 },
          { ...yAxis, values: () => [], ticks: { show: false }, grid: { show: false } },
        ],
        cursor: { y: false, points: { show: false } },
        series: [
          { label: options.xLabel, value: (_u, v) => (v == null ? '—' : formatNumber(v, 3)) },
          {
            label: options.names.statistic,
            stroke: 'transparent',
            points: { show: false },
            value: (_u, _v, _s, idx) => (idx == null ? '—' : (names[idx] ?? '—')),
          },
        ],
        hooks: {
          draw: [
            (u: uPlot) => {
              if (!stats) return;
              const s = stats;
              const { ctx } = u;
              const px = (v: number) => u.valToPos(v, 'x', true);
              const py = (v: number) => u.valToPos(v, 'y', true);
              const dpr = devicePixelRatio;
              ctx.save();
              ctx.lineWidth = 1.5 * dpr;
              ctx.strokeStyle = colour('--mle-accent');
              ctx.fillStyle = colour('--mle-bar');
              const top = py(0.5);
              const bottom = py(-0.5);
              ctx.fillRect(px(s.q1), top, px(s.q3) - px(s.q1), bottom - top);
              ctx.strokeRect(px(s.q1), top, px(s.q3) - px(s.q1), bottom - top);
              ctx.beginPath();
              // Whiskers with caps, then the median.
              ctx.moveTo(px(s.whiskerLow), py(0));
              ctx.lineTo(px(s.q1), py(0));
              ctx.moveTo(px(s.q3), py(0));
              ctx.lineTo(px(s.whiskerHigh), py(0));
              for (const w of [s.whiskerLow, s.whiskerHigh]) {
                ctx.moveTo(px(w), py(0.25));
                ctx.lineTo(px(w), py(-0.25));
              }
              ctx.stroke();
              ctx.beginPath();
              ctx.lineWidth = 2.5 * dpr;
              ctx.strokeStyle = colour('--mle-fg');
              ctx.moveTo(px(s.median), top);
              ctx.lineTo(px(s.median), bottom);
              ctx.stroke();
              ctx.lineWidth = 1 * dpr;
              ctx.strokeStyle = colour('--mle-muted');
              // One circle per device-pixel column, all in one path: at n = 1,000,000 there are ~7,000
              // outliers, which drawn one by one took ~100 ms; circles on the same column overlap
              // exactly, so the picture is the same. (The count is in the data table.)
              ctx.beginPath();
              const radius = 2.5 * dpr;
              const y0 = py(0);
              for (const x of outlierColumns(s.outliers, px)) {
                ctx.moveTo(x + radius, y0);
                ctx.arc(x, y0, radius, 0, 2 * Math.PI);
              }
              ctx.stroke();
              const m = px(s.mean);
              const d = 5 * dpr;
              ctx.fillStyle = colour('--mle-fit');
              ctx.beginPath();
              ctx.moveTo(m, py(0) - d);
              ctx.lineTo(m + d, py(0));
              ctx.lineTo(m, py(0) + d);
              ctx.lineTo(m - d, py(0));
              ctx.closePath();
              ctx.fill();
              ctx.restore();
            },
          ],
        },
      };
    },
  });
  return {
    chart,
    update(next) {
      stats = next;
      chart.setData(dataOf(next));
    },
    restyle: () => chart.restyle(),
    destroy: () => chart.destroy(),
  };
}
