/**
 * A visually hidden table that tells screen-reader users what a chart shows (the chart itself is a
 * canvas). Long series are summarised to at most `maxRows` evenly spaced rows.
 */
export function createDataTable(caption: string): { element: HTMLTableElement; update(columns: { name: string; values: ArrayLike<number> }[], maxRows?: number): void } {
  const table = document.createElement('table');
  table.className = 'sr-only';
  const cap = document.createElement('caption');
  cap.textContent = caption;
  table.append(cap);
  return {
    element: table,
    update(columns, maxRows = 50) {
      table.replaceChildren(cap);
      const head = table.createTHead().insertRow();
      for (const c of columns) head.append(headerCell(c.name, 'col'));
      const body = table.createTBody();
      const rows = Math.max(0, ...columns.map((c) => c.values.length));
      const stride = Math.max(1, Math.ceil(rows / maxRows));
      for (let i = 0; i < rows; i += stride) {
        const tr = body.insertRow();
        for (const c of columns) {
          const v = c.values[i];
          tr.insertCell().textContent = v === undefined || !Number.isFinite(v) ? '' : String(Number(v.toPrecision(6)));
        }
      }
    },
  };
}

/** A `<th>` naming a column or a row (text only). */
export function headerCell(text: string, scope: 'col' | 'row'): HTMLTableCellElement {
  const th = document.createElement('th');
  th.scope = scope;
  th.textContent = text;
  return th;
}
