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
  if (!spec.log) return position;
  const v = 10 ** position;
  // Round to 2 significant figures so a log slider lands on readable counts (10, 20, …, 1,000,000).
  const magnitude = 10 ** (Math.floor(Math.log10(v)) - 1);
  const rounded = Math.round(v / magnitude) * magnitude;
  return Math.min(spec.max, Math.max(spec.min, rounded));
}

/**
 * A labelled slider with a number input beside it. The slider reports while dragging (`onInput`),
 * the number input when committed (Enter, blur); both go through `onChange` with the raw text, so
 * every value is validated in one place.
 */
function numberControl(spec: NumberParam, lang: Lang, onChange: (raw: string) => void): Control {
  const id = `mle-${spec.name}-${++uid}`;
  const wrapper = document.createElement('div');
  wrapper.className = 'control';
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
  number.step = spec.kind === 'integer' ? '1' : 'any';
  number.inputMode = spec.kind === 'integer' ? 'numeric' : 'decimal';
  slider.addEventListener('input', () => {
    const value = fromSlider(spec, Number(slider.value));
    number.value = String(value);
    onChange(String(value));
  });
  number.addEventListener('change', () => onChange(number.value));
  wrapper.append(label, slider, number);
  return {
    element: wrapper,
    set(value) {
      number.value = String(value);
      slider.value = String(toSlider(spec, Number(value)));
      slider.setAttribute('aria-valuetext', String(value));
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
