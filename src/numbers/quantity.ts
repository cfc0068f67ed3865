import type { TokenTable } from "../core/article.js";
import { PhraseIndex } from "../text/phrases.js";
import { readTsvLexicon } from "./lexicon-file.js";
import { isNumberWord, numberAt, type NumberMatch } from "./number-words.js";

/** How a qualifier bends the number it comes with (data/lexicons/quantity-qualifiers.tsv). */
export type QualifierKind = "min" | "over" | "about" | "under" | "below" | "upto";

/** A count as the text gives it, read into a UCDP-style range. */
export interface Quantity {
  /** First token and one past the last token of the words that give the count. */
  readonly first: number;
  readonly end: number;
  readonly low: number;
  readonly best: number;
  /** Null when open-ended ("at least 41", "dozens"). */
  readonly high: number | null;
  /** What made it: "exact", "range", "vague", or the qualifier kind. */
  readonly rule: string;
  /** A vague word ("dozens", "several") rather than a number. */
  readonly vague: boolean;
  /** The stated number for exact figures (digits or words), for callers that filter years and ages. */
  readonly number: NumberMatch | null;
}

interface Vague {
  readonly low: number;
  readonly best: number;
  readonly high: number | null;
}

let qualifiers: PhraseIndex<QualifierKind> | null = null;
let vagues: PhraseIndex<Vague> | null = null;

function qualifierIndex(): PhraseIndex<QualifierKind> {
  qualifiers ??= new PhraseIndex(
    readTsvLexicon("quantity-qualifiers.tsv").map((r) => [r.phrase as string, r.kind as QualifierKind] as const),
  );
  return qualifiers;
}

function vagueIndex(): PhraseIndex<Vague> {
  vagues ??= new PhraseIndex(
    readTsvLexicon("vague-quantities.tsv").map(
      (r) =>
        [
          r.phrase as string,
          { low: Number(r.low), best: Number(r.best), high: r.high ? Number(r.high) : null },
        ] as const,
    ),
  );
  return vagues;
}

/** Applies a qualifier to a stated number n. */
export function qualify(kind: QualifierKind | null, n: number): { low: number; best: number; high: number | null } {
  switch (kind) {
    case "min":
      return { low: n, best: n, high: null };
    case "over":
      return { low: n + 1, best: n + 1, high: null };
    case "under":
      return { low: Math.max(1, Math.floor(n * 0.9)), best: Math.max(1, n - 1), high: Math.max(1, n - 1) };
    case "below":
      return { low: Math.min(1, n), best: Math.max(0, n - 1), high: Math.max(0, n - 1) };
    case "upto":
    case "about":
    case null:
      return { low: n, best: n, high: n };
  }
}

// "20-25" as one token: two bounded digit runs.
const DIGIT_RANGE = /^(\d{1,6})-(\d{1,6})$/;

/** A range after a first number: "10 to 15", "two or three", "10-15". */
function rangeAfter(tokens: TokenTable, a: NumberMatch, limit: number): NumberMatch | null {
  const k = tokens.key[a.end];
  if (a.end + 1 < limit && (k === "to" || k === "or" || k === "-")) {
    const b = numberAt(tokens, a.end + 1, limit);
    if (b && b.value > a.value && b.digits === a.digits) return b;
  }
  return null;
}

/**
 * True when a quantity may start at token i: a digit, a number word, a qualifier or vague word,
 * "a"/"an" ("a dozen"), "between", "half". The cheap test a scan makes before quantityAt.
 */
export function mayStartQuantity(tokens: TokenTable, i: number): boolean {
  if (tokens.type[i] === "number") return true;
  const key = tokens.key[i] as string;
  return (
    isNumberWord(key) ||
    qualifierIndex().startsAt(tokens, i) ||
    vagueIndex().startsAt(tokens, i) ||
    key === "between" ||
    key === "half" ||
    key === "a" ||
    key === "an"
  );
}

/**
 * The quantity that starts at token `i`: an optional qualifier ("at least", "more than", "nearly"),
 * then a number, a range ("between 10 and 15", "10 to 15", "20-25") or a vague quantity ("dozens",
 * "several", "a number of"). Null when none starts there. It says nothing about what is counted.
 */
export function quantityAt(tokens: TokenTable, i: number, limit = tokens.count): Quantity | null {
  if (i >= limit) return null;
  const key = tokens.key[i] as string;
  let at = i;
  let kind: QualifierKind | null = null;
  const q = qualifierIndex().longestAt(tokens, i, limit);
  if (q) {
    kind = q.values[0] as QualifierKind;
    at = q.end;
  }
  if (key === "between" && kind === null) {
    const a = numberAt(tokens, i + 1, limit);
    if (a && tokens.key[a.end] === "and") {
      const b = numberAt(tokens, a.end + 1, limit);
      if (b && b.value > a.value) {
        return {
          first: i,
          end: b.end,
          low: a.value,
          best: a.value,
          high: b.value,
          rule: "range",
          vague: false,
          number: a,
        };
      }
    }
    return null;
  }
  const range = DIGIT_RANGE.exec(tokens.key[at] ?? "");
  if (range && tokens.type[at] === "number") {
    const lo = Number(range[1]);
    const hi = Number(range[2]);
    if (hi > lo) {
      const number = { value: lo, first: at, end: at + 1, digits: true };
      return { first: i, end: at + 1, low: lo, best: lo, high: hi, rule: "range", vague: false, number };
    }
    return null;
  }
  const n = numberAt(tokens, at, limit);
  if (n) {
    const b = kind === null ? rangeAfter(tokens, n, limit) : null;
    if (b)
      return {
        first: i,
        end: b.end,
        low: n.value,
        best: n.value,
        high: b.value,
        rule: "range",
        vague: false,
        number: n,
      };
    return { first: i, end: n.end, ...qualify(kind, n.value), rule: kind ?? "exact", vague: false, number: n };
  }
  const v = vagueIndex().longestAt(tokens, at, limit);
  if (v) {
    const val = v.values[0] as Vague;
    // A qualifier on a vague quantity raises its floor only ("more than a dozen" is a number).
    const low = kind === "over" ? val.low + 1 : val.low;
    return {
      first: i,
      end: v.end,
      low,
      best: Math.max(low, val.best),
      high: kind ? null : val.high,
      rule: "vague",
      vague: true,
      number: null,
    };
  }
  return null;
}
