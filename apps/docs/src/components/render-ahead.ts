// Long articles are laid out a screen at a time at first, and the rest soon after, in small steps.
//
// The article's blocks after the first twelve start with `content-visibility: auto` (styles/site.css):
// the page's first style and layout pass skips them while they are far from the screen. On the
// formula-heavy pages that pass was the one long task of loading (closed-form MLE: 6,352 layout
// objects; up to 224 ms in the jank e2e on this machine, 330 ms in Lighthouse's simulated phone).
//
// A skipped block holds an estimated height. Had it stayed skipped, a reader jumping to a far section
// would see the blocks there take their real heights as they render, moving what they read (layout
// shift), and tools that judge what is painted (axe's colour contrast) would see nothing there. So as
// soon as the article is parsed, the skipped blocks are rendered, top to bottom, a few per task: each
// step marks blocks `data-rendered` (which lifts the rule), lays them out, and sizes the next step from
// how long this one took, to stay under STEP_BUDGET_MS; other tasks (the widgets' code, input) run
// between steps. The work is the layout the page used to do in one long task, cut into short ones.
// When all are rendered the root gets `data-article-rendered`, and the page is as if the rule had
// never been there. While skipped, a block is never the browser's scroll anchor (site.css), so
// blocks that render above what the reader looks at do not move it.
//
// A keyboard user's first Tab, or printing, renders the rest at once: every wide formula must be a
// focusable scroll region (scroll-regions.ts measures it only once it is laid out) before focus moves.

/** The blocks the deferring rule in styles/site.css applies to; keep the two in step. */
export const DEFERRED_BLOCKS = '.sl-markdown-content > :is(p, ul, ol, details, blockquote, aside, table, .math-display):nth-child(n+13)';

/** The time one step may take; a task over 50 ms is a long task, and phones are slower than this machine. */
const STEP_BUDGET_MS = 8;

/** Called with the blocks just rendered, once they are laid out (scroll-regions.ts marks their formulas). */
type OnRendered = (blocks: readonly HTMLElement[]) => void;

/**
 * The number of blocks for the next step: scaled by how far the last step's time was from the budget,
 * at least one and at most twice the last count (one step that meets heavier blocks stays short).
 *
 * @example
 * nextStepSize(4, 2, 8); // => 8
 * nextStepSize(4, 16, 8); // => 2
 */
export function nextStepSize(count: number, elapsedMs: number, budgetMs: number): number {
  const scaled = elapsedMs > 0 ? Math.floor((count * budgetMs) / elapsedMs) : count * 2;
  return Math.max(1, Math.min(count * 2, scaled));
}

/** The Prioritized Task Scheduling API, where the browser has it (Chromium, Firefox). */
interface TaskScheduler {
  postTask(task: () => void, options: { priority: 'user-blocking' | 'user-visible' | 'background' }): Promise<void>;
}

/** Runs `step` in a task of its own, queued behind those already waiting (setTimeout is clamped to 4 ms when chained). */
function inNextTask(step: () => void): void {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (scheduler) void scheduler.postTask(step, { priority: 'user-visible' });
  else setTimeout(step, 0);
}

/** Renders the article's deferred blocks ahead of the reader (see above); `onRendered` hears of each step's blocks. */
export function renderAhead(onRendered: OnRendered): void {
  const pending = [...document.querySelectorAll<HTMLElement>(DEFERRED_BLOCKS)];
  let next = 0;
  let count = 2;
  const render = (upTo: number): void => {
    const blocks = pending.slice(next, upTo);
    for (const block of blocks) block.dataset['rendered'] = '';
    next = upTo;
    // Reading a position lays the blocks out now, inside this step, rather than at the next frame.
    void blocks.at(-1)?.offsetTop;
    onRendered(blocks);
    if (next >= pending.length) {
      document.documentElement.dataset['articleRendered'] = '';
      removeEventListener('keydown', onKey, true);
      removeEventListener('beforeprint', renderRest);
    }
  };
  const renderRest = (): void => {
    if (next < pending.length) render(pending.length);
  };
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Tab') renderRest();
  };
  const step = (): void => {
    if (next >= pending.length) return;
    const start = performance.now();
    render(Math.min(pending.length, next + count));
    count = nextStepSize(count, performance.now() - start, STEP_BUDGET_MS);
    if (next < pending.length) inNextTask(step);
  };
  if (pending.length === 0) {
    document.documentElement.dataset['articleRendered'] = '';
    return;
  }
  addEventListener('keydown', onKey, true);
  addEventListener('beforeprint', renderRest);
  inNextTask(step);
}
