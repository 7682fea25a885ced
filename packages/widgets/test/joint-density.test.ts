import { afterEach, describe, expect, it } from 'vitest';
import { mount, nextRender, readout, typeInto, waitFor } from './support/mount.ts';

afterEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', location.pathname);
});

const surface = (el: HTMLElement) => el.shadowRoot?.querySelector<HTMLCanvasElement>('canvas.surface') as HTMLCanvasElement;

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

  it('names the allowed range of ρ and keeps working', async () => {
    const el = await mount('<mle-joint-density rho="1" sigma2="-2" lang="en"></mle-joint-density>');
    const error = el.getAttribute('data-error') ?? '';
    expect(error).toContain('Correlation ρ (rho) cannot be “1”: allowed is a number ≥ -0.99 and ≤ 0.99.');
    expect(error).toContain('Std σ₂ (sigma2) cannot be “-2”: allowed is a number > 0 and ≤ 5.');
    await waitFor(() => el.dataset['ready'] === 'true');
    expect(readout(el, 'peak')).toBe('0.1838');
    expect(el.shadowRoot?.textContent).not.toContain('NaN');
  });
});
