import { asymptoticStandardErrors, confidenceIntervals, createRandomState, fitDistribution, getFamily } from '@mle-lab/core';
import { afterEach, describe, expect, it } from 'vitest';
import { formatNumber } from '../src/shared/format.ts';
import { mount, nextRender, readout, typeInto, waitFor } from './support/mount.ts';

afterEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', location.pathname);
});

const percentOf = (text: string) => Number(text.replace('%', '')) / 100;

describe('<mle-sampling-lab>', () => {
  it('exponential rate, n = 10: profile coverage near 95 %, Wald misses almost only on one side; numbers from core', async () => {
    const el = await mount('<mle-sampling-lab family="exponential" parameter="rate" params="rate=1" n="10" repetitions="10000" seed="42" lang="en"></mle-sampling-lab>', 60_000);
    expect(el.dataset['widget']).toBe('sampling-lab');
    expect(el.hasAttribute('data-error')).toBe(false);
    // numpy 2.4, 200,000 repetitions: Wald 0.9549 (3.9 % below λ, 0.6 % above), profile 0.9479.
    // Monte Carlo SE at 10,000 repetitions ≈ 0.0022; 3 SE ≈ 0.007.
    expect(Math.abs(percentOf(readout(el, 'coverProfile')) - 0.9479)).toBeLessThan(0.007);
    const [below = '', above = ''] = readout(el, 'missWald').split(' / ');
    expect(percentOf(below)).toBeGreaterThan(0.03);
    expect(percentOf(above)).toBeLessThan(0.01);
    expect(readout(el, 'theorySe')).toBe(formatNumber(asymptoticStandardErrors('exponential', { rate: 1 }, 10)['rate'] as number));
    expect(readout(el, 'truth')).toBe('rate = 1.0000');
    // E[λ̂] = nλ/(n − 1) = 1.111…: the MLE of a rate is biased up for small n.
    expect(Number(readout(el, 'bias').replace('−', '-'))).toBeGreaterThan(0.08);
    // The first 100 intervals: core's fits of the first samples of RandomState(42).
    const rs = createRandomState(42);
    const x = getFamily('exponential').sample(rs, { rate: 1 }, 10);
    const fit = fitDistribution(x, 'exponential');
    const rows = el.shadowRoot?.querySelectorAll('table.sr-only tbody tr');
    expect(rows?.length).toBe(100);
    const first = [...(rows?.[0]?.querySelectorAll('td') ?? [])].map((c) => c.textContent);
    expect(first.join(' ')).toContain(String(confidenceIntervals(x, fit, { method: 'profile' })['rate']?.lower).slice(0, 6));
    expect(el.shadowRoot?.querySelectorAll('canvas').length).toBeGreaterThanOrEqual(3);
    expect(el.shadowRoot?.querySelector('.code')?.textContent).toContain('rs.exponential(1 / 1.0, n)');
    expect(el.shadowRoot?.textContent).not.toContain('NaN');
  });

  it('a coin with p = 0.1, n = 10: Wald intervals under-cover where profile intervals do not', async () => {
    const el = await mount('<mle-sampling-lab family="bernoulli" parameter="prob" params="p=0.1" n="10" repetitions="2000" seed="3" lang="en"></mle-sampling-lab>', 60_000);
    expect(percentOf(readout(el, 'coverWald'))).toBeLessThan(0.75);
    expect(percentOf(readout(el, 'coverProfile'))).toBeGreaterThan(0.93);
  });

  it("the normal shows σ̂²'s mean beside (n−1)σ²/n, and a control reruns it", async () => {
    const el = await mount('<mle-sampling-lab url-state family="normal" parameter="sd" params="mu=0,sigma=2" n="5" repetitions="2000" seed="1" lang="en"></mle-sampling-lab>', 60_000);
    expect(readout(el, 'sigma2Theory')).toBe('3.2000 (σ² = 4.0000)');
    // Var(σ̂²) = 2(n−1)σ⁴/n² = 5.12; 4 SE of a mean of 2,000 ≈ 0.2.
    expect(Math.abs(Number(readout(el, 'sigma2')) - 3.2)).toBeLessThan(0.2);
    const rendered = nextRender(el);
    typeInto(el, 'Sample size n', '50');
    await rendered;
    expect(readout(el, 'sigma2Theory')).toBe('3.9200 (σ² = 4.0000)');
    expect(new URLSearchParams(location.search).get('n')).toBe('50');
  });

  it('shows a progress bar for a long run and stops it on Cancel', async () => {
    const el = await mount('<mle-sampling-lab family="gamma" parameter="shape" n="10" repetitions="100" lang="en"></mle-sampling-lab>', 60_000);
    const before = readout(el, 'mean');
    typeInto(el, 'Repetitions', '100000');
    typeInto(el, 'Sample size n', '100');
    const progress = el.shadowRoot?.querySelector<HTMLElement>('.progress');
    await waitFor(() => progress?.hidden === false, 10_000);
    progress?.querySelector('button')?.click();
    await waitFor(() => (el.shadowRoot?.querySelector('.status')?.textContent ?? '').startsWith('Cancelled'), 5_000);
    expect(readout(el, 'mean')).toBe(before);
  });

  it('rejects bad input: absurd parameters, a script tag, unknown names', async () => {
    const el = await mount('<mle-sampling-lab family="exponential" params="rate=-1" n="10" repetitions="100" lang="en"></mle-sampling-lab>', 60_000);
    expect(el.getAttribute('data-error')).toMatch(/rate must be a finite number > 0, got -1/);
    const script = await mount('<mle-sampling-lab family="exponential" params="<script>alert(1)</script>" n="10" repetitions="100" lang="en"></mle-sampling-lab>', 60_000);
    expect(script.getAttribute('data-error')).toContain('True parameters “<script>alert(1)</script>” are not valid');
    expect(script.shadowRoot?.querySelector('script')).toBeNull();
    const absurd = await mount('<mle-sampling-lab family="poisson" params="lambda=3" n="0" repetitions="1e9" lang="en"></mle-sampling-lab>', 60_000);
    const error = absurd.getAttribute('data-error') ?? '';
    expect(error).toContain('Sample size n (n) cannot be “0”');
    expect(error).toContain('Repetitions (repetitions) cannot be “1e9”');
    await waitFor(() => absurd.dataset['ready'] === 'true', 60_000);
    const unknown = await mount('<mle-sampling-lab family="poisson" params="rate=2" n="10" repetitions="100" lang="en"></mle-sampling-lab>', 60_000);
    expect(unknown.shadowRoot?.querySelector('[data-readout="status"]')?.textContent).toContain('Ignored, not parameters of this family: rate');
    expect(readout(unknown, 'truth')).toBe('lambda = 3.0000');
  });

  it('speaks Chinese on a Chinese page', async () => {
    const el = await mount('<mle-sampling-lab repetitions="100" lang="zh"></mle-sampling-lab>', 60_000);
    expect(el.shadowRoot?.textContent).toContain('轮廓似然区间更接近名义水平');
  });
});
