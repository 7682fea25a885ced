import type { ChoiceParam, NumberParam } from './params.ts';
import { groupedNumber } from './grouped-number.ts';

/** Parameters of the gradient-descent and Adam widgets, defaulting to the notebook's settings. */
export const lrGdParam: NumberParam = {
  kind: 'number',
  name: 'lr-gd',
  label: { zh: '梯度下降学习率', en: 'GD learning rate' },
  min: 1e-7,
  max: 10,
  step: 1e-7,
  default: 0.0005,
  log: true,
};

export const lrAdamParam: NumberParam = {
  kind: 'number',
  name: 'lr-adam',
  label: { zh: 'Adam 学习率', en: 'Adam learning rate' },
  min: 1e-5,
  max: 10,
  step: 1e-5,
  default: 0.05,
  log: true,
};

export const iterationsParam: NumberParam = {
  kind: 'integer',
  name: 'iterations',
  label: { zh: '最大迭代次数', en: 'Max iterations' },
  min: 10,
  max: 100_000,
  step: 1,
  default: 20_000,
  log: true,
};

export const reductionParam: ChoiceParam = {
  kind: 'choice',
  name: 'reduction',
  label: { zh: '损失：求和还是平均', en: 'Loss: sum or mean' },
  choices: [
    { value: 'sum', label: { zh: "'sum'：求和（笔记本）", en: "'sum' (the notebook's)" } },
    { value: 'mean', label: { zh: "'mean'：平均（除以 n）", en: "'mean' (divided by n)" } },
  ],
  default: 'sum',
};

/** Why a fit ended, in words. */
export const FIT_REASONS: Record<string, { zh: string; en: string }> = {
  tolerance: { zh: '已收敛（|ΔL| < 容差）', en: 'converged (|ΔL| < tolerance)' },
  'max-iterations': { zh: '达到迭代上限仍未收敛', en: 'not converged within the iteration limit' },
  diverged: { zh: '发散', en: 'diverged' },
  stopped: { zh: '已停止', en: 'stopped' },
};

/** The message under a chart when a fit diverged: what happened and what to try. */
export function divergedMessage(lang: 'zh' | 'en', method: string, iterations: number, lr: number, reduction: string, n: number): string {
  const count = groupedNumber(n);
  return lang === 'zh'
    ? `${method}在第 ${iterations} 次迭代后发散：步长 ${lr} 太大${reduction === 'sum' ? `（reduction 为 'sum' 时梯度随 n = ${count} 增大；试试 'mean' 或更小的学习率）` : '（试试更小的学习率）'}。图中是发散前的历史。`
    : `${method} diverged after ${iterations} iterations: a step size of ${lr} is too large${reduction === 'sum' ? ` (with reduction 'sum' the gradient grows with n = ${count}; try 'mean' or a smaller learning rate)` : ' (try a smaller learning rate)'}. The charts show the history up to there.`;
}
