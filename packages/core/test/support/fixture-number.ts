/** A fixture number: JSON has no Infinity or NaN, so the fixture scripts write them as strings. */
export function fixtureNumber(v: number | string): number {
  if (typeof v === 'number') return v;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  if (v === 'NaN') return Number.NaN;
  throw new Error(`fixtureNumber: ${v} is not a number`);
}
