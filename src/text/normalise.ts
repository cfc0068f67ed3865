import type { OffsetMap } from "../core/article.js";
import type { Span } from "../core/span.js";

/** The normalised text of an article, with the way back to the raw text. */
export interface Normalised extends OffsetMap {
  readonly text: string;
  readonly paragraphs: readonly Span[];
  readonly caseless: boolean;
  /** Raw ranges of paragraphs dropped because they repeat an earlier one. */
  readonly dropped: readonly Span[];
}

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/**
 * What a raw character becomes: a UTF-16 code (quotes, dashes unified), -1 to drop it (invisible
 * characters), -2 for an ellipsis ("..."), or the code itself. Only characters from U+0060 up can
 * change, so the common case is one comparison.
 */
function mapCode(c: number): number {
  if (c < 0x60) return c;
  switch (c) {
    case 0x60: // ` grave accent used as an opening quote
    case 0xb4:
    case 0x2018:
    case 0x2019:
    case 0x201a:
    case 0x201b:
    case 0x2032:
      return 0x27;
    case 0xab:
    case 0xbb:
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x201f:
    case 0x2033:
      return 0x22;
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      return 0x2d;
    case 0x200b:
    case 0x200c:
    case 0x200d:
    case 0x2060:
    case 0xfeff:
    case 0xad:
      return -1;
    case 0x2026:
      return -2;
    default:
      return c;
  }
}

/** True when the letters of the text are (nearly) all capitals: old wire copy, telex. */
export function isCaseless(raw: string, from = 0): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = from; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  return upper >= 20 && lower < upper * 0.05;
}

/**
 * The longest run of characters without a space that reaches the tokenizer: wink-nlp takes time
 * quadratic in the length of such a run, so a longer one (no word is this long; a pasted blob or
 * an attack on the service is) gets a zero-width break every MAX_RUN characters.
 */
const MAX_RUN = 128;

/** A string from the first `n` UTF-16 codes, in chunks small enough for the argument limit of a call. */
function fromCodes(codes: Uint16Array, n: number): string {
  // apply takes the typed array as it is (a spread would iterate it: twice as slow here).
  const chunk = (from: number, to: number): string =>
    Reflect.apply(String.fromCharCode, null, codes.subarray(from, to)) as string;
  if (n <= 8192) return chunk(0, n);
  let out = "";
  for (let i = 0; i < n; i += 8192) out += chunk(i, Math.min(n, i + 8192));
  return out;
}

// The codes of the paragraph being normalised: one buffer for all, not an array per paragraph.
let codeBuffer = new Uint16Array(4096);

interface Line {
  readonly start: number;
  readonly end: number;
  readonly blank: boolean;
}

function splitLines(raw: string, from: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  for (let i = from; i <= raw.length; i++) {
    if (i === raw.length || raw.charCodeAt(i) === 10) {
      let blank = true;
      for (let k = start; k < i; k++) {
        if (!isSpace(raw.charCodeAt(k))) {
          blank = false;
          break;
        }
      }
      lines.push({ start, end: i, blank });
      start = i + 1;
    }
  }
  return lines;
}

const SENTENCE_END = /[.!?:;"')\]]\s*$/;
const ENDS_CAPITALISED = /(?:^|\s)[A-Z0-9][\w'-]*\s*$/;
const STARTS_CAPITALISED = /^\s*["'(\u201c\u2018]?[A-Z0-9]/;
/** A list item's mark: "- ", "* ", "• ", "· " (not "-- ", a dash that wraps). */
const BULLET = /^\s*(?:[*\u2022\u00b7]|-(?!-))\s/;

/**
 * A single line break in cased text ends a paragraph when the line before ends a sentence, or when
 * a line ending on a name is followed by a capitalised line (a headline above its story), or
 * before a list item ("- On 14 August, ..."). Wrapped
 * lines ("in front of\nPresident Obama") are joined. In caseless text every single break is a wrap.
 */
function isSoftBreak(raw: string, prev: Line, next: Line, caseless: boolean): boolean {
  if (caseless) return false;
  const a = raw.slice(prev.start, prev.end);
  const b = raw.slice(next.start, Math.min(next.end, next.start + 8));
  // a list item ("- On 14 August, an IED struck ...") is a paragraph of its own
  if (BULLET.test(b)) return true;
  if (!STARTS_CAPITALISED.test(b)) return false;
  return SENTENCE_END.test(a) || ENDS_CAPITALISED.test(a.slice(-40));
}

/** Raw ranges of the paragraphs of `raw` from `from` on. */
function paragraphRanges(raw: string, from: number, caseless: boolean): Span[] {
  const lines = splitLines(raw, from);
  const out: Span[] = [];
  let current: { start: number; end: number } | null = null;
  let prev: Line | null = null;
  for (const line of lines) {
    if (line.blank) {
      if (current) out.push(current);
      current = null;
      prev = null;
      continue;
    }
    if (current && prev && isSoftBreak(raw, prev, line, caseless)) {
      out.push(current);
      current = null;
    }
    if (current) current.end = line.end;
    else current = { start: line.start, end: line.end };
    prev = line;
  }
  if (current) out.push(current);
  return out;
}

/**
 * Normalises an article's raw text in one pass: quotes, dashes and ellipses unified, invisible
 * characters dropped, whitespace collapsed to single spaces, paragraphs separated by a blank line,
 * and a paragraph that repeats an earlier one dropped. Every output character remembers the raw
 * character it came from.
 */
export function normalise(raw: string, from = 0): Normalised {
  const caseless = isCaseless(raw, from);
  const ranges = paragraphRanges(raw, from, caseless);
  const parts: string[] = [];
  const paragraphs: Span[] = [];
  const dropped: Span[] = [];
  const seen = new Set<string>();
  // A paragraph's raw offsets are written straight after the text so far (and its separator);
  // a dropped paragraph is then overwritten by the next one.
  const offsets = new OffsetBuffer(Math.max(0, raw.length - from) + 16);
  let length = 0;

  for (const range of ranges) {
    let codes = codeBuffer;
    // Raw offset each output character came from; -(i + 1) marks a break inserted before raw i.
    const base = parts.length > 0 ? length + 2 : length;
    // Room is made as characters come (at most 4 per raw one: a space and an ellipsis's three
    // periods), not for the worst case up front: that made most articles copy their map to 4x.
    offsets.reserve(base + 4);
    let ps = offsets.starts;
    let p = base;
    let pendingSpace = -1;
    let run = 0;
    for (let i = range.start; i < range.end; i++) {
      if (p + 4 > ps.length) {
        offsets.reserve(p + 4);
        ps = offsets.starts;
      }
      if (p - base + 4 > codes.length) {
        const grown = new Uint16Array(2 * codes.length + 4);
        grown.set(codes);
        codes = codeBuffer = grown;
      }
      const code = raw.charCodeAt(i);
      if (isSpace(code)) {
        if (pendingSpace < 0 && p > base) pendingSpace = i;
        continue;
      }
      const mapped = mapCode(code);
      if (mapped === -1) continue;
      if (pendingSpace >= 0) {
        codes[p - base] = 32;
        ps[p++] = pendingSpace;
        pendingSpace = -1;
        run = 0;
      } else if (run >= MAX_RUN) {
        codes[p - base] = 32;
        ps[p++] = -(i + 1);
        run = 0;
      }
      run += mapped === -2 ? 3 : 1;
      if (mapped === -2) {
        codes[p - base] = 46;
        codes[p - base + 1] = 46;
        codes[p - base + 2] = 46;
        ps[p++] = i;
        ps[p++] = i;
        ps[p++] = i;
      } else {
        codes[p - base] = mapped;
        ps[p++] = i;
      }
    }
    if (p === base) continue;
    const paragraph = fromCodes(codes, p - base);
    if (seen.has(paragraph)) {
      dropped.push(range);
      continue;
    }
    seen.add(paragraph);
    const ends = offsets.ends;
    if (parts.length > 0) {
      // The separator maps to the end of the previous paragraph: zero width in the raw text.
      const at = ends[length - 1] as number;
      parts.push("\n\n");
      ps[length] = at;
      ps[length + 1] = at;
      ends[length] = at;
      ends[length + 1] = at;
      length += 2;
    }
    paragraphs.push({ start: length, end: length + paragraph.length });
    parts.push(paragraph);
    // Every output character comes from one raw UTF-16 unit, so it ends one unit after it
    // starts; an inserted break has no width.
    for (let k = length; k < p; k++) {
      const at = ps[k] as number;
      ps[k] = at < 0 ? -at - 1 : at;
      ends[k] = at < 0 ? -at - 1 : at + 1;
    }
    length += paragraph.length;
  }
  return {
    text: parts.join(""),
    rawStart: offsets.starts.subarray(0, length),
    rawEnd: offsets.ends.subarray(0, length),
    paragraphs,
    caseless,
    dropped,
  };
}

/** The offset map under construction: two arrays that grow as paragraphs are added. */
class OffsetBuffer {
  starts: Int32Array;
  ends: Int32Array;

  constructor(capacity: number) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  /** Room for `size` entries, the ones written so far kept. */
  reserve(size: number): void {
    if (size <= this.starts.length) return;
    const capacity = Math.max(size, 2 * this.starts.length);
    const starts = new Int32Array(capacity);
    const ends = new Int32Array(capacity);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }
}
