// A chart of a plane (μ against σ, x₁ against x₂) rather than of series against x: fixed axis ranges,
// a layer drawn under the axes' grid (a heat map), a layer drawn on top (paths, points), and a cursor
// readout of the data position under the pointer. Built on createChart, so it resizes and restyles.
import type uPlot from 'uplot';
import { createChart, themedAxes, type Chart } from './chart.ts';

export interface PlaneChartOptions {
  container: HTMLElement;
  height: number;
  /** Accessible name of the chart. */
  label: string;
  axisLabels: { x: string; y: string };
  /** Current axis ranges (read on every redraw). */
  ranges: () => { x: readonly [number, number]; y: readonly [number, number] };
  /** Draws under the grid lines (heat maps, regions). */
  under?: (u: uPlot, colour: (name: string) => string) => void;
  /** Draws over everything (paths, markers, points). */
  over?: (u: uPlot, colour: (name: string) => string) => void;
  /** Called with the data position under the pointer, or null when it leaves the plot. */
  onCursor?: (position: { x: number; y: number } | null) => void;
}

export function createPlaneChart(options: PlaneChartOptions): Chart {
  const { ranges } = options;
  // uPlot wants at least one series: an invisible one spanning the x range.
  const span = (): uPlot.AlignedData => {
    const { x } = ranges();
    return [[x[0], x[1]], [null, null]];
  };
  const chart = createChart({
    container: options.container,
    height: options.height,
    label: options.label,
    data: span(),
    options: (colour) => ({
      legend: { show: false },
      cursor: { points: { show: false }, drag: { x: false, y: false, setScale: false } },
      scales: {
        x: { time: false, auto: false, range: () => [ranges().x[0], ranges().x[1]] },
        y: { auto: false, range: () => [ranges().y[0], ranges().y[1]] },
      },
      axes: themedAxes(colour, options.axisLabels),
      series: [{}, { paths: () => null, points: { show: false } }],
      hooks: {
        drawClear: options.under ? [(u: uPlot) => options.under?.(u, colour)] : [],
        draw: options.over ? [(u: uPlot) => options.over?.(u, colour)] : [],
        setCursor: [
          (u: uPlot) => {
            const { left, top } = u.cursor;
            if (left === undefined || top === undefined || left < 0 || top < 0) {
              options.onCursor?.(null);
              return;
            }
            options.onCursor?.({ x: u.posToVal(left, 'x'), y: u.posToVal(top, 'y') });
          },
        ],
      },
    }),
  });
  return {
    get plot() {
      return chart.plot;
    },
    setData: () => chart.setData(span()),
    restyle: () => chart.restyle(),
    destroy: () => chart.destroy(),
  };
}
