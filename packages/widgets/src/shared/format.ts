/** A number for a readout: fixed decimals, a real minus sign, never "NaN". */
export function formatNumber(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return '—';
  return value.toFixed(digits).replace('-', '−');
}

/** An integer with thousands separators. */
export function formatCount(value: number, lang: 'zh' | 'en'): string {
  return value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
}
