import type { Lang, Text } from './i18n.ts';

/** The label of a widget's Python code block. */
export const CODE_LABEL: Text = { zh: 'Python 代码', en: 'Python code' };

/** The visible cue under a table wider than its column. */
export const TABLE_SCROLL_HINT: Text = {
  zh: '← 表格较宽：左右滑动，或聚焦后用方向键查看其余列 →',
  en: '← Wide table: swipe sideways, or focus it and use the arrow keys, to see every column →',
};

/**
 * Keeps `el` reachable by keyboard while its content is wider than it: an overflowing element gets
 * `tabindex="0"`, a role and `label` (so focusing it names it and the arrow keys scroll it) and
 * `data-scrolls`; when it fits again those are removed. `onChange` hears every switch.
 *
 * @example
 * const pre = document.createElement('pre');
 * keepScrollReachable(pre, 'Python code', 'region'); // pre.tabIndex => 0 once its text is wider than it
 */
export function keepScrollReachable(
  el: HTMLElement,
  label: string,
  role: 'region' | 'group',
  onChange?: (scrolls: boolean) => void,
): ResizeObserver {
  const update = (): void => {
    const scrolls = el.scrollWidth > el.clientWidth + 1;
    if (scrolls === el.hasAttribute('data-scrolls')) return;
    if (scrolls) {
      el.tabIndex = 0;
      el.setAttribute('role', role);
      el.setAttribute('aria-label', label);
      el.dataset['scrolls'] = '';
    } else {
      el.removeAttribute('tabindex');
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
      delete el.dataset['scrolls'];
    }
    onChange?.(scrolls);
  };
  const observer = new ResizeObserver(update);
  observer.observe(el);
  // The content changes width too (a table's cells are filled after a run): watch the first child.
  // (A <pre> of text has none, but filling it changes its own height, which the observer sees.)
  if (el.firstElementChild) observer.observe(el.firstElementChild);
  return observer;
}

/**
 * A `<pre class="code">` for the Python that reproduces a widget's numbers (filled with textContent),
 * a labelled, focusable scroll region whenever a line is wider than the widget.
 */
export function codeBlock(lang: Lang): HTMLPreElement {
  const pre = document.createElement('pre');
  pre.className = 'code';
  keepScrollReachable(pre, CODE_LABEL[lang], 'region');
  return pre;
}

/**
 * A visible table in a box that scrolls sideways when the table is wider than the widget (cells do
 * not wrap, so no column shrinks to one character per line): the scroll box is then focusable and
 * labelled with the table's caption, and a visible hint under it says that it scrolls.
 */
export function tableScroll(table: HTMLTableElement, lang: Lang): HTMLDivElement {
  const box = document.createElement('div');
  box.className = 'table-box';
  const wrap = document.createElement('div');
  wrap.className = 'table-scroll';
  wrap.append(table);
  const hint = document.createElement('p');
  hint.className = 'scroll-hint';
  hint.textContent = TABLE_SCROLL_HINT[lang];
  hint.hidden = true;
  box.append(wrap, hint);
  const label = (): string => table.caption?.textContent?.trim() || (lang === 'zh' ? '表格' : 'Table');
  keepScrollReachable(wrap, label(), 'region', (scrolls) => {
    hint.hidden = !scrolls;
    if (scrolls) wrap.setAttribute('aria-label', label());
  });
  return box;
}
