import type { Article } from "../core/article.js";
import { candidatePhrases, type NounPhrase } from "../stages/roles/noun-phrases.js";

/** One occurrence of a candidate string. */
export interface CandidateMention {
  readonly first: number;
  readonly end: number;
  readonly sentence: number;
  readonly form: NounPhrase["form"];
  /** The head noun (NounPhrase["head"]). */
  readonly head: number;
}

/** A candidate filler: a phrase of the document with all the places it occurs. */
export interface Candidate {
  /** The phrase as the scorers compare fillers: lower case, punctuation and a/an/the dropped. */
  readonly key: string;
  /** Its word keys, for subset tests. */
  readonly words: readonly string[];
  readonly mentions: CandidateMention[];
  /**
   * For a phrase of several words, the one-word candidate of its last word ("Oqueli" for "Hector
   * Oqueli Colindres"... when "Colindres" stands alone too): its mentions may be of the same person.
   */
  headAlone: Candidate | null;
}

const ARTICLES = new Set(["a", "an", "the"]);
const NOT_ALNUM = /[^\p{L}\p{N}]/gu;

/** Each token's key with everything but letters and digits removed (what the scorers keep). */
export function strippedKeys(article: Article): string[] {
  const t = article.tokens;
  const out = new Array<string>(t.count);
  for (let i = 0; i < t.count; i++) {
    const k = t.key[i] as string;
    out[i] =
      t.type[i] === "word" && !k.includes("'") && !k.includes("-") && !k.includes(".") ? k : k.replace(NOT_ALNUM, "");
  }
  return out;
}

/**
 * The comparison keys of phrases: each token's letters and digits, joined with a space where the
 * text has space and without where it has none ("car-bomb" -> "carbomb", as the MUC scorer
 * normalises), articles dropped. Phrases that share their first token come in order of their end,
 * so each key extends the previous one instead of being built again.
 */
class KeyBuilder {
  private first = -1;
  private end = -1;
  private wordList: string[] = [];
  /** wordList joined with spaces, kept as it grows. */
  private text = "";
  private gap = true;

  constructor(
    private readonly article: Article,
    private readonly stripped: readonly string[],
  ) {}

  /** The key of tokens [first, end) ("" when it has no words); `words` then lists its words. */
  key(first: number, end: number): string {
    if (first !== this.first || end < this.end) {
      this.first = first;
      this.end = first;
      this.wordList = [];
      this.text = "";
      this.gap = true;
    }
    const t = this.article.tokens;
    for (let i = this.end; i < end; i++) {
      if (i > first && t.start[i] !== t.end[i - 1]) this.gap = true;
      const k = this.stripped[i] as string;
      if (!k) continue;
      if (this.gap && ARTICLES.has(k)) continue;
      if (!this.gap && this.wordList.length) {
        this.wordList[this.wordList.length - 1] += k;
        this.text += k;
      } else {
        this.text = this.wordList.length ? `${this.text} ${k}` : k;
        this.wordList.push(k);
      }
      this.gap = false;
    }
    this.end = end;
    return this.text;
  }

  /** The words of the last key, as a list of its own. */
  words(): string[] {
    return this.wordList.slice();
  }
}

/** Every candidate phrase of the article, grouped by key, in order of first occurrence. */
export function documentCandidates(article: Article): Candidate[] {
  const stripped = strippedKeys(article);
  const keys = new KeyBuilder(article, stripped);
  const byKey = new Map<string, Candidate>();
  article.sentences.forEach((s, si) => {
    for (const p of candidatePhrases(article, s.firstToken, s.endToken)) {
      const key = keys.key(p.first, p.end);
      if (!key) continue;
      const mention: CandidateMention = { first: p.first, end: p.end, sentence: si, form: p.form, head: p.head };
      const c = byKey.get(key);
      // Most phrases occur once: a list made with its one mention is not grown from empty.
      if (c) c.mentions.push(mention);
      else byKey.set(key, { key, words: keys.words(), mentions: [mention], headAlone: null });
    }
  });
  const list = [...byKey.values()];
  for (const c of list) if (c.words.length > 1) c.headAlone = byKey.get(c.words[c.words.length - 1] as string) ?? null;
  return list;
}
