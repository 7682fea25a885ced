import { formatParamNumber, formatParamValue } from './format.ts';
import type { Lang } from './i18n.ts';
import { allowedText, formatList, type ChoiceParam, type ListParam, type NumberParam, type ParamSpec, type ParamValue } from './params.ts';

/** A control bound to one parameter: `set` shows a value, `setInvalid` marks what the reader typed. */
export interface Control {
  element: HTMLElement;
  set(value: ParamValue): void;
  setInvalid(invalid: boolean): void;
}

let uid = 0;

function toSlider(spec: NumberParam, value: number): number {
  return spec.log ? Math.log10(value) : value;
}

function fromSlider(spec: NumberParam, position: number): number {
  if (!spec.log) return Number(position.toPrecision(12));
  const v = 10 ** position;
  // Round to 2 significant figures so a log slider lands on readable counts (10, 20, …, 1,000,000);
  // toPrecision, not v / m * m, which leaves float noise (52 × 1e-5 = 0.0005200000000000001).
  const rounded = Number(v.toPrecision(2));
  return Math.min(spec.max, Math.max(spec.min, rounded));
}

/** Significant steps of a log-scale number box: 1, 2, 5, 10, 20, 50, … */
const LADDER = [1, 2, 5];

/**
 * The value one arrow-key press (`direction` ±1) moves a number box to: on a log scale the next value
 * on the 1–2–5 ladder (a learning rate 0.00052 goes to 0.001 up or 0.0005 down, never to 1.00052),
 * on a linear scale the next multiple of the parameter's step; kept within the parameter's range.
 *
 * @example
 * nudge({ kind: 'number', name: 'lr', label: { zh: '', en: '' }, min: 1e-7, max: 10, step: 1e-7, default: 5e-4, log: true }, 0.00052, 1); // => 0.001
 */
export function nudge(spec: NumberParam, value: number, direction: 1 | -1): number {
  let next: number;
  if (spec.log && value > 0) {
    const exponent = Math.floor(Math.log10(value));
    const candidates = [exponent - 1, exponent, exponent + 1].flatMap((e) => LADDER.map((m) => Number((m * 10 ** e).toPrecision(2))));
    const sorted = candidates.toSorted((x, y) => x - y);
    const tolerance = value * 1e-9;
    next = direction > 0 ? (sorted.find((c) => c > value + tolerance) ?? value * 10) : (sorted.findLast((c) => c < value - tolerance) ?? value / 10);
  } else {
    const steps = Math.round(value / spec.step);
    const onGrid = Math.abs(steps * spec.step - value) < spec.step * 1e-9;
    const k = onGrid ? steps + direction : direction > 0 ? Math.ceil(value / spec.step) : Math.floor(value / spec.step);
    next = Number((k * spec.step).toPrecision(12));
  }
  if (spec.kind === 'integer') next = Math.round(next);
  return Math.min(spec.max, Math.max(spec.min, next));
}

/**
 * A labelled slider with a number input beside it (only the number input with `noSlider`). The
 * slider reports while dragging, the number input when committed (Enter, blur) or stepped with the
 * arrow keys (`nudge`); both go through `onChange` with the raw text, so every value is validated in
 * one place, and the widget then calls `set`, which keeps the slider's spoken value current.
 */
function numberControl(spec: NumberParam, lang: Lang, onChange: (raw: string) => void): Control {
  const id = `mle-${spec.name}-${++uid}`;
  const wrapper = document.createElement('div');
  wrapper.className = spec.noSlider ? 'control control-no-slider' : 'control';
  const label = document.createElement('label');
  label.htmlFor = `${id}-num`;
  label.textContent = spec.label[lang];
  const slider = document.createElement('input');
  slider.type = 'range';
  slider.min = String(toSlider(spec, spec.exclusiveMin ? spec.min + spec.step : spec.min));
  slider.max = String(toSlider(spec, spec.max));
  slider.step = spec.log ? '0.01' : String(spec.step);
  slider.setAttribute('aria-label', spec.label[lang]);
  const number = document.createElement('input');
  number.type = 'number';
  number.id = `${id}-num`;
  number.min = String(spec.min);
  number.max = String(spec.max);
  // "any": a typed 0.00052 is never a step mismatch; the arrow keys step through `nudge` instead.
  number.step = spec.kind === 'integer' && !spec.log ? '1' : 'any';
  number.inputMode = spec.kind === 'integer' ? 'numeric' : 'decimal';
  slider.addEventListener('input', () => {
    const value = formatParamNumber(fromSlider(spec, Number(slider.value)));
    number.value = value;
    slider.setAttribute('aria-valuetext', value);
    onChange(value);
  });
  number.addEventListener('change', () => onChange(number.value));
  number.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    if (spec.kind === 'integer' && !spec.log) return; // the browser's own step of 1 is right
    const current = Number(number.value);
    if (number.value.trim() === '' || !Number.isFinite(current)) return;
    event.preventDefault();
    number.value = formatParamNumber(nudge(spec, current, event.key === 'ArrowUp' ? 1 : -1));
    onChange(number.value);
  });
  wrapper.append(label);
  if (!spec.noSlider) wrapper.append(slider);
  wrapper.append(number);
  return {
    element: wrapper,
    set(value) {
      const text = formatParamValue(value);
      if (number.value !== text) number.value = text;
      slider.value = String(toSlider(spec, Number(value)));
      slider.setAttribute('aria-valuetext', text);
    },
    setInvalid(invalid) {
      number.setAttribute('aria-invalid', String(invalid));
    },
  };
}

function choiceControl(spec: ChoiceParam, lang: Lang, onChange: (raw: string) => void): Control {
  const id = `mle-${spec.name}-${++uid}`;
  const wrapper = document.createElement('div');
  wrapper.className = 'control';
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = spec.label[lang];
  const select = document.createElement('select');
  select.id = id;
  for (const choice of spec.choices) {
    const option = document.createElement('option');
    option.value = choice.value;
    option.textContent = choice.label[lang];
    select.append(option);
  }
  select.addEventListener('change', () => onChange(select.value));
  wrapper.append(label, select);
  return {
    element: wrapper,
    set(value) {
      const text = String(value);
      if (![...select.options].some((o) => o.value === text)) {
        const option = document.createElement('option');
        option.value = text;
        option.textContent = text;
        select.append(option);
      }
      select.value = text;
    },
    setInvalid(invalid) {
      select.setAttribute('aria-invalid', String(invalid));
    },
  };
}

/**
 * A labelled text input for a list of numbers ("3,1,0.2"), committed on Enter or blur; the allowed
 * form is spelled out under it (and tied to it with aria-describedby).
 */
function listControl(spec: ListParam, lang: Lang, onChange: (raw: string) => void): Control {
  const id = `mle-${spec.name}-${++uid}`;
  const wrapper = document.createElement('div');
  wrapper.className = 'control control-list';
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = spec.label[lang];
  const input = document.createElement('input');
  input.type = 'text';
  input.id = id;
  input.inputMode = 'text';
  input.autocomplete = 'off';
  input.spellcheck = false;
  const hint = document.createElement('span');
  hint.className = 'hint';
  hint.id = `${id}-hint`;
  hint.textContent = allowedText(spec)[lang];
  input.setAttribute('aria-describedby', hint.id);
  input.addEventListener('change', () => onChange(input.value));
  wrapper.append(label, input, hint);
  return {
    element: wrapper,
    set(value) {
      input.value = typeof value === 'object' ? formatList(value) : String(value);
    },
    setInvalid(invalid) {
      input.setAttribute('aria-invalid', String(invalid));
    },
  };
}

/** The control for any parameter spec. */
export function createControl(spec: ParamSpec, lang: Lang, onChange: (raw: string) => void): Control {
  if (spec.kind === 'choice') return choiceControl(spec, lang, onChange);
  if (spec.kind === 'list') return listControl(spec, lang, onChange);
  if (spec.kind === 'text') throw new Error(`createControl: ${spec.name} is free text; its widget builds its own field`);
  return numberControl(spec, lang, onChange);
}
