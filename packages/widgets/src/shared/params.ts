import type { Lang, Text } from './i18n.ts';

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
  /** Slider on a log scale (n from 10 to 1,000,000). */
  log?: boolean;
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
}

export type ParamSpec = NumberParam | ChoiceParam;
export type ParamValue = number | string;

export type ParseResult = { ok: true; value: ParamValue } | { ok: false; message: Text };

function formatRange(spec: NumberParam, lang: Lang): string {
  const fmt = (v: number) => v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
  const lower = spec.exclusiveMin ? `> ${fmt(spec.min)}` : `≥ ${fmt(spec.min)}`;
  const kind = spec.kind === 'integer' ? (lang === 'zh' ? '整数' : 'an integer') : lang === 'zh' ? '数' : 'a number';
  return lang === 'zh' ? `${lower} 且 ≤ ${fmt(spec.max)} 的${kind}` : `${kind} ${lower} and ≤ ${fmt(spec.max)}`;
}

/** What values a parameter allows, in words. */
export function allowedText(spec: ParamSpec): Text {
  if (spec.kind !== 'choice') return { zh: formatRange(spec, 'zh'), en: formatRange(spec, 'en') };
  const names = spec.choices.map((c) => c.value).join(', ');
  const range = spec.integerRange;
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
  if (spec.kind === 'choice') {
    if (spec.choices.some((c) => c.value === trimmed)) return { ok: true, value: trimmed };
    const range = spec.integerRange;
    if (range && /^[+]?\d+$/.test(trimmed)) {
      const v = Number(trimmed);
      if (v >= range.min && v <= range.max) return { ok: true, value: v };
    }
    return bad();
  }
  if (trimmed === '') return bad();
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return bad();
  if (spec.kind === 'integer' && !Number.isInteger(value)) return bad();
  if (value > spec.max || value < spec.min || (spec.exclusiveMin && value === spec.min)) return bad();
  return { ok: true, value };
}
