import { formatParamNumber } from './format.ts';
import type { Lang, Text } from './i18n.ts';
import { groupedNumber } from './grouped-number.ts';

/** A numeric widget parameter with its allowed range: drives the control, the attribute and the URL. */
export interface NumberParam {
  kind: 'number' | 'integer';
  name: string;
  label: Text;
  min: number;
  max: number;
  /** Slider step; the number input accepts any value in range (integers for 'integer'). */
  step: number;
  default: number;
  /** Slider on a log scale (n from 10 to 1,000,000); the number box's arrow keys then step by factors. */
  log?: boolean;
  /** No slider, only the number box (a seed: any of 4,294,967,296 values, none nearer than another). */
  noSlider?: boolean;
  /** Lower bound excluded (σ > 0). */
  exclusiveMin?: boolean;
}

/** A parameter chosen from a list. */
export interface ChoiceParam {
  kind: 'choice';
  name: string;
  label: Text;
  choices: readonly { value: string; label: Text }[];
  default: string;
  /** Also accept any integer in [min, max] (histogram bins: a count or a rule). */
  integerRange?: { min: number; max: number };
  /** Also accept any number in [min, max] (a KDE bandwidth: a rule or a factor). */
  numberRange?: { min: number; max: number };
}

/**
 * A short list of numbers typed as comma-separated text (logits "3,1,0.2", a probability vector
 * "0.7,0.2,0.1"). The state holds the parsed numbers; attributes, links and the URL hold the text.
 */
export interface ListParam {
  kind: 'list';
  name: string;
  label: Text;
  /** Fewest and most entries allowed. */
  minLength: number;
  maxLength: number;
  /** Bounds every entry must respect (inclusive); omitted: any finite number. */
  min?: number;
  max?: number;
  default: readonly number[];
  /** What the widget accepts, in words, when it is more than the rule above (shown under the field and in errors). */
  describe?: Text;
}

/**
 * Free text of bounded length (a short dataset, a list of family names). The widget reads it itself;
 * it has no generic control. Attributes, links and the URL carry it as it is.
 */
export interface TextParam {
  kind: 'text';
  name: string;
  label: Text;
  /** Longest text accepted, in characters. */
  maxLength: number;
  default: string;
  /** What the widget accepts, in words (shown in errors). */
  describe: Text;
}

export type ParamSpec = NumberParam | ChoiceParam | ListParam | TextParam;
export type ParamValue = number | string | readonly number[];

export type ParseResult = { ok: true; value: ParamValue } | { ok: false; message: Text };

/**
 * A bound for a message: thousands separators (alike in both languages; no Intl, see grouped-number.ts),
 * and tiny bounds (learning rates) as 1e-7, never as "0".
 */
function formatBound(v: number): string {
  if (v !== 0 && Math.abs(v) < 1e-3) return String(v);
  return groupedNumber(v, 6);
}

function formatRange(spec: NumberParam, lang: Lang): string {
  const fmt = formatBound;
  const lower = spec.exclusiveMin ? `> ${fmt(spec.min)}` : `≥ ${fmt(spec.min)}`;
  const kind = spec.kind === 'integer' ? (lang === 'zh' ? '整数' : 'an integer') : lang === 'zh' ? '数' : 'a number';
  return lang === 'zh' ? `${lower} 且 ≤ ${fmt(spec.max)} 的${kind}` : `${kind} ${lower} and ≤ ${fmt(spec.max)}`;
}

function formatListRule(spec: ListParam, lang: Lang): string {
  const fmt = formatBound;
  const count = spec.minLength === spec.maxLength ? fmt(spec.minLength) : `${fmt(spec.minLength)}–${fmt(spec.maxLength)}`;
  const hasMin = spec.min !== undefined;
  const hasMax = spec.max !== undefined;
  if (lang === 'zh') {
    const bound = hasMin && hasMax ? `介于 ${fmt(spec.min as number)} 与 ${fmt(spec.max as number)} 之间的` : hasMin ? `≥ ${fmt(spec.min as number)} 的` : hasMax ? `≤ ${fmt(spec.max as number)} 的` : '有限';
    return `${count} 个用逗号分隔的${bound}数`;
  }
  const bound = hasMin && hasMax ? ` from ${fmt(spec.min as number)} to ${fmt(spec.max as number)}` : hasMin ? ` ≥ ${fmt(spec.min as number)}` : hasMax ? ` ≤ ${fmt(spec.max as number)}` : '';
  return `${count} comma-separated finite numbers${bound}`;
}

/** A list value as the text an attribute, a link or the URL carries ("3,1,0.2"). */
export function formatList(values: readonly number[]): string {
  return values.map(formatParamNumber).join(',');
}

/**
 * A number as a reader writes it: plain decimal or scientific notation ("0.5", "-3", "1e-4", ".5").
 * Refuses what `Number()` would quietly accept: hexadecimal ("0x10" is not 16 here), binary and
 * octal literals, "Infinity", and digits with a leading zero ("000", "05": the tail of "1,000" typed
 * with a thousands separator).
 */
const DECIMAL = /^[+-]?(?:0|[1-9]\d*)?(?:\.\d+|(?<=\d)\.?)(?:e[+-]?\d+)?$/i;
export function parseDecimal(text: string): number | undefined {
  const t = text.trim();
  if (!DECIMAL.test(t)) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

/** What values a parameter allows, in words. */
export function allowedText(spec: ParamSpec): Text {
  if (spec.kind === 'text') return spec.describe;
  if (spec.kind === 'list') return spec.describe ?? { zh: formatListRule(spec, 'zh'), en: formatListRule(spec, 'en') };
  if (spec.kind !== 'choice') return { zh: formatRange(spec, 'zh'), en: formatRange(spec, 'en') };
  const names = spec.choices.map((c) => c.value).join(', ');
  const range = spec.integerRange;
  const numbers = spec.numberRange;
  if (numbers) {
    // Numeric presets in the list are covered by the range; name only the rules.
    const rules = spec.choices.map((c) => c.value).filter((v) => !Number.isFinite(Number(v))).join(', ');
    return {
      zh: `${numbers.min}–${numbers.max} 之间的数${rules ? `，或 ${rules}` : ''}`,
      en: `a number from ${numbers.min} to ${numbers.max}${rules ? `, or one of ${rules}` : ''}`,
    };
  }
  return {
    zh: range ? `${range.min}–${range.max} 的整数，或 ${names}` : `以下之一：${names}`,
    en: range ? `an integer from ${range.min} to ${range.max}, or one of ${names}` : `one of ${names}`,
  };
}

/** Parses a raw attribute or query value; never throws, never yields NaN. */
export function parseParam(spec: ParamSpec, raw: string): ParseResult {
  const trimmed = raw.trim();
  const shown = trimmed.length > 24 ? `${trimmed.slice(0, 24)}…` : trimmed;
  const bad = (): ParseResult => {
    const allowed = allowedText(spec);
    return {
      ok: false,
      message: {
        zh: `${spec.label.zh}（${spec.name}）不能是 “${shown}”：允许 ${allowed.zh}。`,
        en: `${spec.label.en} (${spec.name}) cannot be “${shown}”: allowed is ${allowed.en}.`,
      },
    };
  };
  if (spec.kind === 'text') return raw.length <= spec.maxLength ? { ok: true, value: raw } : bad();
  if (spec.kind === 'list') {
    const entries = trimmed === '' ? [] : trimmed.split(',').map((e) => e.trim());
    if (entries.length < spec.minLength || entries.length > spec.maxLength) return bad();
    const values: number[] = [];
    for (const entry of entries) {
      const v = parseDecimal(entry);
      if (v === undefined) return bad();
      if ((spec.min !== undefined && v < spec.min) || (spec.max !== undefined && v > spec.max)) return bad();
      values.push(v);
    }
    return { ok: true, value: values };
  }
  if (spec.kind === 'choice') {
    if (spec.choices.some((c) => c.value === trimmed)) return { ok: true, value: trimmed };
    const range = spec.integerRange;
    if (range && /^[+]?\d+$/.test(trimmed)) {
      const v = Number(trimmed);
      if (v >= range.min && v <= range.max) return { ok: true, value: v };
    }
    const numbers = spec.numberRange;
    if (numbers && trimmed !== '') {
      const v = parseDecimal(trimmed);
      if (v !== undefined && v >= numbers.min && v <= numbers.max) return { ok: true, value: v };
    }
    return bad();
  }
  const value = parseDecimal(trimmed);
  if (value === undefined) return bad();
  if (spec.kind === 'integer' && !Number.isInteger(value)) return bad();
  if (value > spec.max || value < spec.min || (spec.exclusiveMin && value === spec.min)) return bad();
  return { ok: true, value };
}
