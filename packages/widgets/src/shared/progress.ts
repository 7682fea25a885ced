import type { Lang } from './i18n.ts';

/** A progress bar with a cancel button, shown only for jobs that run longer than ~300 ms. */
export interface ProgressView {
  element: HTMLElement;
  /** Starts a job: returns its AbortSignal and shows the bar if the job is still running after `delay`. */
  start(delay?: number): AbortSignal;
  update(done: number, total: number): void;
  finish(): void;
}

export function createProgress(lang: Lang): ProgressView {
  const wrap = document.createElement('div');
  wrap.className = 'progress';
  wrap.hidden = true;
  const bar = document.createElement('progress');
  bar.max = 1;
  bar.value = 0;
  bar.setAttribute('aria-label', lang === 'zh' ? '计算进度' : 'Progress');
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.textContent = lang === 'zh' ? '取消' : 'Cancel';
  wrap.append(bar, cancel);
  let controller: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  cancel.addEventListener('click', () => controller?.abort());
  return {
    element: wrap,
    start(delay = 300) {
      controller?.abort();
      controller = new AbortController();
      clearTimeout(timer);
      bar.removeAttribute('value');
      timer = setTimeout(() => {
        wrap.hidden = false;
      }, delay);
      return controller.signal;
    },
    update(done, total) {
      bar.value = total > 0 ? Math.min(1, done / total) : 0;
    },
    finish() {
      clearTimeout(timer);
      wrap.hidden = true;
      controller = undefined;
    },
  };
}
