// The page's render queue (issue 9, jank): every job runs in a task of its own, in order; a widget's
// readiness waits for its queued chart draws; a draw that throws is handed to the widget, not lost.
// A widget's style (with its reserved height) is added synchronously in connectedCallback (adding it a
// task later shifted /closed-form-mle/ by CLS 0.34); its body (controls, chart boxes), its render and its
// chart draws wait for their turns, which for a widget more than a viewport's height away come only when
// the reader scrolls near it.
import { describe, expect, it } from 'vitest';
import { MleWidget, defineWidget, type RenderContext } from '../src/shared/base-widget.ts';
import { createChart, type Chart } from '../src/shared/chart.ts';
import { RENDER_FAILED } from '../src/shared/i18n.ts';
import { chartBox } from '../src/shared/readouts.ts';
import { queueDraw, renderTurn, widgetDrawsSettled } from '../src/shared/render-queue.ts';
import { waitingText } from '../src/shared/waiting-note.ts';
import { waitFor } from './support/mount.ts';

/** Names of the charts in the order their plots were built (uPlot asks for the options then). */
const built: string[] = [];

/**
 * A minimal widget: one chart box built with the shell, one chart created in render. `fail` makes the
 * chart's build throw (as uPlot would on options it cannot use), the way a failed draw reaches a widget.
 */
class QueueProbe extends MleWidget {
  static override widgetName = 'queue-probe';
  private box!: HTMLElement;
  chart: Chart | undefined;

  protected build(body: HTMLElement): void {
    this.box = chartBox();
    body.append(this.box);
  }

  protected async render({ isStale }: RenderContext): Promise<void> {
    await Promise.resolve();
    if (isStale()) return;
    const name = this.getAttribute('name') ?? '';
    const fail = this.hasAttribute('fail');
    this.chart ??= createChart({
      container: this.box,
      height: 120,
      label: name,
      data: [[0, 1], [0, 1]],
      options: () => {
        built.push(name);
        // Runs when the task that builds this chart ends: before the next chart's build if that is another task.
        queueMicrotask(() => built.push(`${name} done`));
        if (fail) throw new Error('queueProbe: cannot build this chart');
        return { series: [{}, { stroke: 'red' }] };
      },
    });
  }
}
defineWidget(QueueProbe);

/**
 * A probe widget. It reserves the default 520 px; `compact` holds 150 px instead, so that several fit in
 * this test frame's viewport (a widget outside it waits for the reader: inside a frame, "near" is "in view").
 */
function probe(name: string, fail = false, compact = false): QueueProbe {
  const element = document.createElement('mle-queue-probe') as QueueProbe;
  if (compact) element.style.setProperty('--mle-min-height', '150px');
  element.setAttribute('name', name);
  element.setAttribute('lang', 'en');
  if (fail) element.setAttribute('fail', '');
  return element;
}

/** Two widget-like hosts: one at the top of the page, one 5000 px below everything else. */
function farAndNear(): { far: ReturnType<typeof hostWithBox>; near: ReturnType<typeof hostWithBox> } {
  const far = hostWithBox();
  far.host.style.cssText = 'display: block; height: 50px; margin-top: 5000px';
  const near = hostWithBox();
  near.host.style.cssText = 'display: block; height: 50px';
  document.body.prepend(near.host);
  return { far, near };
}

/**
 * A probe widget 5000 px below everything else, once the observer has placed it and the queue has had
 * time to run anything runnable (its body, if it were not waiting).
 */
async function farProbe(name: string): Promise<{ spacer: HTMLElement; element: QueueProbe }> {
  const spacer = document.createElement('div');
  spacer.style.height = '5000px';
  const element = probe(name);
  document.body.append(spacer, element);
  await observed();
  await someTurns();
  return { spacer, element };
}

/** A few more turns of the queue: long enough for any runnable job queued before to have run. */
async function someTurns(): Promise<void> {
  for (let i = 0; i < 5; i++) await renderTurn();
}

/** Two rendering updates and a pause, by when the intersection observer has reported new targets. */
async function observed(): Promise<void> {
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await new Promise((resolve) => setTimeout(resolve, 50));
}

/** A widget-like host with a shadow root and a chart box inside it (queueDraw finds its owner that way). */
function hostWithBox(): { host: HTMLElement; box: HTMLElement } {
  const host = document.createElement('div');
  const box = document.createElement('div');
  host.attachShadow({ mode: 'open' }).append(box);
  document.body.append(host);
  return { host, box };
}

describe('render queue', () => {
  it('runs turns in order, each in a task of its own (a microtask queued in one turn runs before the next)', async () => {
    const log: string[] = [];
    const turns = [1, 2, 3].map((i) =>
      renderTurn().then(() => {
        log.push(`turn ${i}`);
        // A microtask from this turn: it must run before the next turn, which is a separate task.
        void Promise.resolve().then(() => log.push(`after ${i}`));
      }),
    );
    await Promise.all(turns);
    await renderTurn();
    expect(log).toEqual(['turn 1', 'after 1', 'turn 2', 'after 2', 'turn 3', 'after 3']);
  });

  it('widgetDrawsSettled waits for every draw queued for that widget', async () => {
    const { host, box } = hostWithBox();
    const drawn: number[] = [];
    queueDraw(box, () => drawn.push(1));
    queueDraw(box, () => drawn.push(2));
    expect(drawn).toEqual([]);
    await widgetDrawsSettled(host);
    expect(drawn).toEqual([1, 2]);
    host.remove();
  });

  it('a draw that throws rejects the widget’s wait with that error, and the queue keeps running', async () => {
    const { host, box } = hostWithBox();
    queueDraw(box, () => {
      throw new Error('chart: cannot draw');
    });
    let later = false;
    queueDraw(box, () => {
      later = true;
    });
    await expect(widgetDrawsSettled(host)).rejects.toThrow('chart: cannot draw');
    expect(later).toBe(true);
    // The next wait starts clean.
    queueDraw(box, () => undefined);
    await expect(widgetDrawsSettled(host)).resolves.toBeUndefined();
    host.remove();
  });

  it('draws for a widget far below the viewport wait until the reader scrolls to it; each widget’s own stay in order', async () => {
    const { far, near } = farAndNear();
    const order: string[] = [];
    queueDraw(far.box, () => order.push('far 1'));
    queueDraw(far.box, () => order.push('far 2'));
    queueDraw(near.box, () => order.push('near 1'));
    queueDraw(near.box, () => order.push('near 2'));
    await widgetDrawsSettled(near.host);
    await observed();
    await someTurns();
    expect(order).toEqual(['near 1', 'near 2']);
    // The reader scrolls down: the far widget's draws run, in their order.
    far.host.scrollIntoView();
    await widgetDrawsSettled(far.host);
    expect(order).toEqual(['near 1', 'near 2', 'far 1', 'far 2']);
    scrollTo(0, 0);
    far.host.remove();
    near.host.remove();
  });

  it('a turn that belongs to no widget runs in order, and once it has waited 250 ms before newer ones near the viewport', async () => {
    const { far, near } = farAndNear();
    far.host.remove();
    // The observer places the near widget first (until then its jobs wait, and the turn would go first).
    queueDraw(near.box, () => undefined);
    await widgetDrawsSettled(near.host);
    await observed();
    const order: string[] = [];
    // The near widget keeps queueing 60 ms draws (like an animation); the turn queued behind its first still comes.
    let left = 8;
    const busy = () => {
      const end = performance.now() + 60;
      while (performance.now() < end);
      order.push('near');
      if (--left > 0) queueDraw(near.box, busy);
    };
    queueDraw(near.box, busy);
    const turn = renderTurn().then(() => order.push('turn'));
    await Promise.all([turn, waitFor(() => left === 0)]);
    const at = order.indexOf('turn');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(order.length - 1);
    near.host.remove();
  });
});

describe('waitingText', () => {
  it('names a catalogued widget in the reader’s language, and says only that it loads for any other', () => {
    expect(waitingText('mle-clt', 'en')).toBe('Central limit theorem — Interactive widget; it loads when you reach it.');
    expect(waitingText('mle-clt', 'zh')).toBe('中心极限定理 — 互动组件，读到这里时载入。');
    expect(waitingText('mle-queue-probe', 'en')).toBe('Interactive widget; it loads when you reach it.');
  });
});

describe('widgets on the render queue', () => {
  it('a widget far from the viewport holds its space and builds only when the reader scrolls near it', async () => {
    const { spacer, element } = await farProbe('far');
    // Defined and holding its reserved space (its style is in), but no body, no render, no chart.
    expect(element.shadowRoot?.querySelector('style')).not.toBeNull();
    expect(element.shadowRoot?.querySelector('.body')).toBeNull();
    expect(element.getBoundingClientRect().height).toBeGreaterThan(0);
    expect(element.dataset['ready']).toBeUndefined();
    expect(built).not.toContain('far');
    // A screen reader meets one line there, not an empty element; it is hidden once the widget is ready.
    const waiting = element.shadowRoot?.querySelector('.waiting') as HTMLElement;
    expect(waiting.textContent).toBe(waitingText(element.localName, 'en'));
    expect(getComputedStyle(waiting).display).not.toBe('none');
    element.scrollIntoView();
    await waitFor(() => element.dataset['ready'] === 'true');
    expect(built).toContain('far');
    expect(getComputedStyle(waiting).display).toBe('none');
    scrollTo(0, 0);
    spacer.remove();
    element.remove();
  });

  it('adds its style at once on connection; the body at its turn; the chart at a later one, before data-ready', async () => {
    const element = probe('shell');
    document.body.append(element);
    // Synchronously after connection: the style with the reserve rules is there, and holds the height…
    const root = element.shadowRoot as ShadowRoot;
    expect(root.querySelector('style')?.textContent).toContain('.chart');
    expect(root.querySelector('style')?.textContent).toContain('--mle-min-height');
    expect(element.getBoundingClientRect().height).toBeGreaterThanOrEqual(100);
    // …the body comes at the widget's turn…
    expect(root.querySelector('.body')).toBeNull();
    await renderTurn(element);
    expect(root.querySelector('.body .chart')).not.toBeNull();
    // …but no plot yet, and the widget is not ready.
    expect(root.querySelector('.uplot')).toBeNull();
    expect(element.dataset['ready']).toBeUndefined();
    await waitFor(() => element.dataset['ready'] === 'true');
    // Ready means drawn.
    expect(root.querySelector('.chart .uplot canvas')).not.toBeNull();
    element.remove();
  });

  // After this test the page has a keyboard reader: tests of widgets waiting to be scrolled near go above it.
  it('after the reader’s first Tab no widget waits to be scrolled near, so each is in the keyboard’s order in time', async () => {
    const { spacer, element } = await farProbe('tabbed to');
    expect(element.shadowRoot?.querySelector('.body')).toBeNull();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
    // Built and rendered where it is, with no scrolling.
    await waitFor(() => element.dataset['ready'] === 'true');
    expect(element.shadowRoot?.querySelector('.body .chart')).not.toBeNull();
    expect(scrollY).toBe(0);
    spacer.remove();
    element.remove();
  });

  it('fills its body in unseen until the first render is shown, and shows it at once on an error', async () => {
    const element = probe('unseen', false, true);
    const broken = probe('unseen broken', true, true);
    document.body.append(element, broken);
    await renderTurn(element);
    const body = element.shadowRoot?.querySelector('.body') as HTMLElement;
    expect(body).not.toBeNull();
    expect(element.dataset['ready']).toBeUndefined();
    expect(getComputedStyle(body).visibility).toBe('hidden');
    await waitFor(() => element.dataset['ready'] === 'true' && broken.hasAttribute('data-error'));
    expect(getComputedStyle(body).visibility).toBe('visible');
    expect(getComputedStyle(broken.shadowRoot?.querySelector('.body') as HTMLElement).visibility).toBe('visible');
    element.remove();
    broken.remove();
  });

  it('widgets connected together draw their charts one per turn, in the order they were connected', async () => {
    built.length = 0;
    const elements = ['a', 'b', 'c'].map((name) => probe(name, false, true));
    // Connected in one task, as the elements of a page upgrade when their chunk arrives.
    document.body.append(...elements);
    expect(built).toEqual([]);
    await waitFor(() => elements.every((e) => e.dataset['ready'] === 'true'));
    // Each build's task ended before the next build began: one chart a task.
    expect(built).toEqual(['a', 'a done', 'b', 'b done', 'c', 'c done']);
    for (const e of elements) e.remove();
  });

  it('a chart that fails to build shows as a failed render (data-error, the reader’s message) and never says ready', async () => {
    const element = probe('broken', true, true);
    const other = probe('fine', false, true);
    document.body.append(element, other);
    await waitFor(() => element.hasAttribute('data-error'));
    expect(element.dataset['error']).toContain('queueProbe: cannot build this chart');
    expect(element.shadowRoot?.querySelector('.error')?.textContent).toBe(RENDER_FAILED.en);
    expect(element.dataset['ready']).toBeUndefined();
    // The queue keeps going for the other widget.
    await waitFor(() => other.dataset['ready'] === 'true');
    element.remove();
    other.remove();
  });
});
