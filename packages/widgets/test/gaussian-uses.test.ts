import { afterEach, describe, expect, it, vi } from 'vitest';
import uses from '../../worker/test/fixtures/gaussian-uses.json' with { type: 'json' };
import { formatScientific } from '../src/shared/series.ts';
import { mount, nextRender, readout, typeInto, waitFor } from './support/mount.ts';

afterEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', location.pathname);
});

/** Picks `value` in the select labelled `label` (the first select, the panel menu, by default). */
function choose(el: HTMLElement, value: string, label?: string): void {
  const select = [...(el.shadowRoot?.querySelectorAll('select') ?? [])].find(
    (s) => label === undefined || el.shadowRoot?.querySelector(`label[for="${s.id}"]`)?.textContent === label,
  );
  if (!select) throw new Error(`no select labelled ${label ?? '(panel)'}`);
  select.value = value;
  select.dispatchEvent(new Event('change'));
}
const choosePanel = (el: HTMLElement, value: string) => choose(el, value);

/** The worker's golden edges (test/fixtures/gaussian_uses.py) for seed 42. */
function goldenEdges(kernel: number, threshold: number): number[] {
  const c = uses.cases.find((k) => k.seed === 42 && k.kernel === kernel && k.threshold === threshold);
  if (!c) throw new Error(`no golden case for σ = ${kernel}, threshold ${threshold}`);
  return c.edges;
}

/** The worker's golden heat-equation case (numpy FTCS and scipy's gaussian_filter1d, gaussian_uses.py). */
function goldenHeat(profile: string, diffusivity: number, time: number): (typeof uses.heat)[number] {
  const c = uses.heat.find((k) => k.profile === profile && k.diffusivity === diffusivity && k.time === time);
  if (!c) throw new Error(`no golden heat case for ${profile}, D = ${diffusivity}, t = ${time}`);
  return c;
}

const panel = (el: HTMLElement, name: string) => el.shadowRoot?.querySelector<HTMLElement>(`section[data-panel="${name}"]`) as HTMLElement;

describe('<mle-gaussian-uses>', () => {
  it("smooths numpy's noisy step signal with scipy's Gaussian filter", async () => {
    const el = await mount('<mle-gaussian-uses seed="42" lang="en"></mle-gaussian-uses>');
    expect(el.dataset['widget']).toBe('gaussian-uses');
    expect(el.hasAttribute('data-error')).toBe(false);
    // numpy 2.4 / scipy 1.17: clean = np.repeat([0, 1, 0.3, 1.4, 0.2], 80)
    //   noisy = clean + np.random.RandomState(42).normal(0, 0.3, 400); (noisy - clean).std() → 0.2877310327206923
    //   (gaussian_filter1d(noisy, 4.0) - clean).std() → 0.12076053324591324; 2·⌊4·4 + 0.5⌋ + 1 = 33 taps
    expect(readout(el, 'noiseSd')).toBe('0.2877');
    expect(readout(el, 'residualSd')).toBe('0.1208');
    expect(readout(el, 'taps')).toBe('33');
    expect(panel(el, 'smoothing').hidden).toBe(false);
    expect(panel(el, 'convolution').hidden).toBe(true);
    expect(el.shadowRoot?.querySelector('.code')?.textContent).toContain('gaussian_filter1d(noisy, sigma=4.0)');
    const rendered = nextRender(el);
    typeInto(el, 'Kernel σ (samples)', '10');
    await rendered;
    // scipy 1.17: (gaussian_filter1d(noisy, 10.0) - clean).std() → 0.16107087790608107 (the steps blur)
    expect(readout(el, 'residualSd')).toBe('0.1611');
    expect(readout(el, 'taps')).toBe('81');
  });

  it("finds the steps' edges with the Gaussian's derivative, as scipy's gaussian_filter1d(order=1) + find_peaks", async () => {
    // The worker's golden cases (test/fixtures/gaussian_uses.py): seed 42, σ = 4 at 0.4 and σ = 1 at 0.5.
    const expected = goldenEdges;
    const el = await mount('<mle-gaussian-uses panel="edges" seed="42" lang="en"></mle-gaussian-uses>');
    expect(panel(el, 'edges').hidden).toBe(false);
    expect(panel(el, 'smoothing').hidden).toBe(true);
    expect(el.shadowRoot?.querySelectorAll('section[data-panel="edges"] canvas').length).toBe(2);
    const sharp = expected(4, 0.4);
    expect(sharp).toHaveLength(4);
    expect(readout(el, 'edgeCount')).toBe(String(sharp.length));
    expect(readout(el, 'edgesFound')).toBe(sharp.join(', '));
    expect(readout(el, 'trueEdges')).toBe(uses.trueEdges.join(', '));
    expect(el.shadowRoot?.querySelector('.code')?.textContent).toContain('gaussian_filter1d(noisy, sigma=4.0, order=1)');
    // A narrow kernel at a higher threshold: noise comes through as false edges.
    let rendered = nextRender(el);
    typeInto(el, 'Kernel σ (samples)', '1');
    await rendered;
    rendered = nextRender(el);
    typeInto(el, 'Threshold (share of the strongest response)', '0.5');
    await rendered;
    const noisy = expected(1, 0.5);
    expect(noisy.length).toBeGreaterThan(4);
    expect(readout(el, 'edgesFound')).toBe(noisy.join(', '));
    expect(el.shadowRoot?.querySelector('.code')?.textContent).toContain(`print(edges)   # [${noisy.join(' ')}]`);
  });

  it('convolves two Gaussians: the variances add', async () => {
    const el = await mount('<mle-gaussian-uses seed="42" lang="en"></mle-gaussian-uses>');
    const rendered = nextRender(el);
    choosePanel(el, 'convolution');
    await rendered;
    expect(panel(el, 'smoothing').hidden).toBe(true);
    expect(panel(el, 'convolution').hidden).toBe(false);
    // σ₁ = 1, σ₂ = 1.5: σ₁² + σ₂² = 1 + 2.25 = 3.25, and the numerical convolution's variance agrees.
    expect(readout(el, 'var1')).toBe('1.0000');
    expect(readout(el, 'var2')).toBe('2.2500');
    expect(readout(el, 'sumVar')).toBe('3.2500');
    expect(readout(el, 'convVar')).toBe('3.2500');
    expect(readout(el, 'convError')).toMatch(/× 10⁻¹[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]*$/);
    const next = nextRender(el);
    typeInto(el, 'Std σ₂', '0.5');
    await next;
    expect(readout(el, 'sumVar')).toBe('1.2500');
    expect(readout(el, 'convVar')).toBe('1.2500');
  });

  it('pairs a Gaussian with its Fourier transform: σ·σ_f = 1/(2π)', async () => {
    history.replaceState(null, '', '?panel=fourier&width=0.5');
    const el = await mount('<mle-gaussian-uses url-state lang="en"></mle-gaussian-uses>');
    expect(panel(el, 'fourier').hidden).toBe(false);
    // 1/(2π·0.5) = 0.3183098861837907; σ·σ_f = 1/(2π) = 0.15915494309189535
    expect(readout(el, 'sigmaT')).toBe('0.5000');
    expect(readout(el, 'sigmaF')).toBe('0.3183');
    expect(readout(el, 'product')).toBe('0.1592');
    // numpy 2.4: with n = 4096, dt = 0.025 the FFT matches exp(−2π²σ²f²) to ~3e-16.
    expect(readout(el, 'fourierError')).toMatch(/× 10⁻¹[⁵⁶]$/);
    expect(el.shadowRoot?.querySelectorAll('section[data-panel="fourier"] canvas').length).toBe(2);
    const rendered = nextRender(el);
    typeInto(el, 'Width in time σ', '2');
    await rendered;
    expect(new URLSearchParams(location.search).get('width')).toBe('2');
    expect(new URLSearchParams(location.search).get('panel')).toBe('fourier');
    expect(readout(el, 'sigmaF')).toBe('0.0796');
    expect(readout(el, 'product')).toBe('0.1592');
  });

  it('names the allowed values of bad attributes and keeps working', async () => {
    const el = await mount('<mle-gaussian-uses panel="laplace" kernel="100" lang="en"></mle-gaussian-uses>');
    const error = el.getAttribute('data-error') ?? '';
    expect(error).toContain('Use (panel) cannot be “laplace”: allowed is one of smoothing, edges, convolution, fourier, heat.');
    expect(error).toContain('Kernel σ (samples) (kernel) cannot be “100”: allowed is a number ≥ 0.5 and ≤ 30.');
    await waitFor(() => el.dataset['ready'] === 'true');
    expect(readout(el, 'residualSd')).toBe('0.1208');
    expect(el.shadowRoot?.textContent).not.toContain('NaN');
  });

  it('diffuses a point source for a time t and finds it smoothed by the Gaussian of variance 2Dt', async () => {
    const el = await mount('<mle-gaussian-uses panel="heat" lang="en"></mle-gaussian-uses>');
    expect(el.hasAttribute('data-error')).toBe(false);
    expect(panel(el, 'heat').hidden).toBe(false);
    expect(panel(el, 'smoothing').hidden).toBe(true);
    expect(el.shadowRoot?.querySelectorAll('section[data-panel="heat"] canvas').length).toBe(1);
    // Defaults: a point source, D = 0.5, t = 1, so σ = √(2Dt) = 1 — the golden case from numpy's FTCS
    // loop and scipy's gaussian_filter1d (readouts with four decimals, the difference with two digits).
    const point = goldenHeat('point', 0.5, 1);
    expect(readout(el, 'heatSigma')).toBe(point.sigma.toFixed(4));
    expect(readout(el, 'heatSteps')).toBe(String(point.steps));
    expect(readout(el, 'heatDifference')).toBe(formatScientific(point.maxDifference, 1));
    expect(readout(el, 'heatTotal')).toBe(`${point.initialHeat.toFixed(4)} → ${point.heat.toFixed(4)}`);
    expect(readout(el, 'heatVariance')).toBe((point.variance as number).toFixed(4));
    expect(readout(el, 'heatExpected')).toBe((point.expectedVariance as number).toFixed(4));
    const code = el.shadowRoot?.querySelector('.code')?.textContent ?? '';
    expect(code).toContain('D, t, dx = 0.5, 1.0, 0.1');
    expect(code).toContain("gaussian_filter1d(u0, math.sqrt(2 * D * t) / dx, mode='reflect')");
    expect(code).toContain(`# ${point.steps}: D·dt/dx² ≤ 1/6`);
    expect(code).toContain(`# ${point.maxDifference.toExponential(1)} ${point.heat.toFixed(4)}`);
    // Announced once the reader pauses (700 ms after the render).
    const liveRegion = el.shadowRoot?.querySelector('[aria-live]');
    await waitFor(() => (liveRegion?.textContent ?? '') !== '', 3000);
    const live = liveRegion?.textContent ?? '';
    expect(live).toContain(`σ = √(2Dt) = ${point.sigma.toFixed(4)}`);
    expect(live).toContain(`differ by at most ${formatScientific(point.maxDifference, 1)}`);

    // The CSV holds the grid, the start, the finite-difference solution and the smoothed start.
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:heat';
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    try {
      const button = [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Download CSV');
      button?.click();
      await waitFor(() => blobs.length > 0);
      const lines = (await blobs[0]!.text()).trimEnd().split('\n');
      expect(lines[0]).toBe('x,initial,ftcs_solution,gaussian_smoothed');
      expect(lines).toHaveLength(uses.x.length + 1);
      const middle = uses.x.indexOf(0);
      const row = (lines[middle + 1] ?? '').split(',').map(Number);
      // x, u0 and the FTCS solution equal numpy's to the last bit; the smoothed start equals scipy's to rounding.
      expect(row.slice(0, 3)).toEqual([uses.x[middle], point.initial[middle], point.solution[middle]]);
      expect(Math.abs(row[3]! - point.smoothed[middle]!)).toBeLessThan(1e-13);
    } finally {
      create.mockRestore();
      click.mockRestore();
    }

    // Two hot spots diffused for longer: the variance grows from σ₀² = 4 by 2Dt = 8.
    let rendered = nextRender(el);
    choose(el, 'spots', 'Initial temperature');
    await rendered;
    rendered = nextRender(el);
    typeInto(el, 'Time t', '4');
    await rendered;
    rendered = nextRender(el);
    typeInto(el, 'Diffusivity D', '1');
    await rendered;
    const spots = goldenHeat('spots', 1, 4);
    expect(readout(el, 'heatSigma')).toBe(spots.sigma.toFixed(4));
    expect(readout(el, 'heatSteps')).toBe(String(spots.steps));
    expect(readout(el, 'heatDifference')).toBe(formatScientific(spots.maxDifference, 1));
    expect(readout(el, 'heatVariance')).toBe((spots.variance as number).toFixed(4));
    expect(readout(el, 'heatExpected')).toBe((spots.expectedVariance as number).toFixed(4));
    expect(readout(el, 'heatTotal')).toBe(`${spots.initialHeat.toFixed(4)} → ${spots.heat.toFixed(4)}`);

    // The hot half: no spread to compare, but still no heat lost through the insulated ends.
    rendered = nextRender(el);
    choose(el, 'step', 'Initial temperature');
    await rendered;
    const step = goldenHeat('step', 1, 4);
    expect(step.variance).toBeNull();
    expect(readout(el, 'heatVariance')).toBe('—');
    expect(readout(el, 'heatExpected')).toBe('—');
    expect(readout(el, 'heatTotal')).toBe(`${step.initialHeat.toFixed(4)} → ${step.heat.toFixed(4)}`);
    expect(readout(el, 'heatDifference')).toBe(formatScientific(step.maxDifference, 1));
    expect(el.shadowRoot?.textContent).not.toContain('NaN');
  });

  it('names the allowed values of bad heat attributes and falls back to the defaults', async () => {
    const el = await mount('<mle-gaussian-uses panel="heat" profile="ring" time="9" diffusivity="0" lang="en"></mle-gaussian-uses>');
    const error = el.getAttribute('data-error') ?? '';
    expect(error).toContain('Initial temperature (profile) cannot be “ring”: allowed is one of point, step, spots.');
    expect(error).toContain('Time t (time) cannot be “9”: allowed is a number ≥ 0 and ≤ 4.');
    expect(error).toContain('Diffusivity D (diffusivity) cannot be “0”: allowed is a number ≥ 0.01 and ≤ 1.');
    await waitFor(() => el.dataset['ready'] === 'true');
    expect(readout(el, 'heatSteps')).toBe(String(goldenHeat('point', 0.5, 1).steps));
    expect(el.shadowRoot?.textContent).not.toContain('NaN');
  });
});
