import { groupedNumber } from './grouped-number.ts';

/** A number for a readout: fixed decimals, a real minus sign, never "NaN". */
export function formatNumber(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return '—';
  return value.toFixed(digits).replace('-', '−');
}

/** An integer with thousands separators (written alike in both languages; no Intl, see grouped-number.ts). */
export function formatCount(value: number, _lang: 'zh' | 'en'): string {
  return groupedNumber(value);
}

/**
 * A parameter value as the text a control, a link, the URL and embed code show: at most 15
 * significant digits (every 15-digit decimal survives a trip through a double), so float noise from slider arithmetic never shows ("0.00052", not
 * "0.0005200000000000001"), and the shortest text that reads back as that value.
 *
 * @example
 * formatParamNumber(52 * 0.00001); // => '0.00052'
 * formatParamNumber(4294967295); // => '4294967295'
 */
export function formatParamNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(15)));
}

/** Any parameter value (a number, a choice, a list of numbers) as that text. */
export function formatParamValue(value: number | string | readonly number[]): string {
  if (typeof value === 'number') return formatParamNumber(value);
  if (typeof value === 'string') return value;
  return value.map(formatParamNumber).join(',');
}
