/** A row of labelled `<output data-readout="key">` values (what tests and readers read). */
export function createReadouts<K extends string>(
  items: readonly { key: K; label: string }[],
): { element: HTMLElement; outputs: Record<K, HTMLOutputElement> } {
  const element = document.createElement('div');
  element.className = 'readouts';
  const outputs = {} as Record<K, HTMLOutputElement>;
  for (const { key, label } of items) {
    const span = document.createElement('span');
    const output = document.createElement('output');
    output.dataset['readout'] = key;
    span.append(`${label} = `, output);
    element.append(span);
    outputs[key] = output;
  }
  return { element, outputs };
}

/** A `<p>` for a figure's caption or a short status line (text only). */
export function note(text = '', className = 'legend-note'): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

/** A `<div class="chart">` for a chart to fill. */
export function chartBox(extraClass = ''): HTMLDivElement {
  const div = document.createElement('div');
  div.className = extraClass ? `chart ${extraClass}` : 'chart';
  return div;
}

/** Whether an error is a cancelled job (the reader pressed Cancel, or a newer job replaced it). */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
