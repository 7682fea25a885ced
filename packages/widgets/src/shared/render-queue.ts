// One queue for the whole page through which every widget's renders and chart draws take turns, one
// job per task, so that several widgets on a page interleave with each other and with the reader's
// input instead of drawing all their charts in one long task after the worker answers.

/** Something that wants a turn: resolved (or run) in a task of its own. */
type Job = () => void;

/** A queued job, the widget it is for (if known) and when it was queued. */
interface Entry {
  job: Job;
  owner: Element | undefined;
  queuedAt: number;
}

const jobs: Entry[] = [];
let pumping = false;

/**
 * A runnable job that has waited this long runs next even if a widget nearer the viewport has jobs
 * queued after it (oldest first), so that a steady stream of near work cannot starve it.
 */
const MAX_WAIT_MS = 250;

/**
 * How near the viewport a widget must be for its jobs to run: within one viewport's height above or
 * below it. Further away, its jobs (building its body, rendering, drawing its charts) wait, its reserved
 * space held, until the reader scrolls towards it: a page loads only the widgets the reader can reach
 * soon, and a long page costs its phone no more than its first screens do.
 */
const NEAR_MARGIN = '100% 0px';

/** Whether each widget is in or near the viewport, as the intersection observer last reported. */
const nearViewport = new WeakMap<Element, boolean>();
/**
 * Set at the reader's first Tab: from then on no widget waits for the reader to come near. Tab moves
 * focus straight to the next control, past a widget that has not built its controls yet; building
 * every widget in good time keeps each one in the keyboard's order (the nearest still go first).
 */
let keyboardReader = false;
/** Widgets the observer follows (their place is unknown until its first report). */
const watched = new WeakSet<Element>();
let visibility: IntersectionObserver | undefined;

/** Starts following whether `owner` is in or near the viewport. */
function watch(owner: Element): void {
  if (typeof IntersectionObserver !== 'function') return;
  if (!visibility) {
    visibility = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) nearViewport.set(entry.target, entry.isIntersecting);
        resume();
      },
      { rootMargin: NEAR_MARGIN },
    );
    // A hidden tab has no rendering updates, so the observer says nothing there: its waiting widgets
    // render anyway (below), and the others are placed as soon as it is shown again.
    document.addEventListener('visibilitychange', resume);
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return;
      keyboardReader = true;
      document.removeEventListener('keydown', onKey, true);
      resume();
    };
    document.addEventListener('keydown', onKey, true);
  }
  if (watched.has(owner)) return;
  watched.add(owner);
  visibility.observe(owner);
}

/** Where a job stands: its widget is near the viewport, it has no widget (or no observer), or it waits. */
const NEAR = 0;
const ANYWHERE = 1;
const WAITING = 2;
type Place = typeof NEAR | typeof ANYWHERE | typeof WAITING;

function place(entry: Entry): Place {
  if (!entry.owner || !visibility) return ANYWHERE;
  const near = nearViewport.get(entry.owner);
  if (near === true) return NEAR;
  if (keyboardReader) return ANYWHERE;
  // Not placed yet: the observer reports at the next rendering update, which a hidden tab never has.
  if (near === undefined && document.visibilityState === 'hidden') return ANYWHERE;
  return WAITING;
}

/**
 * The next job to run, or undefined when every queued job waits for its widget to come near: the
 * oldest runnable job if it has waited `MAX_WAIT_MS` or its widget is near, else the oldest job of a
 * near widget, else the oldest runnable one. Jobs of one widget share its place, so they run in order.
 */
function takeNext(): Entry | undefined {
  let first = -1;
  for (let i = 0; i < jobs.length; i++) {
    const where = place(jobs[i] as Entry);
    if (where === WAITING) continue;
    if (first < 0) {
      first = i;
      if (where === NEAR || performance.now() - (jobs[i] as Entry).queuedAt >= MAX_WAIT_MS) break;
    } else if (where === NEAR) {
      first = i;
      break;
    }
  }
  return first < 0 ? undefined : jobs.splice(first, 1)[0];
}

interface PostTaskScheduler {
  postTask(callback: () => void, options?: { priority?: 'user-blocking' | 'user-visible' | 'background' }): Promise<unknown>;
}

/**
 * Posts `callback` as a new task. Not requestAnimationFrame: rAF never fires in a hidden tab, where
 * widgets not yet placed must still render (and become ready). Not a bare
 * `setTimeout(0)` where avoidable: nested timeouts are clamped to 4 ms and throttled in background tabs.
 */
function postTask(callback: () => void): void {
  const scheduler = (globalThis as { scheduler?: Partial<PostTaskScheduler> }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    void scheduler.postTask(callback, { priority: 'user-visible' });
  } else if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel();
    channel.port1.addEventListener(
      'message',
      () => {
        channel.port1.close();
        callback();
      },
      { once: true },
    );
    channel.port1.start();
    channel.port2.postMessage(null);
  } else {
    setTimeout(callback);
  }
}

function pump(): void {
  const entry = takeNext();
  // Post the next turn before running this one: a job that throws must not stall the queue. When every
  // job left waits for its widget, the pump stops; the observer restarts it.
  if (entry && jobs.length > 0) postTask(pump);
  else pumping = false;
  entry?.job();
}

/** Restarts the pump if jobs are queued (a widget came near, or the tab was hidden). */
function resume(): void {
  if (pumping || jobs.length === 0) return;
  pumping = true;
  postTask(pump);
}

/**
 * Adds `job` to the page's queue; it runs in a task of its own. Widgets in or near the viewport go
 * first, widgets far from it wait until they come near; otherwise (and among one widget's jobs always)
 * jobs run in the order they were queued.
 */
function enqueue(job: Job, owner: Element | undefined): void {
  if (owner) watch(owner);
  jobs.push({ job, owner, queuedAt: performance.now() });
  resume();
}

/**
 * Waits for this caller's turn on the page's render queue. Work done right after the returned promise
 * settles (before the next `await`) runs in a task of its own, after everything queued earlier for the
 * same widget; widgets in or near the viewport take their turns before the others, and a widget more
 * than a viewport's height from it gets its turns only once the reader scrolls towards it.
 *
 * @param owner - The widget (element) the work is for; without one, the turn keeps its place in line.
 * @returns A promise that resolves at the caller's turn.
 * @example
 * await renderTurn(widget);
 * drawChart(); // in a task of its own
 */
export function renderTurn(owner?: Element): Promise<void> {
  return new Promise((resolve) => enqueue(resolve, owner));
}

/** Draws waiting for their turn, counted by the widget (shadow host) that owns them. */
interface PendingDraws {
  count: number;
  /** The first error a draw threw since the widget last waited: handed to its waiters, not lost in the console. */
  error: unknown;
  waiters: { resolve: () => void; reject: (error: unknown) => void }[];
}
const pendingByOwner = new Map<Element, PendingDraws>();

/** The widget that owns `node`: the host of the shadow root it is in, or undefined when it is in none. */
function ownerOf(node: Node): Element | undefined {
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : undefined;
}

/**
 * Queues a draw of a chart inside a widget, to run in a task of its own at its turn; `widgetDrawsSettled`
 * tells the widget when all of its draws are done. A node outside any shadow root (a chart being built
 * before it is attached) has no widget to wait for it, so its draw runs at once.
 *
 * @param node - The chart's container (inside the widget's shadow root).
 * @param draw - The drawing work.
 * @example
 * queueDraw(chartBox, () => plot.setData(data));
 * await widgetDrawsSettled(widget); // the chart now shows `data`
 */
export function queueDraw(node: Node, draw: Job): void {
  const owner = ownerOf(node);
  if (!owner) {
    draw();
    return;
  }
  const entry: PendingDraws = pendingByOwner.get(owner) ?? { count: 0, error: undefined, waiters: [] };
  pendingByOwner.set(owner, entry);
  entry.count++;
  enqueue(() => {
    try {
      draw();
    } catch (error) {
      entry.error ??= error;
    } finally {
      entry.count--;
      if (entry.count === 0) {
        pendingByOwner.delete(owner);
        // A draw no render waits for (a resize, say) still reports its error where errors go.
        if (entry.error !== undefined && entry.waiters.length === 0) reportError(entry.error);
        for (const waiter of entry.waiters.splice(0)) {
          if (entry.error === undefined) waiter.resolve();
          else waiter.reject(entry.error);
        }
      }
    }
  }, owner);
}

/**
 * Resolves once every draw queued for `owner`'s charts (`queueDraw`) has run, at once when none waits;
 * rejects with the first error a draw threw, so the widget shows it as it shows a failed render.
 *
 * @param owner - The widget element.
 * @returns A promise that resolves when the widget's charts show what was last given to them.
 * @example
 * await widgetDrawsSettled(widget); // then mark the widget ready
 */
export function widgetDrawsSettled(owner: Element): Promise<void> {
  const entry = pendingByOwner.get(owner);
  if (!entry) return Promise.resolve();
  return new Promise((resolve, reject) => entry.waiters.push({ resolve, reject }));
}
