import { fitDistribution, likelihoodTerms } from '@mle-lab/core';
import { afterEach, describe, expect, it } from 'vitest';
import { formatNumber } from '../src/shared/format.ts';
import { mount, nextRender, readout, typeInto, waitFor } from './support/mount.ts';

afterEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', location.pathname);
});

const coin = [1, 1, 0, 1, 1, 1, 0, 1, 0, 1];

describe('<mle-likelihood-explorer>', () => {
  it("shows core's ℓ, product and MLE for a coin, and says what a likelihood is", async () => {
    const el = await mount(`<mle-likelihood-explorer model="bernoulli" data="${coin.join(',')}" lang="en"></mle-likelihood-explorer>`);
    expect(el.dataset['widget']).toBe('likelihood-explorer');
    expect(el.hasAttribute('data-error')).toBe(false);
    const t = likelihoodTerms(coin, 'bernoulli', { prob: 0.5 });
    expect(readout(el, 'logLik')).toBe(formatNumber(t.logLikelihood)); // 10 ln 0.5
    expect(readout(el, 'logLik')).toBe('−6.9315');
    expect(readout(el, 'product')).toBe('9.766 × 10⁻⁴'); // 0.5¹⁰
    const fit = fitDistribution(coin, 'bernoulli');
    expect(readout(el, 'mle')).toContain(formatNumber(fit.estimates['prob'] as number));
    expect(readout(el, 'mleLogLik')).toBe(formatNumber(fit.logLikelihood));
    expect(el.shadowRoot?.textContent).toContain('the likelihood is a function of the parameter, not a probability of it');
    expect(el.shadowRoot?.querySelectorAll('canvas').length).toBeGreaterThanOrEqual(2);
    expect(el.shadowRoot?.querySelectorAll('table.sr-only tbody tr').length).toBe(coin.length);
    expect(el.shadowRoot?.querySelector('.code')?.textContent).toContain('stats.bernoulli.logpmf(x, 0.5)');
    // Only the coin's p is offered.
    const visible = [...(el.shadowRoot?.querySelectorAll<HTMLFieldSetElement>('fieldset') ?? [])].filter((f) => f.style.display !== 'none' && !f.hidden).map((f) => f.textContent ?? '');
    expect(visible.join(' ')).toContain('Heads probability p');
    expect(visible.join(' ')).not.toContain('Mean μ');
  });

  it('moves the candidate live and jumps to the MLE', async () => {
    const data = [2, 0, 1, 3, 1, 0, 2, 1, 4, 0, 1, 2];
    const el = await mount(`<mle-likelihood-explorer model="poisson" data="${data.join(',')}" lambda="3" lang="en"></mle-likelihood-explorer>`);
    expect(readout(el, 'logLik')).toBe(formatNumber(likelihoodTerms(data, 'poisson', { lambda: 3 }).logLikelihood));
    let rendered = nextRender(el);
    typeInto(el, 'Mean count λ', '1');
    await rendered;
    expect(readout(el, 'logLik')).toBe(formatNumber(likelihoodTerms(data, 'poisson', { lambda: 1 }).logLikelihood));
    rendered = nextRender(el);
    [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Jump to the MLE')?.click();
    await rendered;
    const fit = fitDistribution(data, 'poisson');
    expect(readout(el, 'logLik')).toBe(formatNumber(fit.logLikelihood));
    expect(readout(el, 'logLik')).toBe(readout(el, 'mleLogLik'));
  });

  it('moves the selected point with the keyboard and writes the data to the URL', async () => {
    const el = await mount('<mle-likelihood-explorer url-state model="exponential" data="0.5,1,2" rate="1" lang="en"></mle-likelihood-explorer>');
    const chart = el.shadowRoot?.querySelector<HTMLElement>('.chart[tabindex="0"]');
    expect(chart).toBeTruthy();
    const rendered = nextRender(el);
    chart?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await rendered;
    expect(new URLSearchParams(location.search).get('data')).toBe('0.6,1,2');
    expect(readout(el, 'logLik')).toBe(formatNumber(likelihoodTerms([0.6, 1, 2], 'exponential', { rate: 1 }).logLikelihood));
  });

  it('normal: the trace follows σ when σ is the one moved', async () => {
    const el = await mount('<mle-likelihood-explorer model="normal" data="4,5,6,7" mu="5.5" sigma="1" lang="en"></mle-likelihood-explorer>');
    for (const s of ['1.5', '2']) {
      const rendered = nextRender(el);
      typeInto(el, 'Std σ', s);
      await rendered;
    }
    // ℓ at σ = 2 (μ = 5.5) from core, and the trace's legend names σ.
    expect(readout(el, 'logLik')).toBe(formatNumber(likelihoodTerms([4, 5, 6, 7], 'normal', { mean: 5.5, sd: 2 }).logLikelihood));
    expect(el.shadowRoot?.querySelectorAll('.chart')[1]?.textContent).toContain('σ');
  });

  it('normal: the MLE of a constant sample does not exist, and the widget says so', async () => {
    const el = await mount('<mle-likelihood-explorer model="normal" data="3,3,3" mu="3" sigma="1" lang="en"></mle-likelihood-explorer>');
    expect(readout(el, 'mle')).toBe('—');
    expect(el.shadowRoot?.querySelector('[data-readout="status"]')?.textContent).toContain('No MLE for these points');
    const jump = [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Jump to the MLE');
    expect(jump?.disabled).toBe(true);
  });

  it('rejects bad input with a visible message and keeps working: absurd parameters, empty data, a script tag, points the model cannot have', async () => {
    const el = await mount('<mle-likelihood-explorer model="bernoulli" data="<script>alert(1)</script>" p="5" lang="en"></mle-likelihood-explorer>');
    const error = el.getAttribute('data-error') ?? '';
    expect(error).toContain('Data (data) cannot be “<script>alert(1)</script…”');
    expect(error).toContain('Heads probability p (p) cannot be “5”');
    await waitFor(() => el.dataset['ready'] === 'true');
    expect(el.shadowRoot?.querySelector('script')).toBeNull();
    // The coin's preset at p = 0.5.
    expect(readout(el, 'logLik')).toBe('−6.9315');
    const empty = await mount('<mle-likelihood-explorer model="poisson" data="" lang="en"></mle-likelihood-explorer>');
    expect(empty.getAttribute('data-error')).toContain('Data (data) cannot be “”');
    const wrong = await mount('<mle-likelihood-explorer model="poisson" data="1,2.5,3" lang="en"></mle-likelihood-explorer>');
    expect(wrong.getAttribute('data-error')).toContain('The Counts (Poisson) model does not accept these points: 2.5 (only non-negative integers)');
    expect(wrong.shadowRoot?.textContent).not.toContain('NaN');
  });

  it('speaks Chinese on a Chinese page', async () => {
    const el = await mount(`<mle-likelihood-explorer model="bernoulli" data="${coin.join(',')}" lang="zh-CN"></mle-likelihood-explorer>`);
    expect(el.shadowRoot?.textContent).toContain('似然是参数的函数，而不是参数的概率');
  });
});
