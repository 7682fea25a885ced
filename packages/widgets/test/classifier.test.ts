import { afterEach, describe, expect, it } from 'vitest';
import { mount, nextRender, readout, typeInto, waitFor } from './support/mount.ts';

afterEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', location.pathname);
});

describe('<mle-classifier>', () => {
  it('trains softmax regression on seeded blobs and shows CE and ℓ equal up to −n', async () => {
    const el = await mount('<mle-classifier seed="42" classes="3" lang="en"></mle-classifier>');
    expect(el.dataset['widget']).toBe('classifier');
    expect(el.hasAttribute('data-error')).toBe(false);
    // torch 2.13 (float64): X, y = sklearn make_blobs(n_samples=300, centers=[[-2, -1.5], [2, -1.5], [0, 2]],
    //   cluster_std=1.0, shuffle=False, random_state=42); nn.Linear(2, 3) zero-initialised; SGD(lr=0.5);
    //   300 steps of F.cross_entropy → 0.09910539958269708; −F.cross_entropy(..., reduction='sum')
    //   → −29.731619874809123; (lin(X).argmax(1) == y).mean() → 0.95
    expect(readout(el, 'steps')).toBe('300');
    expect(readout(el, 'ce')).toBe('0.099105');
    expect(readout(el, 'll')).toBe('−29.7316');
    expect(readout(el, 'n')).toBe('300');
    expect(readout(el, 'identity')).toBe('ℓ = −n · CE: −29.7316 = −300 × 0.099105');
    expect(readout(el, 'accuracy')).toBe('95.0%');
    expect(el.shadowRoot?.querySelectorAll('canvas').length).toBeGreaterThanOrEqual(2);
    const tables = el.shadowRoot?.querySelectorAll('table.sr-only') ?? [];
    expect(tables.length).toBe(2);
    // The loss table's first row: step 0, CE = log 3 and ℓ = −300·log 3 (every class equally likely).
    expect(tables[1]?.querySelector('tbody tr')?.textContent).toContain('1.09861');
    expect(tables[1]?.querySelector('tbody tr')?.textContent).toContain('-329.584');
  });

  it('reacts to the controls and reads the region under the pointer', async () => {
    const el = await mount('<mle-classifier lang="en"></mle-classifier>');
    const before = readout(el, 'ce');
    const rendered = nextRender(el);
    typeInto(el, 'Classes', '5');
    await rendered;
    expect(readout(el, 'ce')).not.toBe(before);
    expect(el.shadowRoot?.querySelectorAll('table.sr-only')[0]?.textContent).toContain('4');
    const over = el.shadowRoot?.querySelector<HTMLElement>('.regions .u-over');
    expect(over).not.toBeNull();
    const rect = (over as HTMLElement).getBoundingClientRect();
    over?.dispatchEvent(new MouseEvent('mousemove', { clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2, bubbles: true }));
    await waitFor(() => /class \d \(p = /.test(readout(el, 'cursor')));
  });

  it('reads its state from the URL and writes it back', async () => {
    history.replaceState(null, '', '?seed=7&classes=2&lr=1&steps=50');
    const el = await mount('<mle-classifier url-state lang="en"></mle-classifier>');
    expect(el.hasAttribute('data-error')).toBe(false);
    expect(readout(el, 'steps')).toBe('50');
    const rendered = nextRender(el);
    typeInto(el, 'Steps', '80');
    await rendered;
    expect(readout(el, 'steps')).toBe('80');
    expect(new URLSearchParams(location.search).get('steps')).toBe('80');
    expect(new URLSearchParams(location.search).get('classes')).toBe('2');
  });

  it('shows a progress bar with a cancel button for long training', async () => {
    const el = await mount('<mle-classifier classes="5" steps="100" lr="0.05" lang="en"></mle-classifier>');
    typeInto(el, 'Steps', '100000');
    const progress = el.shadowRoot?.querySelector<HTMLElement>('.progress');
    await waitFor(() => progress?.hidden === false, 10_000);
    const cancel = progress?.querySelector('button');
    expect(cancel?.textContent).toBe('Cancel');
    cancel?.click();
    await waitFor(() => (el.shadowRoot?.querySelector('.warning')?.textContent ?? '').includes('cancelled'));
    expect(progress?.hidden).toBe(true);
    // The previous result stays; the widget keeps working.
    expect(readout(el, 'steps')).toBe('100');
    const rendered = nextRender(el);
    typeInto(el, 'Steps', '200');
    await rendered;
    expect(readout(el, 'steps')).toBe('200');
    expect(el.shadowRoot?.querySelector('.warning')?.textContent).toBe('');
  });

  it('names the allowed range for bad attributes and keeps working', async () => {
    const el = await mount('<mle-classifier classes="7" lr="0" lang="zh"></mle-classifier>');
    await waitFor(() => el.dataset['ready'] === 'true');
    const error = el.getAttribute('data-error') ?? '';
    expect(error).toContain('类别数（classes）不能是 “7”：允许 ≥ 2 且 ≤ 5 的整数。');
    expect(error).toContain('学习率 η（lr）不能是 “0”：允许 ≥ 0.001 且 ≤ 100 的数。');
    expect(el.dataset['ready']).toBe('true');
    expect(readout(el, 'ce')).toBe('0.099105');
    expect(el.shadowRoot?.textContent).not.toContain('NaN');
  });
});
