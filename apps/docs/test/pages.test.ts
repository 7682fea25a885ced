import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { beyondNormal } from '../src/lib/pages/beyond-normal.ts';
import { coinToCounts } from '../src/lib/pages/coin-to-counts.ts';
import { fitYourData } from '../src/lib/pages/fit-your-data.ts';
import { howSure } from '../src/lib/pages/how-sure.ts';

// The numbers the new course pages quote are computed by @mle-lab/core at build time (src/lib/pages/);
// here each is checked against numpy/scipy/mpmath (test/fixtures/pages.py → pages.json).
const reference = JSON.parse(readFileSync(new URL('./fixtures/pages.json', import.meta.url), 'utf8')) as Record<
  string,
  Record<string, number>
>;

const pages: Record<string, Record<string, Record<string, number>>> = { coinToCounts, beyondNormal, howSure, fitYourData };

describe('course page numbers agree with the reference libraries', () => {
  for (const [page, sections] of Object.entries(pages)) {
    for (const [section, values] of Object.entries(sections)) {
      const key = `${page}.${section}`;
      it(`${key}: the same quantities as the reference`, () => {
        expect(Object.keys(values).sort()).toEqual(Object.keys(reference[key] ?? {}).sort());
      });
      for (const [name, value] of Object.entries(values)) {
        it(`${key}.${name}`, () => {
          const ref = reference[key]?.[name] as number;
          // Fits without a closed form agree with the exact MLE to ~1e-8; a standard error from the
          // observed information to ~1e-6 (mpmath's numerical Hessian is the reference there).
          const rel = name.endsWith('Se') ? 1e-6 : 1e-8;
          expect(Math.abs(value - ref)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(ref)));
        });
      }
    }
  }
});
