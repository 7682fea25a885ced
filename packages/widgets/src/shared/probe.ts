/**
 * A labelled slider with a number input beside it for a value whose range depends on the data (a
 * point on a curve the reader moves), unlike a parameter control whose range is fixed. Looks and
 * behaves like the parameter controls: the slider reports while dragging, the number input on commit.
 */
export interface Probe {
  element: HTMLElement;
  /** Sets the allowed range (and the slider's step). */
  setRange(min: number, max: number, step: number): void;
  /** Shows a value without reporting it. */
  set(value: number): void;
  value(): number;
}

let uid = 0;

export function createProbe(label: string, onInput: (value: number) => void): Probe {
  const id = `mle-probe-${++uid}`;
  const wrapper = document.createElement('div');
  wrapper.className = 'control';
  const labelEl = document.createElement('label');
  labelEl.htmlFor = `${id}-num`;
  labelEl.textContent = label;
  const slider = document.createElement('input');
  slider.type = 'range';
  slider.setAttribute('aria-label', label);
  const number = document.createElement('input');
  number.type = 'number';
  number.id = `${id}-num`;
  number.step = 'any';
  number.inputMode = 'decimal';
  let current = 0;
  let min = 0;
  let max = 1;
  const show = (value: number) => {
    current = value;
    slider.value = String(value);
    number.value = String(Number(value.toPrecision(6)));
    slider.setAttribute('aria-valuetext', number.value);
  };
  const accept = (value: number) => {
    const ok = Number.isFinite(value) && value >= min && value <= max;
    number.setAttribute('aria-invalid', String(!ok));
    if (!ok) {
      show(current);
      return;
    }
    show(value);
    onInput(value);
  };
  slider.addEventListener('input', () => accept(Number(slider.value)));
  number.addEventListener('change', () => accept(Number(number.value)));
  wrapper.append(labelEl, slider, number);
  return {
    element: wrapper,
    setRange(lo, hi, step) {
      min = lo;
      max = hi;
      slider.min = String(lo);
      slider.max = String(hi);
      slider.step = String(step);
      number.min = String(lo);
      number.max = String(hi);
    },
    set: show,
    value: () => current,
  };
}
