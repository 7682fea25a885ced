import { afterEach, describe, expect, it } from 'vitest';
import { mount, nextRender, readout, typeInto, waitFor } from './support/mount.ts';

afterEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', location.pathname);
});

// Reference values: numpy 2.4 / scipy 1.17 on np.random.seed(42); x = np.random.normal(5.0, 2.0, 1000);
// mu, s2 = x.mean(), x.var(); n = 1000; S = ((x - mu)**2).sum().

describe('<mle-likelihood-curve>', () => {
  it('marks the maximum of ℓ(μ) and ℓ(σ²) and the sign of ℓ’’ there', async () => {
    const el = await mount('<mle-likelihood-curve seed="42" mu="5" sigma="2" n="1000" lang="en"></mle-likelihood-curve>');
    expect(el.dataset['widget']).toBe('likelihood-curve');
    expect(el.hasAttribute('data-error')).toBe(false);
    expect(readout(el, 'mu')).toBe('5.0387');
    expect(readout(el, 'sigma2')).toBe('3.8316');
    // scipy.stats.norm.logpdf(x, mu, np.sqrt(s2)).sum() → -2090.582372977066
    expect(readout(el, 'loglik')).toBe('−2090.58');
    // ℓ''(μ̂) = −n/σ̂² → -260.98621750584084; ℓ''(σ̂²) = −n/(2σ̂⁴) → -34.05690286400303
    expect(readout(el, 'curvMu')).toBe('−260.9862 (< 0: a maximum)');
    expect(readout(el, 'curvSigma2')).toBe('−34.0569 (< 0: a maximum)');
    expect(el.shadowRoot?.querySelectorAll('canvas').length).toBeGreaterThanOrEqual(2);
    expect(el.shadowRoot?.querySelectorAll('table.sr-only').length).toBe(2);
  });

  it('shows the score at a point the reader types or drags', async () => {
    const el = await mount('<mle-likelihood-curve seed="42" lang="en"></mle-likelihood-curve>');
    typeInto(el, 'Slope at μ =', '5');
    // n·(x̄ − 5)/σ̂² → 10.090800251361145
    await waitFor(() => readout(el, 'scoreMu') === '10.0908 @ μ = 5.0000');
    typeInto(el, 'Slope at σ² =', '4');
    // (S − n·4)/(2·4²) → -5.2618762835603405
    await waitFor(() => readout(el, 'scoreSigma2') === '−5.2619 @ σ² = 4.0000');

    // Drag on the ℓ(μ) chart: pointer down at the left edge of the plot, move to its right edge.
    const over = el.shadowRoot?.querySelector<HTMLElement>('.u-over');
    if (!over) throw new Error('no plot overlay');
    const rect = over.getBoundingClientRect();
    const at = (type: string, x: number) =>
      over.dispatchEvent(new PointerEvent(type, { bubbles: true, pointerId: 7, clientX: x, clientY: rect.top + rect.height / 2 }));
    const score = () => Number(readout(el, 'scoreMu').split(' @')[0]?.replace('−', '-'));
    // The slice spans μ̂ ± z·SE with z = 4.0128 (level 0.99994), where the score n(x̄ − μ)/σ̂² is
    // ±z·√(n/σ̂²) = ±64.83: near the left edge it is close to +64.8, near the right edge to −64.8.
    at('pointerdown', rect.left + 2);
    await waitFor(() => score() > 60);
    at('pointermove', rect.right - 2);
    at('pointerup', rect.right - 2);
    await waitFor(() => score() < -60);
    const probe = [...(el.shadowRoot?.querySelectorAll<HTMLInputElement>('input[type="number"]') ?? [])].find(
      (i) => el.shadowRoot?.querySelector(`label[for="${i.id}"]`)?.textContent === 'Slope at μ =',
    );
    expect(Number(probe?.value)).toBeGreaterThan(5.2);
  });

  it('reads its state from the URL and writes it back', async () => {
    history.replaceState(null, '', '?seed=42&mu=5&sigma=2&n=1000');
    const el = await mount('<mle-likelihood-curve url-state lang="en"></mle-likelihood-curve>');
    expect(readout(el, 'mu')).toBe('5.0387');
    const rendered = nextRender(el);
    typeInto(el, 'Sample size n', '100');
    await rendered;
    expect(new URLSearchParams(location.search).get('n')).toBe('100');
    // numpy: np.random.seed(42); x = np.random.normal(5.0, 2.0, 100); -100 / x.var() → -30.617661298690525
    expect(readout(el, 'curvMu')).toBe('−30.6177 (< 0: a maximum)');
  });

  it('shows errors for bad values and keeps working (zh)', async () => {
    const el = await mount('<mle-likelihood-curve seed="42" mu="500" sigma="0" lang="zh"></mle-likelihood-curve>');
    const error = el.getAttribute('data-error') ?? '';
    expect(error).toContain('真实均值 μ（mu）不能是 “500”');
    expect(error).toContain('真实标准差 σ（sigma）不能是 “0”');
    await waitFor(() => el.dataset['ready'] === 'true');
    expect(readout(el, 'mu')).toBe('5.0387');
    expect(readout(el, 'curvMu')).toBe('−260.9862 (< 0：极大值)');
  });
});
