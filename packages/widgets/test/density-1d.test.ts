import { afterEach, describe, expect, it } from 'vitest';
import { mount, nextRender, readout, typeInto, waitFor } from './support/mount.ts';

afterEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', location.pathname);
});

const lesson = (el: HTMLElement) => el.shadowRoot?.querySelector('[data-readout="lesson"]')?.textContent ?? '';

describe('<mle-density-1d>', () => {
  it('shades P(−1 < X < 1) of the standard normal and shows f(μ)', async () => {
    const el = await mount('<mle-density-1d mu="0" sigma="1" a="-1" b="1" lang="en"></mle-density-1d>');
    expect(el.dataset['widget']).toBe('density-1d');
    expect(el.hasAttribute('data-error')).toBe(false);
    // scipy 1.17: norm.cdf(1) - norm.cdf(-1) → 0.6826894921370859; norm.pdf(0) → 0.3989422804014327;
    //             norm.pdf(-1) → 0.24197072451914337
    expect(readout(el, 'probability')).toBe('0.6827');
    expect(readout(el, 'peak')).toBe('0.3989');
    expect(readout(el, 'pdfA')).toBe('0.2420');
    expect(readout(el, 'pdfB')).toBe('0.2420');
    // The σ at which f(μ) = 1 is 1/√(2π) = norm.pdf(0) = 0.39894…
    expect(lesson(el)).toContain('Make σ smaller than 0.3989');
    expect(el.shadowRoot?.querySelector('canvas')).not.toBeNull();
    expect(el.shadowRoot?.querySelectorAll('table.sr-only tbody tr').length).toBeGreaterThan(10);
  });

  it('reacts to σ: a density above 1 while the probability stays below 1', async () => {
    const el = await mount('<mle-density-1d mu="0" sigma="1" a="-0.05" b="0.05" lang="en"></mle-density-1d>');
    const rendered = nextRender(el);
    typeInto(el, 'Standard deviation σ', '0.1');
    await rendered;
    // scipy 1.17: norm.pdf(0, 0, 0.1) → 3.989422804014327; norm.cdf(0.05, 0, 0.1) - norm.cdf(-0.05, 0, 0.1) → 0.38292492254802624
    expect(readout(el, 'peak')).toBe('3.9894');
    expect(readout(el, 'probability')).toBe('0.3829');
    expect(lesson(el)).toContain('f(μ) = 3.989 is larger than 1');
    expect(lesson(el)).toContain('P(a < X < b) = 0.3829');
  });

  it('keeps the probability accurate far in the upper tail', async () => {
    const el = await mount('<mle-density-1d mu="0" sigma="1" a="9" b="10" lang="en"></mle-density-1d>');
    // F(10) − F(9) in double precision would be 1 − 1 = 0;
    // scipy 1.17: norm.sf(9) - norm.sf(10) → 1.1285122074235907e-19
    expect(readout(el, 'probability')).toBe('1.129 × 10⁻¹⁹');
    expect(el.hasAttribute('data-error')).toBe(false);
  });

  it('reads its state from the URL and writes it back', async () => {
    history.replaceState(null, '', '?mu=1&sigma=2&a=0&b=3');
    const el = await mount('<mle-density-1d url-state lang="en"></mle-density-1d>');
    // scipy 1.17: norm.cdf(3, 1, 2) - norm.cdf(0, 1, 2) → 0.532807207342556; norm.pdf(1, 1, 2) → 0.19947114020071635
    expect(readout(el, 'probability')).toBe('0.5328');
    expect(readout(el, 'peak')).toBe('0.1995');
    const rendered = nextRender(el);
    typeInto(el, 'Mean μ', '0');
    await rendered;
    expect(new URLSearchParams(location.search).get('mu')).toBe('0');
    // scipy 1.17: norm.cdf(3, 0, 2) - norm.cdf(0, 0, 2) → 0.4331927987311419
    expect(readout(el, 'probability')).toBe('0.4332');
  });

  it('insists on a < b with a clear message, then recovers', async () => {
    const el = await mount('<mle-density-1d mu="0" sigma="1" a="-1" b="1" lang="en"></mle-density-1d>');
    typeInto(el, 'Lower bound a', '2');
    await waitFor(() => el.hasAttribute('data-error'));
    expect(el.getAttribute('data-error')).toBe('The lower bound a (2.00) must be smaller than the upper bound b (1.00): lower a or raise b.');
    expect(el.shadowRoot?.querySelector('.error')?.textContent).toContain('must be smaller than the upper bound b');
    const rendered = nextRender(el);
    typeInto(el, 'Upper bound b', '3');
    await rendered;
    expect(el.hasAttribute('data-error')).toBe(false);
    // scipy 1.17: norm.cdf(3) - norm.cdf(2) → 0.021400233916549105
    expect(readout(el, 'probability')).toBe('0.0214');
  });

  it('names the allowed range of a bad attribute, in Chinese too, and keeps working', async () => {
    const el = await mount('<mle-density-1d sigma="0" a="x" lang="zh"></mle-density-1d>');
    const error = el.getAttribute('data-error') ?? '';
    expect(error).toContain('标准差 σ（sigma）不能是 “0”：允许 ≥ 0.001 且 ≤ 10 的数');
    expect(error).toContain('下限 a（a）不能是 “x”');
    // The defaults are kept and drawn.
    await waitFor(() => el.dataset['ready'] === 'true');
    expect(readout(el, 'probability')).toBe('0.6827');
    expect(el.shadowRoot?.textContent).not.toContain('NaN');
  });
});
