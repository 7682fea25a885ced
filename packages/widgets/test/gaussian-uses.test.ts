import { afterEach, describe, expect, it } from 'vitest';
import uses from '../../worker/test/fixtures/gaussian-uses.json' with { type: 'json' };
import { mount, nextRender, readout, typeInto, waitFor } from './support/mount.ts';

afterEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', location.pathname);
});

function choosePanel(el: HTMLElement, value: string): void {
  const select = el.shadowRoot?.querySelector('select');
  if (!select) throw new Error('no panel select');
  select.value = value;
  select.dispatchEvent(new Event('change'));
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
    const expected = (kernel: number, threshold: number) => {
      const c = uses.cases.find((k) => k.seed === 42 && k.kernel === kernel && k.threshold === threshold);
      if (!c) throw new Error(`no golden case for σ = ${kernel}, threshold ${threshold}`);
      return c.edges;
    };
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
    expect(error).toContain('Use (panel) cannot be “laplace”: allowed is one of smoothing, edges, convolution, fourier.');
    expect(error).toContain('Kernel σ (samples) (kernel) cannot be “100”: allowed is a number ≥ 0.5 and ≤ 30.');
    await waitFor(() => el.dataset['ready'] === 'true');
    expect(readout(el, 'residualSd')).toBe('0.1208');
    expect(el.shadowRoot?.textContent).not.toContain('NaN');
  });
});
