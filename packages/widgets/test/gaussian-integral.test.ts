import { afterEach, describe, expect, it } from 'vitest';
import { mount, nextRender, readout, typeInto, waitFor } from './support/mount.ts';

afterEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', location.pathname);
});

const text = (el: HTMLElement, key: string) => el.shadowRoot?.querySelector(`[data-readout="${key}"]`)?.textContent ?? '';
const makePdf = (el: HTMLElement) => el.shadowRoot?.querySelector<HTMLButtonElement>('button.make-pdf') as HTMLButtonElement;

describe('<mle-gaussian-integral>', () => {
  it('computes the area and variance of e^(−x²/2) by quadrature, next to the closed forms', async () => {
    const el = await mount('<mle-gaussian-integral a="1" b="0.5" lang="en"></mle-gaussian-integral>');
    expect(el.dataset['widget']).toBe('gaussian-integral');
    expect(el.hasAttribute('data-error')).toBe(false);
    // scipy 1.17: quad(lambda x: np.exp(-0.5 * x**2), -np.inf, np.inf) → 2.5066282746310002 = √(2π);
    //             the x²-weighted integral over it → 1.0 = 1/(2B); √(B/π) = 0.3989422804014327
    expect(readout(el, 'area')).toBe('2.5066282746');
    expect(readout(el, 'exactArea')).toBe('2.5066282746');
    expect(readout(el, 'variance')).toBe('1.0000000000');
    expect(readout(el, 'exactVariance')).toBe('1.0000000000');
    expect(readout(el, 'normalizingA')).toBe('0.398942');
    expect(readout(el, 'sigma')).toBe('1.000000');
    // Quadrature agrees with the closed form to rounding (differences of order 1e-14 … 1e-17, or 0).
    expect(text(el, 'agreement')).toMatch(/area (0|\d\.\d × 10⁻¹[⁴⁵⁶⁷]), variance (0|\d\.\d × 10⁻¹[⁴⁵⁶⁷])\./);
    expect(text(el, 'lesson')).toContain('The area is 2.5066, not 1');
    expect(makePdf(el).disabled).toBe(false);
    expect(el.shadowRoot?.querySelector('canvas')).not.toBeNull();
  });

  it('makes it a pdf with one button: A = √(B/π) gives area 1', async () => {
    const el = await mount('<mle-gaussian-integral a="1" b="0.5" lang="en"></mle-gaussian-integral>');
    const rendered = nextRender(el);
    makePdf(el).click();
    await rendered;
    expect(el.getAttribute('a')).toBe('0.3989422804014327');
    expect(readout(el, 'area')).toBe('1.0000000000');
    expect(readout(el, 'exactArea')).toBe('1.0000000000');
    expect(text(el, 'lesson')).toContain('this curve is the pdf of N(0, σ²) with σ = 1.0000');
    expect(makePdf(el).disabled).toBe(true);
    const number = [...(el.shadowRoot?.querySelectorAll<HTMLInputElement>('input[type="number"]') ?? [])][0];
    // Shown to 15 significant digits (formatParamNumber): 0.3989422804014327 → 0.398942280401433.
    expect(number?.value).toBe('0.398942280401433');
  });

  it('reacts to B: the variance is 1/(2B) whatever A is', async () => {
    const el = await mount('<mle-gaussian-integral a="3" b="0.5" lang="en"></mle-gaussian-integral>');
    const rendered = nextRender(el);
    typeInto(el, 'Rate B', '2');
    await rendered;
    // scipy 1.17: quad(lambda x: 3 * np.exp(-2 * x**2), -np.inf, np.inf) → 3.7599424119465006 = 3·√(π/2);
    //             variance → 0.25 = 1/(2·2); √(2/π) = 0.7978845608028654; σ = 1/√4 = 0.5
    expect(readout(el, 'area')).toBe('3.7599424119');
    expect(readout(el, 'variance')).toBe('0.2500000000');
    expect(readout(el, 'normalizingA')).toBe('0.797885');
    expect(readout(el, 'sigma')).toBe('0.500000');
  });

  it('reads its state from the URL and writes it back', async () => {
    history.replaceState(null, '', '?a=1&b=0.02');
    const el = await mount('<mle-gaussian-integral url-state lang="en"></mle-gaussian-integral>');
    // scipy 1.17: quad(lambda x: np.exp(-0.02 * x**2), -np.inf, np.inf) → 12.533141373155; variance → 25.0
    expect(readout(el, 'area')).toBe('12.5331413732');
    expect(readout(el, 'variance')).toBe('25.0000000000');
    const rendered = nextRender(el);
    makePdf(el).click();
    await rendered;
    expect(new URLSearchParams(location.search).get('a')).toBe('0.0797884560802865');
    expect(readout(el, 'area')).toBe('1.0000000000');
  });

  it('names the allowed range of a bad value and keeps working', async () => {
    const el = await mount('<mle-gaussian-integral a="0" b="20" lang="en"></mle-gaussian-integral>');
    const error = el.getAttribute('data-error') ?? '';
    expect(error).toContain('Height A (a) cannot be “0”: allowed is a number ≥ 0.01 and ≤ 10.');
    expect(error).toContain('Rate B (b) cannot be “20”: allowed is a number ≥ 0.01 and ≤ 10.');
    await waitFor(() => el.dataset['ready'] === 'true');
    expect(readout(el, 'area')).toBe('2.5066282746');
    expect(el.shadowRoot?.textContent).not.toContain('NaN');
  });
});
