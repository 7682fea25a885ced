import uPlot from 'uplot';
import { cssColor } from './theme.ts';

/** A uPlot chart that fills its container's width, follows resizes and can be redrawn for a theme. */
export interface Chart {
  readonly plot: uPlot;
  setData(data: uPlot.AlignedData, resetScales?: boolean): void;
  /** Re-reads colours from CSS and redraws (after a theme change). */
  restyle(): void;
  destroy(): void;
}

export interface ChartOptions {
  container: HTMLElement;
  height: number;
  /** Builds the uPlot options; called again on restyle so colours can come from CSS. */
  options: (colour: (name: string) => string) => Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  /** Accessible name of the chart. */
  label: string;
}

function axisStyle(colour: (name: string) => string): Partial<uPlot.Axis> {
  return {
    stroke: colour('--mle-muted'),
    grid: { stroke: colour('--mle-border'), width: 1 },
    ticks: { stroke: colour('--mle-border'), width: 1 },
  };
}

/** Axis defaults in the widget's colours. */
export function themedAxes(colour: (name: string) => string, labels: { x?: string; y?: string } = {}): uPlot.Axis[] {
  return [
    { ...axisStyle(colour), ...(labels.x === undefined ? {} : { label: labels.x }) },
    { ...axisStyle(colour), ...(labels.y === undefined ? {} : { label: labels.y }), size: 56 },
  ];
}

export function createChart({ container, height, options, data, label }: ChartOptions): Chart {
  const colour = (name: string) => cssColor(container, name);
  const width = () => Math.max(240, Math.floor(container.clientWidth || 600));
  container.setAttribute('role', 'img');
  container.setAttribute('aria-label', label);
  let plot = new uPlot({ ...options(colour), width: width(), height }, data, container);
  let current = data;
  const observer = new ResizeObserver(() => {
    const w = width();
    if (Math.abs(w - plot.width) > 1) plot.setSize({ width: w, height });
  });
  observer.observe(container);
  return {
    get plot() {
      return plot;
    },
    setData(next, resetScales = true) {
      current = next;
      plot.setData(next, resetScales);
    },
    restyle() {
      plot.destroy();
      plot = new uPlot({ ...options(colour), width: width(), height }, current, container);
    },
    destroy() {
      observer.disconnect();
      plot.destroy();
    },
  };
}
