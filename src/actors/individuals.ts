import type { Article } from "../core/article.js";
import { roleLexicons } from "./lexicons.js";

/** People acting as a group, from the perpetrators lexicon: tokens [first, end) and the category. */
export interface IndividualsPhrase {
  readonly first: number;
  readonly end: number;
  readonly head: number;
  readonly category: string;
}

const LEFT_POS = new Set(["NUM", "ADJ", "ADV"]);
const MAX_LEFT = 4;
/** Words that open the phrase but never belong to it. */
const NOT_MODIFIERS = new Set([
  "other",
  "such",
  "many",
  "most",
  "some",
  "all",
  "more",
  "also",
  "not",
  "only",
  "even",
  "then",
  "now",
  "there",
]);

/**
 * "gunmen", "two suicide bombers", "unidentified individuals", "heavily armed men": a
 * perpetrators-lexicon noun with the numbers and modifiers right before it.
 */
export function individualsPhrases(article: Article, from = 0, to = article.tokens.count): IndividualsPhrase[] {
  const t = article.tokens;
  const out: IndividualsPhrase[] = [];
  for (const m of roleLexicons().perpetrators.findAll(t, from, to)) {
    let first = m.first;
    const sentenceStart = article.sentences[t.sentence[m.first] as number]?.firstToken ?? 0;
    while (first - 1 >= sentenceStart && m.first - first < MAX_LEFT) {
      const k = first - 1;
      if (!LEFT_POS.has(t.pos[k] as string) || NOT_MODIFIERS.has(t.key[k] as string)) break;
      first = k;
    }
    out.push({ first, end: m.end, head: m.end - 1, category: m.values[0]!.category });
  }
  return out;
}
