import { afterEach, describe, expect, it } from 'vitest';
import { mount, nextRender, readout, typeInto, waitFor } from './support/mount.ts';

afterEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', location.pathname);
});

/** Picks an option of a widget's select (a choice parameter) as a reader would. */
function choose(element: HTMLElement, label: string, value: string): void {
  const select = [...(element.shadowRoot?.querySelectorAll('select') ?? [])].find(
    (s) => element.shadowRoot?.querySelector(`label[for="${s.id}"]`)?.textContent === label,
  );
  if (!select) throw new Error(`choose: no select labelled ${label}`);
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

describe('<mle-optimizer-race>', () => {
  it("replays the notebook's race: GD (lr 0.0005) against Adam (lr 0.05) on seed 42", async () => {
    const el = await mount('<mle-optimizer-race seed="42" mu="5" sigma="2" n="1000" lang="en"></mle-optimizer-race>');
    expect(el.dataset['widget']).toBe('optimizer-race');
    expect(el.hasAttribute('data-error')).toBe(false);
    // The notebook's code (numpy): np.random.seed(42); x = np.random.normal(5.0, 2.0, 1000)
    // gradient_descent_mle_basic(x, lr_mu=0.0005, lr_rho=0.0005, max_iters=20000)
    //   → (5.038676823235861, 1.9574524155493012, 1171.6438398002829) after 69 iterations
    // gradient_descent_mle_adam(x, lr_mu=0.05, lr_rho=0.05, max_iters=20000)
    //   → (5.038656935830904, 1.9574418685576829, 1171.6438397896848) after 175 iterations
    // closed form: x.mean() → 5.0386641116446516, x.std() → 1.9574524154947086,
    //   n·log σ̂ + n/2 → 1171.6438397723934
    expect(readout(el, 'gd-iterations')).toBe('69');
    expect(readout(el, 'gd-mu')).toBe('5.038677');
    expect(readout(el, 'gd-sigma')).toBe('1.957452');
    expect(readout(el, 'gd-loss')).toBe('1171.6438');
    expect(readout(el, 'adam-iterations')).toBe('175');
    expect(readout(el, 'adam-mu')).toBe('5.038657');
    expect(readout(el, 'adam-sigma')).toBe('1.957442');
    expect(readout(el, 'closed-mu')).toBe('5.038664');
    expect(readout(el, 'closed-sigma')).toBe('1.957452');
    expect(readout(el, 'closed-loss')).toBe('1171.6438');
    expect(readout(el, 'gd-status')).toBe('converged (|ΔL| < tolerance)');
    expect(el.shadowRoot?.querySelectorAll('canvas').length).toBeGreaterThanOrEqual(4);
    expect(el.shadowRoot?.querySelectorAll('table.sr-only').length).toBe(4);
  });

  it("shows the divergence of a step too large for 'sum' at n = 1,000,000, then recovers with 'mean'", async () => {
    const el = await mount('<mle-optimizer-race seed="42" n="1000000" lang="en"></mle-optimizer-race>', 60_000);
    expect(el.hasAttribute('data-error')).toBe(false);
    expect(readout(el, 'gd-status')).toBe('diverged');
    const status = el.shadowRoot?.querySelector('.warning')?.textContent ?? '';
    expect(status).toContain('gradient descent diverged after');
    expect(status).toContain("with reduction 'sum' the gradient grows with n = 1,000,000");
    // The partial history is drawn, not a blank chart: the μ table holds gradient-descent values.
    const muTable = el.shadowRoot?.querySelectorAll('table.sr-only')[0];
    const firstRow = muTable?.querySelector('tbody tr');
    expect(firstRow?.querySelectorAll('td')[1]?.textContent).not.toBe('');
    // Adam's normalised step does not care about the scale of the loss.
    expect(readout(el, 'adam-status')).toBe('converged (|ΔL| < tolerance)');
    const rendered = nextRender(el);
    choose(el, 'Loss: sum or mean', 'mean');
    await rendered;
    expect(readout(el, 'gd-status')).not.toBe('diverged');
    expect(el.shadowRoot?.querySelector('.warning')?.textContent).toBe('');
  }, 60_000);

  it('reacts to a learning rate and keeps its state in the URL', async () => {
    history.replaceState(null, '', '?seed=42&n=1000&lr-gd=0.0001&iterations=50');
    const el = await mount('<mle-optimizer-race url-state lang="en"></mle-optimizer-race>');
    // With lr 0.0001 GD is slow: 50 iterations are not enough (numpy: same loop, max_iters=50).
    expect(readout(el, 'gd-iterations')).toBe('50');
    expect(readout(el, 'gd-status')).toBe('not converged within the iteration limit');
    const rendered = nextRender(el);
    typeInto(el, 'GD learning rate', '0.0005');
    await rendered;
    expect(readout(el, 'gd-iterations')).toBe('50');
    expect(new URLSearchParams(location.search).get('lr-gd')).toBe('0.0005');
    expect(new URLSearchParams(location.search).get('iterations')).toBe('50');
  });

  it('names the allowed range for bad values', async () => {
    const el = await mount('<mle-optimizer-race lr-gd="0" reduction="max" n="2000000" lang="en"></mle-optimizer-race>');
    await waitFor(() => el.dataset['ready'] === 'true');
    const error = el.getAttribute('data-error') ?? '';
    expect(error).toContain('GD learning rate (lr-gd) cannot be “0”: allowed is a number ≥ 1e-7 and ≤ 10.');
    expect(error).toContain('Loss: sum or mean (reduction) cannot be “max”: allowed is one of sum, mean.');
    expect(error).toContain('Sample size n (n) cannot be “2000000”: allowed is an integer ≥ 10 and ≤ 1,000,000.');
    expect(el.dataset['ready']).toBe('true');
    expect(readout(el, 'gd-iterations')).toBe('69');
  });
});
