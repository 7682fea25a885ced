import { afterEach, describe, expect, it } from 'vitest';
import { mount, nextRender, readout, typeInto, waitFor } from './support/mount.ts';

afterEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', location.pathname);
});

/** Types into a widget's text input (the list parameters) as a reader would, and commits it. */
function typeText(element: HTMLElement, label: string, value: string): void {
  const input = [...(element.shadowRoot?.querySelectorAll<HTMLInputElement>('input[type="text"]') ?? [])].find(
    (i) => element.shadowRoot?.querySelector(`label[for="${i.id}"]`)?.textContent === label,
  );
  if (!input) throw new Error(`typeText: no text input labelled ${label}`);
  input.value = value;
  input.dispatchEvent(new Event('change'));
}

/** A readout's numbers ("[0.8360, 0.1131, 0.0508]", "0.1791", "−0.5") as numbers. */
function numbers(element: HTMLElement, key: string): number[] {
  return (readout(element, key).match(/[−-]?\d+(\.\d+)?/g) ?? []).map((s) => Number(s.replace('−', '-')));
}

function expectNear(actual: number | undefined, expected: number, abs: number): void {
  expect(actual, `expected ${expected}`).toBeDefined();
  expect(Math.abs((actual as number) - expected), `expected ${expected}, got ${actual}`).toBeLessThanOrEqual(abs);
}

describe('<mle-softmax-ce>', () => {
  it("shows the note's softmax and loss for logits [3, 1, 0.2] and class 0", async () => {
    const el = await mount('<mle-softmax-ce logits="3,1,0.2" target="0" lang="en"></mle-softmax-ce>');
    expect(el.dataset['widget']).toBe('softmax-ce');
    expect(el.dataset['ready']).toBe('true');
    expect(el.hasAttribute('data-error')).toBe(false);
    // numpy (the note's code) / torch 2.13: softmax([3.0, 1.0, 0.2]) → [0.8360188, 0.1131428, 0.0508384],
    // -np.log(p[0]) == F.cross_entropy(z, torch.tensor([0])) → 0.17910417478500276
    const p = numbers(el, 'probs');
    expect(p.map((v) => v.toFixed(3))).toEqual(['0.836', '0.113', '0.051']);
    expectNear(p[0], 0.8360188027814407, 5e-5);
    expectNear(p[1], 0.11314284146556013, 5e-5);
    expectNear(p[2], 0.050838355752999165, 5e-5);
    expect(Number(readout(el, 'nll')).toFixed(3)).toBe('0.179');
    expect(readout(el, 'nll')).toBe('0.1791');
    // NLL and cross-entropy are shown equal; for a one-hot target H = 0 and KL = CE.
    expect(readout(el, 'ce')).toBe(readout(el, 'nll'));
    expect(readout(el, 'entropy')).toBe('0.0000');
    expect(readout(el, 'kl')).toBe('0.1791');
    expect(el.shadowRoot?.querySelector('canvas')).not.toBeNull();
    expect(el.shadowRoot?.querySelector('table.sr-only')?.textContent).toContain('0.836019');
    expect(el.shadowRoot?.querySelector('.code')?.textContent).toContain('F.cross_entropy(z, torch.tensor([0]), label_smoothing=0.0)');
  });

  it('reacts to label smoothing, a soft target and a logit slider', async () => {
    const el = await mount('<mle-softmax-ce lang="en"></mle-softmax-ce>');
    let rendered = nextRender(el);
    typeInto(el, 'Label smoothing ε', '0.1');
    await rendered;
    // torch: F.cross_entropy(z, torch.tensor([0]), label_smoothing=0.1) → 0.33910417478500277
    // scipy: q = [0.9, 0, 0] + 0.1/3; entropy(q) → 0.29113983883, entropy(q, p) → 0.04796433595
    expect(readout(el, 'ce')).toBe('0.3391');
    expect(readout(el, 'entropy')).toBe('0.2911');
    expect(readout(el, 'kl')).toBe('0.0480');
    // KL = CE − H with each number from core: 0.04796 = 0.33910 − 0.29114
    expect(readout(el, 'ceMinusH')).toBe('0.0480 = 0.3391 − 0.2911');
    expect(readout(el, 'nll')).toBe('0.1791');
    rendered = nextRender(el);
    typeText(el, 'Target: class index or probabilities', '0.7, 0.2, 0.1');
    await rendered;
    // torch: F.cross_entropy(z, torch.tensor([[0.7, 0.2, 0.1]]), label_smoothing=0.1); smoothed q = 0.9·q + 0.1/3
    expect(readout(el, 'nll')).toBe('—');
    rendered = nextRender(el);
    typeInto(el, 'Label smoothing ε', '0');
    await rendered;
    // torch: F.cross_entropy(z, torch.tensor([[0.7, 0.2, 0.1]])) → 0.8591041747850028;
    // scipy: entropy([0.7, 0.2, 0.1]) → 0.8018185525, entropy([0.7, 0.2, 0.1], p) → 0.0572856222
    expect(readout(el, 'ce')).toBe('0.8591');
    expect(readout(el, 'entropy')).toBe('0.8018');
    expect(readout(el, 'kl')).toBe('0.0573');
    // Dragging a logit goes through the logits parameter: equal logits → equal probabilities.
    rendered = nextRender(el);
    typeText(el, 'Target: class index or probabilities', '1');
    await rendered;
    rendered = nextRender(el);
    typeInto(el, 'logit z₀', '1');
    await rendered;
    expect(el.getAttribute('logits')).toBe('1,1,0.2');
    rendered = nextRender(el);
    typeInto(el, 'logit z₂', '1');
    await rendered;
    // numpy: softmax([1, 1, 1]) = 1/3 each; -log(1/3) = 1.0986122886681098
    expect(numbers(el, 'probs').map((v) => v.toFixed(4))).toEqual(['0.3333', '0.3333', '0.3333']);
    expect(readout(el, 'ce')).toBe('1.0986');
  });

  it('reads its state from the URL and writes it back', async () => {
    history.replaceState(null, '', '?logits=1000,0&target=1');
    const el = await mount('<mle-softmax-ce url-state lang="en"></mle-softmax-ce>');
    expect(el.hasAttribute('data-error')).toBe(false);
    // Stable at ±1000: torch F.cross_entropy(torch.tensor([[1000., 0.]]), torch.tensor([1])) → 1000.0
    expect(readout(el, 'ce')).toBe('1000.0000');
    expect(numbers(el, 'probs')).toEqual([1, 0]);
    const rendered = nextRender(el);
    typeText(el, 'Logits (comma-separated)', '2, 1, 0');
    await rendered;
    const query = new URLSearchParams(location.search);
    expect(query.get('logits')).toBe('2,1,0');
    expect(query.get('target')).toBe('1');
  });

  it('names the allowed values for bad logits and targets and keeps working', async () => {
    const el = await mount('<mle-softmax-ce logits="3" smoothing="2" lang="en"></mle-softmax-ce>');
    await waitFor(() => el.dataset['ready'] === 'true');
    const error = el.getAttribute('data-error') ?? '';
    expect(error).toContain('Logits (comma-separated) (logits) cannot be “3”: allowed is 2–10 comma-separated finite numbers.');
    expect(error).toContain('Label smoothing ε (smoothing) cannot be “2”: allowed is a number ≥ 0 and ≤ 1.');
    expect(el.shadowRoot?.querySelector('.error')?.textContent).toContain('logits');
    // The defaults stand in meanwhile.
    expect(readout(el, 'nll')).toBe('0.1791');
    expect(el.shadowRoot?.textContent).not.toContain('NaN');

    const other = await mount('<mle-softmax-ce logits="3,1,0.2" target="5" lang="zh"></mle-softmax-ce>');
    expect(other.getAttribute('data-error')).toContain('目标（target）不能是 “5”：允许 0–2 的类别下标');
    const rendered = nextRender(other);
    typeText(other, '目标：类别下标或概率向量', '2');
    await rendered;
    expect(other.hasAttribute('data-error')).toBe(false);
    expect(readout(other, 'nll')).toBe('2.9791');

    const sum = await mount('<mle-softmax-ce target="0.5,0.2,0.1" lang="en"></mle-softmax-ce>');
    await waitFor(() => sum.hasAttribute('data-error'));
    expect(sum.getAttribute('data-error')).toMatch(/Target \(target\) probabilities must sum to 1; these sum to 0\.(8|7999)/);
    const bad = await mount('<mle-softmax-ce logits="1,x" target="0,-1" lang="en"></mle-softmax-ce>');
    expect(bad.getAttribute('data-error')).toContain('cannot be “1,x”');
    expect(bad.getAttribute('data-error')).toContain(
      'Target: class index or probabilities (target) cannot be “0,-1”: allowed is a class index (0, 1, …), or one probability per class (from 0 to 1, summing to 1), e.g. 0.7,0.2,0.1.',
    );
  });
});
