import { afterEach, describe, expect, it } from 'vitest';
import { mount, nextRender, readout, typeInto, waitFor } from './support/mount.ts';

afterEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', location.pathname);
});

const lesson = (el: HTMLElement) => el.shadowRoot?.querySelector('[data-readout="lesson"]')?.textContent ?? '';

describe('<mle-product-vs-log>', () => {
  it('finds the n at which the product of densities underflows to 0', async () => {
    const el = await mount('<mle-product-vs-log seed="42" mu="0" sigma="1" lang="en"></mle-product-vs-log>');
    expect(el.dataset['widget']).toBe('product-vs-log');
    expect(el.hasAttribute('data-error')).toBe(false);
    // numpy 2.4 / scipy 1.17: np.random.seed(42); x = np.random.normal(0, 1, 1000)
    //   p = np.cumprod(norm.pdf(x, 0, 1)); np.argmax(p == 0) + 1 → 534; p[532] → 1e-323 (9.881e-324)
    //   np.cumsum(norm.logpdf(x, 0, 1))[-1] → -1398.0778922615893; norm.logpdf(x).mean() → -1.39807789226159
    expect(readout(el, 'underflow')).toBe('534');
    expect(readout(el, 'last')).toBe('9.881 × 10⁻³²⁴');
    expect(readout(el, 'logAtEnd')).toBe('−1398.08');
    expect(readout(el, 'perPoint')).toBe('−1.3981');
    expect(lesson(el)).toContain('At n = 534 the product underflows to 0');
    expect(el.shadowRoot?.querySelectorAll('canvas').length).toBeGreaterThanOrEqual(2);
    expect(el.shadowRoot?.querySelector('.code')?.textContent).toContain('hits 0.0 at n = 534');
    // The log axis is labelled in powers of ten.
    expect(el.shadowRoot?.querySelectorAll('table.sr-only tbody tr').length).toBeGreaterThan(10);
  });

  it("reacts to σ: the notebook's N(5, 2²) underflows sooner, a small σ overflows instead", async () => {
    const el = await mount('<mle-product-vs-log seed="42" mu="0" sigma="1" lang="en"></mle-product-vs-log>');
    let rendered = nextRender(el);
    typeInto(el, 'Mean μ', '5');
    await rendered;
    rendered = nextRender(el);
    typeInto(el, 'Standard deviation σ', '2');
    await rendered;
    // numpy 2.4 / scipy 1.17: np.random.seed(42); x = np.random.normal(5, 2, 1000)
    //   np.argmax(np.cumprod(norm.pdf(x, 5, 2)) == 0) + 1 → 362; np.cumsum(norm.logpdf(x, 5, 2))[-1] → -2091.2250728215377
    expect(readout(el, 'underflow')).toBe('362');
    expect(readout(el, 'last')).toBe('4.941 × 10⁻³²⁴');
    expect(readout(el, 'logAtEnd')).toBe('−2091.23');
    rendered = nextRender(el);
    typeInto(el, 'Mean μ', '0');
    await rendered;
    rendered = nextRender(el);
    typeInto(el, 'Standard deviation σ', '0.05');
    await rendered;
    // numpy 2.4 / scipy 1.17: np.random.seed(42); x = np.random.normal(0, 0.05, 1000)
    //   np.argmax(np.isinf(np.cumprod(norm.pdf(x, 0, 0.05)))) + 1 → 442; cumsum of logpdf [-1] → 1597.654381292398
    expect(readout(el, 'underflow')).toBe('not within n');
    expect(lesson(el)).toContain('overflows to ∞ at n = 442');
    // np.cumprod(norm.pdf(x, 0, 0.05))[440] → 3.2499489823409895e+307, the last finite product
    expect(readout(el, 'last')).toBe('3.250 × 10³⁰⁷');
    expect(readout(el, 'logAtEnd')).toBe('1597.65');
  });

  it('reads its state from the URL and writes it back', async () => {
    history.replaceState(null, '', '?seed=7&mu=3&sigma=1&n=200');
    const el = await mount('<mle-product-vs-log url-state lang="en"></mle-product-vs-log>');
    // numpy 2.4 / scipy 1.17: np.random.seed(7); x = np.random.normal(3, 1, 200)
    //   no zero in np.cumprod(norm.pdf(x, 3, 1)); its last value → 3.5205574642084694e-123;
    //   np.cumsum(norm.logpdf(x, 3, 1))[-1] → -281.9593470906832
    expect(readout(el, 'underflow')).toBe('not within n');
    expect(readout(el, 'last')).toBe('3.521 × 10⁻¹²³');
    expect(readout(el, 'logAtEnd')).toBe('−281.96');
    expect(lesson(el)).toContain('does not underflow for n ≤ 200');
    const rendered = nextRender(el);
    typeInto(el, 'Largest sample size n', '1000');
    await rendered;
    expect(new URLSearchParams(location.search).get('n')).toBe('1000');
    expect(new URLSearchParams(location.search).get('seed')).toBe('7');
  });

  it('names the allowed range of a bad value, in Chinese too, and keeps working', async () => {
    const el = await mount('<mle-product-vs-log seed="42" n="5" sigma="abc" lang="zh"></mle-product-vs-log>');
    const error = el.getAttribute('data-error') ?? '';
    expect(error).toContain('最大样本量 n（n）不能是 “5”：允许 ≥ 10 且 ≤ 100,000 的整数');
    expect(error).toContain('标准差 σ（sigma）不能是 “abc”');
    await waitFor(() => el.dataset['ready'] === 'true');
    expect(readout(el, 'underflow')).toBe('534');
    expect(el.shadowRoot?.textContent).not.toContain('NaN');
  });
});
