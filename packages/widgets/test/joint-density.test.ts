import { afterEach, describe, expect, it } from 'vitest';
import { viridis } from '../src/shared/grid-canvas.ts';
import { mount, nextRender, readout, typeInto, waitFor } from './support/mount.ts';

afterEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', location.pathname);
});

const surface = (el: HTMLElement) => el.shadowRoot?.querySelector<HTMLCanvasElement>('canvas.surface') as HTMLCanvasElement;

/** The colour scale as drawn: its top, its tick labels and where its marker sits. */
function drawnScale(el: HTMLElement): { max: string; ticks: string[]; marker: string } {
  const scale = el.shadowRoot?.querySelector<HTMLElement>('.colour-scale');
  if (!scale) throw new Error('no colour scale');
  return {
    max: scale.dataset['scaleMax'] ?? '',
    ticks: [...scale.querySelectorAll('.colour-scale-ticks span')].map((t) => t.textContent ?? ''),
    marker: scale.querySelector<HTMLElement>('.colour-scale-marker')?.style.left ?? '',
  };
}

/**
 * The heat map's pixels in a 7 × 7 block next to the centre of its plotting area (3 px up and right of
 * (0, 0), off the grid lines through it, inside the 90% contour): within about 1% of the peak density.
 */
function nearCentre(el: HTMLElement): [number, number, number][] {
  const canvas = el.shadowRoot?.querySelector<HTMLCanvasElement>('.heat canvas');
  const over = el.shadowRoot?.querySelector<HTMLElement>('.heat .u-over');
  if (!canvas || !over) throw new Error('no heat map');
  const c = canvas.getBoundingClientRect();
  const o = over.getBoundingClientRect();
  const x = Math.round((o.left + o.width / 2 + 3 - c.left) * (canvas.width / c.width));
  const y = Math.round((o.top + o.height / 2 - 3 - c.top) * (canvas.height / c.height));
  const data = canvas.getContext('2d')?.getImageData(x - 3, y - 3, 7, 7).data ?? new Uint8ClampedArray();
  const pixels: [number, number, number][] = [];
  for (let k = 0; k + 3 < data.length; k += 4) pixels.push([data[k] as number, data[k + 1] as number, data[k + 2] as number]);
  return pixels;
}

/** Some pixel near the peak has the colour of `t` on the scale, to a few units (a contour line may cross the block). */
function expectColour(pixels: [number, number, number][], t: number): void {
  const [r, g, b] = viridis(t);
  const distance = Math.min(...pixels.map((p) => Math.max(Math.abs(p[0] - r), Math.abs(p[1] - g), Math.abs(p[2] - b))));
  expect(distance).toBeLessThanOrEqual(4);
}

const scaleNote = (el: HTMLElement) => el.shadowRoot?.querySelector('[data-readout="scale"]')?.textContent ?? '';

const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

function expectRelative(actual: number, expected: number): void {
  expect(Math.abs(actual / expected - 1)).toBeLessThan(1e-12);
}

describe('<mle-joint-density>', () => {
  it('draws the bivariate normal as a heat map and a surface, with its covariance', async () => {
    const el = await mount('<mle-joint-density sigma1="1" sigma2="1" rho="0.5" lang="en"></mle-joint-density>');
    expect(el.dataset['widget']).toBe('joint-density');
    expect(el.hasAttribute('data-error')).toBe(false);
    // scipy 1.17: multivariate_normal([0, 0], [[1, 0.5], [0.5, 1]]).pdf([0, 0]) → 0.1837762984739307
    expect(readout(el, 'peak')).toBe('0.1838');
    expect(readout(el, 'var1')).toBe('1.0000');
    expect(readout(el, 'cov')).toBe('0.5000');
    expect(readout(el, 'var2')).toBe('1.0000');
    // A uPlot canvas for the heat map and one for the surface.
    expect(el.shadowRoot?.querySelectorAll('canvas').length).toBeGreaterThanOrEqual(2);
    expect(surface(el).getAttribute('aria-label')).toContain('azimuth 325°, elevation 30°');
    // The screen-reader table: 9 × 9 coarse grid plus the header row.
    expect(el.shadowRoot?.querySelectorAll('table.sr-only tbody tr').length).toBe(9);
    expect(el.shadowRoot?.querySelectorAll('table.sr-only thead th').length).toBe(10);
  });

  it('reads the density under the cursor', async () => {
    const el = await mount('<mle-joint-density sigma1="1" sigma2="1" rho="0.5" lang="en"></mle-joint-density>');
    const over = el.shadowRoot?.querySelector<HTMLElement>('.u-over');
    if (!over) throw new Error('no uPlot overlay');
    const box = over.getBoundingClientRect();
    over.dispatchEvent(new MouseEvent('mousemove', { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true }));
    // The grid point at the centre is (0, 0), where the density peaks.
    await waitFor(() => readout(el, 'cursor').startsWith('0.1838'));
    expect(readout(el, 'cursor')).toContain('x₁ = 0.00, x₂ = 0.00');
  });

  it('turns the surface with the keyboard and by dragging', async () => {
    const el = await mount('<mle-joint-density lang="en"></mle-joint-density>');
    const canvas = surface(el);
    expect(canvas.tabIndex).toBe(0);
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(canvas.dataset['azimuth']).toBe('335');
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    expect(canvas.dataset['elevation']).toBe('35');
    expect(canvas.getAttribute('aria-label')).toContain('azimuth 335°, elevation 35°');
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    expect(canvas.dataset['azimuth']).toBe('325');
    canvas.dispatchEvent(new PointerEvent('pointerdown', { clientX: 100, clientY: 100, pointerId: 1, bubbles: true }));
    canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: 150, clientY: 100, pointerId: 1, bubbles: true }));
    canvas.dispatchEvent(new PointerEvent('pointerup', { clientX: 150, clientY: 100, pointerId: 1, bubbles: true }));
    // 50 px × 0.6°/px = 30° more azimuth.
    expect(canvas.dataset['azimuth']).toBe('355');
    // Elevation stays within 0° … 90°.
    for (let i = 0; i < 30; i++) canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    expect(canvas.dataset['elevation']).toBe('90');
  });

  it('reacts to the controls and keeps the URL in step', async () => {
    history.replaceState(null, '', '?sigma1=2&sigma2=1&rho=-0.9');
    const el = await mount('<mle-joint-density url-state lang="en"></mle-joint-density>');
    // scipy 1.17: multivariate_normal([0, 0], [[4, -1.8], [-1.8, 1]]).pdf([0, 0]) → 0.18256324034277338
    expect(readout(el, 'peak')).toBe('0.1826');
    expect(readout(el, 'var1')).toBe('4.0000');
    expect(readout(el, 'cov')).toBe('−1.8000');
    const rendered = nextRender(el);
    typeInto(el, 'Correlation ρ', '0');
    await rendered;
    expect(new URLSearchParams(location.search).get('rho')).toBe('0');
    // scipy 1.17: multivariate_normal([0, 0], [[4, 0], [0, 1]]).pdf([0, 0]) → 1/(2π·2) = 0.07957747154594767
    expect(readout(el, 'peak')).toBe('0.0796');
    expect(readout(el, 'cov')).toBe('0.0000');
  });

  it('keeps one fixed density scale while ρ changes, so the drawn peak grows as |ρ| → 1', async () => {
    const el = await mount('<mle-joint-density sigma1="1" sigma2="1" rho="0" lang="en"></mle-joint-density>');
    await frame();
    // scipy 1.17: multivariate_normal([0, 0], [[1, 0], [0, 1]]).pdf([0, 0]) → 1/(2π) = 0.15915494309189535
    expect(readout(el, 'peak')).toBe('0.1592');
    const before = drawnScale(el);
    expect(before.max).toBe('0.6');
    expect(before.ticks).toEqual(['0.0', '0.2', '0.4', '0.6']);
    expect(parseFloat(before.marker)).toBeGreaterThan(26.52);
    expect(parseFloat(before.marker)).toBeLessThan(26.53);
    // The peak is drawn at 0.159 of the scale's 0.6 (27%), not at the top colour or height.
    expectColour(nearCentre(el), 0.15915494309189535 / 0.6);
    expectRelative(Number(surface(el).dataset['plottedMax']), 0.15915494309189535);
    expect(scaleNote(el)).toContain('the peak 0.1592 is at 27% of it');

    let rendered = nextRender(el);
    typeInto(el, 'Correlation ρ', '0.9');
    await rendered;
    await frame();
    // scipy 1.17: multivariate_normal([0, 0], [[1, 0.9], [0.9, 1]]).pdf([0, 0]) → 0.3651264806855468
    expect(readout(el, 'peak')).toBe('0.3651');
    const after = drawnScale(el);
    // The scale itself did not move; the marker and the drawn maximum did.
    expect({ max: after.max, ticks: after.ticks }).toEqual({ max: before.max, ticks: before.ticks });
    expect(parseFloat(after.marker)).toBeGreaterThan(60.85);
    expect(parseFloat(after.marker)).toBeLessThan(60.86);
    expectColour(nearCentre(el), 0.3651264806855468 / 0.6);
    expectRelative(Number(surface(el).dataset['plottedMax']), 0.3651264806855468);
    expect(scaleNote(el)).toContain('the peak 0.3651 is at 61% of it');

    // Past the top of the scale the picture is clipped, and the note says so.
    rendered = nextRender(el);
    typeInto(el, 'Correlation ρ', '0.99');
    await rendered;
    await frame();
    // scipy 1.17: multivariate_normal([0, 0], [[1, 0.99], [0.99, 1]]).pdf([0, 0]) → 1.1282194784201618
    expect(readout(el, 'peak')).toBe('1.1282');
    expect(drawnScale(el)).toEqual({ max: '0.6', ticks: before.ticks, marker: '100%' });
    expectColour(nearCentre(el), 1);
    expect(Number(surface(el).dataset['plottedMax'])).toBe(0.6);
    expect(scaleNote(el)).toContain('The peak 1.1282 is above the fixed scale’s top, 0.6');
  });

  it('names the allowed range of ρ and keeps working', async () => {
    const el = await mount('<mle-joint-density rho="1" sigma2="-2" lang="en"></mle-joint-density>');
    const error = el.getAttribute('data-error') ?? '';
    expect(error).toContain('Correlation ρ (rho) cannot be “1”: allowed is a number ≥ -0.99 and ≤ 0.99.');
    expect(error).toContain('Std σ₂ (sigma2) cannot be “-2”: allowed is a number ≥ 0.01 and ≤ 5.');
    await waitFor(() => el.dataset['ready'] === 'true');
    expect(readout(el, 'peak')).toBe('0.1838');
    expect(el.shadowRoot?.textContent).not.toContain('NaN');
  });
});
