// Chart boxes' widths recorded from resize observations (issue 9, jank): building a chart reads the
// recorded width instead of forcing a layout with clientWidth.
import { describe, expect, it } from 'vitest';
import { knownChartWidth, watchChartWidth } from '../src/shared/chart-width.ts';
import { chartBox } from '../src/shared/readouts.ts';
import { waitFor } from './support/mount.ts';

describe('chart box widths', () => {
  it('records a watched box’s width once it is laid out, and follows a resize', async () => {
    const box = document.createElement('div');
    box.style.width = '300px';
    watchChartWidth(box);
    // Not in the document yet: nothing known.
    expect(knownChartWidth(box)).toBeUndefined();
    document.body.append(box);
    await waitFor(() => knownChartWidth(box) !== undefined);
    expect(knownChartWidth(box)).toBe(300);
    box.style.width = '420px';
    await waitFor(() => knownChartWidth(box) === 420);
    box.remove();
  });

  it('chartBox() boxes are watched; a hidden box (zero width) keeps the width last known', async () => {
    const box = chartBox();
    box.style.width = '360px';
    document.body.append(box);
    await waitFor(() => knownChartWidth(box) === 360);
    box.style.display = 'none';
    // Let a rendering update report the zero width, then check that it was ignored.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(knownChartWidth(box)).toBe(360);
    box.remove();
  });

  it('an unwatched box has no known width', () => {
    expect(knownChartWidth(document.createElement('div'))).toBeUndefined();
  });
});
