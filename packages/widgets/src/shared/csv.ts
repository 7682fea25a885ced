/** One CSV column: a header and its values (numbers or text). */
export interface CsvColumn {
  name: string;
  values: ArrayLike<number | string>;
}

function cell(value: number | string | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Columns of possibly different lengths as RFC 4180 CSV (shorter columns leave cells empty). */
export function toCsv(columns: readonly CsvColumn[]): string {
  const rows = Math.max(0, ...columns.map((c) => c.values.length));
  const lines = [columns.map((c) => cell(c.name)).join(',')];
  for (let i = 0; i < rows; i++) lines.push(columns.map((c) => cell(c.values[i])).join(','));
  return `${lines.join('\n')}\n`;
}
