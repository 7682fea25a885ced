import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answers, fmt } from '../src/lib/exercises.ts';

// Every exercise answer the pages show is computed by @mle-lab/core at build time; here each is checked
// against numpy/scipy (test/fixtures/exercises.py → exercises.json, which names the call for each).
const reference = JSON.parse(readFileSync(new URL('./fixtures/exercises.json', import.meta.url), 'utf8')) as Record<
  string,
  Record<string, number>
>;

describe('exercise answers agree with numpy/scipy', () => {
  for (const [page, values] of Object.entries(answers)) {
    const expected = reference[page];
    it(`${page}: every answer has a reference value`, () => {
      expect(expected, `exercises.json lacks the page ${page}`).toBeDefined();
      expect(Object.keys(values).sort()).toEqual(Object.keys(expected ?? {}).sort());
    });
    for (const [name, value] of Object.entries(values)) {
      it(`${page}.${name}`, () => {
        const ref = expected?.[name];
        expect(typeof ref).toBe('number');
        const tolerance = 1e-9 * Math.max(1, Math.abs(ref as number));
        expect(Math.abs((value as number) - (ref as number))).toBeLessThanOrEqual(tolerance);
      });
    }
  }
});

describe('fmt', () => {
  it('shows significant digits without float noise and with a real minus sign', () => {
    expect(fmt(0.0005200000000000001)).toBe('0.00052');
    expect(fmt(-2483.025897379439, 6)).toBe('−2483.03');
    expect(fmt(8)).toBe('8');
    expect(fmt(3.2)).toBe('3.2');
  });
});
