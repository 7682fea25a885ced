import { compareFits, confidenceIntervals, createRandomState, fitDistribution, getFamily, parseData } from '@mle-lab/core';
import { afterEach, describe, expect, it } from 'vitest';
import { FitLab, sig } from '../src/widgets/fit-lab.ts';
import { REAL_DATASETS } from '../src/widgets/fit-lab-data.ts';
import { mount, nextRender, waitFor } from './support/mount.ts';

afterEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', location.pathname);
});

const shadow = (el: HTMLElement) => el.shadowRoot as ShadowRoot;
const cell = (el: HTMLElement, family: string, parameter: string, col: string) =>
  shadow(el).querySelector(`tr[data-family="${family}"][data-parameter="${parameter}"] [data-col="${col}"]`)?.textContent ?? '';
const firstCell = (el: HTMLElement, family: string, col: string) => shadow(el).querySelector(`tr[data-family="${family}"] [data-col="${col}"]`)?.textContent ?? '';
const rankedFamilies = (el: HTMLElement) => [...shadow(el).querySelectorAll('tbody tr th[data-col="family"]')].map((th) => th.closest('tr')?.dataset['family']);
const text = (el: HTMLElement, readout: string) => shadow(el).querySelector(`[data-readout="${readout}"]`)?.textContent ?? '';

/** Pastes text into the widget's text area as a reader would (a paste event carrying the clipboard). */
function paste(el: HTMLElement, value: string): void {
  const area = shadow(el).querySelector('textarea') as HTMLTextAreaElement;
  const data = new DataTransfer();
  data.setData('text/plain', value);
  const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
  area.dispatchEvent(event);
  // A short paste lands in the box (the browser's default action); the reader then presses Fit.
  if (!event.defaultPrevented) {
    area.value = value;
    area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true }));
  }
}

async function fitted(el: HTMLElement, timeout = 60_000): Promise<void> {
  await waitFor(() => el.dataset['ready'] === 'true' && rankedFamilies(el).length > 0, timeout);
}

describe('<mle-fit-lab>', () => {
  it('fits a preset of real data by every continuous family whose support holds it, numbers equal to core', async () => {
    const el = await mount<FitLab>('<mle-fit-lab preset="precip" lang="en"></mle-fit-lab>', 60_000);
    await fitted(el);
    expect(el.dataset['widget']).toBe('fit-lab');
    expect(el.hasAttribute('data-error')).toBe(false);
    const x = parseData(REAL_DATASETS.find((d) => d.name === 'precip')!.text).values;
    const direct = compareFits(x, ['normal', 'lognormal', 'exponential', 'gamma', 'weibull', 'beta', 'logistic', 'laplace', 'cauchy', 'uniform']);
    expect(rankedFamilies(el)).toEqual(direct.ranked.map((r) => r.family));
    const best = direct.ranked[0]!;
    const p = best.fit.parameters[0]!;
    const ci = confidenceIntervals(x, best.fit)[p]!;
    expect(cell(el, best.family, p, 'estimate')).toBe(`${sig(best.fit.estimates[p]!)} ± ${sig(best.fit.standardErrors[p]!, 5)}`);
    expect(cell(el, best.family, p, 'interval')).toBe(`[${sig(ci.lower)}, ${sig(ci.upper)}]`);
    expect(firstCell(el, best.family, 'aic')).toBe(sig(best.aic, 8));
    expect(firstCell(el, best.family, 'weight')).toBe(sig(best.akaikeWeight, 4));
    expect(firstCell(el, best.family, 'ks')).toBe(sig(best.gof!.ks.statistic, 5));
    // The source is cited, the reading names the winner and warns it is no proof.
    expect(text(el, 'source')).toContain('Statistical Abstracts of the United States');
    expect(text(el, 'reading')).toContain('not proof');
    expect(text(el, 'failed')).toContain('beta');
    expect(shadow(el).querySelectorAll('canvas').length).toBeGreaterThanOrEqual(5);
    expect(shadow(el).querySelector('.code')?.textContent).toContain("fitdist(x, 'lnorm')");
    expect(shadow(el).querySelector('.code')?.textContent).toContain('stats.lognorm');
  });

  it('fits a seeded preset from any family; families by attribute; counts get the discrete families', async () => {
    const el = await mount<FitLab>('<mle-fit-lab preset="poisson" seed="3" lang="en"></mle-fit-lab>', 60_000);
    await fitted(el);
    expect(rankedFamilies(el).toSorted()).toEqual(['geometric', 'negativeBinomial', 'poisson']);
    const x = getFamily('poisson').sample(createRandomState(3), { lambda: 3 }, 300);
    const fit = fitDistribution(x, 'poisson');
    expect(cell(el, 'poisson', 'lambda', 'estimate')).toBe(`${sig(fit.estimates['lambda']!)} ± ${sig(fit.standardErrors['lambda']!, 5)}`);
    const chosen = await mount<FitLab>('<mle-fit-lab preset="gamma" families="gamma,weibull" lang="en"></mle-fit-lab>', 60_000);
    await fitted(chosen);
    expect(rankedFamilies(chosen).toSorted()).toEqual(['gamma', 'weibull']);
    const boxes = [...shadow(chosen).querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].filter((b) => b.checked).map((b) => b.value);
    expect(boxes).toEqual(['gamma', 'weibull']);
  });

  it('pasted text: bad tokens listed with their line numbers as text, the rest fitted, the data in the URL', async () => {
    const el = await mount<FitLab>('<mle-fit-lab url-state lang="en"></mle-fit-lab>', 60_000);
    await fitted(el);
    const rendered = nextRender(el);
    paste(el, '1.2\n3.4\nn/a\n2.2, 5.1\n<script>alert(1)</script>\n0.7 4.4 2.9\n');
    await rendered;
    await fitted(el);
    expect(text(el, 'skipped')).toBe("2 tokens skipped: line 3 ‘n/a’; line 5 ‘<script>alert(1)</script>’");
    expect(shadow(el).querySelector('script')).toBeNull();
    expect(text(el, 'source')).toContain('7 values read');
    expect(new URLSearchParams(location.search).get('data')).toContain('n/a');
    const x = [1.2, 3.4, 2.2, 5.1, 0.7, 4.4, 2.9];
    const fit = fitDistribution(x, 'normal');
    expect(cell(el, 'normal', 'mean', 'estimate')).toBe(`${sig(fit.estimates['mean']!)} ± ${sig(fit.standardErrors['mean']!, 5)}`);
  });

  it('text written with decimal commas is read so, and the reader is told', async () => {
    const el = await mount<FitLab>('<mle-fit-lab families="normal" lang="en"></mle-fit-lab>', 60_000);
    await fitted(el);
    const rendered = nextRender(el);
    paste(el, '1,5;2,25\n3,75;0,5\n');
    await rendered;
    await fitted(el);
    expect(text(el, 'source')).toBe('4 values read (commas read as decimal marks: the values are separated by semicolons or tabs)');
    const fit = fitDistribution([1.5, 2.25, 3.75, 0.5], 'normal');
    expect(cell(el, 'normal', 'mean', 'estimate')).toBe(`${sig(fit.estimates['mean']!)} ± ${sig(fit.standardErrors['mean']!, 5)}`);
  });

  it('an author’s data attribute, a table with a header (column chosen), and bootstrap p-values with progress', async () => {
    const el = await mount<FitLab>('<mle-fit-lab data="a,b\n1,10\n2,21\n3,33\n4,38\n5,52" families="normal" lang="en"></mle-fit-lab>', 60_000);
    await fitted(el);
    const select = [...shadow(el).querySelectorAll('select')].find((s) => s.closest('label')?.textContent?.startsWith('Column'))!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['every field', 'a', 'b']);
    const rendered = nextRender(el);
    select.value = '1';
    select.dispatchEvent(new Event('change'));
    await rendered;
    await fitted(el);
    const fit = fitDistribution([10, 21, 33, 38, 52], 'normal');
    expect(cell(el, 'normal', 'mean', 'estimate')).toBe(`${sig(fit.estimates['mean']!)} ± ${sig(fit.standardErrors['mean']!, 5)}`);
    const button = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent === 'Bootstrap p-values')!;
    button.click();
    await waitFor(() => firstCell(el, 'normal', 'ks').includes('p = '), 60_000);
  });

  it('the preset menu says "(your data)" while the reader’s own numbers are fitted, and a preset chosen brings its data back', async () => {
    const el = await mount<FitLab>('<mle-fit-lab data="1.2 3.4 2.2 5.1 0.7" families="normal" lang="en"></mle-fit-lab>', 60_000);
    await fitted(el);
    const menu = () => [...shadow(el).querySelectorAll('select')].find((s) => s.parentElement?.querySelector('label')?.textContent === 'Preset data') as HTMLSelectElement;
    expect(menu().selectedOptions[0]?.textContent).toBe('(your data)');
    expect(menu().selectedOptions[0]?.disabled).toBe(true);
    expect(text(el, 'source')).toBe('5 values read');
    const rendered = nextRender(el);
    menu().value = 'precip';
    menu().dispatchEvent(new Event('change'));
    await rendered;
    await fitted(el);
    expect(menu().value).toBe('precip');
    expect(menu().querySelector('option[data-own-data]')).toBeNull();
    expect(text(el, 'source')).toContain('Statistical Abstracts of the United States');
  });

  it('bad input: an empty paste, a file of text, absurd values', async () => {
    const el = await mount<FitLab>('<mle-fit-lab data="hello world\nfoo bar" lang="en"></mle-fit-lab>', 60_000);
    await waitFor(() => el.hasAttribute('data-error'));
    expect(el.getAttribute('data-error')).toContain('No numbers could be read');
    // The first line, all words, is a header; the second is skipped, word by word.
    expect(text(el, 'skipped')).toBe('2 tokens skipped: line 2 ‘foo’; line 2 ‘bar’');
    // A file of text, dropped.
    const file = new File(['this is\nnot data at all\n'], 'notes.txt', { type: 'text/plain' });
    const drop = new DataTransfer();
    drop.items.add(file);
    shadow(el).querySelector('.fl-input')?.dispatchEvent(new DragEvent('drop', { dataTransfer: drop, bubbles: true, cancelable: true }));
    await waitFor(() => text(el, 'skipped').startsWith('4 tokens skipped: line 2 ‘not’'));
    expect(el.getAttribute('data-error')).toContain('No numbers could be read');
    // Absurd values: fitted where core can, the others listed with their reason; never NaN in the table.
    paste(el, '1e300 -1e300 5 7 1e-300');
    await waitFor(() => el.dataset['ready'] === 'true' && !el.hasAttribute('data-error') && rankedFamilies(el).length > 0, 60_000);
    expect(shadow(el).querySelector('tbody')?.textContent).not.toContain('NaN');
    // An empty paste.
    paste(el, '');
    await waitFor(() => (el.getAttribute('data-error') ?? '').includes('No numbers could be read'));
    const bad = await mount<FitLab>('<mle-fit-lab families="gauss" lang="en"></mle-fit-lab>');
    expect(bad.getAttribute('data-error')).toContain('“gauss” is not a family this lab fits');
  });

  it('speaks Chinese', async () => {
    const el = await mount<FitLab>('<mle-fit-lab preset="precip" lang="zh"></mle-fit-lab>', 60_000);
    await fitted(el);
    expect(text(el, 'reading')).toContain('按 AIC');
    expect(text(el, 'source')).toContain('来源');
  });

  it('1e6 pasted values: parsed, fitted over every continuous family and drawn with no main-thread task over 50 ms', async () => {
    const el = await mount<FitLab>('<mle-fit-lab preset="gamma" lang="en"></mle-fit-lab>', 60_000);
    await fitted(el);
    const values = getFamily('gamma').sample(createRandomState(11), { shape: 2, rate: 0.5 }, 1_000_000);
    // The clipboard's content, prepared before measuring (in a real paste the browser holds it).
    const clipboard = new DataTransfer();
    // Built a thousand values at a time, so the test leaves no million short-lived strings for a
    // garbage collection to sweep while the widget is being measured.
    const parts: string[] = [];
    for (let i = 0; i < values.length; i += 1000) parts.push(Array.from(values.subarray(i, i + 1000), (v) => v.toPrecision(8)).join('\n'));
    clipboard.setData('text/plain', parts.join('\n'));
    parts.length = 0;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const longTasks: string[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(`${entry.duration.toFixed(0)} ms at ${entry.startTime.toFixed(0)} (${text(el, 'status') || 'drawing'})`);
    });
    observer.observe({ type: 'longtask' });
    const area = shadow(el).querySelector('textarea') as HTMLTextAreaElement;
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }));
    await waitFor(() => text(el, 'source').startsWith('1,000,000 values read') && text(el, 'status') === '' && el.dataset['ready'] === 'true', 300_000);
    await waitFor(() => shadow(el).querySelector('[data-readout="source"]') !== null && el.dataset['ready'] === 'true');
    await new Promise((resolve) => setTimeout(resolve, 500));
    observer.disconnect();
    expect(rankedFamilies(el)[0]).toBe('gamma');
    expect(rankedFamilies(el)).toHaveLength(9);
    expect(longTasks.filter((t) => Number.parseFloat(t) > 50)).toEqual([]);
  }, 320_000);
});
