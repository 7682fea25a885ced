import { afterEach, describe, expect, it } from 'vitest';
import { mount, nextRender, readout, typeInto, waitFor } from './support/mount.ts';

afterEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', location.pathname);
});

describe('<mle-bias-simulator>', () => {
  it("shows numpy's averages of σ̂² and s² against the theory", async () => {
    const el = await mount('<mle-bias-simulator n="5" sigma="2" repetitions="10000" seed="42" lang="en"></mle-bias-simulator>');
    expect(el.dataset['widget']).toBe('bias-simulator');
    expect(el.hasAttribute('data-error')).toBe(false);
    // numpy 2.4: x = np.random.RandomState(42).normal(0.0, 2.0, size=(10000, 5))
    //            x.var(axis=1).mean() → 3.19370…, x.var(axis=1, ddof=1).mean() → 3.99212…
    expect(readout(el, 'meanMle')).toBe('3.1937');
    expect(readout(el, 'meanUnbiased')).toBe('3.9921');
    // The theory: σ² = 4 and (n−1)σ²/n = 4·4/5 = 3.2.
    expect(readout(el, 'sigma2')).toBe('4.0000');
    expect(readout(el, 'expected')).toBe('3.2000');
    expect(readout(el, 'repetitions')).toBe('10,000');
    expect(el.shadowRoot?.querySelector('canvas')).not.toBeNull();
    expect(el.shadowRoot?.querySelectorAll('table.sr-only tbody tr').length).toBeGreaterThan(10);
    expect(el.shadowRoot?.querySelector('.code')?.textContent).toContain('rs.normal(0.0, 2.0, size=(10000, 5))');
  });

  it('reacts to a control: with n = 2 the MLE averages about half of σ²', async () => {
    const el = await mount('<mle-bias-simulator n="5" sigma="1" repetitions="1000" seed="42" lang="en"></mle-bias-simulator>');
    const rendered = nextRender(el);
    typeInto(el, 'Sample size n', '2');
    await rendered;
    // numpy 2.4: x = np.random.RandomState(42).normal(0.0, 1.0, size=(1000, 2)); x.var(axis=1).mean() → 0.48709890406639245
    expect(readout(el, 'meanMle')).toBe('0.4871');
    expect(readout(el, 'meanUnbiased')).toBe('0.9742');
    expect(readout(el, 'expected')).toBe('0.5000');
  });

  it('reads its state from the URL and writes it back', async () => {
    history.replaceState(null, '', '?n=10&sigma=2&repetitions=1000&seed=7');
    const el = await mount('<mle-bias-simulator url-state lang="en"></mle-bias-simulator>');
    // numpy 2.4: np.random.RandomState(7).normal(0.0, 2.0, size=(1000, 10)).var(axis=1).mean() → 3.5201037082778557
    expect(readout(el, 'meanMle')).toBe('3.5201');
    expect(readout(el, 'expected')).toBe('3.6000');
    const rendered = nextRender(el);
    typeInto(el, 'Repetitions', '200');
    await rendered;
    expect(new URLSearchParams(location.search).get('repetitions')).toBe('200');
    expect(readout(el, 'repetitions')).toBe('200');
  });

  it('shows errors for out-of-range values and keeps working', async () => {
    const el = await mount('<mle-bias-simulator n="1" repetitions="5" seed="42" lang="en"></mle-bias-simulator>');
    const error = el.getAttribute('data-error') ?? '';
    expect(error).toContain('Sample size n (n) cannot be “1”: allowed is an integer ≥ 2 and ≤ 1,000');
    expect(error).toContain('Repetitions (repetitions) cannot be “5”: allowed is an integer ≥ 100 and ≤ 100,000');
    await waitFor(() => el.dataset['ready'] === 'true');
    // Defaults kept: n = 5, σ = 2, 10,000 repetitions.
    expect(readout(el, 'meanMle')).toBe('3.1937');
    expect(el.shadowRoot?.textContent).not.toContain('NaN');
  });

  it('shows a progress bar for a long run and stops it on Cancel', async () => {
    const el = await mount('<mle-bias-simulator n="5" repetitions="100" lang="en"></mle-bias-simulator>');
    const before = readout(el, 'meanMle');
    typeInto(el, 'Sample size n', '1000');
    typeInto(el, 'Repetitions', '100000');
    const progress = el.shadowRoot?.querySelector<HTMLElement>('.progress');
    await waitFor(() => progress?.hidden === false, 10_000);
    progress?.querySelector('button')?.click();
    await waitFor(() => (el.shadowRoot?.querySelector('.status')?.textContent ?? '').startsWith('Cancelled'), 5_000);
    expect(progress?.hidden).toBe(true);
    expect(readout(el, 'meanMle')).toBe(before);
    expect(el.hasAttribute('data-error')).toBe(false);
  });
});
