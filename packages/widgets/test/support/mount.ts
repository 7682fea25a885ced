import { defineAll } from '../../src/index.ts';

defineAll();

/**
 * Mounts `html` in a fresh container, scrolls it into view (a widget far from the viewport waits for the
 * reader to come near before it builds, and earlier tests' widgets may still be above it) and waits until
 * its widget is ready or reports an error.
 */
export async function mount<T extends HTMLElement>(html: string, timeout = 20_000): Promise<T> {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  const element = host.firstElementChild as T;
  element.scrollIntoView({ block: 'nearest' });
  await waitFor(() => element.dataset['ready'] === 'true' || element.hasAttribute('data-error'), timeout);
  return element;
}

/** Polls until `condition` holds. */
export async function waitFor(condition: () => boolean, timeout = 20_000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeout) throw new Error(`waitFor: condition not met within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits for the widget's next completed render. */
export function nextRender(element: HTMLElement): Promise<void> {
  return new Promise((resolve) => element.addEventListener('mle-render', () => resolve(), { once: true }));
}

export function readout(element: HTMLElement, key: string): string {
  return element.shadowRoot?.querySelector(`output[data-readout="${key}"]`)?.textContent ?? '';
}

/** Types a value into a widget's number input for a parameter (as a reader would) and commits it. */
export function typeInto(element: HTMLElement, label: string, value: string): void {
  const input = [...(element.shadowRoot?.querySelectorAll<HTMLInputElement>('input[type="number"]') ?? [])].find(
    (i) => element.shadowRoot?.querySelector(`label[for="${i.id}"]`)?.textContent === label,
  );
  if (!input) throw new Error(`typeInto: no number input labelled ${label}`);
  input.value = value;
  input.dispatchEvent(new Event('change'));
}
