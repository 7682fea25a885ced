import { afterEach, describe, expect, it } from 'vitest';
import { mount, nextRender, readout, typeInto, waitFor } from './support/mount.ts';

afterEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', location.pathname);
});

describe('<mle-data-explorer>', () => {
  it("renders numpy's seed-42 sample with the notebook's estimates", async () => {
    const el = await mount('<mle-data-explorer seed="42" mu="5" sigma="2" n="1000" lang="en"></mle-data-explorer>');
    expect(el.dataset['widget']).toBe('data-explorer');
    expect(el.hasAttribute('data-error')).toBe(false);
    // numpy: np.random.seed(42); x = np.random.normal(5, 2, 1000); x.mean(), x.std()
    expect(readout(el, 'mu')).toBe('5.0387');
    expect(readout(el, 'sigma')).toBe('1.9575');
    expect(el.shadowRoot?.querySelector('canvas')).not.toBeNull();
    expect(el.shadowRoot?.querySelector('.code')?.textContent).toContain('np.random.normal(5.0, 2.0, 1000)');
  });

  it('draws the KDE and the box plot with scipy’s bandwidth and matplotlib’s box statistics', async () => {
    const el = await mount('<mle-data-explorer seed="42" mu="5" sigma="2" n="1000" lang="en"></mle-data-explorer>');
    // scipy 1.17: np.sqrt(gaussian_kde(x).covariance[0, 0]) → 0.4919358457262899 (Scott, factor 0.2511886431509579)
    expect(readout(el, 'bandwidth')).toBe('0.4919');
    // matplotlib 3.11: cbook.boxplot_stats(x)[0]: q1 3.7048193890752965, med 5.050601224469776, q3 6.295887750945861
    expect(readout(el, 'q1')).toBe('3.7048');
    expect(readout(el, 'median')).toBe('5.0506');
    expect(readout(el, 'q3')).toBe('6.2959');
    // Two charts (histogram + curves, box plot), each with a screen-reader table.
    expect(el.shadowRoot?.querySelectorAll('canvas').length).toBeGreaterThanOrEqual(2);
    expect(el.shadowRoot?.querySelectorAll('table.sr-only').length).toBe(3);
    const code = el.shadowRoot?.querySelector('.code')?.textContent ?? '';
    expect(code).toContain("sns.histplot(data, bins=30, stat='density')");
    expect(code).toContain("sns.kdeplot(data, bw_method='scott')");
    expect(code).toContain('sns.boxplot(x=data');

    const rendered = nextRender(el);
    const select = [...(el.shadowRoot?.querySelectorAll('select') ?? [])].find((s) => el.shadowRoot?.querySelector(`label[for="${s.id}"]`)?.textContent === 'KDE bandwidth');
    if (!select) throw new Error('no bandwidth select');
    select.value = 'silverman';
    select.dispatchEvent(new Event('change'));
    await rendered;
    // scipy: gaussian_kde(x, 'silverman') → h = 0.5210701760597967
    expect(readout(el, 'bandwidth')).toBe('0.5211');
    expect(el.shadowRoot?.querySelector('.code')?.textContent).toContain("bw_method='silverman'");
  });

  it('summarises a million samples in the worker (binned KDE, Freedman–Diaconis bins)', async () => {
    const el = await mount('<mle-data-explorer seed="42" n="1000000" bins="fd" lang="en"></mle-data-explorer>', 30_000);
    expect(el.hasAttribute('data-error')).toBe(false);
    // numpy: np.random.seed(42); x = np.random.normal(5, 2, 10**6): x.mean() → 4.9968004870914875,
    // x.std() → 2.0003760736094622; scipy's Scott bandwidth n**(-1/5) * x.std(ddof=1) → 0.12621526064428026
    expect(readout(el, 'n')).toBe('1,000,000');
    expect(readout(el, 'mu')).toBe('4.9968');
    expect(readout(el, 'sigma')).toBe('2.0004');
    expect(readout(el, 'bandwidth')).toBe('0.1262');
    expect(el.shadowRoot?.querySelector('.code')?.textContent).toContain("bins='fd'");
  }, 60_000);

  it('follows the page into dark mode and redraws its charts', async () => {
    const el = await mount('<mle-data-explorer seed="42" lang="en"></mle-data-explorer>');
    const before = el.shadowRoot?.querySelectorAll('canvas').length ?? 0;
    document.documentElement.dataset['theme'] = 'dark';
    try {
      await waitFor(() => el.dataset['theme'] === 'dark');
      expect(getComputedStyle(el).getPropertyValue('--mle-bg').trim()).toBe('#0d1117');
      expect(el.shadowRoot?.querySelectorAll('canvas').length).toBe(before);
      expect(readout(el, 'mu')).toBe('5.0387');
    } finally {
      delete document.documentElement.dataset['theme'];
    }
  });

  it('takes a KDE bandwidth factor from its attribute and rejects a bad one', async () => {
    const el = await mount('<mle-data-explorer seed="42" bandwidth="0.5" lang="en"></mle-data-explorer>');
    // scipy: gaussian_kde(x, 0.5) → h = 0.9792159381796754
    expect(readout(el, 'bandwidth')).toBe('0.9792');
    expect(el.shadowRoot?.querySelector('.code')?.textContent).toContain('bw_method=0.5)');
    const bad = await mount('<mle-data-explorer seed="42" bandwidth="-1" lang="en"></mle-data-explorer>');
    expect(bad.getAttribute('data-error')).toBe('KDE bandwidth (bandwidth) cannot be “-1”: allowed is a number from 0.01 to 10, or one of scott, silverman.');
    // The message shows at once; the widget still renders with the default bandwidth.
    await waitFor(() => bad.dataset['ready'] === 'true');
    expect(readout(bad, 'bandwidth')).toBe('0.4919');
  });

  it('reacts to a control and keeps the last good state on a bad value', async () => {
    const el = await mount('<mle-data-explorer seed="42" lang="en"></mle-data-explorer>');
    const rendered = nextRender(el);
    typeInto(el, 'Seed', '7');
    await rendered;
    expect(readout(el, 'mu')).not.toBe('5.0387');
    const before = readout(el, 'mu');
    typeInto(el, 'True std σ', '-1');
    expect(el.getAttribute('data-error')).toMatch(/True std σ \(sigma\) cannot be “-1”: allowed is a number ≥ 0.001 and ≤ 100/);
    expect(el.shadowRoot?.querySelector('.error')?.textContent).toContain('sigma');
    expect(readout(el, 'mu')).toBe(before);
  });

  it('reads its state from the URL and writes it back', async () => {
    history.replaceState(null, '', '?seed=1&n=500&mu=0&sigma=1');
    const el = await mount('<mle-data-explorer url-state lang="en"></mle-data-explorer>');
    expect(el.shadowRoot?.querySelector('.code')?.textContent).toContain('np.random.seed(1)');
    expect(el.shadowRoot?.querySelector('.code')?.textContent).toContain('np.random.normal(0.0, 1.0, 500)');
    const rendered = nextRender(el);
    typeInto(el, 'Seed', '3');
    await rendered;
    expect(new URLSearchParams(location.search).get('seed')).toBe('3');
  });

  it('shows an error for out-of-range attributes instead of crashing or showing NaN', async () => {
    const el = await mount('<mle-data-explorer seed="abc" n="5" lang="zh"></mle-data-explorer>');
    const error = el.getAttribute('data-error') ?? '';
    expect(error).toContain('随机种子（seed）不能是 “abc”');
    expect(error).toContain('样本量 n（n）不能是 “5”');
    // The message shows at once; the widget still renders the last good (default) state.
    await waitFor(() => el.dataset['ready'] === 'true');
    expect(el.shadowRoot?.textContent).not.toContain('NaN');
    expect(readout(el, 'mu')).toBe('5.0387');
  });
});
