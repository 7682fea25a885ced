export { codeBlock, tableScroll } from './scroll-region.ts';
import { watchChartWidth } from './chart-width.ts';
import { headerCell } from './data-table.ts';

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

/** A `<p>` for a figure's caption or a short status line (text only); `readout` names it for tests and readers. */
export function note(text = '', className = 'legend-note', readout?: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  if (readout !== undefined) p.dataset['readout'] = readout;
  return p;
}

/** A `<div class="chart">` for a chart to fill (its width watched for the chart's build: `watchChartWidth`). */
export function chartBox(extraClass = ''): HTMLDivElement {
  const div = document.createElement('div');
  div.className = extraClass ? `chart ${extraClass}` : 'chart';
  // Its width is recorded from now on, so that building the chart later needs no forced layout.
  watchChartWidth(div);
  return div;
}

/**
 * Appends a row to a visible table: a row header, then one cell per field holding an
 * `<output data-readout="…">` (named by `readout`) for text values.
 */
export function outputRow<F extends string>(
  body: HTMLTableSectionElement,
  label: string,
  fields: readonly F[],
  readout: (field: F) => string,
): Record<F, HTMLOutputElement> {
  const tr = body.insertRow();
  tr.append(headerCell(label, 'row'));
  const out = {} as Record<F, HTMLOutputElement>;
  for (const field of fields) {
    const output = document.createElement('output');
    output.dataset['readout'] = readout(field);
    tr.insertCell().append(output);
    out[field] = output;
  }
  return out;
}
