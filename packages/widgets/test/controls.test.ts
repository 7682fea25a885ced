// How a reader operates any widget's controls (issue 9): the slider's spoken value follows the
// reader's own moves, the number box steps sensibly, no float noise reaches the box, the URL or the
// embed code, the live region never keeps saying "Copied" after a download, values outside what the
// math can show are refused in the reader's language, and numbers are read strictly.
import { afterEach, describe, expect, it } from 'vitest';
import { formatParamNumber, formatParamValue } from '../src/shared/format.ts';
import { MleWidget, defineWidget } from '../src/shared/base-widget.ts';
import { nudge } from '../src/shared/controls.ts';
import { lrGdParam } from '../src/shared/optimizer-params.ts';
import { muParam } from '../src/shared/common-params.ts';
import { parseDecimal, parseParam } from '../src/shared/params.ts';
import { mount, waitFor } from './support/mount.ts';

afterEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', location.pathname);
});

/** The range input and the number box of the control labelled `label`. */
function control(el: HTMLElement, label: string): { slider: HTMLInputElement | null; number: HTMLInputElement } {
  const root = el.shadowRoot as ShadowRoot;
  const number = [...root.querySelectorAll<HTMLInputElement>('input[type="number"]')].find((i) => root.querySelector(`label[for="${i.id}"]`)?.textContent === label);
  if (!number) throw new Error(`no number box labelled ${label}`);
  const slider = number.parentElement?.querySelector<HTMLInputElement>('input[type="range"]') ?? null;
  return { slider, number };
}

function press(input: HTMLInputElement, key: string): void {
  input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
}

describe('formatParamNumber', () => {
  it('drops float noise and keeps every value a reader could type', () => {
    // 52 × 1e-5 in float64 is 0.0005200000000000001 (the log slider's old rounding).
    expect(String(52 * 0.00001)).toBe('0.0005200000000000001');
    expect(formatParamNumber(52 * 0.00001)).toBe('0.00052');
    expect(formatParamNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatParamNumber(4294967295)).toBe('4294967295');
    expect(formatParamNumber(-3.25)).toBe('-3.25');
    expect(formatParamNumber(1e-7)).toBe('1e-7');
    expect(formatParamValue([0.1 + 0.2, 1])).toBe('0.3,1');
  });
});

describe('parseDecimal', () => {
  it('reads plain and scientific decimals only', () => {
    for (const [text, value] of [['0.5', 0.5], ['-3', -3], ['+2', 2], ['1e-4', 1e-4], ['.5', 0.5], ['5.', 5], ['0', 0], ['10', 10]] as const) {
      expect(parseDecimal(text), text).toBe(value);
    }
  });
  it('refuses what Number() would quietly accept', () => {
    for (const text of ['0x10', '0b11', '0o7', 'Infinity', '000', '05', '1_000', '', ' ', '-', '1e400', '1,000']) {
      expect(parseDecimal(text), text).toBeUndefined();
    }
  });
  it('refuses a list entry written with a thousands separator', () => {
    const logits = { kind: 'list', name: 'logits', label: { zh: 'logits', en: 'Logits' }, minLength: 2, maxLength: 10, default: [3, 1] } as const;
    expect(parseParam(logits, '1,000').ok).toBe(false);
    expect(parseParam(logits, '1,0.5')).toEqual({ ok: true, value: [1, 0.5] });
    expect(parseParam(muParam, '0x10').ok).toBe(false);
  });
});

describe('nudge (the number box arrow keys)', () => {
  it('steps a log-scale learning rate along 1–2–5, never by 1', () => {
    expect(nudge(lrGdParam, 0.00052, 1)).toBe(0.001);
    expect(nudge(lrGdParam, 0.00052, -1)).toBe(0.0005);
    expect(nudge(lrGdParam, 0.0005, 1)).toBe(0.001);
    expect(nudge(lrGdParam, 0.0005, -1)).toBe(0.0002);
    expect(nudge(lrGdParam, 10, 1)).toBe(10);
  });
  it('steps a linear parameter to the next multiple of its step', () => {
    expect(nudge(muParam, 4.5, 1)).toBe(4.6);
    expect(nudge(muParam, 4.55, -1)).toBe(4.5);
    expect(nudge(muParam, 100, 1)).toBe(100);
  });
});

describe('a widget\'s controls', () => {
  it("say the value the reader moved the slider to (μ at 4.5 announces '4.5')", async () => {
    const el = await mount('<mle-data-explorer seed="42" lang="en"></mle-data-explorer>');
    const { slider, number } = control(el, 'True mean μ');
    expect(slider).not.toBeNull();
    (slider as HTMLInputElement).value = '4.5';
    slider?.dispatchEvent(new Event('input'));
    expect(slider?.getAttribute('aria-valuetext')).toBe('4.5');
    expect(number.value).toBe('4.5');
  });

  it('step a learning rate by the arrow keys without float noise, in the box, the URL and the embed code', async () => {
    const el = await mount('<mle-optimizer-race seed="42" n="100" lr-gd="0.00052" url-state lang="en"></mle-optimizer-race>', 60_000);
    const { slider, number } = control(el, 'GD learning rate');
    expect(number.value).toBe('0.00052');
    press(number, 'ArrowUp');
    expect(number.value).toBe('0.001');
    press(number, 'ArrowDown');
    press(number, 'ArrowDown');
    expect(number.value).toBe('0.0002');
    // The log slider lands on 2 significant figures: 10^(log10 0.00052) → 0.00052, not 0.0005200000000000001.
    (slider as HTMLInputElement).value = String(Math.log10(0.00052));
    slider?.dispatchEvent(new Event('input'));
    expect(number.value).toBe('0.00052');
    expect(new URLSearchParams(location.search).get('lr-gd')).toBe('0.00052');
    await waitFor(() => el.dataset['ready'] === 'true');
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void (copied = text) } });
    const buttons = [...(el.shadowRoot?.querySelectorAll('button') ?? [])];
    buttons.find((b) => b.textContent === 'Copy embed code')?.click();
    await waitFor(() => copied !== '');
    expect(copied).toContain('lr-gd="0.00052"');
    expect(copied).not.toMatch(/0000000000/);
  });

  it("stop saying 'Copied' once a CSV is downloaded", async () => {
    const el = await mount('<mle-data-explorer seed="42" n="100" lang="en"></mle-data-explorer>');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => undefined } });
    const live = el.shadowRoot?.querySelector('[aria-live]');
    const buttons = [...(el.shadowRoot?.querySelectorAll('button') ?? [])];
    buttons.find((b) => b.textContent === 'Copy link')?.click();
    await waitFor(() => live?.textContent === 'Copied');
    buttons.find((b) => b.textContent === 'Download CSV')?.click();
    await waitFor(() => live?.textContent !== 'Copied');
    expect(live?.textContent).toBe('Downloaded mle-data-explorer.csv');
  });

  it('offer no slider for the seed (4,294,967,296 values), only the number box', async () => {
    const el = await mount('<mle-data-explorer seed="42" lang="en"></mle-data-explorer>');
    const { slider, number } = control(el, 'Seed');
    expect(slider).toBeNull();
    expect(number.value).toBe('42');
  });

  it('refuse a σ too small for the math (1e-300), in Chinese on a Chinese page, and keep drawing', async () => {
    const el = await mount('<mle-data-explorer seed="42" sigma="1e-300" lang="zh"></mle-data-explorer>');
    await waitFor(() => el.dataset['ready'] === 'true');
    expect(el.getAttribute('data-error')).toBe('真实标准差 σ（sigma）不能是 “1e-300”：允许 ≥ 0.001 且 ≤ 100 的数。');
    expect(el.shadowRoot?.querySelector('.error')?.textContent).not.toMatch(/kdeGrid|variance/);
  });

  it("refuse 0x10 instead of reading it as 16, and logits '1,000' instead of reading [1, 0]", async () => {
    const el = await mount('<mle-data-explorer seed="42" mu="0x10" lang="en"></mle-data-explorer>');
    expect(el.getAttribute('data-error')).toContain('True mean μ (mu) cannot be “0x10”');
    const soft = await mount('<mle-softmax-ce logits="1,000" lang="en"></mle-softmax-ce>');
    expect(soft.getAttribute('data-error')).toContain('cannot be “1,000”');
  });

  it("tell the reader in their language when the math library fails, keeping the developer's words in data-error", async () => {
    class Failing extends MleWidget {
      static override widgetName = 'test-failing';
      protected build(): void {}
      protected async render(): Promise<void> {
        throw new Error('kdeGrid: x has zero variance (all 3 values are 1)');
      }
    }
    defineWidget(Failing);
    const el = await mount('<mle-test-failing lang="zh"></mle-test-failing>');
    const shown = el.shadowRoot?.querySelector('.error')?.textContent ?? '';
    expect(shown).toContain('无法用这组数值画出结果');
    expect(shown).not.toContain('kdeGrid');
    expect(el.getAttribute('data-error')).toContain('kdeGrid: x has zero variance');
  });
});
