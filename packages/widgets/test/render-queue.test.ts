// The page's render queue (issue 9, jank): every job runs in a task of its own, in order; a widget's
// readiness waits for its queued chart draws; a draw that throws is handed to the widget, not lost.
import { describe, expect, it } from 'vitest';
import { queueDraw, renderTurn, widgetDrawsSettled } from '../src/shared/render-queue.ts';

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
});
