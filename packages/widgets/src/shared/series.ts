// Small conversions between worker results and what the charts and readouts take.

/** A series for uPlot with NaN entries (the worker's "nothing here") turned into gaps (null). */
export function gaps(values: ArrayLike<number>): (number | null)[] {
  return Array.from(values, (v) => (Number.isNaN(v) ? null : v));
}

/** Fills `{name}` placeholders of a translated sentence (plain text: the result goes to textContent). */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_match, key: string) => values[key] ?? '');
}

/** A number in scientific notation with a real minus sign: 1.129 × 10^−19 ("∞" for +Infinity). */
export function formatScientific(value: number, digits = 3): string {
  if (value === Infinity) return '∞';
  if (!Number.isFinite(value)) return '—';
  return value.toExponential(digits).replaceAll('-', '−').replace('e', ' × 10^').replace('^+', '^');
}
