// A colour legend for a heat map on a fixed scale: a gradient bar from 0 to `max` in the data's units,
// tick labels under it, and a marker for one value (a peak, say) that moves while the bar stays put.
// Pure drawing: the values come from the worker; the colour map is the heat map's own.
import { formatNumber } from './format.ts';
import type { Rgba } from './grid-canvas.ts';

export interface ColourScaleOptions {
  /** What the colours measure, shown before the bar (e.g. "density f(x₁, x₂)"). */
  label: string;
  /** The value the top colour stands for; everything above it is drawn in that colour (clipped). */
  max: number;
  /** Tick values, from 0 to `max`. */
  ticks: readonly number[];
  /** Decimals of the tick labels. */
  digits: number;
  /** The colour map on [0, 1] (the heat map's). */
  colour: (t: number) => Rgba;
  /** Accessible description of the scale and the marked value, given that value. */
  describe: (value: number) => string;
}

export interface ColourScale {
  element: HTMLElement;
  /** Moves the marker to `value` (pinned at the end of the bar when above `max`). */
  mark(value: number): void;
}

const STOPS = 16;

/** A fixed-scale colour legend; its `data-scale-max` names the top of the scale (for tests and embedders). */
export function createColourScale(options: ColourScaleOptions): ColourScale {
  const element = document.createElement('div');
  element.className = 'colour-scale';
  element.setAttribute('role', 'img');
  element.dataset['scaleMax'] = String(options.max);
  const label = document.createElement('span');
  label.className = 'colour-scale-label';
  label.textContent = options.label;
  const track = document.createElement('div');
  track.className = 'colour-scale-track';
  const bar = document.createElement('div');
  bar.className = 'colour-scale-bar';
  const stops: string[] = [];
  for (let k = 0; k <= STOPS; k++) {
    const [r, g, b] = options.colour(k / STOPS);
    stops.push(`rgb(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)}) ${((100 * k) / STOPS).toFixed(2)}%`);
  }
  bar.style.background = `linear-gradient(to right, ${stops.join(', ')})`;
  const marker = document.createElement('span');
  marker.className = 'colour-scale-marker';
  bar.append(marker);
  const ticks = document.createElement('div');
  ticks.className = 'colour-scale-ticks';
  for (const value of options.ticks) {
    const tick = document.createElement('span');
    tick.style.left = `${(100 * value) / options.max}%`;
    tick.textContent = formatNumber(value, options.digits);
    ticks.append(tick);
  }
  track.append(bar, ticks);
  element.append(label, track);
  return {
    element,
    mark(value: number) {
      const t = Number.isFinite(value) ? Math.max(0, Math.min(1, value / options.max)) : 0;
      marker.style.left = `${100 * t}%`;
      marker.dataset['clipped'] = String(value > options.max);
      element.setAttribute('aria-label', options.describe(value));
    },
  };
}
