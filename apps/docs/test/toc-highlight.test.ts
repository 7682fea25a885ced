import { describe, expect, it } from 'vitest';
import { currentHeadingIndex } from '../src/components/toc-highlight.ts';

// Heading tops in px from the viewport's top, the reading line at 100 px (values chosen by hand).
describe('currentHeadingIndex', () => {
  it('is the last heading whose top is at or above the reading line', () => {
    expect(currentHeadingIndex([-400, -20, 300], 100)).toBe(1);
    expect(currentHeadingIndex([-400, -20, 100, 300], 100)).toBe(2);
  });
  it('is the first heading while every heading is still below the line (the page title is -Infinity)', () => {
    expect(currentHeadingIndex([-Infinity, 250, 900], 100)).toBe(0);
    expect(currentHeadingIndex([250, 900], 100)).toBe(0);
  });
  it('is the last heading once all are above the line', () => {
    expect(currentHeadingIndex([-900, -500, -10], 100)).toBe(2);
  });
  it('edge cases: no headings gives 0; NaN tops never count as above', () => {
    expect(currentHeadingIndex([], 100)).toBe(0);
    expect(currentHeadingIndex([-50, Number.NaN], 100)).toBe(0);
  });
});
