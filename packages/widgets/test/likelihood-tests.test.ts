import { fitDistribution, likelihoodTests } from '@mle-lab/core';
import { afterEach, describe, expect, it } from 'vitest';
import { formatNumber } from '../src/shared/format.ts';
import { mount, nextRender, readout, typeInto, waitFor } from './support/mount.ts';

afterEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', location.pathname);
});

const waits = [0.4, 1.9, 0.7, 3.1, 0.2, 1.2, 0.9, 2.4, 0.5, 1.6];

/** The readouts of the three tests as core's likelihoodTests gives them, formatted as the widget does. */
function expected(data: number[], family: 'exponential' | 'gamma' | 'normal', hypothesis: Record<string, number>) {
  const t = likelihoodTests(data, fitDistribution(data, family), hypothesis);
  return { wald: formatNumber(t.wald.statistic), lr: formatNumber(t.likelihoodRatio.statistic), score: formatNumber(t.score.statistic), t };
}

describe('<mle-likelihood-tests>', () => {
  it("shows core's Wald, likelihood-ratio and score statistics and p-values", async () => {
    const el = await mount(`<mle-likelihood-tests family="exponential" parameter="rate" data="${waits.join(',')}" null="1" lang="en"></mle-likelihood-tests>`);
    expect(el.dataset['widget']).toBe('likelihood-tests');
    expect(el.hasAttribute('data-error')).toBe(false);
    const e = expected(waits, 'exponential', { rate: 1 });
    expect(readout(el, 'waldStat')).toBe(e.wald);
    expect(readout(el, 'lrStat')).toBe(e.lr);
    expect(readout(el, 'scoreStat')).toBe(e.score);
    expect(readout(el, 'waldP')).toBe(e.t.wald.pValue.toPrecision(4));
    expect(readout(el, 'lrP')).toBe(e.t.likelihoodRatio.pValue.toPrecision(4));
    expect(readout(el, 'scoreP')).toBe(e.t.score.pValue.toPrecision(4));
    // Exponential, n = 10, Σx = 12.9: the slope at λ₀ = 1 is n/λ₀ − Σx = −2.9.
    expect(readout(el, 'slope')).toBe('−2.9000');
    expect(el.shadowRoot?.querySelector('canvas')).not.toBeNull();
    expect(el.shadowRoot?.querySelector('.code')?.textContent).toContain('stats.expon.logpdf(x, scale=1 / t[0])');
  });

  it('moves the null (typed, and with the keyboard on the chart) and follows core; a nuisance parameter is profiled out', async () => {
    const x = [0.5, 1.2, 2.2, 3.9, 0.8, 1.7, 0.3, 2.8, 1.1, 0.6];
    const el = await mount(`<mle-likelihood-tests url-state family="gamma" parameter="shape" data="${x.join(',')}" null="1" lang="en"></mle-likelihood-tests>`);
    expect(readout(el, 'lrStat')).toBe(expected(x, 'gamma', { shape: 1 }).lr);
    let rendered = nextRender(el);
    typeInto(el, 'Null value θ₀', '3');
    await rendered;
    const e = expected(x, 'gamma', { shape: 3 });
    expect(readout(el, 'waldStat')).toBe(e.wald);
    expect(readout(el, 'lrStat')).toBe(e.lr);
    expect(readout(el, 'scoreStat')).toBe(e.score);
    expect(new URLSearchParams(location.search).get('null')).toBe('3');
    rendered = nextRender(el);
    el.shadowRoot?.querySelector<HTMLElement>('.chart[tabindex="0"]')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft' }));
    await rendered;
    const moved = Number(new URLSearchParams(location.search).get('null'));
    expect(moved).toBeLessThan(3);
    expect(readout(el, 'lrStat')).toBe(expected(x, 'gamma', { shape: moved }).lr);
  });

  it('falls back to the family’s own parameter and says so', async () => {
    const el = await mount('<mle-likelihood-tests family="normal" parameter="rate" null="5" lang="en"></mle-likelihood-tests>');
    expect(el.shadowRoot?.querySelector('[data-readout="status"]')?.textContent).toContain('This family has no parameter rate; testing mean instead.');
    const preset = [4.1, 5.3, 3.8, 6.2, 5.0, 4.6, 5.9, 4.4];
    expect(readout(el, 'lrStat')).toBe(expected(preset, 'normal', { mean: 5 }).lr);
  });

  it('rejects bad input: absurd null, empty data, a script tag, values outside the support', async () => {
    const el = await mount('<mle-likelihood-tests family="exponential" data="<script>alert(1)</script>" null="1e9" lang="en"></mle-likelihood-tests>');
    const error = el.getAttribute('data-error') ?? '';
    expect(error).toContain('Data (data) cannot be “<script>alert(1)</script…”');
    expect(error).toContain('Null value θ₀ (null) cannot be “1e9”');
    await waitFor(() => el.dataset['ready'] === 'true');
    expect(el.shadowRoot?.querySelector('script')).toBeNull();
    expect(readout(el, 'lrStat')).toBe(expected(waits, 'exponential', { rate: 1 }).lr);
    const empty = await mount('<mle-likelihood-tests family="exponential" data="" lang="en"></mle-likelihood-tests>');
    expect(empty.getAttribute('data-error')).toContain('Data (data) cannot be “”');
    const negative = await mount('<mle-likelihood-tests family="exponential" data="1,-2,3" null="1" lang="en"></mle-likelihood-tests>');
    expect(negative.getAttribute('data-error')).toMatch(/x\[1\] is -2/);
    const badNull = await mount('<mle-likelihood-tests family="exponential" data="1,2,3" null="-1" lang="en"></mle-likelihood-tests>');
    expect(badNull.getAttribute('data-error')).toMatch(/rate must be a finite number > 0, got -1/);
    expect(badNull.shadowRoot?.textContent).not.toContain('NaN');
  });

  it('follows the page into dark mode and redraws', async () => {
    document.documentElement.dataset['theme'] = 'dark';
    try {
      const el = await mount('<mle-likelihood-tests lang="en"></mle-likelihood-tests>');
      expect(el.dataset['theme']).toBe('dark');
      document.documentElement.dataset['theme'] = 'light';
      await waitFor(() => el.dataset['theme'] === 'light');
      expect(el.shadowRoot?.querySelector('canvas')).not.toBeNull();
    } finally {
      delete document.documentElement.dataset['theme'];
    }
  });

  it('speaks Chinese on a Chinese page', async () => {
    const el = await mount('<mle-likelihood-tests lang="zh"></mle-likelihood-tests>');
    expect(el.shadowRoot?.textContent).toContain('似然比：真实下降 ×2');
  });
});
