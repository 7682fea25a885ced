// Chart boxes' widths as their ResizeObserver reports them, so that building a chart does not have to
// read clientWidth: on a long course page that is still loading, that read forces a layout of the whole
// page inside the chart's task (15–25 ms under load on /coin-to-counts/).

/** The last width (CSS px, > 0) reported for each watched box. */
const widths = new WeakMap<Element, number>();

let observer: ResizeObserver | undefined;

/**
 * Starts recording `box`'s width from resize observations (no layout is forced). Called when a chart's
 * box is made, with the widget's shell, so that a width is usually known by the time the chart is built.
 *
 * @param box - A chart's container.
 * @example
 * const box = document.createElement('div');
 * watchChartWidth(box);
 * // after the next rendering update: knownChartWidth(box) // => its width in px
 */
export function watchChartWidth(box: Element): void {
  if (typeof ResizeObserver !== 'function') return;
  observer ??= new ResizeObserver((entries) => {
    for (const entry of entries) {
      // A zero width (not laid out yet, display: none) tells nothing: keep what was known.
      if (entry.contentRect.width > 0) widths.set(entry.target, entry.contentRect.width);
    }
  });
  observer.observe(box);
}

/**
 * The width last reported for a box watched by `watchChartWidth`, or undefined when none has been
 * (not watched, or no rendering update since: a hidden tab, an off-screen cross-origin iframe).
 *
 * @param box - A chart's container.
 * @returns Its width in CSS px, or undefined.
 * @example
 * knownChartWidth(document.createElement('div')); // => undefined
 */
export function knownChartWidth(box: Element): number | undefined {
  return widths.get(box);
}
