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

const SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u0060\u00b4";
const DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb";
const DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212";
const INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad";

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

/** Replacement for one raw character, or null to keep it. */
function replacement(ch: string): string | null {
  if (SINGLE_QUOTES.includes(ch)) return "'";
  if (DOUBLE_QUOTES.includes(ch)) return '"';
  if (DASHES.includes(ch)) return "-";
  if (INVISIBLE.includes(ch)) return "";
  if (ch === "\u2026") return "...";
  return null;
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

/**
 * A single line break in cased text ends a paragraph when the line before ends a sentence, or when
 * a line ending on a name is followed by a capitalised line (a headline above its story). Wrapped
 * lines ("in front of\nPresident Obama") are joined. In caseless text every single break is a wrap.
 */
function isSoftBreak(raw: string, prev: Line, next: Line, caseless: boolean): boolean {
  if (caseless) return false;
  const a = raw.slice(prev.start, prev.end);
  const b = raw.slice(next.start, Math.min(next.end, next.start + 8));
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
  const starts: number[] = [];
  const ends: number[] = [];
  const paragraphs: Span[] = [];
  const dropped: Span[] = [];
  const seen = new Set<string>();
  let length = 0;

  for (const range of ranges) {
    const chars: string[] = [];
    const ps: number[] = [];
    const pe: number[] = [];
    let pendingSpace = -1;
    for (let i = range.start; i < range.end; i++) {
      const code = raw.charCodeAt(i);
      if (isSpace(code)) {
        if (pendingSpace < 0 && chars.length > 0) pendingSpace = i;
        continue;
      }
      const ch = raw[i] as string;
      const rep = replacement(ch);
      if (rep === "") continue;
      if (pendingSpace >= 0) {
        chars.push(" ");
        ps.push(pendingSpace);
        pe.push(pendingSpace + 1);
        pendingSpace = -1;
      }
      for (const out of rep ?? ch) {
        chars.push(out);
        ps.push(i);
        pe.push(i + 1);
      }
    }
    if (chars.length === 0) continue;
    const paragraph = chars.join("");
    if (seen.has(paragraph)) {
      dropped.push(range);
      continue;
    }
    seen.add(paragraph);
    if (parts.length > 0) {
      // The separator maps to the end of the previous paragraph: zero width in the raw text.
      const at = ends[ends.length - 1] as number;
      parts.push("\n\n");
      starts.push(at, at);
      ends.push(at, at);
      length += 2;
    }
    paragraphs.push({ start: length, end: length + paragraph.length });
    parts.push(paragraph);
    for (let k = 0; k < ps.length; k++) {
      starts.push(ps[k] as number);
      ends.push(pe[k] as number);
    }
    length += paragraph.length;
  }
  return {
    text: parts.join(""),
    rawStart: Int32Array.from(starts),
    rawEnd: Int32Array.from(ends),
    paragraphs,
    caseless,
    dropped,
  };
}
