import { afterEach, describe, expect, it } from 'vitest';
import { mount, nextRender, readout, typeInto, waitFor } from './support/mount.ts';

afterEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', location.pathname);
});

function choose(el: HTMLElement, value: string): void {
  const select = el.shadowRoot?.querySelector('select');
  if (!select) throw new Error('no select');
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

describe('<mle-clt>', () => {
  it("draws numpy's means of 5 uniform draws against N(μ, σ²/k)", async () => {
    const el = await mount('<mle-clt source="uniform" k="5" seed="42" lang="en"></mle-clt>');
    expect(el.dataset['widget']).toBe('clt');
    expect(el.hasAttribute('data-error')).toBe(false);
    // numpy 2.4: m = np.random.RandomState(42).random_sample((10000, 5)).mean(1)
    //            m.mean() → 0.49886340350288627, m.std() → 0.12892087695308288
    expect(readout(el, 'sampleMean')).toBe('0.4989');
    expect(readout(el, 'sampleSd')).toBe('0.1289');
    // Theory: μ = 1/2 and σ/√k = 1/√(12·5) = 0.12909944487358055
    expect(readout(el, 'expectedMean')).toBe('0.5000');
    expect(readout(el, 'expectedSd')).toBe('0.1291');
    expect(readout(el, 'm')).toBe('10,000');
    expect(el.shadowRoot?.querySelector('canvas')).not.toBeNull();
    expect(el.shadowRoot?.querySelectorAll('table.sr-only tbody tr').length).toBeGreaterThan(10);
    expect(el.shadowRoot?.querySelector('.code')?.textContent).toContain('np.random.RandomState(42).random_sample((10000, 5))');
    // p only matters for the Bernoulli source.
    expect(el.shadowRoot?.querySelector<HTMLElement>('fieldset:has(input[id^="mle-p-"])')?.hidden).toBe(true);
  });

  it('reacts to the source and to k', async () => {
    const el = await mount('<mle-clt source="uniform" k="5" seed="42" lang="en"></mle-clt>');
    let rendered = nextRender(el);
    choose(el, 'exponential');
    await rendered;
    // numpy 2.4: (-np.log1p(-np.random.RandomState(42).random_sample((10000, 5)))).mean(1)
    //            .mean() → 0.9961165212721782, .std() → 0.4467044027127272; theory 1 and 1/√5 = 0.4472135954999579
    expect(readout(el, 'sampleMean')).toBe('0.9961');
    expect(readout(el, 'sampleSd')).toBe('0.4467');
    expect(readout(el, 'expectedSd')).toBe('0.4472');
    expect(el.shadowRoot?.querySelector('.code')?.textContent).toContain('(-np.log1p(-u)).mean(axis=1)');
    rendered = nextRender(el);
    choose(el, 'bernoulli');
    await rendered;
    expect(el.shadowRoot?.querySelector<HTMLElement>('fieldset:has(input[id^="mle-p-"])')?.hidden).toBe(false);
    // numpy 2.4: (np.random.RandomState(42).random_sample((10000, 5)) < 0.3).mean(1)
    //            .mean() → 0.30118, .std() → 0.20573431313225318; theory √(0.3·0.7/5) = 0.20493901531919195
    expect(readout(el, 'sampleMean')).toBe('0.3012');
    expect(readout(el, 'sampleSd')).toBe('0.2057');
    expect(readout(el, 'expectedSd')).toBe('0.2049');
    rendered = nextRender(el);
    typeInto(el, 'Draws per mean k', '50');
    await rendered;
    // numpy 2.4: (np.random.RandomState(42).random_sample((10000, 50)) < 0.3).mean(1).std() → 0.06502151164037945;
    //            theory √(0.21/50) = 0.0648074069840786
    expect(readout(el, 'sampleSd')).toBe('0.0650');
    expect(readout(el, 'expectedSd')).toBe('0.0648');
  });

  it('reads its state from the URL and writes it back', async () => {
    history.replaceState(null, '', '?source=exponential&k=30&m=2000&seed=7');
    const el = await mount('<mle-clt url-state lang="en"></mle-clt>');
    // numpy 2.4: (-np.log1p(-np.random.RandomState(7).random_sample((2000, 30)))).mean(1)
    //            .mean() → 1.0004873694519199, .std() → 0.17928939054715246
    expect(readout(el, 'sampleMean')).toBe('1.0005');
    expect(readout(el, 'sampleSd')).toBe('0.1793');
    expect(readout(el, 'm')).toBe('2,000');
    const rendered = nextRender(el);
    typeInto(el, 'Seed', '8');
    await rendered;
    expect(new URLSearchParams(location.search).get('seed')).toBe('8');
    expect(new URLSearchParams(location.search).get('source')).toBe('exponential');
  });

  it('shows errors for bad values and keeps working', async () => {
    const el = await mount('<mle-clt source="poisson" k="0" lang="en"></mle-clt>');
    const error = el.getAttribute('data-error') ?? '';
    expect(error).toContain('Source distribution (source) cannot be “poisson”: allowed is one of uniform, exponential, bernoulli.');
    expect(error).toContain('Draws per mean k (k) cannot be “0”: allowed is an integer ≥ 1 and ≤ 1,000');
    await waitFor(() => el.dataset['ready'] === 'true');
    expect(readout(el, 'sampleMean')).toBe('0.4989');
    expect(el.shadowRoot?.textContent).not.toContain('NaN');
    // k × m over the worker's budget: a message, the last result stays.
    typeInto(el, 'Repetitions m', '200000');
    typeInto(el, 'Draws per mean k', '1000');
    await waitFor(() => (el.getAttribute('data-error') ?? '').includes('k × m can be at most 20,000,000'));
    expect(readout(el, 'sampleMean')).toBe('0.4989');
  });

  it('shows a progress bar for a long run and stops it on Cancel', async () => {
    const el = await mount('<mle-clt source="exponential" k="5" m="1000" lang="en"></mle-clt>');
    const before = readout(el, 'sampleMean');
    typeInto(el, 'Draws per mean k', '100');
    typeInto(el, 'Repetitions m', '200000');
    const progress = el.shadowRoot?.querySelector<HTMLElement>('.progress');
    await waitFor(() => progress?.hidden === false, 10_000);
    // The bar moves while the worker draws the means chunk by chunk.
    const bar = progress?.querySelector('progress');
    await waitFor(() => (bar?.value ?? 0) > 0, 10_000);
    progress?.querySelector('button')?.click();
    await waitFor(() => (el.shadowRoot?.querySelector('.status')?.textContent ?? '').startsWith('Cancelled'), 10_000);
    expect(progress?.hidden).toBe(true);
    expect(readout(el, 'sampleMean')).toBe(before);
    expect(el.hasAttribute('data-error')).toBe(false);
  });
});
