import uPlot from 'uplot';
import { knownChartWidth } from './chart-width.ts';
import { queueDraw } from './render-queue.ts';
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

/**
 * A uPlot chart in `container`. Building the plot and each later `setData` are queued on the page's
 * render queue (`queueDraw`), one chart's work a task, so a page of widgets never draws all of its charts
 * in one long task; the widget waits for them (`widgetDrawsSettled`) before it says it is ready. Reading
 * `plot` draws at once whatever is still queued, so code that needs the plot always sees the latest data.
 */
export function createChart({ container, height, options, data, label }: ChartOptions): Chart {
  const colour = (name: string) => cssColor(container, name);
  /** The container's width as the ResizeObserver last reported it (no layout forced to read it). */
  let observedWidth: number | undefined;
  // clientWidth forces a layout of the whole page when one is pending (20–30 ms on a long course page
  // that is still loading): read it only when no resize observation has arrived yet.
  // A chart box made by chartBox() has had its width recorded since the widget's shell was built.
  const width = () => Math.max(240, Math.floor(observedWidth ?? knownChartWidth(container) ?? (container.clientWidth || 600)));
  container.setAttribute('role', 'img');
  container.setAttribute('aria-label', label);
  let plot: uPlot | undefined;
  let current = data;
  /** What the queued draw must do: nothing, set the latest data, or (re)build the plot. */
  let due: 'none' | 'data' | 'build' = 'build';
  let resetDue = true;
  let queued = false;
  let destroyed = false;
  const flush = (): uPlot => {
    if (due === 'build' || !plot) {
      plot?.destroy();
      plot = new uPlot({ ...options(colour), width: width(), height }, current, container);
    } else if (due === 'data') {
      plot.setData(current, resetDue);
    }
    due = 'none';
    resetDue = false;
    return plot;
  };
  const request = (what: 'data' | 'build') => {
    if (what === 'build' || due === 'none') due = what;
    if (queued) return;
    queued = true;
    queueDraw(container, () => {
      queued = false;
      if (!destroyed && due !== 'none') flush();
    });
  };
  request('build');
  const observer = new ResizeObserver((entries) => {
    const entry = entries[entries.length - 1];
    // A zero width (not laid out yet, display: none) tells nothing: fall back to clientWidth then.
    observedWidth = entry && entry.contentRect.width > 0 ? entry.contentRect.width : undefined;
    if (!plot) return;
    const w = width();
    if (Math.abs(w - plot.width) > 1) plot.setSize({ width: w, height });
  });
  observer.observe(container);
  return {
    get plot() {
      return due === 'none' && plot ? plot : flush();
    },
    setData(next, resetScales = true) {
      current = next;
      resetDue ||= resetScales;
      request('data');
    },
    restyle() {
      request('build');
    },
    destroy() {
      destroyed = true;
      observer.disconnect();
      plot?.destroy();
    },
  };
}
