import type { TokenTable } from "../core/article.js";
import { readJsonLexicon } from "./lexicon-file.js";

interface NumberWords {
  readonly units: Record<string, number>;
  readonly tens: Record<string, number>;
  readonly scales: Record<string, number>;
  readonly articleScales: Record<string, number>;
}

let words: {
  units: Map<string, number>;
  tens: Map<string, number>;
  scales: Map<string, number>;
  articleScales: Map<string, number>;
} | null = null;

function lexicon() {
  if (words) return words;
  const raw = readJsonLexicon<NumberWords>("number-words.json");
  words = {
    units: new Map(Object.entries(raw.units)),
    tens: new Map(Object.entries(raw.tens)),
    scales: new Map(Object.entries(raw.scales)),
    articleScales: new Map(Object.entries(raw.articleScales)),
  };
  return words;
}

/** A number read from tokens [first, end). */
export interface NumberMatch {
  readonly value: number;
  readonly first: number;
  readonly end: number;
  /** Written in digits ("41") rather than words ("forty-one"). */
  readonly digits: boolean;
}

// Single tokens only: "41", "1,200", "3.5" (bounded, no backtracking).
const INTEGER = /^(?:\d{1,3}(?:,\d{3})+|\d{1,9})$/;
const DECIMAL = /^\d{1,6}\.\d{1,3}$/;

/** The value of a digit token, or null. Decimals only count when a scale word follows ("1.5 million"). */
export function digitValue(token: string): number | null {
  if (INTEGER.test(token)) return Number(token.replace(/,/g, ""));
  return null;
}

/** True for a token that is one of the number words (units, tens, scales). */
export function isNumberWord(key: string): boolean {
  const w = lexicon();
  return w.units.has(key) || w.tens.has(key) || w.scales.has(key) || w.articleScales.has(key);
}

/**
 * The number written at token `i` (not crossing `limit`): digits, optionally scaled ("5 million",
 * "1.5 million", "3 dozen"), or words ("forty-one", "three hundred and twenty", "two thousand",
 * "a dozen", "half a dozen"). Null when no number starts there.
 */
export function numberAt(tokens: TokenTable, i: number, limit = tokens.count): NumberMatch | null {
  if (i >= limit) return null;
  const w = lexicon();
  const key = tokens.key[i] as string;
  if (tokens.type[i] === "number") {
    const next = i + 1 < limit ? (tokens.key[i + 1] as string) : "";
    const scale = w.scales.get(next) ?? (next === "dozen" ? 12 : undefined);
    if (DECIMAL.test(key)) {
      return scale && scale >= 1000
        ? { value: Math.round(Number(key) * scale), first: i, end: i + 2, digits: true }
        : null;
    }
    const v = digitValue(key);
    if (v === null) return null;
    if (scale) return { value: v * scale, first: i, end: i + 2, digits: true };
    return { value: v, first: i, end: i + 1, digits: true };
  }
  // "a dozen", "a hundred", "an estimated"-free article + scale.
  if ((key === "a" || key === "an") && i + 1 < limit) {
    const s = w.articleScales.get(tokens.key[i + 1] as string);
    if (s !== undefined) {
      const rest = wordsAt(tokens, i + 1, limit, 1);
      return rest
        ? { value: rest.value, first: i, end: rest.end, digits: false }
        : { value: s, first: i, end: i + 2, digits: false };
    }
    return null;
  }
  if (key === "half" && i + 2 < limit && tokens.key[i + 1] === "a" && tokens.key[i + 2] === "dozen") {
    return { value: 6, first: i, end: i + 3, digits: false };
  }
  const m = wordsAt(tokens, i, limit, 0);
  return m ? { value: m.value, first: i, end: m.end, digits: false } : null;
}

/**
 * Number words from token i: units and tens (joined by a hyphen or not), then scales that multiply
 * what came before. `seed` is the value an article stands for ("a hundred" → seed 1).
 */
function wordsAt(tokens: TokenTable, i: number, limit: number, seed: number): { value: number; end: number } | null {
  const w = lexicon();
  let total = 0;
  let current = seed;
  let used = 0;
  let lastWasUnit = false;
  let lastWasTens = false;
  let end = i;
  for (let j = i; j < limit; j++) {
    const k = tokens.key[j] as string;
    const unit = w.units.get(k);
    const tens = w.tens.get(k);
    const scale = w.scales.get(k) ?? (k === "dozen" ? 12 : undefined);
    if (unit !== undefined && !lastWasUnit && (current % 100 === 0 || (lastWasTens && unit < 10))) {
      current += unit;
      lastWasUnit = true;
      lastWasTens = false;
    } else if (tens !== undefined && !lastWasUnit && !lastWasTens && current % 100 === 0) {
      current += tens;
      lastWasTens = true;
    } else if (scale !== undefined && (used > 0 || seed > 0)) {
      if (scale >= 1000) {
        total += (current || 1) * scale;
        current = 0;
      } else current = (current || 1) * scale;
      lastWasUnit = false;
      lastWasTens = false;
    } else if (
      (k === "-" && lastWasTens && j + 1 < limit && w.units.has(tokens.key[j + 1] as string)) ||
      (k === "and" &&
        used > 0 &&
        !lastWasUnit &&
        !lastWasTens &&
        j + 1 < limit &&
        (w.units.has(tokens.key[j + 1] as string) || w.tens.has(tokens.key[j + 1] as string)))
    ) {
      continue;
    } else break;
    used++;
    end = j + 1;
  }
  if (used === 0) return null;
  return { value: total + current, end };
}
