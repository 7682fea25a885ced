import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDecimalComma, parseData } from '../../src/data/parse-data.ts';
import golden from '../fixtures/parse_data.json' with { type: 'json' };

/** Decodes Python's float.hex() ('-0x1.8p+1', '0x0.0000000000001p-1022') to the exact double. */
function fromHex(hex: string): number {
  const m = /^(-?)0x([01])\.([0-9a-f]+)p([+-]\d+)$/.exec(hex);
  if (m === null) throw new Error(`bad hex ${hex}`);
  const [, sign, lead, frac, exp] = m as unknown as [string, string, string, string, string];
  const fraction = BigInt(`0x${frac.padEnd(13, '0')}`);
  const e = Number(exp);
  const bits = (lead === '1' ? BigInt(e + 1023) << 52n : 0n) | fraction | (sign === '-' ? 1n << 63n : 0n);
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, bits);
  return view.getFloat64(0);
}

const FULL_WIDTH: Record<string, string> = { '.': '．', '+': '＋', '-': '－', e: 'ｅ', E: 'Ｅ' };
function toFullWidth(token: string): string {
  return Array.from(token, (ch) => (ch >= '0' && ch <= '9' ? String.fromCharCode(ch.charCodeAt(0) - 48 + 0xff10) : (FULL_WIDTH[ch] ?? ch))).join('');
}

const SEPARATORS = [',', ';', '\t', ' ', '  ', '\n', '\r\n', '\r', ', ', ' ; ', '，', '；', '　', '、', ',\n', ' \t '];

describe('parseData', () => {
  it('reads every token exactly as Python float() does (bit for bit, sign of zero included)', () => {
    for (const { token, hex } of golden.accepted) {
      // python: float(token).hex()
      const r = parseData(token);
      expect(r.errors, token).toEqual([]);
      expect(Object.is(r.values[0], fromHex(hex)), `${token} → ${r.values[0]} vs ${hex}`).toBe(true);
      // The same token in full-width characters reads to the same double.
      expect(Object.is(parseData(toFullWidth(token)).values[0], fromHex(hex)), toFullWidth(token)).toBe(true);
    }
  });

  it('reports the tokens that Python float() reads but parseData rejects on purpose', () => {
    for (const { token } of golden.rejected) {
      // python: float(token) gives the value in golden.rejected[].python; here each is an error
      const r = parseData(`1 ${token} 2`);
      expect(Array.from(r.values), token).toEqual([1, 2]);
      expect(r.errors.map((e) => [e.line, e.text])).toEqual([[1, token]]);
    }
  });

  it('the TSDoc examples', () => {
    const r = parseData('1, 2.5; 3\n４．５ oops');
    expect(Array.from(r.values)).toEqual([1, 2.5, 3, 4.5]);
    expect(r.errors).toEqual([{ line: 2, text: 'oops', message: '"oops" is not a number' }]);
    expect(Array.from(parseData('name,weight\nA,1.5\nB,2', { column: 'weight' }).values)).toEqual([1.5, 2]);
  });

  it('reads lists separated by commas, semicolons, tabs, spaces and new lines, in any mix', () => {
    expect(Array.from(parseData('1, 2.5; 3\t4 5\n6\r\n7\r8').values)).toEqual([1, 2.5, 3, 4, 5, 6, 7, 8]);
    expect(Array.from(parseData('１，２；３　４、５').values)).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(parseData('－１．５ｅ２ ＋６ −7').values)).toEqual([-150, 6, -7]);
    // One full-width character at each place of the grammar (sign, digit, point, e, exponent sign and digit) is
    // enough for the token to be read through its ASCII copy.
    expect(Array.from(parseData('－1 2１ 1．5 1ｅ2 1e－2 1e２ ．5').values)).toEqual([-1, 21, 1.5, 100, 0.01, 100, 0.5]);
  });

  it('gives every error its 1-based line and raw text, and keeps the values that parsed', () => {
    const r = parseData('1\nabc\n\n2, NaN\r\n0x10 3\r1_000\n1e400\nInfinity 4');
    expect(Array.from(r.values)).toEqual([1, 2, 3, 4]);
    expect(r.errors.map((e) => [e.line, e.text])).toEqual([
      [2, 'abc'],
      [4, 'NaN'],
      [5, '0x10'],
      [6, '1_000'],
      [7, '1e400'],
      [8, 'Infinity'],
    ]);
    expect(r.errors.map((e) => e.message)).toEqual([
      '"abc" is not a number',
      '"NaN" is not a finite number; NaN and Infinity are not allowed',
      '"0x10" is hexadecimal, which is not read; write the number in decimal',
      '"1_000" has a digit separator (_), which is not allowed; remove it',
      '"1e400" overflows to Infinity; only finite numbers are allowed',
      '"Infinity" is not a finite number; NaN and Infinity are not allowed',
    ]);
  });

  it('detects a header, reads a column by name, by case-insensitive name or by 0-based index', () => {
    const csv = 'id,Weight (kg),note\n1,2.5,ok\n2,3.25,"a, b"\n3,,x\n4\n';
    const byName = parseData(csv, { column: 'Weight (kg)' });
    expect(byName.header).toBe(true);
    expect(byName.columns).toEqual(['id', 'Weight (kg)', 'note']);
    expect(byName.column).toBe('Weight (kg)');
    expect(Array.from(byName.values)).toEqual([2.5, 3.25]);
    expect(byName.errors).toEqual([
      { line: 4, text: '', message: 'empty cell' },
      { line: 5, text: '', message: 'no cell for column "Weight (kg)" (position 1): the line has 1 field' },
    ]);
    expect(Array.from(parseData(csv, { column: 'weight (KG)' }).values)).toEqual([2.5, 3.25]);
    expect(Array.from(parseData(csv, { column: 0 }).values)).toEqual([1, 2, 3, 4]);
    expect(() => parseData(csv, { column: 'height' })).toThrow(
      'parseData: column "height" is not one of the columns ("id", "Weight (kg)", "note"); pass a name from the list or a 0-based index',
    );
  });

  it('reads tables without a header through generated names V1, V2, …', () => {
    const r = parseData('1 10\n2 20\n3 30', { column: 'V2' });
    expect(r.header).toBe(false);
    expect(r.columns).toEqual(['V1', 'V2']);
    expect(Array.from(r.values)).toEqual([10, 20, 30]);
    expect(Array.from(parseData('1;10\n2;20', { column: 1 }).values)).toEqual([10, 20]);
  });

  it('keeps spaces inside cells of lines with hard separators, and splits space-only lines at spaces', () => {
    const r = parseData('first name\tage\nAnn Lee\t31\nBo\t 42 ', { column: 'age' });
    expect(r.columns).toEqual(['first name', 'age']);
    expect(Array.from(r.values)).toEqual([31, 42]);
  });

  it('reads quoted CSV fields, with "" for a quote, and reports malformed ones', () => {
    const r = parseData('"a ""x""",b\n"1.5",2\n"7\n"8" 9,3', { column: 'a "x"' });
    expect(Array.from(r.values)).toEqual([1.5]);
    expect(r.errors.map((e) => [e.line, e.text])).toEqual([
      [3, '"7'],
      [4, '"8" 9'],
    ]);
    expect(parseData('1 "1,000"').errors[0]?.message).toBe(
      '"1,000" is not a number (a comma inside a number: a thousands separator or a decimal comma? pass decimal: \',\' for decimal commas)',
    );
  });

  it('treats the comma as a separator; a thousands group led by 0 is an error; decimal commas on request', () => {
    // Documented ambiguity: 1,5 is two values, 1 and 5.
    expect(Array.from(parseData('1,5').values)).toEqual([1, 5]);
    const t = parseData('1,000 2,050,100 -3,007 1,234');
    expect(Array.from(t.values)).toEqual([1, 234]);
    expect(t.errors.map((e) => e.text)).toEqual(['1,000', '2,050,100', '-3,007']);
    // A space after the comma means a list: 1, 000 is two values.
    expect(Array.from(parseData('1, 000').values)).toEqual([1, 0]);
    const d = parseData('x;y\n1,5;2,25\n3;4,0\n5.5;6', { decimal: ',' });
    expect(Array.from(d.values)).toEqual([1.5, 2.25, 3, 4, 6]);
    expect(d.errors).toEqual([{ line: 4, text: '5.5', message: '"5.5" has a decimal point, but decimal: \',\' makes the comma the decimal mark' }]);
    expect(d.decimal).toBe(',');
  });

  it('detects text written with decimal commas (a spreadsheet in a German or French locale)', () => {
    // Semicolons or tabs separate, every comma sits between digits, no decimal point: the comma is the
    // decimal mark. Read as plain separators these were 1, 5, 2, 25, … — twice the values, all wrong.
    const eu = parseData('Gewicht;Größe\n1,5;172,25\n2;180\n3,75;169,5', { column: 'Gewicht' });
    expect(eu.decimal).toBe(',');
    expect(Array.from(eu.values)).toEqual([1.5, 2, 3.75]);
    expect(Array.from(parseData('1,5\t2,25\n-0,5\t1e3').values)).toEqual([1.5, 2.25, -0.5, 1000]);
    expect(Array.from(parseData('1,5;2,3;4,0').values)).toEqual([1.5, 2.3, 4]);
    // Anything else keeps the comma a separator: commas alone, a decimal point anywhere, a comma not
    // between digits, a full-width comma (a separator in Chinese text).
    for (const [text, values] of [
      ['1,5,2', [1, 5, 2]],
      ['1,5\n2,5', [1, 5, 2, 5]],
      ['1.5;2,5', [1.5, 2, 5]],
      ['1, 5;2', [1, 5, 2]],
      ['1，5;2,5', [1, 5, 2, 5]],
    ] as const) {
      const r = parseData(text);
      expect(r.decimal, text).toBe('.');
      expect(Array.from(r.values), text).toEqual(values);
    }
    // Given explicitly, the option wins over detection.
    expect(Array.from(parseData('1,5;2,3', { decimal: '.' }).values)).toEqual([1, 5, 2, 3]);
    expect(detectDecimalComma('1,5;2,25\n3;4,75')).toBe(true);
  });

  it('property: decimal-comma tables round-trip (semicolon-separated, as a locale with decimal commas writes them)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 20 }), (rows) => {
        const width = (rows[0] as number[]).length;
        const table = rows.map((r) => Array.from({ length: width }, (_, k) => Math.round((r[k] ?? 0) * 100) / 100));
        const text = table.map((r) => r.map((v) => String(v).replace('.', ',')).join(';')).join('\n');
        const parsed = parseData(text);
        const flat = table.flat().map((v) => (Object.is(v, -0) ? 0 : v));
        // With no comma at all (every value an integer) nothing says decimal comma, and nothing needs it.
        expect(parsed.decimal).toBe(text.includes(',') ? ',' : '.');
        expect(Array.from(parsed.values).map((v) => (Object.is(v, -0) ? 0 : v))).toEqual(flat);
      }),
    );
  });

  it('reports empty fields between separators; a separator at the end of a line is fine in a list', () => {
    const r = parseData('1,,2,\n,3\n4,\n5');
    expect(Array.from(r.values)).toEqual([1, 2, 3, 4, 5]);
    expect(r.errors).toEqual([
      { line: 1, text: '', message: 'empty field between separators' },
      { line: 2, text: '', message: 'empty field between separators' },
    ]);
  });

  it('reads every field of a multi-column table when no column is given (column is null)', () => {
    const r = parseData('a,b\n1,2\n3,4');
    expect(r.column).toBeNull();
    expect(Array.from(r.values)).toEqual([1, 2, 3, 4]);
    expect(parseData('x\n1\n2').column).toBe('x');
  });

  it('honours header: true and header: false', () => {
    expect(parseData('1\n2', { header: true }).columns).toEqual(['1']);
    expect(Array.from(parseData('1\n2', { header: true }).values)).toEqual([2]);
    const r = parseData('x\n2', { header: false });
    expect(r.errors.map((e) => [e.line, e.text])).toEqual([[1, 'x']]);
    expect(r.columns).toEqual(['V1']);
  });

  it('property: String(x) and x.toExponential() of random doubles read back to the same value, separators mixed', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            x: fc.double({ noNaN: true, noDefaultInfinity: true }),
            form: fc.constantFrom('string', 'exponential', 'fixed-exponential', 'full-width', 'plus'),
            sep: fc.constantFrom(...SEPARATORS),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        (items) => {
          let text = '';
          const expected: number[] = [];
          for (const { x, form, sep } of items) {
            let token =
              form === 'exponential' || form === 'full-width' ? x.toExponential() : form === 'fixed-exponential' ? x.toExponential(6) : String(x);
            if (form === 'full-width') token = toFullWidth(token);
            if (form === 'plus' && x >= 0) token = `+${token}`;
            // toExponential(6) rounds on purpose: the value is the rounded decimal, as any reader would get.
            expected.push(form === 'fixed-exponential' ? Number(x.toExponential(6)) : x === 0 ? 0 : x);
            text += token + sep;
          }
          const r = parseData(text);
          expect(r.errors).toEqual([]);
          expect(Array.from(r.values)).toEqual(expected.map((v) => (v === 0 ? 0 : v)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: words dropped among numbers become errors on their lines; the numbers all come back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -1e6, max: 1e6 }).map(String), fc.constantFrom('abc', 'NaN', 'inf', '0x1F', '1_0', '--2', '1e', '.')), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.array(fc.constantFrom('\n', ' ', ';', '\r\n'), { minLength: 60, maxLength: 60 }),
        (tokens, seps) => {
          // A first line of words would be taken as a header: start with a number.
          const all = ['0', ...tokens];
          let text = '';
          let line = 1;
          const values: number[] = [];
          const errors: [number, string][] = [];
          all.forEach((tok, i) => {
            if (/^-?\d+$/.test(tok)) values.push(Number(tok));
            else errors.push([line, tok]);
            const sep = seps[i % seps.length] as string;
            text += tok + sep;
            if (sep.includes('\n')) line++;
          });
          const r = parseData(text);
          expect(Array.from(r.values)).toEqual(values.map((v) => (v === 0 ? 0 : v)));
          expect(r.errors.map((e) => [e.line, e.text])).toEqual(errors);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('property: a column chosen by name returns that column of a random table', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 5, maxLength: 5 }), { minLength: 0, maxLength: 30 }),
        fc.constantFrom(',', ';', '\t', ' ', ' , '),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.nat(4),
        (width, rows, sep, eol, pick) => {
          const col = pick % width;
          const names = Array.from({ length: width }, (_, j) => `col_${j}`);
          const text = [names.join(sep), ...rows.map((row) => row.slice(0, width).map(String).join(sep))].join(eol);
          const r = parseData(text, { column: names[col] as string });
          expect(r.errors).toEqual([]);
          expect(r.columns).toEqual(names);
          expect(Array.from(r.values)).toEqual(rows.map((row) => (row[col] === 0 ? 0 : row[col])));
        },
      ),
      { numRuns: 200 },
    );
  });

  describe('edge cases', () => {
    it('empty text, blank lines, a lone BOM: no values, no errors, no columns', () => {
      for (const text of ['', '\n\n', ' \t \r\n ', '\uFEFF']) {
        const r = parseData(text);
        expect(Array.from(r.values)).toEqual([]);
        expect(r.errors).toEqual([]);
        expect(r.columns).toEqual([]);
        expect(r.header).toBe(false);
      }
    });

    it('one value; a BOM before a header; a header alone', () => {
      expect(Array.from(parseData('42').values)).toEqual([42]);
      const r = parseData('\uFEFFvalue\r\n1.5\r\n');
      expect(r.columns).toEqual(['value']);
      expect(Array.from(r.values)).toEqual([1.5]);
      const h = parseData('a,b', { column: 'b' });
      expect(Array.from(h.values)).toEqual([]);
      expect(h.columns).toEqual(['a', 'b']);
      // A lone line with no number and no column asked for is data, so nothing is dropped silently.
      const lone = parseData('12%\n\n');
      expect(lone.header).toBe(false);
      expect(lone.errors).toEqual([{ line: 1, text: '12%', message: '"12%" is not a number' }]);
      expect(parseData('weight', { header: true }).columns).toEqual(['weight']);
    });

    it('a first line of NaN is data (an error), not a header', () => {
      const r = parseData('NaN\n1');
      expect(r.header).toBe(false);
      expect(r.errors.map((e) => [e.line, e.text])).toEqual([[1, 'NaN']]);
    });

    it('an index past every row gives one error per row, never a silent zero', () => {
      const r = parseData('1,2\n3,4', { column: 5 });
      expect(Array.from(r.values)).toEqual([]);
      expect(r.errors.map((e) => e.line)).toEqual([1, 2]);
    });

    it('huge and tiny magnitudes, signed zeros', () => {
      const r = parseData('1e308 -1e308 5e-324 -0 +0');
      expect(Array.from(r.values)).toEqual([1e308, -1e308, 5e-324, -0, 0]);
      expect(Object.is(r.values[3], -0)).toBe(true);
    });

    it('bad arguments throw, naming parseData', () => {
      expect(() => parseData(12 as unknown as string)).toThrow(TypeError);
      expect(() => parseData('1', { column: -1 })).toThrow('parseData: column must be a 0-based index');
      expect(() => parseData('1', { column: 1.5 })).toThrow(RangeError);
      expect(() => parseData('1', { decimal: ':' as ',' })).toThrow("parseData: decimal must be '.', ',' or left out (detected), got \":\"");
      expect(() => parseData('', { column: 'x' })).toThrow('parseData: column "x" is not one of the columns (none: the text is empty)');
    });

    it('a million lines come back complete (speed is measured in the benchmark, not here)', () => {
      const parts = Array.from({ length: 1_000_000 }, (_, i) => String((i % 1000) / 8));
      const r = parseData(parts.join('\n'));
      expect(r.values.length).toBe(1_000_000);
      expect(r.values[999_999]).toBe(999 / 8);
    });
  });
});
