// Small conversions between worker results and what the charts and readouts take.

/** A series for uPlot with NaN entries (the worker's "nothing here") turned into gaps (null). */
export function gaps(values: ArrayLike<number>): (number | null)[] {
  return Array.from(values, (v) => (Number.isNaN(v) ? null : v));
}

/** Fills `{name}` placeholders of a translated sentence (plain text: the result goes to textContent). */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_match, key: string) => values[key] ?? '');
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** A power of ten as text: 10⁻³²³. */
export function powerOfTen(exponent: number): string {
  return `10${[...String(exponent)].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
}

/** A number in scientific notation with a real minus sign: 1.129 × 10⁻¹⁹ ("∞" for +Infinity). */
export function formatScientific(value: number, digits = 3): string {
  if (value === Infinity) return '∞';
  if (!Number.isFinite(value)) return '—';
  const [mantissa = '', exponent = '0'] = value.toExponential(digits).split('e');
  return `${mantissa.replace('-', '−')} × ${powerOfTen(Number(exponent))}`;
}
