import { afterEach, describe, expect, it } from 'vitest';
import { mount, nextRender, readout, typeInto, waitFor } from './support/mount.ts';

afterEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', location.pathname);
});

function button(el: HTMLElement, text: string): HTMLButtonElement {
  const b = [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find((x) => x.textContent === text);
  if (!b) throw new Error(`no button ${text}`);
  return b;
}

function componentMeans(el: HTMLElement): string[] {
  return [...(el.shadowRoot?.querySelectorAll('.params-table tbody tr') ?? [])].map((tr) => tr.children[2]?.textContent ?? '').toSorted();
}

// Reference values: scikit-learn 1.9 / scipy 1.17 on the lab's data,
//   rs = np.random.RandomState(42); c = np.searchsorted(np.cumsum(w / w.sum()), rs.random_sample(1000), side='right')
//   x = mu[c] + sd[c] * rs.standard_normal(1000)
// bimodal (the beyond-mle page's example): w = [0.3, 0.7], mu = [-2, 3], sd = [1, 1.5]; skewed: w = [0.7, 0.3], mu = [0, 2.5], sd = [1, 2].

describe('<mle-mixture-lab>', () => {
  it('steps EM and runs it to the optimum scikit-learn finds; BIC picks K = 2', async () => {
    const el = await mount('<mle-mixture-lab seed="42" shape="bimodal" lang="en"></mle-mixture-lab>');
    expect(el.dataset['widget']).toBe('mixture-lab');
    expect(el.hasAttribute('data-error')).toBe(false);
    expect(readout(el, 'iteration')).toBe('0');
    // norm.logpdf(x, x.mean(), x.std()).sum() → -2417.3831525576197 (the page's single-normal ℓ)
    expect(readout(el, 'single')).toBe('−2417.38');
    // GaussianMixture(k, random_state=42, tol=1e-6, max_iter=500).fit(x).bic(x) for k = 1 … 4 → 4848.58, 4531.87, 4552.26, 4572.10
    expect(readout(el, 'bestK')).toBe('2');
    expect(el.shadowRoot?.querySelectorAll('canvas').length).toBeGreaterThanOrEqual(3);
    const start = Number(readout(el, 'loglik').replace('−', '-'));

    button(el, 'One EM step').click();
    await waitFor(() => readout(el, 'iteration') === '1');
    expect(Number(readout(el, 'loglik').replace('−', '-'))).toBeGreaterThanOrEqual(start);

    button(el, 'Run to convergence').click();
    await waitFor(() => el.shadowRoot?.querySelector('.status')?.textContent === 'Converged.');
    // gm = GaussianMixture(2, tol=1e-10).fit(x): gm.score(x)*1000 → -2248.663519488613, means_ → [-1.91316386, 3.13364889]
    expect(readout(el, 'loglik')).toBe('−2248.66');
    expect(componentMeans(el)).toEqual(['3.1336', '−1.9132']);
    expect(Number(readout(el, 'iteration'))).toBeGreaterThan(1);
    expect(el.shadowRoot?.querySelectorAll('table.sr-only').length).toBe(3);
  });

  it('shows the numbers the beyond-mle page quotes for it (zh and en pages, the paragraph under the widget)', async () => {
    const el = await mount('<mle-mixture-lab seed="42" shape="bimodal" lang="en"></mle-mixture-lab>');
    const weights = () => [...(el.shadowRoot?.querySelectorAll('.params-table tbody tr') ?? [])].map((tr) => tr.children[1]?.textContent ?? '').toSorted();
    // core, as the worker runs it: fitGaussianMixture(x, { components: 2, seed: 42, maxIterations: 0 }) → ℓ -2264.861869607542,
    // then EM with tolerance 1e-10 → -2248.6635194924356 after 28 iterations, weights 0.31653, 0.68347, BIC 4531.865815379782
    expect(readout(el, 'loglik')).toBe('−2264.86');
    button(el, 'Run to convergence').click();
    await waitFor(() => el.shadowRoot?.querySelector('.status')?.textContent === 'Converged.');
    expect(readout(el, 'loglik')).toBe('−2248.66');
    expect(readout(el, 'iteration')).toBe('28');
    expect(weights()).toEqual(['0.3165', '0.6835']);
    expect(readout(el, 'bic')).toBe('4531.87');
    // K = 3: stops at the 500-iteration limit with ℓ -2248.4447544665554 (0.22 above K = 2), BIC 4552.151551164968
    let rendered = nextRender(el);
    typeInto(el, 'Components K', '3');
    await rendered;
    button(el, 'Run to convergence').click();
    await waitFor(() => el.shadowRoot?.querySelector('.status')?.textContent === 'Stopped at 500 iterations.');
    expect(readout(el, 'loglik')).toBe('−2248.44');
    expect(readout(el, 'bic')).toBe('4552.15');
    // skewed, K = 2: from -1880.6233254387662 to -1856.4786099658934 in 226 iterations
    rendered = nextRender(el);
    const select = el.shadowRoot?.querySelector('select');
    if (!select) throw new Error('no shape select');
    select.value = 'skewed';
    select.dispatchEvent(new Event('change'));
    await rendered;
    rendered = nextRender(el);
    typeInto(el, 'Components K', '2');
    await rendered;
    expect(readout(el, 'loglik')).toBe('−1880.62');
    button(el, 'Run to convergence').click();
    await waitFor(() => el.shadowRoot?.querySelector('.status')?.textContent === 'Converged.');
    expect(readout(el, 'loglik')).toBe('−1856.48');
    expect(readout(el, 'iteration')).toBe('226');
  });

  it('reacts to the shape and the number of components', async () => {
    const el = await mount('<mle-mixture-lab seed="42" shape="bimodal" lang="en"></mle-mixture-lab>');
    const rendered = nextRender(el);
    const select = el.shadowRoot?.querySelector('select');
    if (!select) throw new Error('no shape select');
    select.value = 'skewed';
    select.dispatchEvent(new Event('change'));
    await rendered;
    // skewed: norm.logpdf(x, x.mean(), x.std()).sum() → -1953.077711171993; BIC → 3919.97, 3747.50, 3761.52, 3780.09
    expect(readout(el, 'single')).toBe('−1953.08');
    expect(readout(el, 'bestK')).toBe('2');
    const again = nextRender(el);
    typeInto(el, 'Components K', '3');
    await again;
    expect(el.shadowRoot?.querySelectorAll('.params-table tbody tr').length).toBe(3);
    expect(readout(el, 'iteration')).toBe('0');
  });

  it('reads its state from the URL and writes it back', async () => {
    history.replaceState(null, '', '?shape=skewed&seed=42&components=1');
    const el = await mount('<mle-mixture-lab url-state lang="en"></mle-mixture-lab>');
    expect(readout(el, 'single')).toBe('−1953.08');
    expect(el.shadowRoot?.querySelectorAll('.params-table tbody tr').length).toBe(1);
    const rendered = nextRender(el);
    typeInto(el, 'Components K', '2');
    await rendered;
    expect(new URLSearchParams(location.search).get('components')).toBe('2');
    expect(new URLSearchParams(location.search).get('shape')).toBe('skewed');
  });

  it('shows errors for bad values and keeps working (zh)', async () => {
    const el = await mount('<mle-mixture-lab seed="42" shape="triangle" components="9" lang="zh"></mle-mixture-lab>');
    const error = el.getAttribute('data-error') ?? '';
    expect(error).toContain('数据形状（shape）不能是 “triangle”：允许 以下之一：bimodal, skewed。');
    expect(error).toContain('分量数 K（components）不能是 “9”');
    await waitFor(() => el.dataset['ready'] === 'true');
    expect(readout(el, 'single')).toBe('−2417.38');
    expect(button(el, 'EM 走一步').disabled).toBe(false);
  });
});
