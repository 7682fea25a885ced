// One queue for the whole page through which every widget's renders and chart draws take turns, one
// job per task, so that several widgets on a page interleave with each other and with the reader's
// input instead of drawing all their charts in one long task after the worker answers.

/** Something that wants a turn: resolved (or run) in a task of its own. */
type Job = () => void;

const jobs: Job[] = [];
let pumping = false;

interface PostTaskScheduler {
  postTask(callback: () => void, options?: { priority?: 'user-blocking' | 'user-visible' | 'background' }): Promise<unknown>;
}

/**
 * Posts `callback` as a new task. Not requestAnimationFrame: rAF never fires in a hidden tab or an
 * off-screen cross-origin iframe, and widgets must still render (and become ready) there. Not a bare
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
  const job = jobs.shift();
  // Post the next turn before running this one: a job that throws must not stall the queue.
  if (jobs.length > 0) postTask(pump);
  else pumping = false;
  job?.();
}

/** Adds `job` to the page's queue; it runs in a task of its own, after every job queued before it. */
function enqueue(job: Job): void {
  jobs.push(job);
  if (!pumping) {
    pumping = true;
    postTask(pump);
  }
}

/**
 * Waits for this caller's turn on the page's render queue. Work done right after the returned promise
 * settles (before the next `await`) runs in a task of its own, after everything queued earlier.
 *
 * @returns A promise that resolves at the caller's turn.
 * @example
 * await renderTurn();
 * drawChart(); // in a task of its own
 */
export function renderTurn(): Promise<void> {
  return new Promise((resolve) => enqueue(resolve));
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
  });
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
