// Reads a reader's own numbers from pasted or loaded text (DESIGN.md, "Fitting and inference" →
// parseData). One pass over the characters with charCodeAt; a token is sliced once and handed to
// Number() only after a small state machine has checked it against the grammar below, so 1e6 lines
// cost no regular expression and no per-character string building (full-width tokens excepted).

import { describe as describeValue } from '../internal/validate.ts';

/** One token or cell that could not be read as a finite number. */
export interface ParseDataError {
  /** 1-based line number in the text (CRLF, LF and a lone CR each end one line). */
  readonly line: number;
  /** The raw text of the token or cell as it appears in the input ('' for an empty or missing cell). */
  readonly text: string;
  /** Why it was not read, in one sentence. */
  readonly message: string;
}

export interface ParseDataOptions {
  /**
   * Read one column of a table: a header name (exact, else the unique case-insensitive match; the
   * generated names V1, V2, … work when there is no header) or a 0-based index. Without it every
   * field of every line is a value, the header line (if any) skipped.
   */
  readonly column?: string | number;
  /**
   * Whether the first non-blank line is a header. Default: detected — it is a header when none of its
   * space-separated tokens is a number or a number-like word (NaN, Infinity, inf, 1e400).
   */
  readonly header?: boolean;
  /**
   * The decimal mark. '.': a comma always separates values. ',': the comma (and '，') is the decimal
   * mark and is not a separator; a point in a number is then an error. Default: detected — ',' when
   * the text is written the European way (see {@link detectDecimalComma}), else '.'.
   */
  readonly decimal?: '.' | ',';
}

export interface ParsedData {
  /** Every value read, in reading order (line by line, left to right). */
  readonly values: Float64Array;
  /** Every token or cell not read, in reading order; its value is not in `values`. */
  readonly errors: readonly ParseDataError[];
  /** The header's names, or V1, V2, … for the fields of the first data line when there is no header. */
  readonly columns: readonly string[];
  /** The column read, by name; null when every field was read. */
  readonly column: string | null;
  /** Whether the first non-blank line was taken as a header. */
  readonly header: boolean;
  /** The decimal mark the numbers were read with (given, or detected). */
  readonly decimal: '.' | ',';
}

// Character classes, after mapping full-width forms to ASCII.
const CR = 13;
const LF = 10;
const QUOTE = 34;
const COMMA = 44;
const POINT = 46;
const PLUS = 43;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;
const LOWER_E = 101;
const UPPER_E = 69;
const BOM = 0xfeff;
/** What `charAt` returns past the end of a token: matches no character. */
const END = -1;

/** Maps a full-width digit, sign, point, comma or e (and U+2212 MINUS SIGN) to ASCII; other codes unchanged. */
function asciiOf(c: number): number {
  if (c < 0x80) return c;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10 + ZERO;
  switch (c) {
    case 0xff0e: return POINT; // ．
    case 0xff0b: return PLUS; // ＋
    case 0xff0d: // －
    case 0x2212: return MINUS; // − (MINUS SIGN)
    case 0xff45: return LOWER_E; // ｅ
    case 0xff25: return UPPER_E; // Ｅ
    case 0xff0c: return COMMA; // ，
    default: return c;
  }
}

/** Space-like separators: a run of them is one separator. */
function isSoft(c: number): boolean {
  return c === 32 || c === 0x3000 || c === 0xa0 || c === 11 || c === 12 || c === 0x2009 || c === 0x202f;
}

/** Copies `a` into the longer `b` and returns `b`. */
function copiedInto<T extends Int32Array | Uint8Array>(a: T, b: T): T {
  b.set(a);
  return b;
}

const OTHER = 0;
const SOFT = 1;
const HARD = 2;

const OK = 0;
const NOT_NUMBER = 1;
const NONFINITE_WORD = 2;
const OVERFLOW = 3;
const HEX = 4;
const UNDERSCORE = 5;
const WRONG_DECIMAL = 6;
const EMPTY = 7;

/**
 * Reads the numbers in a text: a list separated by commas, semicolons, tabs, spaces or new lines, or
 * one column of a CSV/TSV table with or without a header.
 *
 * Accepted number syntax (Python's `float()` for decimal literals, without its `_` digit groups,
 * `inf` and `nan`): an optional sign, digits with an optional decimal point (`5.`, `.5`), an
 * optional exponent (`1e-3`, `2.5E+8`). Full-width digits, signs, point and e (`－１．５ｅ３`) and
 * U+2212 MINUS SIGN read as their ASCII forms. Separators: `,` `;` tab and their full-width forms
 * `，` `；`, the ideographic comma `、`, and runs of spaces (including the ideographic space U+3000 and no-break
 * spaces); a line break separates too. Handled: a BOM, CRLF, LF and lone CR line ends, blank lines,
 * `"quoted"` CSV fields (with `""` for a quote; a quote does not span lines).
 *
 * Never silent: anything that is not a finite number — a word, NaN, Infinity, `0x10`, `1_000`,
 * `1e400` (overflows), an empty cell (`1,,2`) or a missing one in the chosen column — is an error with
 * its 1-based line and raw text, and the values that did parse are still returned.
 *
 * Decimal commas: text written the European way — values separated by `;` or tabs, every comma
 * between two digits, and no decimal point anywhere (`1,5;2,5`, what a spreadsheet in a German or
 * French locale exports) — is read with the comma as the decimal mark, and `decimal` in the result
 * says so. Otherwise a comma separates, so `1,5` is the two values 1 and 5 (alone, it cannot be told
 * apart from a CSV row): pass `{ decimal: ',' }` for a list of decimal commas on separate lines, or
 * `{ decimal: '.' }` to never read a comma as a decimal mark. With a comma as separator, a thousands
 * separator is caught only when a group starts with 0 (`1,000`, `12,050`): that is an error, since
 * nobody writes 000 for zero in a list; `1,234` reads as 1 and 234.
 *
 * Tables: without `column` every field is a value. With `column`, a line that holds a `,` `;` or tab
 * is split at those only (spaces inside a cell stay), otherwise at runs of spaces; the cell at the
 * column's position is read.
 *
 * @param text - The text, e.g. pasted by a reader or read from a file.
 * @param options - `column`, `header`, `decimal` (see {@link ParseDataOptions}).
 * @returns The values, the errors, the column names, the column read and whether a header was found.
 * @throws {TypeError} If `text` is not a string or an option has the wrong type.
 * @throws {RangeError} If `column` names no column or is a negative or fractional index.
 * @example
 * parseData('1, 2.5; 3\n４．５ oops').values; // => Float64Array [1, 2.5, 3, 4.5]
 * parseData('1, 2.5; 3\n４．５ oops').errors; // => [{ line: 2, text: 'oops', message: '"oops" is not a number' }]
 * parseData('name,weight\nA,1.5\nB,2', { column: 'weight' }).values; // => Float64Array [1.5, 2]
 */
export function parseData(text: string, options: ParseDataOptions = {}): ParsedData {
  if (typeof text !== 'string') throw new TypeError(`parseData: text must be a string, got ${describeValue(text)}`);
  const { column, header, decimal } = options;
  if (column !== undefined && typeof column !== 'string' && typeof column !== 'number') {
    throw new TypeError(`parseData: column must be a header name or a 0-based index, got ${describeValue(column)}`);
  }
  if (typeof column === 'number' && !(Number.isInteger(column) && column >= 0)) {
    throw new RangeError(`parseData: column must be a 0-based index (an integer ≥ 0) or a header name, got ${column}`);
  }
  if (header !== undefined && typeof header !== 'boolean') {
    throw new TypeError(`parseData: header must be true, false or left out (detected), got ${describeValue(header)}`);
  }
  if (decimal !== undefined && decimal !== '.' && decimal !== ',') {
    throw new RangeError(`parseData: decimal must be '.', ',' or left out (detected), got ${describeValue(decimal)}`);
  }
  return new Reader(text, column, header, decimal === undefined ? detectDecimalComma(text) : decimal === ',').read();
}

const SEMICOLON = 59;
const TAB = 9;

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/**
 * Whether a text is written with decimal commas: it has a `;` or tab separator, at least one comma,
 * every comma sits between two ASCII digits, and no point touches a digit (no `1.5`, `.5` or `5.`)
 * — the way a spreadsheet in a locale with decimal commas writes CSV, and a way no text with
 * separating commas looks (a comma-separated row then also has `;` or tabs between the values and
 * no decimal point in any of them). A full-width comma `，` (a separator in Chinese text) rules it out.
 *
 * @param text - The whole text.
 * @returns true when the comma should be read as the decimal mark.
 * @example
 * detectDecimalComma('1,5;2,25\n3;4,75'); // => true
 * detectDecimalComma('1,5,2'); // => false (commas alone separate)
 * detectDecimalComma('1.5;2,5'); // => false (a decimal point is used)
 */
export function detectDecimalComma(text: string): boolean {
  let separator = false;
  let comma = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === SEMICOLON || c === TAB || c === 0xff1b) separator = true;
    else if (c === COMMA) {
      if (!(i > 0 && isDigit(text.charCodeAt(i - 1)) && i + 1 < n && isDigit(text.charCodeAt(i + 1)))) return false;
      comma = true;
    } else if (c === POINT) {
      if ((i > 0 && isDigit(text.charCodeAt(i - 1))) || (i + 1 < n && isDigit(text.charCodeAt(i + 1)))) return false;
    } else if (c === 0xff0c) return false;
  }
  return separator && comma;
}

class Reader {
  private readonly text: string;
  private readonly decimalComma: boolean;
  private readonly columnOption: string | number | undefined;
  private readonly headerOption: boolean | undefined;

  // Fields of the current line: start/end offsets in `text`, and for quoted fields the unquoted text.
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private flags = new Uint8Array(64);
  private quoted: (string | undefined)[] = [];
  private fieldCount = 0;

  private values = new Float64Array(1024);
  private valueCount = 0;
  private readonly errors: ParseDataError[] = [];

  /** The value of the last successful `scan`. */
  private scanned = 0;
  /** Whether the token being scanned has a non-ASCII character (set by charAt). */
  private nonAscii = false;

  /** Separator class of each ASCII code: , ; tab are hard (the comma unless it is the decimal mark). */
  private readonly asciiClass = new Uint8Array(128);

  constructor(text: string, column: string | number | undefined, header: boolean | undefined, decimalComma: boolean) {
    for (const c of [32, 11, 12]) this.asciiClass[c] = SOFT;
    this.asciiClass[9] = HARD;
    this.asciiClass[59] = HARD;
    if (!decimalComma) this.asciiClass[COMMA] = HARD;
    this.text = text;
    this.columnOption = column;
    this.headerOption = header;
    this.decimalComma = decimalComma;
  }

  read(): ParsedData {
    const text = this.text;
    const n = text.length;
    let pos = n > 0 && text.charCodeAt(0) === BOM ? 1 : 0;
    let line = 0;
    let columns: string[] = [];
    let columnIndex = -1; // -1: every field
    let columnName: string | null = null;
    let first = true;
    let hasHeader = false;
    const tableMode = this.columnOption !== undefined;

    // The next LF and CR at or after pos (n when none); indexOf is native and fast on long texts.
    let nextLf = text.indexOf('\n', pos);
    if (nextLf < 0) nextLf = n;
    let nextCr = text.indexOf('\r', pos);
    if (nextCr < 0) nextCr = n;
    while (pos < n) {
      // The line is [pos, end); the next one starts at `next`.
      if (nextLf < pos) {
        nextLf = text.indexOf('\n', pos);
        if (nextLf < 0) nextLf = n;
      }
      if (nextCr < pos) {
        nextCr = text.indexOf('\r', pos);
        if (nextCr < 0) nextCr = n;
      }
      const end = nextLf < nextCr ? nextLf : nextCr;
      let next = end;
      if (next < n) next += text.charCodeAt(next) === CR && next + 1 < n && text.charCodeAt(next + 1) === LF ? 2 : 1;
      line++;
      const lineStart = pos;
      pos = next;
      if (this.isBlank(lineStart, end)) continue;

      if (first) {
        first = false;
        // A header has no number among its space-split tokens; its names come from table splitting
        // (spaces stay inside cells when the line has hard separators).
        this.split(lineStart, end, false);
        // A lone line is data even when it holds no number ("12%" is then an error, not a header
        // over nothing), unless a header is asked for or a column named.
        hasHeader = this.headerOption ?? (this.looksLikeHeader() && (tableMode || !this.restIsBlank(pos)));
        if (hasHeader || tableMode) this.split(lineStart, end, true);
        columns = hasHeader ? this.fieldTexts() : Array.from({ length: this.fieldCount }, (_, i) => `V${i + 1}`);
        if (tableMode) {
          columnIndex = this.resolveColumn(columns);
          columnName = columns[columnIndex] ?? `V${columnIndex + 1}`;
        } else if (hasHeader && columns.length === 1) {
          columnName = columns[0] as string;
        }
        if (hasHeader) continue;
      } else {
        this.split(lineStart, end, tableMode);
      }

      if (columnIndex < 0) {
        for (let k = 0; k < this.fieldCount; k++) this.readField(k, line);
      } else if (columnIndex < this.fieldCount) {
        this.readField(columnIndex, line);
      } else {
        this.errors.push({
          line,
          text: '',
          message: `no cell for column "${columnName}" (position ${columnIndex}): the line has ${this.fieldCount} field${this.fieldCount === 1 ? '' : 's'}`,
        });
      }
    }
    if (first && tableMode) {
      // Empty text: a name cannot be checked against a header that is not there, an index can.
      if (typeof this.columnOption === 'string') this.resolveColumn(columns);
      else columnName = `V${(this.columnOption as number) + 1}`;
    }
    return {
      values: this.values.slice(0, this.valueCount),
      errors: this.errors,
      columns,
      column: columnName,
      header: hasHeader,
      decimal: this.decimalComma ? ',' : '.',
    };
  }

  private isBlank(s: number, e: number): boolean {
    for (let i = s; i < e; i++) {
      const c = this.text.charCodeAt(i);
      if (!(isSoft(c) || c === 9)) return false;
    }
    return true;
  }

  /** Whether nothing but spaces, tabs and line breaks follows `from`. */
  private restIsBlank(from: number): boolean {
    for (let i = from; i < this.text.length; i++) {
      const c = this.text.charCodeAt(i);
      if (!(isSoft(c) || c === 9 || c === CR || c === LF)) return false;
    }
    return true;
  }

  private isHard(c: number): boolean {
    if (c < 128) return this.asciiClass[c] === HARD;
    // ； 、 and (unless the comma is the decimal mark) ，
    return c === 0xff1b || c === 0x3001 || (c === 0xff0c && !this.decimalComma);
  }

  /** OTHER, SOFT or HARD for any code (a table lookup for ASCII, the hot case). */
  private classOf(c: number): number {
    if (c < 128) return this.asciiClass[c] as number;
    return isSoft(c) ? SOFT : this.isHard(c) ? HARD : OTHER;
  }

  private pushField(s: number, e: number, flag: number, quotedText: string | undefined): void {
    const k = this.fieldCount;
    if (k === this.starts.length) {
      this.starts = copiedInto(this.starts, new Int32Array(2 * k));
      this.ends = copiedInto(this.ends, new Int32Array(2 * k));
      this.flags = copiedInto(this.flags, new Uint8Array(2 * k));
    }
    this.starts[k] = s;
    this.ends[k] = e;
    this.flags[k] = flag;
    this.quoted[k] = quotedText;
    this.fieldCount = k + 1;
  }

  /**
   * Splits [s, e) into fields. In table mode a line holding a hard separator is split only at hard
   * separators (cells keep inner spaces); otherwise runs of spaces separate too. An empty field arises
   * between two hard separators, before a leading one, and (table mode only) after a trailing one.
   * Flag bit 1: the field follows a comma directly after the previous field (`1,000`); bit 2: the
   * field had an unterminated quote or text after its closing quote.
   */
  private split(s: number, e: number, table: boolean): void {
    const text = this.text;
    this.fieldCount = 0;
    let spacesSplit = true;
    if (table) {
      let inQuote = false;
      for (let i = s; i < e; i++) {
        const c = text.charCodeAt(i);
        if (c === QUOTE) inQuote = !inQuote;
        else if (!inQuote && this.isHard(c)) {
          spacesSplit = false;
          break;
        }
      }
    }
    let i = s;
    let afterHard = true; // at the line start or just after a hard separator
    let lastHardWasTightComma = false;
    let prevEnd = -2;
    while (true) {
      while (i < e && isSoft(text.charCodeAt(i))) i++;
      if (i >= e) {
        if (afterHard && table && this.fieldCount > 0) this.pushField(e, e, 0, '');
        return;
      }
      const c = text.charCodeAt(i);
      if (this.isHard(c)) {
        if (afterHard) this.pushField(i, i, 0, '');
        lastHardWasTightComma = asciiOf(c) === COMMA && prevEnd === i;
        afterHard = true;
        i++;
        continue;
      }
      const flagTight = afterHard && lastHardWasTightComma && this.fieldCount > 0 && i === prevEnd + 1 ? 1 : 0;
      const start = i;
      let quotedText: string | undefined;
      let flag = flagTight;
      if (c === QUOTE) {
        // "…" with "" for a quote; ends at the closing quote.
        let j = i + 1;
        let out = '';
        let closed = false;
        let chunk = j;
        while (j < e) {
          if (text.charCodeAt(j) === QUOTE) {
            if (j + 1 < e && text.charCodeAt(j + 1) === QUOTE) {
              out += text.slice(chunk, j + 1);
              j += 2;
              chunk = j;
              continue;
            }
            closed = true;
            break;
          }
          j++;
        }
        out += text.slice(chunk, j);
        i = closed ? j + 1 : e;
        quotedText = out.trim();
        if (!closed) flag |= 2;
        // Text between the closing quote and the next separator makes the field malformed.
        let k = i;
        while (k < e) {
          const kind = this.classOf(text.charCodeAt(k));
          if (kind === HARD || (spacesSplit && kind === SOFT)) break;
          k++;
        }
        let t = k;
        while (t > i && isSoft(text.charCodeAt(t - 1))) t--;
        if (t > i) flag |= 2;
        i = k;
      } else {
        while (i < e) {
          const k = this.classOf(text.charCodeAt(i));
          if (k === HARD || (spacesSplit && k === SOFT)) break;
          i++;
        }
      }
      let end = i;
      while (end > start && isSoft(text.charCodeAt(end - 1))) end--;
      this.pushField(start, end, flag, quotedText);
      prevEnd = end;
      afterHard = false;
      lastHardWasTightComma = false;
    }
  }

  private fieldTexts(): string[] {
    const names: string[] = [];
    for (let k = 0; k < this.fieldCount; k++) {
      names.push(this.quoted[k] ?? this.text.slice(this.starts[k], this.ends[k]));
    }
    return names;
  }

  private looksLikeHeader(): boolean {
    let someText = false;
    for (let k = 0; k < this.fieldCount; k++) {
      const status = this.scanField(k);
      // A malformed quoted field is an error to report, not a name.
      if (status === OK || status === NONFINITE_WORD || status === OVERFLOW || ((this.flags[k] as number) & 2) !== 0) return false;
      if (status !== EMPTY) someText = true;
    }
    return someText;
  }

  private resolveColumn(columns: readonly string[]): number {
    const want = this.columnOption as string | number;
    if (typeof want === 'number') return want;
    let index = columns.indexOf(want);
    if (index < 0) {
      const lower = want.trim().toLowerCase();
      const matches = columns.flatMap((name, i) => (name.trim().toLowerCase() === lower ? [i] : []));
      if (matches.length === 1) index = matches[0] as number;
    }
    if (index < 0) {
      const list = columns.length > 0 ? columns.map((name) => JSON.stringify(name)).join(', ') : 'none: the text is empty';
      throw new RangeError(`parseData: column ${JSON.stringify(want)} is not one of the columns (${list}); pass a name from the list or a 0-based index`);
    }
    return index;
  }

  private scanField(k: number): number {
    const q = this.quoted[k];
    if ((this.flags[k] as number) & 2) return NOT_NUMBER;
    if (q !== undefined) return this.scan(q, 0, q.length);
    return this.scan(this.text, this.starts[k] as number, this.ends[k] as number);
  }

  private readField(k: number, line: number): void {
    const status = this.scanField(k);
    if (status === OK) {
      // A thousands group written with a leading zero right after `digits,` is not two values.
      if (!this.decimalComma && this.isThousandsRun(k)) return this.thousandsError(k, line);
      if (this.valueCount === this.values.length) {
        const grown = new Float64Array(2 * this.valueCount);
        grown.set(this.values);
        this.values = grown;
      }
      this.values[this.valueCount++] = this.scanned;
      return;
    }
    const raw = this.text.slice(this.starts[k], this.ends[k]);
    this.errors.push({ line, text: raw, message: this.messageFor(status, this.quoted[k] ?? raw, (this.flags[k] as number) & 2) });
  }

  /** Whether field k belongs to a run d{1,3}(,ddd)+ written without spaces with some group starting with 0. */
  private isThousandsRun(k: number): boolean {
    // Cheap exits first: neither this field nor the next is tightly comma-joined.
    const tightBefore = ((this.flags[k] as number) & 1) === 1;
    const tightAfter = k + 1 < this.fieldCount && ((this.flags[k + 1] as number) & 1) === 1;
    if (!tightBefore && !tightAfter) return false;
    let a = k;
    while (a > 0 && ((this.flags[a] as number) & 1) === 1) a--;
    let b = k;
    while (b + 1 < this.fieldCount && ((this.flags[b + 1] as number) & 1) === 1) b++;
    if (b === a || !this.isDigits(a, 1, 3, true)) return false;
    let zeroLed = false;
    for (let j = a + 1; j <= b; j++) {
      if (!this.isDigits(j, 3, 3, false)) return false;
      if (asciiOf(this.text.charCodeAt(this.starts[j] as number)) === ZERO) zeroLed = true;
    }
    return zeroLed;
  }

  private isDigits(k: number, min: number, max: number, signed: boolean): boolean {
    if (this.quoted[k] !== undefined) return false;
    let s = this.starts[k] as number;
    const e = this.ends[k] as number;
    if (signed && s < e) {
      const c = asciiOf(this.text.charCodeAt(s));
      if (c === PLUS || c === MINUS) s++;
    }
    if (e - s < min || e - s > max) return false;
    for (let i = s; i < e; i++) {
      const c = asciiOf(this.text.charCodeAt(i));
      if (c < ZERO || c > NINE) return false;
    }
    return true;
  }

  private thousandsError(k: number, line: number): void {
    // Report the whole run once, at its first field; every field of it is skipped.
    let a = k;
    while (a > 0 && ((this.flags[a] as number) & 1) === 1) a--;
    if (a !== k && this.columnOption === undefined) return;
    let b = k;
    while (b + 1 < this.fieldCount && ((this.flags[b + 1] as number) & 1) === 1) b++;
    const raw = this.text.slice(this.starts[a], this.ends[b]);
    this.errors.push({
      line,
      text: raw,
      message: `"${raw}" looks like a number with thousands separators; commas separate values here, so remove the separators (or pass decimal: ',' if the comma is a decimal mark)`,
    });
  }

  private messageFor(status: number, shownText: string, malformed: number): string {
    const shown = `"${shownText}"`;
    switch (status) {
      case EMPTY:
        return this.columnOption === undefined ? 'empty field between separators' : 'empty cell';
      case NONFINITE_WORD:
        return `${shown} is not a finite number; NaN and Infinity are not allowed`;
      case OVERFLOW:
        return `${shown} overflows to Infinity; only finite numbers are allowed`;
      case HEX:
        return `${shown} is hexadecimal, which is not read; write the number in decimal`;
      case UNDERSCORE:
        return `${shown} has a digit separator (_), which is not allowed; remove it`;
      case WRONG_DECIMAL:
        return this.decimalComma
          ? `${shown} has a decimal point, but decimal: ',' makes the comma the decimal mark`
          : `${shown} is not a number (a comma inside a number: a thousands separator or a decimal comma? pass decimal: ',' for decimal commas)`;
      default:
        if (malformed) return `${shown} is a malformed quoted field (an unclosed quote, or text after the closing quote)`;
        return `${shown} is not a number`;
    }
  }

  /**
   * Checks [s, e) of `str` against the number grammar, sets `scanned` and returns OK, or returns why
   * not. Grammar (after full-width mapping): [+-]? (d+ (.d*)? | .d+) ([eE] [+-]? d+)?
   */
  private scan(str: string, s: number, e: number): number {
    if (s >= e) return EMPTY;
    const dot = this.decimalComma ? COMMA : POINT;
    this.nonAscii = false;
    let i = s;
    let c = this.charAt(str, i, e);
    if (c === PLUS || c === MINUS) c = this.charAt(str, ++i, e);
    let mantissaDigits = 0;
    while (c >= ZERO && c <= NINE) {
      mantissaDigits++;
      c = this.charAt(str, ++i, e);
    }
    if (c === dot) {
      c = this.charAt(str, ++i, e);
      while (c >= ZERO && c <= NINE) {
        mantissaDigits++;
        c = this.charAt(str, ++i, e);
      }
    }
    if (mantissaDigits === 0) return this.classify(str, s, e);
    if (c === LOWER_E || c === UPPER_E) {
      c = this.charAt(str, ++i, e);
      if (c === PLUS || c === MINUS) c = this.charAt(str, ++i, e);
      let expDigits = 0;
      while (c >= ZERO && c <= NINE) {
        expDigits++;
        c = this.charAt(str, ++i, e);
      }
      if (expDigits === 0) return this.classify(str, s, e);
    }
    if (i !== e) return this.classify(str, s, e);
    let token: string;
    if (!this.nonAscii && !this.decimalComma) {
      token = str.slice(s, e);
    } else {
      token = '';
      for (let j = s; j < e; j++) {
        const a = asciiOf(str.charCodeAt(j));
        token += String.fromCharCode(a === COMMA ? POINT : a);
      }
    }
    const v = Number(token);
    if (!Number.isFinite(v)) return OVERFLOW;
    this.scanned = v;
    return OK;
  }

  /**
   * The character at i of a token ending at e, mapped to ASCII (full-width forms), or END past the end; notes in
   * `nonAscii` that the token needs the mapped copy rather than a slice.
   */
  private charAt(str: string, i: number, e: number): number {
    if (i >= e) return END;
    const c = str.charCodeAt(i);
    if (c >= 0x80) this.nonAscii = true;
    return asciiOf(c);
  }

  /** Why a token that failed the grammar failed (only on the error path, so a regex is fine here). */
  private classify(str: string, s: number, e: number): number {
    let t = '';
    for (let j = s; j < e; j++) t += String.fromCharCode(asciiOf(str.charCodeAt(j)));
    const body = t.replace(/^[+-]/, '').toLowerCase();
    if (body === 'nan' || body === 'inf' || body === 'infinity' || body === '∞') return NONFINITE_WORD;
    if (/^0x[0-9a-f]+$/.test(body)) return HEX;
    if (/^[0-9.e+-]+$/.test(body.replace(/_/g, '')) && /\d_\d/.test(body)) return UNDERSCORE;
    const other = this.decimalComma ? '.' : ',';
    if (body.includes(other) && /^[0-9.,e+-]+$/.test(body)) return WRONG_DECIMAL;
    return NOT_NUMBER;
  }
}
