import { afterEach, describe, expect, it } from 'vitest';
import { mount, nextRender, readout, typeInto, waitFor } from './support/mount.ts';

afterEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', location.pathname);
});

describe('<mle-nll-surface>', () => {
  it("draws the NLL map with the notebook's GD and Adam paths and the closed form", async () => {
    const el = await mount('<mle-nll-surface seed="42" mu="5" sigma="2" n="1000" lang="en"></mle-nll-surface>');
    expect(el.dataset['widget']).toBe('nll-surface');
    expect(el.hasAttribute('data-error')).toBe(false);
    // numpy, the notebook's loops from its default start (mean + 0.1·std, log std), max_iters=20000:
    // GD lr 0.0005 → μ 5.038676823235861, σ 1.9574524155493012 after 69 iterations;
    // Adam lr 0.05 → μ 5.038656935830904, σ 1.9574418685576829 after 175 iterations;
    // closed form x.mean() → 5.0386641116446516, x.std() → 1.9574524154947086;
    // the notebook's loss (constant dropped) nll_and_grads(x, mu, np.log(sigma))[0]: GD → 1171.6438398002829,
    // Adam → 1171.6438397896848, closed form n·log σ̂ + n/2 → 1171.6438397723934 — the optimiser race's numbers,
    // not −ℓ = 2090.582372977066, which adds n·log√(2π) = 918.9385332046727.
    expect(readout(el, 'gd-iterations')).toBe('69');
    expect(readout(el, 'gd-mu')).toBe('5.038677');
    expect(readout(el, 'gd-loss')).toBe('1171.6438');
    expect(readout(el, 'adam-loss')).toBe('1171.6438');
    expect(readout(el, 'adam-iterations')).toBe('175');
    expect(readout(el, 'adam-sigma')).toBe('1.957442');
    expect(readout(el, 'closed-mu')).toBe('5.038664');
    expect(readout(el, 'closed-sigma')).toBe('1.957452');
    expect(readout(el, 'closed-loss')).toBe('1171.6438');
    expect(el.shadowRoot?.querySelector('canvas')).not.toBeNull();
    // The screen-reader table lists both paths, starting at the notebook's start μ̂ + 0.1·σ̂ = 5.23441.
    const table = el.shadowRoot?.querySelector('table.sr-only');
    expect(table?.querySelector('tbody tr')?.textContent).toContain('5.23441');
  });

  it('starts both optimisers where the reader clicks, and from the keyboard', async () => {
    const el = await mount('<mle-nll-surface lang="en"></mle-nll-surface>');
    const over = el.shadowRoot?.querySelector<HTMLElement>('.surface-chart .u-over') as HTMLElement;
    const rect = over.getBoundingClientRect();
    over.dispatchEvent(new MouseEvent('mousemove', { clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2, bubbles: true }));
    // At the centre of the map the cursor reads the closed form's L (1171.644).
    await waitFor(() => readout(el, 'cursor').includes('J = 1171.644'));
    let rendered = nextRender(el);
    over.dispatchEvent(new MouseEvent('click', { clientX: rect.left + 1, clientY: rect.top + 1, bubbles: true, composed: true }));
    await rendered;
    // From the top-left corner (μ̂ − 0.25σ̂, log σ̂ + 0.125) the paths are longer than the notebook's.
    expect(readout(el, 'gd-iterations')).not.toBe('69');
    const firstRow = el.shadowRoot?.querySelector('table.sr-only tbody tr')?.textContent ?? '';
    expect(firstRow).toContain('4.5493');
    const chart = el.shadowRoot?.querySelector<HTMLElement>('.surface-chart') as HTMLElement;
    rendered = nextRender(el);
    chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await rendered;
    expect(el.shadowRoot?.querySelector('table.sr-only tbody tr')?.textContent).not.toContain('4.5493');
    rendered = nextRender(el);
    el.shadowRoot?.querySelector<HTMLButtonElement>('.key button')?.click();
    await rendered;
    expect(readout(el, 'gd-iterations')).toBe('69');
  });

  it('shows the divergence of a step size too large, and keeps the URL in step', async () => {
    history.replaceState(null, '', '?seed=42&n=1000');
    const el = await mount('<mle-nll-surface url-state lang="en"></mle-nll-surface>');
    const rendered = nextRender(el);
    // Along log σ the NLL's curvature is 2n = 2000 at the optimum: GD is unstable above 2/2000 = 0.001, and at 0.1 the iterates blow up (numpy: overflow after 69 steps).
    typeInto(el, 'GD learning rate', '0.1');
    await rendered;
    expect(readout(el, 'gd-status')).toBe('diverged');
    expect(el.shadowRoot?.querySelector('.warning')?.textContent).toContain('gradient descent diverged after');
    expect(readout(el, 'adam-status')).toBe('converged (|ΔL| < tolerance)');
    expect(new URLSearchParams(location.search).get('lr-gd')).toBe('0.1');
  });

  it('names the allowed range for bad attributes', async () => {
    const el = await mount('<mle-nll-surface n="5" lr-adam="-1" lang="zh"></mle-nll-surface>');
    await waitFor(() => el.dataset['ready'] === 'true');
    const error = el.getAttribute('data-error') ?? '';
    expect(error).toContain('样本量 n（n）不能是 “5”');
    expect(error).toContain('Adam 学习率（lr-adam）不能是 “-1”：允许 ≥ 0.00001 且 ≤ 10 的数。');
    expect(el.dataset['ready']).toBe('true');
    expect(readout(el, 'closed-mu')).toBe('5.038664');
  });
});
