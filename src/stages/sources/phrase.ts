import type { TokenTable } from "../../core/article.js";

/** Tokens [first, end) of a noun phrase. */
export interface Phrase {
  readonly first: number;
  readonly end: number;
}

const NOUNISH = new Set(["PROPN", "NOUN", "ADJ", "NUM"]);
const INNER = new Set(["'s", "'", "-", "&", "/"]);
// Prepositions a speaker phrase may run through: "a doctor at Mirwais hospital in the city's centre".
const LINKS = new Set(["of", "at", "in", "for", "from", "with"]);
const DETERMINERS = new Set([
  "the",
  "a",
  "an",
  "this",
  "that",
  "another",
  "one",
  "two",
  "three",
  "several",
  "some",
  "many",
]);
// Between a speaker and the verb: "police also said", "the ministry has said".
const ADVERBS = new Set([
  "also",
  "later",
  "further",
  "previously",
  "earlier",
  "reportedly",
  "then",
  "recently",
  "separately",
  "has",
  "had",
  "have",
  "was",
  "were",
  "is",
  "had",
  "initially",
  "officially",
]);

const isNounish = (t: TokenTable, k: number) =>
  NOUNISH.has(t.pos[k] as string) || (INNER.has(t.key[k] as string) && t.type[k] !== "number");

/**
 * The noun phrase that ends at token `last` (scanning left, not before `floor`): nouns, names,
 * adjectives, possessives, and the prepositions of a long speaker description, up to a determiner.
 */
export function phraseEndingAt(t: TokenTable, last: number, floor: number, max = 12): Phrase | null {
  if (last < floor || !isNounish(t, last)) return null;
  let first = last;
  for (let k = last - 1; k >= floor && last - k < max; k--) {
    const key = t.key[k] as string;
    if (isNounish(t, k)) first = k;
    else if (LINKS.has(key) && k - 1 >= floor && (isNounish(t, k - 1) || DETERMINERS.has(t.key[k - 1] as string)))
      continue;
    else if (DETERMINERS.has(key) && t.pos[k] !== "NUM") {
      first = k;
      // "a doctor at Mirwais hospital in the city's centre": a determiner after a preposition
      // opens the complement, not the speaker.
      if (k - 1 >= floor && LINKS.has(t.key[k - 1] as string)) continue;
      break;
    } else break;
  }
  // A phrase never starts with a preposition or a possessive.
  while (first < last && (LINKS.has(t.key[first] as string) || INNER.has(t.key[first] as string))) first++;
  return { first, end: last + 1 };
}

/**
 * The noun phrase that starts at token `at` (scanning right, before `limit`): an optional
 * determiner, then nouns, names, adjectives and possessives, joined by "of" ("director of health").
 */
export function phraseStartingAt(t: TokenTable, at: number, limit: number, max = 10): Phrase | null {
  let k = at;
  if (k < limit && DETERMINERS.has(t.key[k] as string) && t.pos[k] !== "NUM") k++;
  let end = -1;
  for (; k < limit && k - at < max; k++) {
    if (isNounish(t, k)) end = k + 1;
    else if (t.key[k] === "of" && end > 0 && k + 1 < limit && (isNounish(t, k + 1) || t.key[k + 1] === "the")) continue;
    else if (t.key[k] === "the" && t.key[k - 1] === "of") continue;
    else break;
  }
  return end > 0 ? { first: at, end } : null;
}

/** The appositive after a phrase: ", Kandahar's director of health" — the phrase after the comma. */
export function appositiveAfter(t: TokenTable, p: Phrase, limit: number): Phrase | null {
  if (t.key[p.end] !== "," || p.end + 1 >= limit) return null;
  return phraseStartingAt(t, p.end + 1, limit);
}

/** Skips adverbs and auxiliaries leftwards from `k`: the index of the last token of the subject. */
export function skipAdverbsLeft(t: TokenTable, k: number, floor: number): number {
  let n = 0;
  while (k >= floor && n < 3 && ADVERBS.has(t.key[k] as string)) {
    k--;
    n++;
  }
  return k;
}
