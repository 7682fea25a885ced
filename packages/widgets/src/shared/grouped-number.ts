// Numbers with thousands separators, without Intl. The first Intl formatter a page makes loads ICU's
// data: 28–55 ms in Chromium on this machine (four times that on Lighthouse's simulated phone), one long
// task on every page with a widget, for text that reads the same in both of the site's languages
// (en-US and zh-CN both write 1,234,567.5). uPlot's default number format is this one too (vite.config.ts).

/**
 * `value` as `Intl.NumberFormat('en-US', { maximumFractionDigits })` writes it (the same text as zh-CN):
 * thousands separated by commas, at most `maxFractionDigits` decimals, rounded half away from zero on the
 * shortest decimal that reads back as `value`, no trailing zeros, "-" before a negative (also "-0"),
 * "∞" and "NaN" as Intl writes them.
 *
 * @param value - Any number.
 * @param maxFractionDigits - At most this many decimals (an integer from 0 to 20).
 * @returns The text.
 * @example
 * groupedNumber(1234567.891); // => '1,234,567.891'
 * groupedNumber(0.00049); // => '0'
 * groupedNumber(-2.5, 0); // => '-3'
 */
export function groupedNumber(value: number, maxFractionDigits = 3): string {
  if (!Number.isInteger(maxFractionDigits) || maxFractionDigits < 0 || maxFractionDigits > 20) {
    throw new RangeError(`groupedNumber: maxFractionDigits must be an integer from 0 to 20, got ${maxFractionDigits}`);
  }
  if (Number.isNaN(value)) return 'NaN';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const magnitude = Math.abs(value);
  if (magnitude === Infinity) return `${sign}∞`;
  // The shortest decimal for the magnitude, as a digit string and the position of its decimal point.
  const [mantissa = '0', exponentText] = String(magnitude).split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  let digits = (whole + fraction).replace(/^0+/, '');
  let point = whole.replace(/^0+/, '').length + Number(exponentText ?? 0);
  if (digits === '') return `${sign}0`;
  if (whole.replace(/^0+/, '') === '') {
    // 0.00ddd: the leading zeros of the fraction move the point left.
    const leading = fraction.length - fraction.replace(/^0+/, '').length;
    point = -leading + Number(exponentText ?? 0);
  }
  // Keep the digits up to `maxFractionDigits` after the point; round half up on the first one dropped.
  const keep = point + maxFractionDigits;
  if (keep < 0) return `${sign}0`;
  if (keep < digits.length) {
    const roundUp = (digits.charCodeAt(keep) - 48) >= 5;
    digits = digits.slice(0, keep);
    if (roundUp) {
      let i = digits.length - 1;
      while (i >= 0 && digits[i] === '9') i--;
      if (i < 0) {
        digits = `1${'0'.repeat(digits.length)}`;
        point++;
      } else {
        digits = `${digits.slice(0, i)}${String.fromCharCode(digits.charCodeAt(i) + 1)}${'0'.repeat(digits.length - i - 1)}`;
      }
    }
  }
  // Split at the point, padding with zeros on either side.
  const intPart = point <= 0 ? '0' : digits.slice(0, point).padEnd(point, '0').replace(/^0+(?=\d)/, '');
  const fracPart = (point < 0 ? '0'.repeat(-point) + digits : digits.slice(Math.max(point, 0))).replace(/0+$/, '');
  const grouped = intPart.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}${grouped}${fracPart ? `.${fracPart}` : ''}`;
}
