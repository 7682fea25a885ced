import { afterEach, describe, expect, it } from 'vitest';
import { mount, nextRender, readout, typeInto, waitFor } from './support/mount.ts';

afterEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', location.pathname);
});

function choose(el: HTMLElement, label: string, value: string): void {
  const select = [...(el.shadowRoot?.querySelectorAll('select') ?? [])].find((s) => el.shadowRoot?.querySelector(`label[for="${s.id}"]`)?.textContent === label);
  if (!select) throw new Error(`no select labelled ${label}`);
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

// Reference values: numpy 2.4 / scipy 1.17 on np.random.seed(42); x = np.random.normal(5.0, 2.0, 1000);
// mu, s2 = x.mean(), x.var(); se_mu = np.sqrt(s2/n); se_s2 = s2*np.sqrt(2/n); se_s = np.sqrt(s2)/np.sqrt(2*n);
// z = scipy.stats.norm.ppf(1 - (1 - level)/2).

describe('<mle-fit-overlay>', () => {
  it('shows the estimates with Fisher-information standard errors and 95% Wald intervals', async () => {
    const el = await mount('<mle-fit-overlay seed="42" mu="5" sigma="2" n="1000" lang="en"></mle-fit-overlay>');
    expect(el.dataset['widget']).toBe('fit-overlay');
    expect(el.hasAttribute('data-error')).toBe(false);
    expect(readout(el, 'muTruth')).toBe('5.0000');
    expect(readout(el, 'sigma2Truth')).toBe('4.0000');
    expect(readout(el, 'mu')).toBe('5.0387');
    expect(readout(el, 'muSe')).toBe('0.0619'); // 0.061900080443615495
    expect(readout(el, 'muLow')).toBe('4.9173'); // 4.917342183335033
    expect(readout(el, 'muHigh')).toBe('5.1600'); // 5.15998603995427
    expect(readout(el, 'sigma2')).toBe('3.8316');
    expect(readout(el, 'sigma2Se')).toBe('0.1714'); // 0.17135525384207284
    expect(readout(el, 'sigma2Low')).toBe('3.4958'); // 3.4957698328338878
    expect(readout(el, 'sigma2High')).toBe('4.1675'); // 4.167470085018251
    expect(readout(el, 'sigma')).toBe('1.9575');
    expect(readout(el, 'sigmaSe')).toBe('0.0438'); // 0.04376996663767331
    expect(el.shadowRoot?.querySelector('.estimates thead')?.textContent).toContain('95% interval');
    expect(el.shadowRoot?.querySelector('canvas')).not.toBeNull();
    expect(el.shadowRoot?.querySelector('.code')?.textContent).toContain('np.random.normal(5.0, 2.0, 1000)');
  });

  it('reacts to the confidence level', async () => {
    const el = await mount('<mle-fit-overlay seed="42" lang="en"></mle-fit-overlay>');
    const rendered = nextRender(el);
    choose(el, 'Confidence level', '0.9');
    await rendered;
    // z = 1.6448536269514722: [4.936847539818383, 5.14048068347092]
    expect(readout(el, 'muLow')).toBe('4.9368');
    expect(readout(el, 'muHigh')).toBe('5.1405');
    expect(el.shadowRoot?.querySelector('.estimates thead')?.textContent).toContain('90% interval');
  });

  it('reads its state from the URL and writes it back', async () => {
    history.replaceState(null, '', '?seed=42&n=1000&level=0.9');
    const el = await mount('<mle-fit-overlay url-state lang="en"></mle-fit-overlay>');
    expect(readout(el, 'sigmaLow')).toBe('1.8855'); // 1.8854572271191867
    const rendered = nextRender(el);
    typeInto(el, 'Seed', '7');
    await rendered;
    expect(new URLSearchParams(location.search).get('seed')).toBe('7');
    expect(readout(el, 'mu')).not.toBe('5.0387');
  });

  it('shows errors for bad values and keeps working', async () => {
    const el = await mount('<mle-fit-overlay seed="42" level="2" n="abc" lang="en"></mle-fit-overlay>');
    const error = el.getAttribute('data-error') ?? '';
    expect(error).toContain('Confidence level (level) cannot be “2”: allowed is a number from 0.5 to 0.999.');
    expect(error).toContain('Sample size n (n) cannot be “abc”');
    await waitFor(() => el.dataset['ready'] === 'true');
    expect(readout(el, 'muLow')).toBe('4.9173');
  });
});
