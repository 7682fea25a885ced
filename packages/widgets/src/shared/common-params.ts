import type { ChoiceParam, NumberParam } from './params.ts';

/** Parameters several widgets share, with one set of ranges and labels. */
export const seedParam: NumberParam = {
  kind: 'integer',
  name: 'seed',
  label: { zh: '随机种子', en: 'Seed' },
  min: 0,
  max: 4294967295,
  step: 1,
  default: 42,
  noSlider: true,
};

export const muParam: NumberParam = {
  kind: 'number',
  name: 'mu',
  label: { zh: '真实均值 μ', en: 'True mean μ' },
  min: -100,
  max: 100,
  step: 0.1,
  default: 5,
};

export const sigmaParam: NumberParam = {
  kind: 'number',
  name: 'sigma',
  label: { zh: '真实标准差 σ', en: 'True std σ' },
  // Not "any σ > 0": with |μ| ≤ 100 a σ below 0.001 draws a sample whose spread float64 loses
  // (σ = 1e-300 gave zero variance), so the charts could show nothing true.
  min: 0.001,
  max: 100,
  step: 0.1,
  default: 2,
};

export const sampleSizeParam: NumberParam = {
  kind: 'integer',
  name: 'n',
  label: { zh: '样本量 n', en: 'Sample size n' },
  min: 10,
  max: 1_000_000,
  step: 1,
  default: 1000,
  log: true,
};

export const binsParam: ChoiceParam = {
  kind: 'choice',
  name: 'bins',
  label: { zh: '直方图分箱', en: 'Histogram bins' },
  choices: [
    { value: '10', label: { zh: '10 个', en: '10' } },
    { value: '20', label: { zh: '20 个', en: '20' } },
    { value: '30', label: { zh: '30 个', en: '30' } },
    { value: '50', label: { zh: '50 个', en: '50' } },
    { value: '100', label: { zh: '100 个', en: '100' } },
    { value: 'auto', label: { zh: "numpy 'auto'", en: "numpy 'auto'" } },
    { value: 'fd', label: { zh: "Freedman–Diaconis 'fd'", en: "Freedman–Diaconis 'fd'" } },
    { value: 'sturges', label: { zh: "Sturges 'sturges'", en: "Sturges 'sturges'" } },
  ],
  default: '30',
  integerRange: { min: 1, max: 1000 },
};

export const bandwidthParam: ChoiceParam = {
  kind: 'choice',
  name: 'bandwidth',
  label: { zh: 'KDE 带宽', en: 'KDE bandwidth' },
  choices: [
    { value: 'scott', label: { zh: "Scott 规则 'scott'", en: "Scott's rule 'scott'" } },
    { value: 'silverman', label: { zh: "Silverman 规则 'silverman'", en: "Silverman's rule 'silverman'" } },
    { value: '0.1', label: { zh: '因子 0.1', en: 'factor 0.1' } },
    { value: '0.2', label: { zh: '因子 0.2', en: 'factor 0.2' } },
    { value: '0.5', label: { zh: '因子 0.5', en: 'factor 0.5' } },
    { value: '1', label: { zh: '因子 1', en: 'factor 1' } },
  ],
  default: 'scott',
  // scipy's gaussian_kde(bw_method=factor): the kernel's std is factor × the data's std.
  numberRange: { min: 0.01, max: 10 },
};

/** A choice value that is a number in disguise ('30', '0.5') as a number; rules stay strings. */
export function numericChoice(value: string | number): string | number {
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
}

/** numpy prints floats with a decimal point: 5 → "5.0". */
export function pythonNumber(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}
