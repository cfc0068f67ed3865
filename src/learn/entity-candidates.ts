import type { Article } from "../core/article.js";
import { candidatePhrases, type NounPhrase } from "../stages/roles/noun-phrases.js";

/** One occurrence of a candidate string. */
export interface CandidateMention {
  readonly first: number;
  readonly end: number;
  readonly sentence: number;
  readonly form: NounPhrase["form"];
}

/** A candidate filler: a phrase of the document with all the places it occurs. */
export interface Candidate {
  /** The phrase as the scorers compare fillers: lower case, punctuation and a/an/the dropped. */
  readonly key: string;
  /** Its word keys, for subset tests. */
  readonly words: readonly string[];
  readonly mentions: CandidateMention[];
}

const ARTICLES = new Set(["a", "an", "the"]);
const NOT_ALNUM = /[^\p{L}\p{N}]/gu;

/** Each token's key with everything but letters and digits removed (what the scorers keep). */
export function strippedKeys(article: Article): string[] {
  const t = article.tokens;
  const out = new Array<string>(t.count);
  for (let i = 0; i < t.count; i++) {
    const k = t.key[i] as string;
    out[i] = t.type[i] === "word" && !k.includes("'") && !k.includes("-") && !k.includes(".") ? k : k.replace(NOT_ALNUM, "");
  }
  return out;
}

/**
 * The comparison key of tokens [first, end): each token's letters and digits, joined with a space
 * where the text has space and without where it has none ("car-bomb" -> "carbomb", as the MUC
 * scorer normalises), articles dropped.
 */
export function phraseKey(article: Article, stripped: readonly string[], first: number, end: number): { key: string; words: string[] } {
  const t = article.tokens;
  const words: string[] = [];
  let gap = true;
  for (let i = first; i < end; i++) {
    if (i > first && t.start[i] !== t.end[i - 1]) gap = true;
    const k = stripped[i] as string;
    if (!k) continue;
    if (gap && ARTICLES.has(k)) continue;
    if (!gap && words.length) words[words.length - 1] += k;
    else words.push(k);
    gap = false;
  }
  return { key: words.join(" "), words };
}

/** Every candidate phrase of the article, grouped by key, in order of first occurrence. */
export function documentCandidates(article: Article): Candidate[] {
  const stripped = strippedKeys(article);
  const byKey = new Map<string, Candidate>();
  article.sentences.forEach((s, si) => {
    for (const p of candidatePhrases(article, s.firstToken, s.endToken)) {
      const { key, words } = phraseKey(article, stripped, p.first, p.end);
      if (!key) continue;
      let c = byKey.get(key);
      if (!c) {
        c = { key, words, mentions: [] };
        byKey.set(key, c);
      }
      c.mentions.push({ first: p.first, end: p.end, sentence: si, form: p.form });
    }
  });
  return [...byKey.values()];
}
